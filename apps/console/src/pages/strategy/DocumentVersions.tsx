import { Alert, Badge, Button, Card, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation, type AnyVariables } from 'urql';
import { OrgDate } from '../../components/format';
import { graphql } from '../../gql';
import type { StrategyVersionStatus } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { ListSection } from './editing';
import { splitErrors, useConnection, useOrganization, useStrategyPermissions } from './support';

const VersionsDocument = graphql(`
  query StrategyDocumentVersions($first: Int, $after: String) {
    strategyDocumentVersions(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          number
          status
          note
          createdAt
          submittedAt
          approvedAt
          approverName
          approvalComment
          returnedAt
          returnComment
          markdown
        }
      }
    }
  }
`);

const CreateVersionDocument = graphql(`
  mutation StrategyCreateDocumentVersion($input: CreateStrategyDocumentVersionInput!) {
    createStrategyDocumentVersion(input: $input) {
      id
      number
    }
  }
`);
const SubmitVersionDocument = graphql(`
  mutation StrategySubmitDocumentVersion($input: StrategyDocumentVersionInput!) {
    submitStrategyDocumentVersion(input: $input) {
      id
      status
    }
  }
`);
const ApproveVersionDocument = graphql(`
  mutation StrategyApproveDocumentVersion($input: ApproveStrategyDocumentVersionInput!) {
    approveStrategyDocumentVersion(input: $input) {
      id
      status
    }
  }
`);
const ReturnVersionDocument = graphql(`
  mutation StrategyReturnDocumentVersion($input: ReturnStrategyDocumentVersionInput!) {
    returnStrategyDocumentVersion(input: $input) {
      id
      status
    }
  }
`);
const DeleteVersionDocument = graphql(`
  mutation StrategyDeleteDocumentVersion($input: StrategyDocumentVersionInput!) {
    deleteStrategyDocumentVersion(input: $input) {
      id
    }
  }
`);

const STATUS_COLOR: Record<StrategyVersionStatus, string> = {
  DRAFT: 'gray',
  IN_REVIEW: 'yellow',
  APPROVED: 'teal',
  SUPERSEDED: 'gray',
};

type Dialog = { kind: 'create' } | { kind: 'approve' | 'return' | 'submit' | 'delete'; versionId: string; number: number } | null;

/**
 * The versions of the written strategy and their approval by the management: a snapshot taken (with what changed),
 * submitted, approved by an executive approver or returned with a comment; a draft deleted. Each step is the API's
 * (who may do it, in which status); a refusal is shown in the dialog that asked for it.
 */
