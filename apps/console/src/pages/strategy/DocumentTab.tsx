import { Alert, Badge, Button, Card, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgDate } from '../../components/format';
import { useT } from '../../i18n/locale';
import { DocumentVersions } from './DocumentVersions';
import { StrategyDocumentDocument } from './operations';
import { useOrganization } from './support';

/** Saves a text as a file, made in the browser from what the API returned (no other request). */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const fileName = (organization: string, suffix: string) =>
  `${organization.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'strategy'}-${suffix}.md`;

/** The written strategy as it stands now, and the approved version in force (and whether the strategy moved since). */
export function DocumentTab() {
  const t = useT();
  const { context, organization } = useOrganization();
  const [result, reexecute] = useQuery({ query: StrategyDocumentDocument, context });
  const doc = result.data?.strategyDocument;
  const approved = result.data?.approvedStrategy;
  const version = approved?.version;
  return (
    <Stack>
      <Title order={3}>{t('strategy.document.title')}</Title>
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loader />}
      {approved && (
        <Card withBorder data-testid="approved-version">
          {version ? (
            <Stack gap="xs">
              <Group gap="xs">
                <Badge color="teal.9" variant="filled">
                  {t('strategy.document.approvedVersion', { number: version.number })}
                </Badge>
                {version.approvedAt && (
                  <Text size="sm">
                    {t('strategy.document.approvedBy', { name: version.approverName ?? '—' })}{' '}
                    <OrgDate value={version.approvedAt} timeZone={organization?.timezone} />
                  </Text>
                )}
              </Group>
              {version.approvalComment && <Text size="sm">{version.approvalComment}</Text>}
              {approved.changedSinceApproval ? (
                <Alert color="yellow">{t('strategy.document.changed')}</Alert>
              ) : (
                <Text size="sm">{t('strategy.document.unchanged')}</Text>
              )}
              <Group>
                <Button
                  variant="default"
                  onClick={() => download(fileName(doc?.organizationName ?? '', `v${version.number}`), version.markdown)}
                >
                  {t('strategy.document.downloadApproved')}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Text>{t('strategy.document.noApproved')}</Text>
          )}
        </Card>
      )}
      {result.data && (
        <DocumentVersions
          onChanged={() => reexecute({ requestPolicy: 'network-only' })}
          download={(number, markdown) => download(fileName(doc?.organizationName ?? '', `v${number}`), markdown)}
        />
      )}
      {doc && (
        <Card withBorder>
          <Group justify="space-between">
            <Text size="sm" c="gray.7">
              {t('strategy.document.generated')} <OrgDate value={doc.generatedAt} timeZone={organization?.timezone} />
            </Text>
            <Button onClick={() => download(fileName(doc.organizationName, 'current'), doc.markdown)}>
              {t('strategy.document.download')}
            </Button>
          </Group>
          <Code block mt="sm" data-testid="strategy-markdown" style={{ whiteSpace: 'pre-wrap' }} lang={doc.language}>
            {doc.markdown}
          </Code>
        </Card>
      )}
    </Stack>
  );
}
