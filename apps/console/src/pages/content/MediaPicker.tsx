import { Alert, Button, Card, Checkbox, FileButton, Group, Image, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { MediaAssetsQuery } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { authenticatedFetch } from '../../session';
import { useContentScope } from './scope';
import { MediaAssetsDocument } from './operations';

type Asset = MediaAssetsQuery['mediaAssets']['edges'][number]['node'];
const PAGE = 24;

/** Sends a file to the API's upload route (`POST /media`, multipart) inside the organisation. */
async function upload(organizationId: string, file: File): Promise<{ id: string } | { error: string }> {
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await authenticatedFetch('/media', { method: 'POST', body, headers: { 'x-socle-organization': organizationId } });
  const json = (await response.json().catch(() => null)) as { id?: string; errors?: { message: string }[] } | null;
  if (response.ok && json?.id) return { id: json.id };
  return { error: json?.errors?.map((e) => e.message).join(' ') || `${response.status} ${response.statusText}` };
}

/** The media library's images are read with the person's credentials, so each is shown from a data: URL. */
function Thumbnail({ asset }: { asset: Asset }) {
  const { organizationId } = useContentScope();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void authenticatedFetch(asset.downloadUrl, { headers: { 'x-socle-organization': organizationId } })
      .then((r) => (r.ok ? r.blob() : null))
      .then(
        (blob) =>
          blob &&
          new Promise<string>((resolve) => {
            const reader = new FileReader();
            reader.onload = () => resolve(String(reader.result));
            reader.readAsDataURL(blob);
          }),
      )
      .then((url) => !cancelled && url && setSrc(url))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [asset.downloadUrl, organizationId]);
  return <Image src={src} h={96} fit="contain" alt={asset.fileName ?? ''} fallbackSrc={undefined} bg="var(--mantine-color-gray-1)" />;
}

function useLibrary() {
  const { context } = useContentScope();
  const [after, setAfter] = useState<string | null>(null);
  const [pages, setPages] = useState<Record<string, Asset[]>>({});
  const [result, refresh] = useQuery({ query: MediaAssetsDocument, variables: { first: PAGE, after }, context });
  useEffect(() => {
    const nodes = result.data?.mediaAssets.edges.map((e) => e.node);
    if (!nodes) return;
    setPages((previous) => ({ ...(after ? previous : {}), [`p:${after ?? ''}`]: nodes }));
  }, [result.data, after]);
  const assets = Object.values(pages)
    .flat()
    .filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i);
  return {
    result,
    assets,
    hasMore: result.data?.mediaAssets.pageInfo.hasNextPage ?? false,
    more: () => setAfter(result.data?.mediaAssets.pageInfo.endCursor ?? null),
    reload: () => {
      setAfter(null);
      refresh();
    },
  };
}

function Library({ selected, onToggle }: { selected?: string[]; onToggle?(id: string): void }) {
  const t = useT();
  const intl = useIntl();
  const { organizationId } = useContentScope();
  const library = useLibrary();
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const send = async (file: File | null) => {
    if (!file) return;
    setUploading(true);
    setProblem(null);
    const result = await upload(organizationId, file);
    setUploading(false);
    if ('error' in result) setProblem(result.error);
    else {
      library.reload();
      onToggle?.(result.id);
    }
  };
  return (
    <Stack>
      <Group>
        <FileButton onChange={(file) => void send(file)} accept="image/png,image/jpeg,image/gif,image/webp">
          {(props) => (
            <Button {...props} loading={uploading} variant="light">
              {t('content.media.upload')}
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed">
          {t('content.media.uploadHint')}
        </Text>
      </Group>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <ErrorAlert error={library.result.error} />
      {library.result.data && library.assets.length === 0 && <Text>{t('content.media.empty')}</Text>}
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {library.assets.map((asset) => (
          <Card key={asset.id} withBorder p="xs" data-testid="media-asset">
            <Thumbnail asset={asset} />
            <Text size="xs" truncate>
              {asset.fileName ?? asset.id}
            </Text>
            <Text size="xs" c="dimmed">
              {asset.width}×{asset.height} · {intl.formatNumber(asset.byteSize / 1024, { maximumFractionDigits: 0 })} KiB
            </Text>
            {onToggle && (
              <Checkbox
                mt={4}
                label={t('content.media.use')}
                aria-label={t('content.media.useNamed', { name: asset.fileName ?? asset.id })}
                checked={selected?.includes(asset.id) ?? false}
                onChange={() => onToggle(asset.id)}
              />
            )}
          </Card>
        ))}
      </SimpleGrid>
      {library.hasMore && (
        <Button variant="default" onClick={library.more} loading={library.result.fetching}>
          {t('content.more')}
        </Button>
      )}
    </Stack>
  );
}

/** The media attached to a variant, chosen from the library (or uploaded into it). */
export function MediaPicker({ selected, onChange, error }: { selected: string[]; onChange(ids: string[]): void; error?: string }) {
  const t = useT();
  const [opened, setOpened] = useState(false);
  return (
    <div>
      <Group>
        <Text size="sm" fw={500}>
          {t('content.media.attached', { count: selected.length })}
        </Text>
        <Button variant="default" size="xs" onClick={() => setOpened(true)}>
          {t('content.media.pick')}
        </Button>
      </Group>
      {error && (
        <Text c="red" size="sm">
          {error}
        </Text>
      )}
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('content.media.pick')} size="xl">
        <Library
          selected={selected}
          onToggle={(id) => onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id])}
        />
        <Group justify="flex-end" mt="md">
          <Button onClick={() => setOpened(false)}>{t('content.media.done')}</Button>
        </Group>
      </Modal>
    </div>
  );
}

/** The media library as a page of its own. */
export function MediaLibrary() {
  const t = useT();
  return (
    <Stack>
      <Title order={3}>{t('content.tab.media')}</Title>
      <Library />
    </Stack>
  );
}
