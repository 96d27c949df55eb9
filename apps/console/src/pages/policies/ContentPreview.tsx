import { Badge, Box, Card, Group, List, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useClient, type OperationContext } from 'urql';
import type { CheckContentQuery } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import type { RuleNetwork } from './CommentRulesForm';
import { CheckContentDocument } from '../../components/check-content';

type Check = CheckContentQuery['checkContent'];
type Violation = Check['violations'][number];

const CHECK_DELAY_MS = 400;

/**
 * A sample text checked by the API (`checkContent`) as the person types, debounced: against the saved rules, the brand
 * voice and, when a network is chosen, its text limits. The API checks stored rules only, so `version` (the saved
 * rules' version) checks the text again after each save.
 */
export function ContentPreview({
  context,
  networks,
  version,
}: {
  context: Partial<OperationContext>;
  networks: RuleNetwork[];
  version: number;
}) {
  const t = useT();
  const client = useClient();
  const [text, setText] = useState('');
  const [network, setNetwork] = useState<string | null>(null);
  const [contentKind, setContentKind] = useState('');
  const [check, setCheck] = useState<{ text: string; result: Check } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    if (!text.trim()) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void client
        .query(
          CheckContentDocument,
          { input: { text, network: network ?? undefined, contentKind: contentKind.trim() || undefined } },
          { ...context, requestPolicy: 'network-only' },
        )
        .toPromise()
        .then((result) => {
          if (cancelled) return;
          setFailed(result.error ? (result.error.graphQLErrors[0]?.message ?? result.error.message) : null);
          if (result.data) setCheck({ text, result: result.data.checkContent });
        });
    }, CHECK_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, context, text, network, contentKind, version]);

  const current = text.trim() && check?.text === text ? check.result : null;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <div>
          <Title order={4}>{t('policies.contentRules.preview.title')}</Title>
          <Text size="sm" c="gray.7">
            {t('policies.contentRules.preview.intro')}
          </Text>
        </div>
        <Textarea
          label={t('policies.contentRules.preview.text')}
          autosize
          minRows={3}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Group grow align="flex-start">
          <Select
            label={t('policies.contentRules.preview.network')}
            placeholder={t('policies.contentRules.preview.noNetwork')}
            data={networks.map((n) => ({ value: n.id, label: n.displayName }))}
            value={network}
            onChange={setNetwork}
            clearable
          />
          <TextInput
            label={t('policies.contentRules.preview.contentKind')}
            description={t('policies.contentRules.preview.contentKindHint')}
            value={contentKind}
            onChange={(e) => setContentKind(e.currentTarget.value)}
          />
        </Group>
        <Box aria-live="polite" data-testid="rules-preview">
          {failed && <Text c="red.9">{failed}</Text>}
          {!text.trim() && (
            <Text size="sm" c="gray.7">
              {t('policies.contentRules.preview.empty')}
            </Text>
          )}
          {text.trim() && !current && !failed && (
            <Text size="sm" c="gray.7">
              {t('policies.contentRules.preview.checking')}
            </Text>
          )}
          {current && current.violations.length === 0 && (
            <Text size="sm" c="teal.9" data-testid="preview-clear">
              {t('policies.contentRules.preview.clear')}
            </Text>
          )}
          {current && current.violations.length > 0 && (
            <Stack gap="xs">
              <Text size="sm" fw={500} c={current.blocked ? 'red.9' : 'orange.9'}>
                {t(current.blocked ? 'policies.contentRules.preview.blocked' : 'policies.contentRules.preview.warned')}
              </Text>
              <Box
                data-testid="preview-highlighted"
                p="xs"
                style={{ whiteSpace: 'pre-wrap', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}
              >
                {highlight(text, current.violations)}
              </Box>
              <List size="sm" aria-label={t('policies.contentRules.preview.findings')} data-testid="preview-findings">
                {current.violations.map((v, i) => (
                  <List.Item key={`${v.ruleId}-${v.start}-${i}`}>
                    <Badge size="sm" variant="outline" tt="none" color={v.severity === 'BLOCK' ? 'red.9' : 'orange.9'} mr={6}>
                      {v.ruleId}
                    </Badge>
                    {v.end > v.start && <q>{text.slice(v.start, v.end)}</q>} {v.message}
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
        </Box>
      </Stack>
    </Card>
  );
}

/** The text with each offending span marked (UTF-16 offsets, as the API gives them), its rule's message as its title. */
function highlight(text: string, violations: Violation[]): ReactNode[] {
  const spans = violations
    .filter((v) => v.end > v.start && v.start >= 0 && v.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ReactNode[] = [];
  let at = 0;
  for (const [i, v] of spans.entries()) {
    if (v.start < at) continue;
    if (v.start > at) out.push(text.slice(at, v.start));
    out.push(
      <mark
        key={`${v.start}-${i}`}
        title={v.message}
        style={{
          background: 'transparent',
          color: 'inherit',
          textDecoration: `underline wavy var(--mantine-color-${v.severity === 'BLOCK' ? 'red' : 'orange'}-filled)`,
          textUnderlineOffset: 3,
        }}
      >
        {text.slice(v.start, v.end)}
      </mark>,
    );
    at = v.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
