import {
  Anchor,
  Badge,
  Button,
  Card,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import type { Locale as ApiLocale } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { fieldProblems, ProblemsAlert } from '../agency/common';
import { ContentScopeProvider } from '../content/scope';
import { MediaPicker } from '../content/MediaPicker';
import { PressMediaAssetDocument, UpdatePressRoomDocument } from './operations';
import { isForbidden, rowProblem, type PressScope, type Room } from './shared';

interface ContactRow {
  key: string;
  name: string;
  role: string;
  email: string;
  phone: string;
}

interface MediaRow {
  mediaAssetId: string;
  caption: string;
  credit: string;
  publicUrl: string | null;
}

/** The fields of the form that show their own problems; anything else goes to the alert above them. */
const SHOWN = [
  'input.slug',
  'input.title',
  'input.description',
  'input.enabled',
  'input.language',
  'input.blogDigest',
  'input.contacts',
  'input.mediaKit',
];

let rowCounter = 0;
/** A key for a contact row not saved yet (a saved one is keyed by its id). */
const newKey = () => `new-${(rowCounter += 1)}`;

const contactsOf = (room: Room | null): ContactRow[] =>
  (room?.contacts ?? []).map((c) => ({ key: c.id, name: c.name, role: c.role, email: c.email ?? '', phone: c.phone ?? '' }));
const mediaOf = (room: Room | null): MediaRow[] =>
  (room?.mediaKit ?? []).map((e) => ({ mediaAssetId: e.mediaAssetId, caption: e.caption, credit: e.credit, publicUrl: e.publicUrl }));

function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/**
 * The room's settings, contacts and media kit, saved together (`updatePressRoom` replaces the contacts and the media
 * kit with the lists sent). The first save creates the room. Each refusal of the API shows at its field, a contact's
 * or a media's at its row even when the rows were moved since.
 */
export function RoomForm({ scope, room }: { scope: PressScope; room: Room | null }) {
  const t = useT();
  const readOnly = !scope.canManage;
  const [enabled, setEnabled] = useState(room?.enabled ?? false);
  const [slug, setSlug] = useState(room?.slug ?? '');
  const [title, setTitle] = useState(room?.title ?? '');
  const [description, setDescription] = useState(room?.description ?? '');
  const [language, setLanguage] = useState<ApiLocale | null>(room?.language ?? null);
  const [blogDigest, setBlogDigest] = useState(room?.blogDigest ?? false);
  const [contacts, setContacts] = useState<ContactRow[]>(() => contactsOf(room));
  const [media, setMedia] = useState<MediaRow[]>(() => mediaOf(room));
  const [saved, setSaved] = useState(false);
  const [result, update] = useMutation(UpdatePressRoomDocument);
  // The rows as they were sent: the API names a refused row by its index in them.
  const [sent, setSent] = useState<{ contacts: string[]; media: string[] }>({ contacts: [], media: [] });
  const problems = fieldProblems(result.error, SHOWN);
  const contactProblem = rowProblem(problems.at, 'contacts', sent.contacts);
  const mediaProblem = rowProblem(problems.at, 'mediaKit', sent.media);
  const mediaScope = useMemo(
    () => ({
      organizationId: scope.organizationId,
      timeZone: scope.timeZone,
      context: scope.context,
      base: `/organizations/${scope.organizationId}/content`,
    }),
    [scope.organizationId, scope.timeZone, scope.context],
  );

  const setContact = (key: string, field: keyof Omit<ContactRow, 'key'>, value: string) =>
    setContacts((rows) => rows.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
  const setMediaText = (id: string, field: 'caption' | 'credit', value: string) =>
    setMedia((rows) => rows.map((r) => (r.mediaAssetId === id ? { ...r, [field]: value } : r)));
  const pickMedia = (ids: string[]) =>
    setMedia((rows) =>
      ids.map((id) => rows.find((r) => r.mediaAssetId === id) ?? { mediaAssetId: id, caption: '', credit: '', publicUrl: null }),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setSent({ contacts: contacts.map((c) => c.key), media: media.map((m) => m.mediaAssetId) });
    const { data, error } = await update(
      {
        input: {
          slug,
          title,
          description,
          enabled,
          ...(language ? { language } : {}),
          blogDigest,
          contacts: contacts.map((c) => ({ name: c.name, role: c.role || null, email: c.email || null, phone: c.phone || null })),
          mediaKit: media.map((m) => ({ mediaAssetId: m.mediaAssetId, caption: m.caption, credit: m.credit })),
        },
      },
      scope.context,
    );
    if (isForbidden(error)) scope.onForbidden();
    if (!data) return;
    const stored = data.updatePressRoom;
    // What the API kept (trimmed text, addresses in lower case, the rows' ids) replaces what was typed.
    setEnabled(stored.enabled);
    setSlug(stored.slug);
    setTitle(stored.title);
    setDescription(stored.description);
    setLanguage(stored.language);
    setBlogDigest(stored.blogDigest);
    setContacts(contactsOf(stored));
    setMedia(mediaOf(stored));
    setSaved(true);
    scope.refresh();
  };

  return (
    <form onSubmit={submit} aria-label={t('press.settings')}>
      <Stack>
        <Card withBorder component="section" aria-labelledby="press-settings">
          <Stack>
            <Title order={3} id="press-settings">
              {t('press.settings')}
            </Title>
            <ProblemsAlert problems={problems.rest} />
            <Switch
              label={t('press.enabled')}
              description={t('press.enabledHint')}
              checked={enabled}
              disabled={readOnly}
              onChange={(e) => setEnabled(e.currentTarget.checked)}
              error={problems.at('input.enabled')}
            />
            <TextInput
              label={t('press.slug')}
              description={t('press.slugHint')}
              required
              readOnly={readOnly}
              value={slug}
              onChange={(e) => setSlug(e.currentTarget.value)}
              error={problems.at('input.slug')}
              autoComplete="off"
            />
            <div>
              <Text size="sm" fw={500}>
                {t('press.address')}
              </Text>
              {room ? (
                <Group gap="xs" data-testid="press-address">
                  <Anchor href={room.url} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
                    {room.url}
                  </Anchor>
                  <Badge color={room.enabled ? 'teal' : 'gray.8'} variant="outline">
                    {room.enabled ? t('press.addressOn') : t('press.addressOff')}
                  </Badge>
                </Group>
              ) : (
                <Text size="sm" c="gray.7">
                  {t('press.addressUnsaved')}
                </Text>
              )}
            </div>
            <TextInput
              label={t('press.roomTitle')}
              required
              readOnly={readOnly}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={problems.at('input.title')}
            />
            <Textarea
              label={t('press.description')}
              description={t('press.descriptionHint')}
              autosize
              minRows={2}
              readOnly={readOnly}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={problems.at('input.description')}
            />
            <Select
              label={t('press.language')}
              allowDeselect={false}
              readOnly={readOnly}
              value={language}
              onChange={(v) => v && setLanguage(v === 'EN' ? 'EN' : 'FR')}
              data={[
                { value: 'FR', label: 'Français' },
                { value: 'EN', label: 'English' },
              ]}
              error={problems.at('input.language')}
            />
            <Switch
              label={t('press.blogDigest')}
              description={t('press.blogDigestHint')}
              checked={blogDigest}
              disabled={readOnly}
              onChange={(e) => setBlogDigest(e.currentTarget.checked)}
              error={problems.at('input.blogDigest')}
            />
          </Stack>
        </Card>

        <Card withBorder component="section" aria-labelledby="press-contacts">
          <Stack>
            <div>
              <Title order={3} id="press-contacts">
                {t('press.contacts')}
              </Title>
              <Text size="sm" c="gray.7">
                {t('press.contactsHint')}
              </Text>
            </div>
            {problems.at('input.contacts') && (
              <Text c="red.9" size="sm" role="alert">
                {problems.at('input.contacts')}
              </Text>
            )}
            {contacts.length === 0 && <Text>{t('press.contactsEmpty')}</Text>}
            {contacts.map((contact, index) => {
              const legend = t('press.contact', { index: index + 1 });
              const named = contact.name.trim() || legend;
              return (
                <Fieldset key={contact.key} legend={legend} data-testid="press-contact">
                  {contactProblem(contact.key) && (
                    <Text c="red.9" size="sm" role="alert">
                      {contactProblem(contact.key)}
                    </Text>
                  )}
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput
                      label={t('press.contactName')}
                      required
                      readOnly={readOnly}
                      value={contact.name}
                      onChange={(e) => setContact(contact.key, 'name', e.currentTarget.value)}
                      error={contactProblem(contact.key, 'name')}
                    />
                    <TextInput
                      label={t('press.contactRole')}
                      readOnly={readOnly}
                      value={contact.role}
                      onChange={(e) => setContact(contact.key, 'role', e.currentTarget.value)}
                      error={contactProblem(contact.key, 'role')}
                    />
                    <TextInput
                      label={t('press.contactEmail')}
                      type="email"
                      readOnly={readOnly}
                      value={contact.email}
                      onChange={(e) => setContact(contact.key, 'email', e.currentTarget.value)}
                      error={contactProblem(contact.key, 'email')}
                    />
                    <TextInput
                      label={t('press.contactPhone')}
                      type="tel"
                      readOnly={readOnly}
                      value={contact.phone}
                      onChange={(e) => setContact(contact.key, 'phone', e.currentTarget.value)}
                      error={contactProblem(contact.key, 'phone')}
                    />
                  </SimpleGrid>
                  {!readOnly && (
                    <RowActions
                      name={named}
                      first={index === 0}
                      last={index === contacts.length - 1}
                      onMove={(by) => setContacts((rows) => move(rows, index, by))}
                      onRemove={() => setContacts((rows) => rows.filter((r) => r.key !== contact.key))}
                    />
                  )}
                </Fieldset>
              );
            })}
            {!readOnly && (
              <Group>
                <Button
                  variant="default"
                  onClick={() => setContacts((rows) => [...rows, { key: newKey(), name: '', role: '', email: '', phone: '' }])}
                >
                  {t('press.addContact')}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>

        <Card withBorder component="section" aria-labelledby="press-media-kit">
          <Stack>
            <div>
              <Title order={3} id="press-media-kit">
                {t('press.mediaKit')}
              </Title>
              <Text size="sm" c="gray.7">
                {t('press.mediaKitHint')}
              </Text>
            </div>
            {!readOnly && (
              <ContentScopeProvider value={mediaScope}>
                <MediaPicker selected={media.map((m) => m.mediaAssetId)} onChange={pickMedia} error={problems.at('input.mediaKit')} />
              </ContentScopeProvider>
            )}
            {readOnly && problems.at('input.mediaKit') && (
              <Text c="red.9" size="sm" role="alert">
                {problems.at('input.mediaKit')}
              </Text>
            )}
            {media.length === 0 && <Text>{t('press.mediaKitEmpty')}</Text>}
            {media.map((entry, index) => (
              <Fieldset key={entry.mediaAssetId} legend={t('press.mediaEntry', { index: index + 1 })} data-testid="press-media">
                <Stack gap="xs">
                  <MediaName scope={scope} id={entry.mediaAssetId} publicUrl={entry.publicUrl} />
                  {mediaProblem(entry.mediaAssetId, 'mediaAssetId') && (
                    <Text c="red.9" size="sm" role="alert">
                      {mediaProblem(entry.mediaAssetId, 'mediaAssetId')}
                    </Text>
                  )}
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput
                      label={t('press.caption')}
                      readOnly={readOnly}
                      value={entry.caption}
                      onChange={(e) => setMediaText(entry.mediaAssetId, 'caption', e.currentTarget.value)}
                      error={mediaProblem(entry.mediaAssetId, 'caption')}
                    />
                    <TextInput
                      label={t('press.credit')}
                      placeholder={t('press.creditPlaceholder')}
                      readOnly={readOnly}
                      value={entry.credit}
                      onChange={(e) => setMediaText(entry.mediaAssetId, 'credit', e.currentTarget.value)}
                      error={mediaProblem(entry.mediaAssetId, 'credit')}
                    />
                  </SimpleGrid>
                  {!readOnly && (
                    <RowActions
                      name={t('press.mediaEntry', { index: index + 1 })}
                      first={index === 0}
                      last={index === media.length - 1}
                      onMove={(by) => setMedia((rows) => move(rows, index, by))}
                      onRemove={() => setMedia((rows) => rows.filter((r) => r.mediaAssetId !== entry.mediaAssetId))}
                    />
                  )}
                </Stack>
              </Fieldset>
            ))}
          </Stack>
        </Card>

        {!readOnly && (
          <Group>
            <Button type="submit" loading={result.fetching}>
              {t('press.save')}
            </Button>
            {saved && (
              <Text role="status" c="teal.9">
                {t('press.saved')}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** Move up, move down and remove, for one row of a list. */
function RowActions({
  name,
  first,
  last,
  onMove,
  onRemove,
}: {
  name: string;
  first: boolean;
  last: boolean;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}) {
  const t = useT();
  return (
    <Group gap="xs" mt="sm">
      <Button size="compact-sm" variant="default" disabled={first} aria-label={t('press.moveUpOf', { name })} onClick={() => onMove(-1)}>
        {t('press.moveUp')}
      </Button>
      <Button size="compact-sm" variant="default" disabled={last} aria-label={t('press.moveDownOf', { name })} onClick={() => onMove(1)}>
        {t('press.moveDown')}
      </Button>
      <Button size="compact-sm" variant="subtle" color="red.9" c="red.9" aria-label={t('press.removeOf', { name })} onClick={onRemove}>
        {t('press.remove')}
      </Button>
    </Group>
  );
}

/** A media kit entry's file: its name and size from the media library, and its public address once saved. */
function MediaName({ scope, id, publicUrl }: { scope: PressScope; id: string; publicUrl: string | null }) {
  const t = useT();
  const [asset] = useQuery({ query: PressMediaAssetDocument, variables: { id }, context: scope.context });
  const file = asset.data?.mediaAsset;
  return (
    <Group gap="xs">
      {asset.fetching && !asset.data ? (
        <Text size="sm" c="gray.7">
          {t('press.mediaLoading')}
        </Text>
      ) : file ? (
        <Text size="sm" fw={500} data-testid="press-media-name">
          {file.fileName ?? file.id}
          {file.width && file.height ? ` · ${t('press.mediaSize', { width: file.width, height: file.height })}` : ''}
        </Text>
      ) : (
        <Text size="sm" c="red.9">
          {t('press.mediaMissing')}
        </Text>
      )}
      {publicUrl && (
        <Anchor size="sm" href={publicUrl} target="_blank" rel="noopener noreferrer">
          {t('press.publicFile')}
        </Anchor>
      )}
    </Group>
  );
}
