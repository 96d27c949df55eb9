import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useClient, useMutation } from 'urql';
import type { CheckContentQuery, ContentItemQuery } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { useContentScope } from './ContentPage';
import { MediaPicker } from './MediaPicker';
import { CheckContentDocument } from '../../components/check-content';
import { SetVariantDocument } from './operations';
import { fieldErrors } from './zoned';

export interface NetworkLimits {
  id: string;
  displayName: string;
  textMaxLength: number;
  textCounting: string;
  /** The settings a post may carry for this network, as its connector documents them. */
  options?: NetworkOptionSpec[];
}
export interface NetworkOptionSpec {
  name: string;
  type: string;
  label: string;
  description?: string | null;
  values: string[];
  maxLength?: number | null;
  required: boolean;
}
type Variant = NonNullable<ContentItemQuery['contentItem']>['variants'][number];
type Violation = CheckContentQuery['checkContent']['violations'][number];

const CHECK_DELAY_MS = 400;
const VARIANT_FIELDS = ['text', 'linkUrl', 'mediaIds', 'networkAccountId'] as const;

/**
 * One network's text: its length against the connector's limit, and the content rules checked by the API as the
 * person types (debounced); each offending span is underlined, with the rule's message in a tooltip and listed below.
 */
export function VariantEditor({
  itemId,
  networkAccountId,
  network,
  limits,
  variant,
  onSaved,
}: {
  itemId: string;
  networkAccountId: string;
  network: string;
  limits: NetworkLimits | undefined;
  variant: Variant | null;
  onSaved(): void;
}) {
  const t = useT();
  const client = useClient();
  const { context } = useContentScope();
  const [text, setText] = useState(variant?.text ?? '');
  const [linkUrl, setLinkUrl] = useState(variant?.linkUrl ?? '');
  const [mediaIds, setMediaIds] = useState<string[]>(variant?.mediaIds ?? []);
  const [options, setOptions] = useState<Record<string, string>>(() =>
    Object.fromEntries((variant?.options ?? []).map((o) => [o.name, o.value])),
  );
  const [longForm, setLongForm] = useState(variant?.longForm ?? false);
  const specs = limits?.options ?? [];
  const setOption = (name: string, value: string) => setOptions((current) => ({ ...current, [name]: value }));
  const [violations, setViolations] = useState<Violation[] | null>(null);
  const [checkFailed, setCheckFailed] = useState<string | null>(null);
  const [saved, save] = useMutation(SetVariantDocument);
  const [done, setDone] = useState(false);
  const { byField, rest } = fieldErrors(saved.error, VARIANT_FIELDS);

  useEffect(() => {
    if (!text.trim()) {
      setViolations([]);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      void client
        .query(CheckContentDocument, { input: { text, network } }, context)
        .toPromise()
        .then((result) => {
          if (cancelled) return;
          setCheckFailed(result.error ? result.error.message : null);
          if (result.data) setViolations(result.data.checkContent.violations);
        });
    }, CHECK_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, context, text, network]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    // Only the settings this network documents, and only those given (an empty field is no setting).
    const given = specs.flatMap((spec) => (options[spec.name]?.trim() ? [{ name: spec.name, value: options[spec.name] }] : []));
    const res = await save(
      { input: { itemId, networkAccountId, text, linkUrl: linkUrl || null, mediaIds, options: given, longForm } },
      context,
    );
    if (res.data) {
      setDone(true);
      onSaved();
    }
  };
  const length = [...text].length;
  const max = limits?.textMaxLength;

  return (
    <form onSubmit={submit}>
      <Stack>
        {rest.length > 0 && (
          <Alert color="red" role="alert">
            {rest.join(' ')}
          </Alert>
        )}
        {done && (
          <Alert color="teal" role="status">
            {t('content.variant.saved')}
          </Alert>
        )}
        <Textarea
          label={t('content.variant.text', { network: limits?.displayName ?? network })}
          autosize
          minRows={4}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={byField.text}
          description={
            <span data-testid="length-counter">
              {max ? t('content.variant.counter', { length, max }) : t('content.variant.length', { length })}
            </span>
          }
        />
        {max !== undefined && length > max && (
          <Text c="red" size="sm">
            {t('content.variant.tooLong', { over: length - max })}
          </Text>
        )}
        <Box>
          <Text size="sm" fw={500}>
            {t('content.variant.checks')}
          </Text>
          {checkFailed && <Text c="red">{checkFailed}</Text>}
          {violations === null && text.trim() && (
            <Text size="sm" c="dimmed">
              {t('content.variant.checking')}
            </Text>
          )}
          {violations && violations.length === 0 && text.trim() && (
            <Text size="sm" c="teal" data-testid="checks-clear">
              {t('content.variant.clear')}
            </Text>
          )}
          {violations && violations.length > 0 && (
            <>
              <Box
                data-testid="highlighted-text"
                p="xs"
                style={{ whiteSpace: 'pre-wrap', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}
              >
                {highlight(text, violations)}
              </Box>
              <List size="sm" mt="xs" data-testid="violations">
                {violations.map((v, i) => (
                  <List.Item key={`${v.ruleId}-${v.start}-${i}`}>
                    <Badge size="xs" color={v.severity === 'BLOCK' ? 'red' : 'yellow'} mr={4}>
                      {t('content.variant.severity', { severity: v.severity })}
                    </Badge>
                    {v.end > v.start && <q>{text.slice(v.start, v.end)}</q>} {v.message}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Box>
        <TextInput
          type="url"
          label={t('content.variant.link')}
          value={linkUrl}
          onChange={(e) => setLinkUrl(e.currentTarget.value)}
          error={byField.linkUrl}
        />
        <MediaPicker selected={mediaIds} onChange={setMediaIds} error={byField.mediaIds} />
        <Checkbox
          label={t('content.variant.longForm')}
          description={t('content.variant.longFormHelp')}
          checked={longForm}
          onChange={(e) => setLongForm(e.currentTarget.checked)}
        />
        {specs.length > 0 && (
          <Fieldset legend={t('content.variant.options', { network: limits?.displayName ?? network })} data-testid="variant-options">
            <Stack gap="xs">
              {specs.map((spec) => {
                const value = options[spec.name] ?? '';
                const common = { label: spec.label, description: spec.description ?? undefined, required: spec.required };
                if (spec.type === 'BOOLEAN') {
                  return (
                    <Checkbox
                      key={spec.name}
                      label={spec.label}
                      description={spec.description ?? undefined}
                      checked={value === 'true'}
                      onChange={(e) => setOption(spec.name, e.currentTarget.checked ? 'true' : '')}
                    />
                  );
                }
                if (spec.type === 'ENUM') {
                  return (
                    <NativeSelect
                      key={spec.name}
                      {...common}
                      data={[{ value: '', label: t('content.variant.optionDefault') }, ...spec.values.map((v) => ({ value: v, label: v }))]}
                      value={value}
                      onChange={(e) => setOption(spec.name, e.currentTarget.value)}
                    />
                  );
                }
                if (spec.type === 'TEXT') {
                  return (
                    <Textarea
                      key={spec.name}
                      {...common}
                      autosize
                      minRows={2}
                      maxLength={spec.maxLength ?? undefined}
                      value={value}
                      onChange={(e) => setOption(spec.name, e.currentTarget.value)}
                    />
                  );
                }
                return (
                  <TextInput
                    key={spec.name}
                    {...common}
                    type={spec.type === 'URL' ? 'url' : spec.type === 'NUMBER' ? 'number' : 'text'}
                    placeholder={spec.type === 'DATE_TIME' ? '2027-01-31T09:00:00+01:00' : undefined}
                    maxLength={spec.maxLength ?? undefined}
                    value={value}
                    onChange={(e) => setOption(spec.name, e.currentTarget.value)}
                  />
                );
              })}
            </Stack>
          </Fieldset>
        )}
        {variant && variant.findings.length > 0 && (
          <Alert color={variant.blocked ? 'red' : 'yellow'} title={t('content.variant.savedFindings')}>
            <List size="sm">
              {variant.findings.map((f, i) => (
                <List.Item key={`${f.rule}-${i}`}>{f.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={saved.fetching}>
            {t('content.variant.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The text cut at each violation's UTF-16 offsets; offending spans underlined, the rule's message in a tooltip. */
function highlight(text: string, violations: Violation[]): ReactNode[] {
  const spans = violations
    .filter((v) => v.end > v.start && v.start >= 0 && v.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ReactNode[] = [];
  let at = 0;
  for (const [i, v] of spans.entries()) {
    if (v.start < at) continue;
    if (v.start > at) out.push(text.slice(at, v.start));
    const messages = spans.filter((o) => o.start < v.end && o.end > v.start).map((o) => o.message);
    out.push(
      <Tooltip
        key={`${v.start}-${i}`}
        label={messages.join(' · ')}
        multiline
        maw={360}
        withArrow
        events={{ hover: true, focus: true, touch: true }}
      >
        <Text
          component="mark"
          tabIndex={0}
          data-testid="violation-span"
          bg="transparent"
          style={{
            textDecoration: `underline wavy var(--mantine-color-${v.severity === 'BLOCK' ? 'red' : 'orange'}-filled)`,
            textUnderlineOffset: 3,
            color: 'inherit',
          }}
        >
          {text.slice(v.start, v.end)}
        </Text>
      </Tooltip>,
    );
    at = v.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
