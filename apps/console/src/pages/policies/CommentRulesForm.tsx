import { ActionIcon, Alert, Button, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useMutation, type OperationContext } from 'urql';
import type {
  CommentHandlingRuleInput,
  CommentSeverity,
  Locale,
  OrganizationRole,
  PoliciesCommentRulesQuery,
  PoliciesSetCommentRulesMutation,
} from '../../gql/graphql';
import { fromApiLocale, toApiLocale } from '../../i18n/api-locale';
import { useLocaleChoice, useT } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { errorAt, leftover } from './rule-errors';
import { RuleCard, RulesListForm, rowKey, useDuration } from './rules-form';
import { SetCommentRulesDocument } from './rules-operations';

type StoredRule = PoliciesCommentRulesQuery['commentHandlingRules']['rules'][number];
interface Template {
  key: string;
  language: Locale;
  text: string;
}
interface Row {
  key: string;
  channel: string;
  severity: CommentSeverity;
  responseMinutes: number | string;
  responsibleRole: OrganizationRole;
  businessHours: boolean;
  escalate: boolean;
  replyTemplates: Template[];
}
export interface RuleNetwork {
  id: string;
  displayName: string;
}

export const ANY_CHANNEL = '*';
export const SEVERITIES: CommentSeverity[] = ['LOW', 'NORMAL', 'HIGH', 'CRISIS'];
export const ROLES: OrganizationRole[] = [
  'COMMUNITY_MANAGER',
  'CONTENT_LEAD',
  'STRATEGY_LEAD',
  'COORDINATOR',
  'EXECUTIVE_APPROVER',
  'ANALYST',
  'CONTRIBUTOR',
  'VIEWER',
];
const LANGUAGES: Locale[] = ['FR', 'EN'];
/** The API's defaults for a severity without a rule: the starting point of a new rule. */
const DEFAULT_MINUTES: Record<CommentSeverity, number> = { LOW: 2880, NORMAL: 1440, HIGH: 240, CRISIS: 60 };
/** Fields a rule's form shows; a problem at another path is shown on the rule's card. */
const FIELDS = ['channel', 'severity', 'responseMinutes', 'responsibleRole', 'businessHours', 'escalate', 'replyTemplates'];

export const severityKey = (s: CommentSeverity) => `policies.commentRules.severity.${s}` as MessageKey;
export const roleKey = (r: OrganizationRole) => `agency.role.${r}` as MessageKey;

const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
const oneOf = <T extends string>(v: unknown, list: readonly T[], fallback: T): T => (list.includes(v as T) ? (v as T) : fallback);

/** A stored rule, or an object pasted as JSON, as a row of the form (what does not fit falls back to the defaults). */
function toRow(rule: Partial<Record<keyof StoredRule, unknown>>): Row {
  const severity = oneOf(rule.severity, SEVERITIES, 'NORMAL');
  const templates = Array.isArray(rule.replyTemplates) ? (rule.replyTemplates as Record<string, unknown>[]) : [];
  return {
    key: rowKey(),
    channel: str(rule.channel, ANY_CHANNEL),
    severity,
    responseMinutes: typeof rule.responseMinutes === 'number' ? rule.responseMinutes : DEFAULT_MINUTES[severity],
    responsibleRole: oneOf(rule.responsibleRole, ROLES, 'COMMUNITY_MANAGER'),
    businessHours: rule.businessHours === true,
    escalate: rule.escalate === true,
    replyTemplates: templates.map((t) => ({
      key: rowKey(),
      // Pasted JSON may name the language by its code (fr) rather than by the API's value (FR).
      language: oneOf(str(t?.language, '').toUpperCase(), LANGUAGES, 'FR'),
      text: str(t?.text, ''),
    })),
  };
}

/**
 * What the API receives. An empty delay is sent as 0 so the API refuses it at its path, next to the field, in the
 * same words as any other out-of-range delay.
 */
