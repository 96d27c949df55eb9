import { Alert, Anchor, Badge, Button, Card, Group, Modal, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgDate } from '../../components/format';
import { useT } from '../../i18n/locale';
import { useContentScope } from './ContentPage';
import { useItemPages, type ListedItem } from './ItemList';
import { SuggestContentIdeaDocument, TriageContentIdeaDocument } from './operations';
import { fieldErrors } from './zoned';

/** Anyone of the organisation suggests an idea; the content team accepts it (it becomes a draft) or declines it with a reason. */
export function SuggestionBox() {
  const t = useT();
  const { context, base, timeZone } = useContentScope();
  const ideas = useItemPages({ source: 'EMPLOYEE_SUGGESTION' });
  const [values, setValues] = useState({ title: '', theme: '', brief: '' });
  const [suggested, suggest] = useMutation(SuggestContentIdeaDocument);
  const [thanks, setThanks] = useState(false);
  const [declining, setDeclining] = useState<ListedItem | null>(null);
  const [triaged, triage] = useMutation(TriageContentIdeaDocument);
  const { byField, rest } = fieldErrors(suggested.error, ['title', 'theme', 'brief']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setThanks(false);
    const res = await suggest({ input: { title: values.title, theme: values.theme || null, brief: values.brief || null } }, context);
    if (res.data) {
      setThanks(true);
      setValues({ title: '', theme: '', brief: '' });
      ideas.reload();
    }
  };
  const accept = async (item: ListedItem) => {
    const res = await triage({ input: { id: item.id, decision: 'ACCEPT' } }, context);
    if (res.data) ideas.reload();
  };

  return (
    <Stack>
      <Card withBorder component="form" onSubmit={submit}>
        <Stack>
          <Title order={3}>{t('content.ideas.suggest')}</Title>
          <Text c="dimmed">{t('content.ideas.intro')}</Text>
          {thanks && (
            <Alert color="teal" role="status">
              {t('content.ideas.thanks')}
            </Alert>
          )}
          {rest.length > 0 && (
            <Alert color="red" role="alert">
              {rest.join(' ')}
            </Alert>
          )}
          <TextInput
            label={t('content.ideas.title')}
            required
            value={values.title}
            onChange={(e) => setValues({ ...values, title: e.currentTarget.value })}
            error={byField.title}
          />
          <TextInput
            label={t('content.item.theme')}
            value={values.theme}
            onChange={(e) => setValues({ ...values, theme: e.currentTarget.value })}
            error={byField.theme}
          />
          <Textarea
            label={t('content.ideas.brief')}
            value={values.brief}
            onChange={(e) => setValues({ ...values, brief: e.currentTarget.value })}
            error={byField.brief}
          />
          <Group>
            <Button type="submit" loading={suggested.fetching}>
              {t('content.ideas.send')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <Title order={3}>{t('content.ideas.box')}</Title>
      <ErrorAlert error={ideas.result.error} />
      <ErrorAlert error={triaged.error} />
      {ideas.result.data && ideas.items.length === 0 && <Text>{t('content.ideas.empty')}</Text>}
      {ideas.items.length > 0 && (
        <Table aria-label={t('content.ideas.box')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('content.ideas.title')}</Table.Th>
              <Table.Th>{t('content.item.theme')}</Table.Th>
              <Table.Th>{t('content.ideas.suggestedOn')}</Table.Th>
              <Table.Th>{t('content.ideas.triage')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ideas.items.map((item) => (
              <Table.Tr key={item.id} data-testid="idea-row">
                <Table.Td>
                  {item.triage === 'ACCEPTED' ? (
                    <Anchor component={Link} to={`${base}/items/${item.id}`}>
                      {item.title}
                    </Anchor>
                  ) : (
                    item.title
                  )}
                  {item.brief && (
                    <Text size="xs" c="dimmed">
                      {item.brief}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{item.theme ?? '—'}</Table.Td>
                <Table.Td>
                  <OrgDate value={item.createdAt} timeZone={timeZone} />
                </Table.Td>
                <Table.Td>
                  {item.triage ? (
                    <Stack gap={2}>
                      <Badge color={item.triage === 'ACCEPTED' ? 'teal' : 'gray'} variant="filled">
                        {t('content.ideas.triaged', { triage: item.triage })}
                      </Badge>
                      {item.triageReason && <Text size="xs">{item.triageReason}</Text>}
                    </Stack>
                  ) : (
                    <Group gap="xs">
                      <Button size="xs" color="teal" onClick={() => void accept(item)} loading={triaged.fetching}>
                        {t('content.ideas.accept')}
                      </Button>
                      <Button size="xs" variant="light" color="red" onClick={() => setDeclining(item)}>
                        {t('content.ideas.decline')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {ideas.hasMore && (
        <Button variant="default" onClick={ideas.more} loading={ideas.result.fetching}>
          {t('content.more')}
        </Button>
      )}
      <Modal
        opened={declining !== null}
        onClose={() => setDeclining(null)}
        title={t('content.ideas.declineTitle', { title: declining?.title ?? '' })}
      >
        {declining && (
          <DeclineForm
            item={declining}
            onDone={() => {
              setDeclining(null);
              ideas.reload();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function DeclineForm({ item, onDone }: { item: ListedItem; onDone(): void }) {
  const t = useT();
  const { context } = useContentScope();
  const [reason, setReason] = useState('');
  const [result, triage] = useMutation(TriageContentIdeaDocument);
  const { byField, rest } = fieldErrors(result.error, ['reason']);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const res = await triage({ input: { id: item.id, decision: 'DECLINE', reason } }, context);
    if (res.data) onDone();
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        {rest.length > 0 && (
          <Alert color="red" role="alert">
            {rest.join(' ')}
          </Alert>
        )}
        <Textarea
          label={t('content.ideas.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={byField.reason}
          data-autofocus
        />
        <Button type="submit" color="red" loading={result.fetching}>
          {t('content.ideas.decline')}
        </Button>
      </Stack>
    </form>
  );
}
