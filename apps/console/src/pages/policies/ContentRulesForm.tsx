import { Group, MultiSelect, NumberInput, Radio, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useMutation, type OperationContext } from 'urql';
import type { ContentRuleKind, ContentRuleSeverity, PoliciesSetContentRulesMutation } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import type { RuleNetwork } from './CommentRulesForm';
import { errorAt, leftover } from './rule-errors';
import { RuleCard, RulesListForm, rowKey } from './rules-form';
import { SetContentRulesDocument } from './rules-operations';

export const CONTENT_KINDS: ContentRuleKind[] = [
  'AVOID_WORDS',
  'FORBIDDEN_LINK_DOMAINS',
  'MAX_HASHTAGS',
  'REQUIRED_DISCLOSURE',
  'NETWORK_LIMITS',
  'ADDRESS_FORM',
];
const CONTENT_SEVERITIES: ContentRuleSeverity[] = ['WARN', 'BLOCK'];
type AddressForm = 'tu' | 'vous';

/** Each kind's own fields (the API refuses any other): the controls a rule of that kind shows. */
const KIND_FIELDS: Record<ContentRuleKind, readonly string[]> = {
  AVOID_WORDS: ['words'],
  REQUIRED_DISCLOSURE: ['contentKinds', 'anyOf'],
  FORBIDDEN_LINK_DOMAINS: ['domains'],
  MAX_HASHTAGS: ['max'],
  NETWORK_LIMITS: ['networks'],
  ADDRESS_FORM: ['form'],
};
type ListField = 'words' | 'contentKinds' | 'anyOf' | 'domains' | 'networks';

/** Every kind's settings are kept while the kind changes, so switching back and forth loses nothing typed. */
interface Row {
  key: string;
  id: string;
  kind: ContentRuleKind;
  severity: ContentRuleSeverity;
  words: string[];
  contentKinds: string[];
  anyOf: string[];
  domains: string[];
  max: number | string;
  networks: string[];
  form: AddressForm;
}

export const contentKindKey = (kind: ContentRuleKind) => `policies.contentRules.kind.${kind}` as MessageKey;
export const contentSeverityKey = (s: ContentRuleSeverity) => `policies.contentRules.severity.${s}` as MessageKey;

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * A stored rule, or an object pasted as JSON, as a row of the form. Fields a kind does not have are left out: the engine
 * ignores them in rules stored before the API refused them, so leaving them out changes no check.
 */
function toRow(rule: Record<string, unknown>): Row {
  return {
    key: rowKey(),
    id: typeof rule.id === 'string' ? rule.id : '',
    kind: CONTENT_KINDS.includes(rule.kind as ContentRuleKind) ? (rule.kind as ContentRuleKind) : 'AVOID_WORDS',
    severity: rule.severity === 'BLOCK' ? 'BLOCK' : 'WARN',
    words: strings(rule.words),
    contentKinds: strings(rule.contentKinds),
    anyOf: strings(rule.anyOf),
    domains: strings(rule.domains),
    max: typeof rule.max === 'number' ? rule.max : '',
    networks: strings(rule.networks),
    form: rule.form === 'tu' ? 'tu' : 'vous',
  };
}

/** The rule as the API stores it: id, kind, severity and the kind's own fields (an empty number left out: the API names it). */
export function toInput(row: Row): Record<string, unknown> {
  const base = { id: row.id, kind: row.kind, severity: row.severity };
  switch (row.kind) {
    case 'AVOID_WORDS':
      return { ...base, words: row.words };
    case 'REQUIRED_DISCLOSURE':
      return { ...base, contentKinds: row.contentKinds, anyOf: row.anyOf };
    case 'FORBIDDEN_LINK_DOMAINS':
      return { ...base, domains: row.domains };
    case 'MAX_HASHTAGS':
      return row.max === '' ? base : { ...base, max: Number(row.max) };
    case 'NETWORK_LIMITS':
      return row.networks.length ? { ...base, networks: row.networks } : base;
    case 'ADDRESS_FORM':
      return { ...base, form: row.form };
  }
}

/** A new rule: words to avoid, with an id no other rule has. */
function newRule(rows: Row[]): Row {
  const ids = new Set(rows.map((r) => r.id));
  let n = rows.length + 1;
  while (ids.has(`rule-${n}`)) n++;
  return toRow({ id: `rule-${n}`, kind: 'AVOID_WORDS', severity: 'WARN' });
}

/**
 * The content rules as a form: one card per rule with its id, kind, severity and the kind's settings (words, mentions,
 * domains, a hashtag limit, networks, form of address). The whole list is saved at once; each refusal is shown next
 * to the control of the path the API names (`input.rules[2].domains[0]`).
 */
