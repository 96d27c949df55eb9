import { Badge, Button, Card, Group, Loader, Select, Stack, TagsInput, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgDate } from '../../components/format';
import type { AddressForm, StrategyBrandVoiceQuery } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { FormModal, listProblems } from './editing';
import { SetBrandVoiceDocument } from './lists-operations';
import { BrandVoiceDocument } from './operations';
import { Empty, splitErrors, useOrganization, useStrategyPermissions } from './support';

type Voice = NonNullable<StrategyBrandVoiceQuery['brandVoice']>;

const ADDRESS_FORMS: AddressForm[] = ['VOUS', 'TU'];
/** Words the API keeps per list at most (after trimming and removing duplicates). */
const MAX_WORDS = 2000;

/** How the client speaks: tone, tu or vous, words to use and to avoid; set as a whole with one form. */
export function BrandVoiceTab() {
  const t = useT();
  const { context, organization } = useOrganization();
  const { manageStrategy } = useStrategyPermissions();
  const [result, refetch] = useQuery({ query: BrandVoiceDocument, context });
  const [editing, setEditing] = useState(false);
  const voice = result.data?.brandVoice;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('strategy.voice.title')}</Title>
        {manageStrategy && result.data && (
          <Button onClick={() => setEditing(true)}>{t(voice ? 'strategy.voice.edit' : 'strategy.voice.set')}</Button>
        )}
      </Group>
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loader />}
      {result.data && !voice && <Empty>{t(manageStrategy ? 'strategy.voice.empty' : 'strategy.voice.emptyReadOnly')}</Empty>}
      {voice && (
        <Card withBorder data-testid="brand-voice">
          <Text fw={500}>{t('strategy.voice.tone')}</Text>
          <Text mb="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {voice.tone || '—'}
          </Text>
          <Text fw={500}>{t('strategy.voice.addressForm')}</Text>
          <Text mb="sm">{voice.addressForm ? t(`strategy.voice.address.${voice.addressForm}` as MessageKey) : '—'}</Text>
          <Text fw={500}>{t('strategy.voice.wordsToUse')}</Text>
          <Words words={voice.wordsToUse} color="teal.9" testId="words-to-use" />
          <Text fw={500} mt="sm">
            {t('strategy.voice.wordsToAvoid')}
          </Text>
          <Words words={voice.wordsToAvoid} color="red.9" testId="words-to-avoid" />
          <Text size="xs" c="gray.7" mt="sm">
            {t('strategy.voice.updated')} <OrgDate value={voice.updatedAt} timeZone={organization?.timezone} />
          </Text>
        </Card>
      )}
      {editing && (
        <BrandVoiceForm
          voice={voice ?? null}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </Stack>
  );
}

function Words({ words, color, testId }: { words: string[]; color: string; testId: string }) {
  if (!words.length) return <Text>—</Text>;
  return (
    <Group gap={4} data-testid={testId}>
      {words.map((w) => (
        <Badge key={w} color={color} variant="filled" tt="none">
          {w}
        </Badge>
      ))}
    </Group>
  );
}

function BrandVoiceForm({ voice, onClose, onSaved }: { voice: Voice | null; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { context } = useOrganization();
  const [form, setForm] = useState({
    tone: voice?.tone ?? '',
    addressForm: (voice?.addressForm ?? null) as AddressForm | null,
    wordsToUse: voice?.wordsToUse ?? [],
    wordsToAvoid: voice?.wordsToAvoid ?? [],
  });
  const [result, save] = useMutation(SetBrandVoiceDocument);
  const { fields, general } = splitErrors(result.error);
  // The word lists' problems name the word's position in what was sent: say the word instead.
  const [sent, setSent] = useState(form);
  const wordsProblem = (list: 'wordsToUse' | 'wordsToAvoid') =>
    listProblems(result.error, list, (i) => `“${sent[list][i] ?? ''}”`) ?? fields[list];
  const submit = async () => {
    setSent(form);
    const { data } = await save({ input: form }, context);
    if (data) onSaved();
  };
  return (
    <FormModal
      title={t(voice ? 'strategy.voice.edit' : 'strategy.voice.set')}
      general={general}
      saving={result.fetching}
      onClose={onClose}
      onSubmit={submit}
      size="lg"
    >
      <Textarea
        label={t('strategy.voice.tone')}
        description={t('strategy.voice.toneHint')}
        required
        autosize
        minRows={3}
        maxLength={2000}
        data-autofocus
        value={form.tone}
        error={fields.tone}
        onChange={(e) => setForm({ ...form, tone: e.currentTarget.value })}
      />
      <Select
        label={t('strategy.voice.addressForm')}
        description={t('strategy.voice.addressFormHint')}
        clearable
        clearButtonProps={{ 'aria-label': t('strategy.voice.addressClear') }}
        placeholder={t('strategy.voice.addressNone')}
        data={ADDRESS_FORMS.map((a) => ({ value: a, label: t(`strategy.voice.address.${a}` as MessageKey) }))}
        value={form.addressForm}
        error={fields.addressForm}
        onChange={(v) => setForm({ ...form, addressForm: v as AddressForm | null })}
      />
      <TagsInput
        label={t('strategy.voice.wordsToUse')}
        description={t('strategy.voice.wordsHint')}
        splitChars={[',', ';']}
        maxTags={MAX_WORDS}
        value={form.wordsToUse}
        error={wordsProblem('wordsToUse')}
        onChange={(v) => setForm({ ...form, wordsToUse: v })}
      />
      <TagsInput
        label={t('strategy.voice.wordsToAvoid')}
        description={t('strategy.voice.wordsToAvoidHint')}
        splitChars={[',', ';']}
        maxTags={MAX_WORDS}
        value={form.wordsToAvoid}
        error={wordsProblem('wordsToAvoid')}
        onChange={(v) => setForm({ ...form, wordsToAvoid: v })}
      />
    </FormModal>
  );
}
