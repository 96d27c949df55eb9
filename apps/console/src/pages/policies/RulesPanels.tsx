import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { inOrganization } from '../../client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgDate } from '../../components/format';
import type {
  ContentRuleKind,
  ContentRuleSeverity,
  PoliciesSetCommentRulesMutation,
  PoliciesSetContentRulesMutation,
} from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { ANY_CHANNEL, CommentRulesForm, roleKey, severityKey, type RuleNetwork } from './CommentRulesForm';
import { ContentPreview } from './ContentPreview';
import { CONTENT_KINDS, ContentRulesForm, contentKindKey, contentSeverityKey } from './ContentRulesForm';
import { useDuration } from './rules-form';
import { CommentRulesDocument, ContentRulesDocument, RuleNetworksDocument } from './rules-operations';

interface PanelProps {
  organizationId: string;
  timeZone: string | undefined;
}

/** The networks a rule can name; an empty list while they load or when they cannot be read (ids are shown then). */
function useRuleNetworks(): RuleNetwork[] {
  const [networks] = useQuery({ query: RuleNetworksDocument });
  return networks.data?.networks ?? [];
}

/** A rules panel's title and what it is for, with its edit button while the rules are shown (not edited). */
function RulesHeader({ title, intro, onEdit }: { title: string; intro: string; onEdit: (() => void) | null }) {
  const t = useT();
  return (
    <Group justify="space-between">
      <div>
        <Title order={3}>{title}</Title>
        <Text c="gray.7" size="sm">
          {intro}
        </Text>
      </div>
      {onEdit && <Button onClick={onEdit}>{t('policies.rules.edit')}</Button>}
    </Group>
  );
}

function SavedNotice({ shown }: { shown: boolean }) {
  const t = useT();
  if (!shown) return null;
  return (
    <Alert color="teal" role="status">
      {t('policies.rules.saved')}
    </Alert>
  );
}