function toInput(row: Row): CommentHandlingRuleInput {
  return {
    channel: row.channel,
    severity: row.severity,
    responseMinutes: row.responseMinutes === '' ? 0 : Number(row.responseMinutes),
    responsibleRole: row.responsibleRole,
    businessHours: row.businessHours,
    escalate: row.escalate,
    replyTemplates: row.replyTemplates.map(({ language, text }) => ({ language, text })),
  };
}

/** The first channel and severity no rule has yet ("any channel" first), with the API's default delay for it. */
function newRule(rows: Row[], networks: RuleNetwork[]): Row {
  const taken = new Set(rows.map((r) => `${r.channel}|${r.severity}`));
  for (const channel of [ANY_CHANNEL, ...networks.map((n) => n.id)]) {
    for (const severity of ['NORMAL', 'HIGH', 'LOW', 'CRISIS'] as CommentSeverity[]) {
      if (!taken.has(`${channel}|${severity}`)) return toRow({ channel, severity, escalate: severity === 'CRISIS' });
    }
  }
  return toRow({});
}

/**
 * The comment-handling rules as a form: one card per channel and severity with its delay (counted round the clock or
 * in working hours), who answers, whether it goes to crisis handling, and its reply templates. The whole set is saved
 * at once; each of the API's refusals is shown next to the control of the path it names.
 */
export function CommentRulesForm({
  initial,
  networks,
  saveContext,
  onSaved,
  onCancel,
}: {
  initial: StoredRule[];
  networks: RuleNetwork[];
  saveContext: Partial<OperationContext>;
  onSaved(set: PoliciesSetCommentRulesMutation['setCommentHandlingRules']): void;
  onCancel(): void;
}) {
  const t = useT();
  const [rows, setRows] = useState<Row[]>(() => initial.map(toRow));
  const [saved, save] = useMutation(SetCommentRulesDocument);
  const channels = useMemo(() => {
    const known = [
      { value: ANY_CHANNEL, label: t('policies.commentRules.anyChannel') },
      ...networks.map((n) => ({ value: n.id, label: n.displayName })),
    ];
    const others = [...new Set(rows.map((r) => r.channel))].filter((c) => !known.some((k) => k.value === c));
    return [...known, ...others.map((c) => ({ value: c, label: c }))];
  }, [networks, rows, t]);

  const submit = async () => {
    const result = await save({ input: { rules: rows.map(toInput) } }, saveContext);
    if (result.data) onSaved(result.data.setCommentHandlingRules);
  };

  return (
    <RulesListForm
      rows={rows}
      setRows={setRows}
      error={saved.error}
      empty={t('policies.commentRules.noneEditing')}
      saving={saved.fetching}
      newRow={(list) => newRule(list, networks)}
      toJson={toInput}
      fromJson={(r) => toRow(typeof r === 'object' && r !== null ? r : {})}
      onSubmit={submit}
      onCancel={onCancel}
      card={(row, index, editing) => <CommentRuleCard row={row} index={index} count={rows.length} channels={channels} {...editing} />}
    />
  );
}