export function ContentRulesForm({
  initial,
  networks,
  saveContext,
  onSaved,
  onCancel,
}: {
  initial: Record<string, unknown>[];
  networks: RuleNetwork[];
  saveContext: Partial<OperationContext>;
  onSaved(set: PoliciesSetContentRulesMutation['setContentRules']): void;
  onCancel(): void;
}) {
  const t = useT();
  const [rows, setRows] = useState<Row[]>(() => initial.map(toRow));
  const [saved, save] = useMutation(SetContentRulesDocument);
  const submit = async () => {
    const result = await save({ input: { rules: rows.map(toInput) } }, saveContext);
    if (result.data) onSaved(result.data.setContentRules);
  };
  return (
    <RulesListForm
      rows={rows}
      setRows={setRows}
      error={saved.error}
      empty={t('policies.rules.noneEditing')}
      saving={saved.fetching}
      newRow={newRule}
      toJson={toInput}
      fromJson={(r) => toRow(typeof r === 'object' && r !== null ? (r as Record<string, unknown>) : {})}
      onSubmit={submit}
      onCancel={onCancel}
      card={(row, index, editing) => <ContentRuleCard row={row} index={index} count={rows.length} networks={networks} {...editing} />}
    />
  );
}

function ContentRuleCard({
  row,
  index,
  count,
  networks,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  row: Row;
  index: number;
  count: number;
  networks: RuleNetwork[];
  errors: Record<string, string[]> | undefined;
  onChange(change: Partial<Row>): void;
  onMove(to: number): void;
  onRemove(): void;
}) {
  const t = useT();
  const n = index + 1;
  const tags = (field: Exclude<ListField, 'networks'>, label: MessageKey, hint: MessageKey = 'policies.contentRules.tagsHint') => (
    <TagsInput
      label={t(label)}
      description={t(hint)}
      value={row[field]}
      onChange={(value) => onChange({ [field]: value })}
      splitChars={[',']}
      clearable
      error={errorAt(errors, field, row[field])}
    />
  );
  const networkChoices = [
    ...networks.map((nw) => ({ value: nw.id, label: nw.displayName })),
    ...row.networks.filter((id) => !networks.some((nw) => nw.id === id)).map((id) => ({ value: id, label: id })),
  ];
  return (
    <RuleCard
      testId="content-rule-editor"
      title={t('policies.rules.ruleOf', { n, summary: row.id || t(contentKindKey(row.kind)) })}
      index={index}
      count={count}
      problems={leftover(errors, ['id', 'kind', 'severity', ...KIND_FIELDS[row.kind]])}
      onMove={onMove}
      onRemove={onRemove}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('policies.contentRules.kind')}
          description={t(`policies.contentRules.kindHint.${row.kind}` as MessageKey)}
          data={CONTENT_KINDS.map((k) => ({ value: k, label: t(contentKindKey(k)) }))}
          value={row.kind}
          allowDeselect={false}
          onChange={(v) => v && onChange({ kind: v as ContentRuleKind })}
          error={errorAt(errors, 'kind')}
        />
        <TextInput
          label={t('policies.contentRules.idField')}
          description={t('policies.contentRules.idHint')}
          value={row.id}
          onChange={(e) => onChange({ id: e.currentTarget.value })}
          error={errorAt(errors, 'id')}
        />
        <Radio.Group
          label={t('policies.contentRules.severity')}
          value={row.severity}
          onChange={(v) => onChange({ severity: v as ContentRuleSeverity })}
          error={errorAt(errors, 'severity')}
        >
          <Stack gap={6} mt={6}>
            {CONTENT_SEVERITIES.map((s) => (
              <Radio key={s} value={s} label={t(contentSeverityKey(s))} />
            ))}
          </Stack>
        </Radio.Group>
      </SimpleGrid>
      {row.kind === 'AVOID_WORDS' && tags('words', 'policies.contentRules.words')}
      {row.kind === 'REQUIRED_DISCLOSURE' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {tags('contentKinds', 'policies.contentRules.contentKinds')}
          {tags('anyOf', 'policies.contentRules.anyOf')}
        </SimpleGrid>
      )}
      {row.kind === 'FORBIDDEN_LINK_DOMAINS' && tags('domains', 'policies.contentRules.domains', 'policies.contentRules.domainsHint')}
      {row.kind === 'MAX_HASHTAGS' && (
        <NumberInput
          label={t('policies.contentRules.max')}
          w={260}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          value={row.max}
          onChange={(v) => onChange({ max: v })}
          error={errorAt(errors, 'max')}
        />
      )}
      {row.kind === 'NETWORK_LIMITS' && (
        <MultiSelect
          label={t('policies.contentRules.networks')}
          description={t('policies.contentRules.networksHint')}
          data={networkChoices}
          value={row.networks}
          onChange={(value) => onChange({ networks: value })}
          clearable
          error={errorAt(errors, 'networks', row.networks)}
        />
      )}
      {row.kind === 'ADDRESS_FORM' && (
        <Radio.Group
          label={t('policies.contentRules.form')}
          value={row.form}
          onChange={(v) => onChange({ form: v as AddressForm })}
          error={errorAt(errors, 'form')}
        >
          <Group mt={6}>
            <Radio value="vous" label={t('policies.contentRules.form.vous')} />
            <Radio value="tu" label={t('policies.contentRules.form.tu')} />
          </Group>
        </Radio.Group>
      )}
    </RuleCard>
  );
}