/** How fast and by whom comments are answered, per channel and severity. */
export function CommentHandlingRules({ organizationId, timeZone }: PanelProps) {
  const t = useT();
  const duration = useDuration();
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const [rules, refresh] = useQuery({ query: CommentRulesDocument, context });
  const networks = useRuleNetworks();
  const [editing, setEditing] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  // The set the API answered the save with, shown until the query's own answer replaces the data it was saved over.
  const [saved, setSaved] = useState<{ over: unknown; set: PoliciesSetCommentRulesMutation['setCommentHandlingRules'] } | null>(null);
  const set = saved && saved.over === rules.data ? saved.set : rules.data?.commentHandlingRules;
  const channelName = (channel: string) =>
    channel === ANY_CHANNEL ? t('policies.commentRules.anyChannel') : (networks.find((n) => n.id === channel)?.displayName ?? channel);
  return (
    <Stack>
      <RulesHeader
        title={t('policies.commentRules.title')}
        intro={t('policies.commentRules.intro')}
        onEdit={
          set && !editing
            ? () => {
                setJustSaved(false);
                setEditing(true);
              }
            : null
        }
      />
      <ErrorAlert error={rules.error} />
      {rules.fetching && !set && <Loader aria-label={t('policies.loading')} />}
      <SavedNotice shown={justSaved && !editing} />
      {set?.updatedAt && (
        <Text size="sm">
          {t('policies.rules.updated')} <OrgDate value={set.updatedAt} timeZone={timeZone} />
        </Text>
      )}
      {set && !editing && set.rules.length === 0 && <Text>{t('policies.commentRules.empty')}</Text>}
      {set && !editing && set.rules.length > 0 && (
        <Table aria-label={t('policies.commentRules.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('policies.commentRules.channel')}</Table.Th>
              <Table.Th>{t('policies.commentRules.severity')}</Table.Th>
              <Table.Th>{t('policies.commentRules.delay')}</Table.Th>
              <Table.Th>{t('policies.commentRules.role')}</Table.Th>
              <Table.Th>{t('policies.commentRules.escalate')}</Table.Th>
              <Table.Th>{t('policies.commentRules.templates')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {set.rules.map((r) => (
              <Table.Tr key={`${r.channel}-${r.severity}`} data-testid="comment-rule">
                <Table.Td>{channelName(r.channel)}</Table.Td>
                <Table.Td>{t(severityKey(r.severity))}</Table.Td>
                <Table.Td>
                  {t(r.businessHours ? 'policies.commentRules.minutesBusiness' : 'policies.commentRules.minutes', {
                    minutes: r.responseMinutes,
                  })}
                  {r.responseMinutes >= 60 && (
                    <Text span size="sm" c="gray.7">
                      {' '}
                      ({duration(r.responseMinutes)})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(roleKey(r.responsibleRole))}</Table.Td>
                <Table.Td>{r.escalate ? t('policies.yes') : t('policies.no')}</Table.Td>
                <Table.Td>{r.replyTemplates.length}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {set && editing && (
        <CommentRulesForm
          initial={set.rules}
          networks={networks}
          saveContext={context}
          onCancel={() => setEditing(false)}
          onSaved={(fresh) => {
            setSaved({ over: rules.data, set: fresh });
            setEditing(false);
            setJustSaved(true);
            refresh({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </Stack>
  );
}

/** The rules every draft is checked against (policy as code), those the brand voice adds, and a text to try them on. */
export function ContentRules({ organizationId, timeZone }: PanelProps) {
  const t = useT();
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const [rules, refresh] = useQuery({ query: ContentRulesDocument, context });
  const networks = useRuleNetworks();
  const [editing, setEditing] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const [saved, setSaved] = useState<{ over: unknown; set: PoliciesSetContentRulesMutation['setContentRules'] } | null>(null);
  const set = saved && saved.over === rules.data ? saved.set : rules.data?.contentRules;
  return (
    <Stack>
      <RulesHeader
        title={t('policies.contentRules.title')}
        intro={t('policies.contentRules.intro')}
        onEdit={
          set && !editing
            ? () => {
                setJustSaved(false);
                setEditing(true);
              }
            : null
        }
      />
      <ErrorAlert error={rules.error} />
      {rules.fetching && !set && <Loader aria-label={t('policies.loading')} />}
      <SavedNotice shown={justSaved && !editing} />
      {set && (
        <Group gap="xs">
          <Badge variant="outline" color="blue.9">
            {t('policies.contentRules.version', { version: set.version })}
          </Badge>
          {set.updatedAt && (
            <Text size="sm">
              {t('policies.rules.updated')} <OrgDate value={set.updatedAt} timeZone={timeZone} />
            </Text>
          )}
        </Group>
      )}
      {set && !editing && set.rules.length === 0 && <Text>{t('policies.contentRules.empty')}</Text>}
      {set && !editing && set.rules.length > 0 && (
        <RuleTable rules={set.rules} networks={networks} label={t('policies.contentRules.title')} testId="content-rule" />
      )}
      {set && editing && (
        <ContentRulesForm
          initial={set.rules}
          networks={networks}
          saveContext={context}
          onCancel={() => setEditing(false)}
          onSaved={(fresh) => {
            setSaved({ over: rules.data, set: fresh });
            setEditing(false);
            setJustSaved(true);
            refresh({ requestPolicy: 'network-only' });
          }}
        />
      )}
      {set && set.brandVoiceRules.length > 0 && (
        <>
          <Title order={4}>{t('policies.contentRules.brandVoice')}</Title>
          <RuleTable
            rules={set.brandVoiceRules}
            networks={networks}
            label={t('policies.contentRules.brandVoice')}
            testId="brand-voice-rule"
          />
        </>
      )}
      {set && <ContentPreview context={context} networks={networks} version={set.version} />}
    </Stack>
  );
}

const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Stored rules in words: id, kind, severity and the kind's settings. */
function RuleTable({
  rules,
  networks,
  label,
  testId,
}: {
  rules: Record<string, unknown>[];
  networks: RuleNetwork[];
  label: string;
  testId: string;
}) {
  const t = useT();
  const settings = (rule: Record<string, unknown>): string => {
    switch (rule.kind as ContentRuleKind) {
      case 'AVOID_WORDS':
        return list(rule.words).join(', ');
      case 'REQUIRED_DISCLOSURE':
        return t('policies.contentRules.summary.disclosure', {
          kinds: list(rule.contentKinds).join(', '),
          anyOf: list(rule.anyOf).join(', '),
        });
      case 'FORBIDDEN_LINK_DOMAINS':
        return list(rule.domains).join(', ');
      case 'MAX_HASHTAGS':
        return t('policies.contentRules.summary.max', { max: Number(rule.max) });
      case 'NETWORK_LIMITS': {
        const ids = list(rule.networks);
        return ids.length
          ? ids.map((id) => networks.find((n) => n.id === id)?.displayName ?? id).join(', ')
          : t('policies.contentRules.allNetworks');
      }
      case 'ADDRESS_FORM':
        return t(rule.form === 'tu' ? 'policies.contentRules.form.tu' : 'policies.contentRules.form.vous');
      default:
        return '';
    }
  };
  return (
    <Table aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('policies.contentRules.id')}</Table.Th>
          <Table.Th>{t('policies.contentRules.kind')}</Table.Th>
          <Table.Th>{t('policies.contentRules.severity')}</Table.Th>
          <Table.Th>{t('policies.contentRules.settings')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rules.map((rule, index) => {
          const kind = CONTENT_KINDS.find((k) => k === rule.kind);
          const severity = rule.severity === 'BLOCK' || rule.severity === 'WARN' ? (rule.severity as ContentRuleSeverity) : null;
          return (
            <Table.Tr key={typeof rule.id === 'string' ? rule.id : index} data-testid={testId}>
              <Table.Td>{String(rule.id ?? '')}</Table.Td>
              <Table.Td>{kind ? t(contentKindKey(kind)) : String(rule.kind ?? '')}</Table.Td>
              <Table.Td>{severity ? t(contentSeverityKey(severity)) : ''}</Table.Td>
              <Table.Td>{settings(rule)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