export function DocumentVersions({ onChanged, download }: { onChanged(): void; download(number: number, markdown: string): void }) {
  const t = useT();
  const { organization } = useOrganization();
  const versions = useConnection(VersionsDocument, (d) => d.strategyDocumentVersions);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { manageStrategy, approveStrategy } = useStrategyPermissions();
  const done = () => {
    setDialog(null);
    versions.reload();
    onChanged();
  };
  return (
    <Card withBorder data-testid="strategy-versions">
      <ListSection
        title={t('strategy.versions.title')}
        hint={t('strategy.versions.hint')}
        addLabel={t('strategy.versions.create')}
        manage={manageStrategy}
        actionsForAll
        onAdd={() => setDialog({ kind: 'create' })}
        list={versions}
        empty={t('strategy.versions.empty')}
        headers={[t('strategy.versions.number'), t('strategy.versions.status'), t('strategy.versions.note'), t('strategy.versions.when')]}
        rowTestId="strategy-version"
        cells={(v) => (
          <>
            <Table.Td>{v.number}</Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLOR[v.status]} variant="outline">
                {t(`strategy.versions.status.${v.status}` as MessageKey)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Stack gap={2}>
                {v.note && <Text size="sm">{v.note}</Text>}
                {v.returnComment && v.status === 'DRAFT' && (
                  <Text size="sm" c="red.9">
                    {t('strategy.versions.returned', { comment: v.returnComment })}
                  </Text>
                )}
                {v.approvalComment && <Text size="sm">{v.approvalComment}</Text>}
              </Stack>
            </Table.Td>
            <Table.Td>
              <OrgDate value={v.approvedAt ?? v.submittedAt ?? v.createdAt} timeZone={organization?.timezone} />
            </Table.Td>
          </>
        )}
        actions={(v) => {
          const open = (kind: 'submit' | 'delete' | 'approve' | 'return') => setDialog({ kind, versionId: v.id, number: v.number });
          return (
            <Group gap="xs">
              {v.status === 'DRAFT' && manageStrategy && (
                <>
                  <Button size="xs" onClick={() => open('submit')}>
                    {t('strategy.versions.submit')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => open('delete')}>
                    {t('strategy.versions.delete')}
                  </Button>
                </>
              )}
              {v.status === 'IN_REVIEW' && approveStrategy && (
                <>
                  <Button size="xs" color="teal.9" onClick={() => open('approve')}>
                    {t('strategy.versions.approve')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => open('return')}>
                    {t('strategy.versions.return')}
                  </Button>
                </>
              )}
              {v.status === 'IN_REVIEW' && !approveStrategy && (
                <Text size="sm" c="gray.7">
                  {t('strategy.versions.waiting')}
                </Text>
              )}
              <Button
                size="xs"
                variant="subtle"
                aria-label={t('strategy.versions.download', { number: v.number })}
                onClick={() => download(v.number, v.markdown)}
              >
                {t('strategy.versions.downloadShort')}
              </Button>
            </Group>
          );
        }}
      >
        {dialog && <VersionDialog dialog={dialog} onClose={() => setDialog(null)} onDone={done} />}
      </ListSection>
    </Card>
  );
}

function VersionDialog({ dialog, onClose, onDone }: { dialog: NonNullable<Dialog>; onClose(): void; onDone(): void }) {
  const t = useT();
  const { context } = useOrganization();
  const [text, setText] = useState('');
  const [created, create] = useMutation(CreateVersionDocument);
  const [submitted, submit] = useMutation(SubmitVersionDocument);
  const [approved, approve] = useMutation(ApproveVersionDocument);
  const [returned, giveBack] = useMutation(ReturnVersionDocument);
  const [deleted, remove] = useMutation(DeleteVersionDocument);
  const result = { create: created, submit: submitted, approve: approved, return: returned, delete: deleted }[dialog.kind];
  const { fields, general } = splitErrors(result.error);
  const withText = dialog.kind === 'create' || dialog.kind === 'approve' || dialog.kind === 'return';
  const textField = dialog.kind === 'create' ? 'note' : 'comment';
  const run = async <V extends AnyVariables>(mutate: (v: V, c: typeof context) => Promise<{ data?: unknown }>, variables: V) => {
    const { data } = await mutate(variables, context);
    if (data) onDone();
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const optional = text.trim() === '' ? null : text;
    if (dialog.kind === 'create') await run(create, { input: { note: optional } });
    else if (dialog.kind === 'submit') await run(submit, { input: { versionId: dialog.versionId } });
    else if (dialog.kind === 'approve') await run(approve, { input: { versionId: dialog.versionId, comment: optional } });
    else if (dialog.kind === 'return') await run(giveBack, { input: { versionId: dialog.versionId, comment: text } });
    else await run(remove, { input: { versionId: dialog.versionId } });
  };
  const number = 'number' in dialog ? dialog.number : 0;
  return (
    <Modal opened onClose={onClose} title={t(`strategy.versions.dialog.${dialog.kind}` as MessageKey, { number })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          {withText && (
            <Textarea
              label={t(`strategy.versions.field.${dialog.kind}` as MessageKey)}
              required={dialog.kind === 'return'}
              autosize
              minRows={3}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={fields[textField]}
              data-autofocus
            />
          )}
          <Group>
            <Button type="submit" loading={result.fetching} color={dialog.kind === 'delete' ? 'red' : undefined}>
              {t(`strategy.versions.confirm.${dialog.kind}` as MessageKey)}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('strategy.versions.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
