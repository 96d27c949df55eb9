import { Alert, Badge, Button, Card, Code, CopyButton, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { OrgDateTime } from '../../components/format';
import type { PressRoomDomainStatus } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { fieldProblems, ProblemsAlert } from '../agency/common';
import { UpdatePressRoomDocument, VerifyPressRoomDomainDocument } from './operations';
import { isForbidden, type PressScope, type Room } from './shared';

const STATUS_COLOR: Record<PressRoomDomainStatus, string> = { PENDING: 'yellow.9', VERIFIED: 'teal.9', FAILED: 'red.9' };

/**
 * The room's custom domain: the host claimed, the TXT record to create at its DNS host (name and value, each with a
 * copy button), the state of its verification (claimed, last checked, verified, why the last check failed) and a
 * check made now on demand. Changing or removing the domain saves only the domain.
 */
export function DomainPanel({ scope, room }: { scope: PressScope; room: Room }) {
  const t = useT();
  const readOnly = !scope.canManage;
  const claimed = room.customDomain;
  const [domain, setDomain] = useState(claimed?.host ?? '');
  const [saved, save] = useMutation(UpdatePressRoomDocument);
  const [verified, verify] = useMutation(VerifyPressRoomDomainDocument);
  const saveProblems = fieldProblems(saved.error, ['input.customDomain']);
  const verifyProblems = fieldProblems(verified.error);

  const submit = async (value: string | null) => {
    const { data, error } = await save({ input: { customDomain: value } }, scope.context);
    if (isForbidden(error)) scope.onForbidden();
    if (!data) return;
    setDomain(data.updatePressRoom.customDomain?.host ?? '');
    scope.refresh();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(domain.trim() === '' ? null : domain.trim());
  };
  const checkNow = async () => {
    if (!claimed) return;
    const { data, error } = await verify({ input: { domain: claimed.host } }, scope.context);
    if (isForbidden(error)) scope.onForbidden();
    if (data) scope.refresh();
  };

  return (
    <Card withBorder component="section" aria-labelledby="press-domain">
      <Stack>
        <div>
          <Title order={3} id="press-domain">
            {t('press.domain')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('press.domainHint')}
          </Text>
        </div>
        <form onSubmit={onSubmit}>
          <Stack gap="xs">
            <ProblemsAlert problems={saveProblems.rest} />
            <TextInput
              label={t('press.domainField')}
              placeholder="press.example.com"
              readOnly={readOnly}
              value={domain}
              onChange={(e) => setDomain(e.currentTarget.value)}
              error={saveProblems.at('input.customDomain')}
              autoComplete="off"
            />
            {!readOnly && (
              <Group>
                <Button type="submit" variant="default" loading={saved.fetching && saved.operation?.variables.input.customDomain !== null}>
                  {t('press.domainSave')}
                </Button>
                {claimed && (
                  <Button
                    variant="subtle"
                    color="red.9"
                    c="red.9"
                    loading={saved.fetching && saved.operation?.variables.input.customDomain === null}
                    onClick={() => void submit(null)}
                  >
                    {t('press.domainRemove')}
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        </form>
        {!claimed ? (
          <Text>{t('press.domainNone')}</Text>
        ) : (
          <Stack gap="xs" data-testid="press-domain-claim">
            <Group gap="xs">
              <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                {claimed.host}
              </Text>
              <Badge color={STATUS_COLOR[claimed.status]} variant="outline" data-testid="press-domain-status">
                {t('press.domainStatus', { status: claimed.status })}
              </Badge>
            </Group>
            {claimed.status === 'VERIFIED' ? (
              <Text size="sm">{t('press.domainServes', { host: claimed.host })}</Text>
            ) : (
              <Text size="sm">{t('press.recordIntro')}</Text>
            )}
            <Table withTableBorder variant="vertical" layout="fixed">
              <Table.Tbody>
                <RecordRow
                  label={t('press.recordName')}
                  copyLabel={t('press.copyName')}
                  value={claimed.recordName}
                  testId="press-record-name"
                />
                <RecordRow
                  label={t('press.recordValue')}
                  copyLabel={t('press.copyValue')}
                  value={claimed.recordValue}
                  testId="press-record-value"
                />
              </Table.Tbody>
            </Table>
            <Group gap="lg">
              <Text size="sm">
                {t('press.claimedAt')} <OrgDateTime value={claimed.claimedAt} timeZone={scope.timeZone} />
              </Text>
              <Text size="sm">
                {t('press.checkedAt')}{' '}
                {claimed.checkedAt ? <OrgDateTime value={claimed.checkedAt} timeZone={scope.timeZone} /> : t('press.never')}
              </Text>
              {claimed.verifiedAt && (
                <Text size="sm">
                  {t('press.verifiedAt')} <OrgDateTime value={claimed.verifiedAt} timeZone={scope.timeZone} />
                </Text>
              )}
            </Group>
            {claimed.checkError && (
              <Alert color="red" data-testid="press-domain-error">
                {t('press.checkError', { error: claimed.checkError })}
              </Alert>
            )}
            <ProblemsAlert problems={verifyProblems.rest} />
            {!readOnly && (
              <Group>
                <Button onClick={() => void checkNow()} loading={verified.fetching}>
                  {t('press.verify')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** One line of the TXT record to create, with a copy button. */
function RecordRow({ label, copyLabel, value, testId }: { label: string; copyLabel: string; value: string; testId: string }) {
  const t = useT();
  return (
    <Table.Tr>
      <Table.Th w={200}>{label}</Table.Th>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Code data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
            {value}
          </Code>
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="default" onClick={copy} aria-label={copyLabel}>
                {copied ? t('press.copied') : t('press.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
