import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { inOrganization } from '../../client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAgencyManager, useWorkspace } from '../../components/workspace';
import type { OrganizationRole } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { DomainPanel } from './DomainPanel';
import { PressRoomPageDocument } from './operations';
import { ReleasesPanel } from './ReleasesPanel';
import { RoomForm } from './RoomForm';
import type { PressScope } from './shared';
import { SubscribersPanel } from './SubscribersPanel';

/** The organisation roles that change the press room (`content.triage`), besides the agency's owners and administrators. */
const MANAGERS: readonly OrganizationRole[] = ['STRATEGY_LEAD', 'CONTENT_LEAD'];

/**
 * A client's press room (`/organizations/:id/press-room`): its settings with its contacts and media kit, its custom
 * domain and the TXT record proving it, its releases (published from approved content, withdrawn after confirmation)
 * and its newsletter's subscribers. Members without the right to change it see every part read-only.
 */
export function PressRoomPage() {
  const t = useT();
  const { organizationId = '' } = useParams();
  const workspace = useWorkspace();
  const agencyManager = useAgencyManager();
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const [result, reexecute] = useQuery({ query: PressRoomPageDocument, context });
  const [refused, setRefused] = useState(false);
  const organization = result.data?.organization;
  const room = result.data?.pressRoom ?? null;
  const roles = organization?.myRoles ?? [];
  const canManage = !refused && (agencyManager || roles.some((r) => MANAGERS.includes(r)));
  const timeZone = organization?.timezone ?? workspace.organization(organizationId)?.timezone;
  const name = organization?.name ?? workspace.organization(organizationId)?.name ?? '';
  const onForbidden = useCallback(() => setRefused(true), []);
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const scope = useMemo<PressScope | null>(
    () => (timeZone ? { organizationId, timeZone, context, canManage, onForbidden, refresh } : null),
    [organizationId, timeZone, context, canManage, onForbidden, refresh],
  );

  return (
    <Stack maw={1100}>
      <div>
        <Title order={2}>{t('press.title', { name })}</Title>
        <Text c="gray.7">{t('press.subtitle')}</Text>
      </div>
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loader aria-label={t('press.loading')} />}
      {result.data && scope && (
        <>
          {!canManage && (
            <Alert color="gray" data-testid="press-read-only">
              {t('press.readOnly')}
            </Alert>
          )}
          {!room && <Text>{canManage ? t('press.notSetUp') : t('press.noRoom')}</Text>}
          {/* Keyed by organisation, not by room: the first save creates the room and must not remount the form (its notice). */}
          {(room || canManage) && <RoomForm key={organizationId} scope={scope} room={room} />}
          {room && (
            <>
              <DomainPanel scope={scope} room={room} />
              <ReleasesPanel scope={scope} room={room} />
              <SubscribersPanel scope={scope} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