function CommentRuleCard({
  row,
  index,
  count,
  channels,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  row: Row;
  index: number;
  count: number;
  channels: { value: string; label: string }[];
  errors: Record<string, string[]> | undefined;
  onChange(change: Partial<Row>): void;
  onMove(to: number): void;
  onRemove(): void;
}) {
  const t = useT();
  const { locale } = useLocaleChoice();
  const duration = useDuration();
  const n = index + 1;
  const channelLabel = channels.find((c) => c.value === row.channel)?.label ?? row.channel;
  const minutes = typeof row.responseMinutes === 'number' ? row.responseMinutes : Number(row.responseMinutes);
  const inWords = Number.isInteger(minutes) && minutes > 0 ? duration(minutes) : '';
  const setTemplate = (key: string, change: Partial<Template>) =>
    onChange({ replyTemplates: row.replyTemplates.map((tpl) => (tpl.key === key ? { ...tpl, ...change } : tpl)) });
  return (
    <RuleCard
      testId="comment-rule-editor"
      title={t('policies.rules.ruleOf', { n, summary: `${channelLabel} · ${t(severityKey(row.severity))}` })}
      index={index}
      count={count}
      problems={leftover(errors, FIELDS)}
      onMove={onMove}
      onRemove={onRemove}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('policies.commentRules.channel')}
          description={t('policies.commentRules.channelHint')}
          data={channels}
          value={row.channel}
          allowDeselect={false}
          onChange={(v) => v && onChange({ channel: v })}
          error={errorAt(errors, 'channel')}
        />
        <Select
          label={t('policies.commentRules.severity')}
          data={SEVERITIES.map((s) => ({ value: s, label: t(severityKey(s)) }))}
          value={row.severity}
          allowDeselect={false}
          onChange={(v) => v && onChange({ severity: v as CommentSeverity })}
          error={errorAt(errors, 'severity')}
        />
        <Select
          label={t('policies.commentRules.role')}
          data={ROLES.map((r) => ({ value: r, label: t(roleKey(r)) }))}
          value={row.responsibleRole}
          allowDeselect={false}
          onChange={(v) => v && onChange({ responsibleRole: v as OrganizationRole })}
          error={errorAt(errors, 'responsibleRole')}
        />
      </SimpleGrid>
      <Group align="flex-start" gap="xl">
        <NumberInput
          label={t('policies.commentRules.minutesField')}
          description={inWords ? t('policies.commentRules.minutesHintWith', { duration: inWords }) : t('policies.commentRules.minutesHint')}
          w={260}
          min={1}
          max={43200}
          step={15}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          value={row.responseMinutes}
          onChange={(v) => onChange({ responseMinutes: v })}
          error={errorAt(errors, 'responseMinutes')}
        />
        <Stack gap="xs" pt="lg">
          <Switch
            label={t('policies.commentRules.businessHours')}
            checked={row.businessHours}
            onChange={(e) => onChange({ businessHours: e.currentTarget.checked })}
            error={errorAt(errors, 'businessHours')}
          />
          <Switch
            label={t('policies.commentRules.escalateField')}
            checked={row.escalate}
            onChange={(e) => onChange({ escalate: e.currentTarget.checked })}
            error={errorAt(errors, 'escalate')}
          />
        </Stack>
      </Group>
      <Fieldset legend={t('policies.commentRules.templatesOf', { n })} variant="filled">
        <Stack gap="xs">
          {errorAt(errors, 'replyTemplates') && !row.replyTemplates.length && (
            <Alert color="red" role="alert">
              {errorAt(errors, 'replyTemplates')}
            </Alert>
          )}
          {row.replyTemplates.length === 0 && (
            <Text size="sm" c="gray.7">
              {t('policies.commentRules.noTemplate')}
            </Text>
          )}
          {row.replyTemplates.map((tpl, i) => (
            <Group key={tpl.key} align="flex-start" wrap="nowrap" data-testid="reply-template">
              <Select
                label={t('policies.commentRules.templateLanguage', { n: i + 1 })}
                w={160}
                data={LANGUAGES.map((l) => ({ value: l, label: t(`policies.commentRules.language.${fromApiLocale(l)}` as MessageKey) }))}
                value={tpl.language}
                allowDeselect={false}
                onChange={(v) => v && setTemplate(tpl.key, { language: v as Locale })}
                error={errorAt(errors, `replyTemplates.${i}.language`)}
              />
              <Textarea
                label={t('policies.commentRules.templateText', { n: i + 1 })}
                style={{ flex: 1 }}
                autosize
                minRows={2}
                value={tpl.text}
                onChange={(e) => setTemplate(tpl.key, { text: e.currentTarget.value })}
                error={errorAt(errors, `replyTemplates.${i}.text`)}
              />
              <ActionIcon
                variant="default"
                c="red.9"
                mt={26}
                onClick={() => onChange({ replyTemplates: row.replyTemplates.filter((x) => x.key !== tpl.key) })}
                aria-label={t('policies.commentRules.removeTemplate', { n: i + 1, rule: n })}
              >
                ✕
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              size="xs"
              onClick={() =>
                onChange({ replyTemplates: [...row.replyTemplates, { key: rowKey(), language: toApiLocale(locale), text: '' }] })
              }
            >
              {t('policies.commentRules.addTemplate')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </RuleCard>
  );
}
