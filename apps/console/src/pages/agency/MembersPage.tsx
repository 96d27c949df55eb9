import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Loader,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError, type OperationContext } from 'urql';
import { inOrganization } from '../../client';
import { OrgDate } from '../../components/format';
import { useAgencyManager, useWorkspace } from '../../components/workspace';
import { graphql } from '../../gql';
import type {
  AgencyInvitationsQuery,
  AgencyRole,
  InvitationStatus,
  OrganizationInvitationsQuery,
  OrganizationRole,
  ResendAgencyInvitationMutation,
  ResendInvitationMutation,
} from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { fieldProblems, PAGE_SIZE, Pager, ProblemsAlert, useCursorPages } from './common';

const AgencyMembersDocument = graphql(`
  query AgencyMembers($first: Int, $after: String) {
    agencyMembers(first: $first, after: $after) {
      edges {
        node {
          userId
          role
          joinedAt
          user {
            id
            displayName
            email
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const InviteAgencyMemberDocument = graphql(`
  mutation InviteAgencyMember($input: InviteAgencyMemberInput!) {
    inviteAgencyMember(input: $input) {
      acceptUrl
      emailed
      invitation {
        id
        email
        agencyRole
        roles
        expiresAt
      }
    }
  }
`);

const AgencyInvitationsDocument = graphql(`
  query AgencyInvitations($first: Int, $after: String) {
    agencyInvitations(first: $first, after: $after) {
      edges {
        node {
          id
          email
          agencyRole
          status
          expiresAt
          invitedBy {
            displayName
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const ResendAgencyInvitationDocument = graphql(`
  mutation ResendAgencyInvitation($input: ResendInvitationInput!) {
    resendAgencyInvitation(input: $input) {
      acceptUrl
      emailed
      invitation {
        id
        email
        status
        expiresAt
      }
    }
  }
`);

const RevokeAgencyInvitationDocument = graphql(`
  mutation RevokeAgencyInvitation($input: RevokeInvitationInput!) {
    revokeAgencyInvitation(input: $input) {
      id
      status
    }
  }
`);

const ChangeAgencyMemberRoleDocument = graphql(`
  mutation ChangeAgencyMemberRole($input: ChangeAgencyMemberRoleInput!) {
    changeAgencyMemberRole(input: $input) {
      userId
      role
    }
  }
`);

const RemoveAgencyMemberDocument = graphql(`
  mutation RemoveAgencyMember($input: RemoveMemberInput!) {
    removeAgencyMember(input: $input) {
      userId
    }
  }
`);

const OrganizationMembersDocument = graphql(`
  query OrganizationMembers($first: Int, $after: String) {
    organization {
      id
      myRoles
    }
    members(first: $first, after: $after) {
      edges {
        node {
          userId
          roles
          joinedAt
          user {
            id
            displayName
            email
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const InviteMemberDocument = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      acceptUrl
      emailed
      invitation {
        id
        email
        agencyRole
        roles
        expiresAt
      }
    }
  }
`);

const OrganizationInvitationsDocument = graphql(`
  query OrganizationInvitations($first: Int, $after: String) {
    invitations(first: $first, after: $after) {
      edges {
        node {
          id
          email
          roles
          status
          expiresAt
          invitedBy {
            displayName
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const ResendInvitationDocument = graphql(`
  mutation ResendInvitation($input: ResendInvitationInput!) {
    resendInvitation(input: $input) {
      acceptUrl
      emailed
      invitation {
        id
        email
        status
        expiresAt
      }
    }
  }
`);

const RevokeInvitationDocument = graphql(`
  mutation RevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) {
      id
      status
    }
  }
`);

const ChangeMemberRolesDocument = graphql(`
  mutation ChangeMemberRoles($input: ChangeMemberRolesInput!) {
    changeMemberRoles(input: $input) {
      userId
      roles
    }
  }
`);

const RemoveMemberDocument = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      userId
    }
  }
`);

const AGENCY_ROLES: AgencyRole[] = ['OWNER', 'ADMIN', 'MEMBER'];
const INVITABLE_AGENCY_ROLES: AgencyRole[] = ['ADMIN', 'MEMBER'];
const ORGANIZATION_ROLES: OrganizationRole[] = [
  'STRATEGY_LEAD',
  'CONTENT_LEAD',
  'COMMUNITY_MANAGER',
  'ANALYST',
  'COORDINATOR',
  'EXECUTIVE_APPROVER',
  'CONTRIBUTOR',
  'VIEWER',
];

const roleKey = (role: string) => `agency.role.${role}` as MessageKey;

/** Who may invite, change roles and remove: the agency's owners and admins everywhere, a client's leads in it. */
const ORGANIZATION_MANAGERS: readonly string[] = ['STRATEGY_LEAD', 'COORDINATOR'];

/** The signed-in person's role in the agency the console shows (from `me`), or null. */

/** A link the API gave once (an invitation sent, or sent again): shown until dismissed, to copy and hand over. */
interface ShownLink {
  email: string;
  acceptUrl: string;
  /** The link also went by mail to the invitee. */
  emailed: boolean;
}

/** A pending invitation as the list shows it. */
interface InvitationRow {
  id: string;
  email: string;
  roles: string[];
  status: InvitationStatus;
  expiresAt: string;
  invitedBy: string | null;
}

/** An invitation as both levels' lists give it, with the roles it grants already read. */
function invitationRow(
  node: { id: string; email: string; status: InvitationStatus; expiresAt: string; invitedBy?: { displayName: string } | null },
  roles: string[],
): InvitationRow {
  return {
    id: node.id,
    email: node.email,
    roles,
    status: node.status,
    expiresAt: node.expiresAt,
    invitedBy: node.invitedBy?.displayName ?? null,
  };
}

/**
 * What differs between the agency's pending invitations and a client's: the operations, and where their answers put
 * the page of invitations and a link sent again.
 */
interface InvitationsLevel<L, R> {
  list: TypedDocumentNode<L, { first?: number | null; after?: string | null }>;
  page(data: L): { rows: InvitationRow[]; hasNextPage: boolean; endCursor?: string | null };
  resend: TypedDocumentNode<R, { input: { invitationId: string } }>;
  resent(data: R): ShownLink;
  revoke: TypedDocumentNode<unknown, { input: { invitationId: string } }>;
}

const AGENCY_INVITATIONS: InvitationsLevel<AgencyInvitationsQuery, ResendAgencyInvitationMutation> = {
  list: AgencyInvitationsDocument,
  page: ({ agencyInvitations: { edges, pageInfo } }) => ({
    rows: edges.map(({ node }) => invitationRow(node, node.agencyRole ? [node.agencyRole] : [])),
    ...pageInfo,
  }),
  resend: ResendAgencyInvitationDocument,
  resent: ({ resendAgencyInvitation: r }) => ({ email: r.invitation.email, acceptUrl: r.acceptUrl, emailed: r.emailed }),
  revoke: RevokeAgencyInvitationDocument,
};

const ORGANIZATION_INVITATIONS: InvitationsLevel<OrganizationInvitationsQuery, ResendInvitationMutation> = {
  list: OrganizationInvitationsDocument,
  page: ({ invitations: { edges, pageInfo } }) => ({
    rows: edges.map(({ node }) => invitationRow(node, node.roles ?? [])),
    ...pageInfo,
  }),
  resend: ResendInvitationDocument,
  resent: ({ resendInvitation: r }) => ({ email: r.invitation.email, acceptUrl: r.acceptUrl, emailed: r.emailed }),
  revoke: RevokeInvitationDocument,
};

/**
 * A level's pending invitations (asked only of those who manage its members), the link last given, sending one again
 * and withdrawing one after confirmation. `context` carries the client organisation (none for the agency).
 */
function useInvitations<L, R>(level: InvitationsLevel<L, R>, canManage: boolean, context: Partial<OperationContext> | undefined) {
  const pages = useCursorPages();
  const [list, refetch] = useQuery({ query: level.list, variables: { first: PAGE_SIZE, after: pages.after }, context, pause: !canManage });
  const [resend, resendInvitation] = useMutation(level.resend);
  const [revoke, revokeInvitation] = useMutation(level.revoke);
  const [link, setLink] = useState<ShownLink | null>(null);
  const [revoking, setRevoking] = useState<{ id: string; email: string } | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return {
    pages,
    list,
    page: list.data ? level.page(list.data) : undefined,
    resend,
    revoke,
    link,
    setLink,
    revoking,
    setRevoking,
    /** Once an invitation is sent: its link shown, the list read again from its first page. */
    invited(shown: ShownLink) {
      setLink(shown);
      pages.reset();
      reload();
    },
    async resendOne(id: string) {
      const { data } = await resendInvitation({ input: { invitationId: id } }, context);
      if (!data) return;
      setLink(level.resent(data));
      reload();
    },
    async revokeConfirmed() {
      if (!revoking) return;
      const { data } = await revokeInvitation({ input: { invitationId: revoking.id } }, context);
      if (!data) return;
      if (link && link.email === revoking.email) setLink(null);
      setRevoking(null);
      reload();
    },
  };
}

/** The agency's staff: their role, pending invitations, role changes and removal. */
export function AgencyMembersPage() {
  const t = useT();
  const workspace = useWorkspace();
  const canManage = useAgencyManager();
  const pages = useCursorPages();
  const [members, refetch] = useQuery({ query: AgencyMembersDocument, variables: { first: PAGE_SIZE, after: pages.after } });
  const invitations = useInvitations(AGENCY_INVITATIONS, canManage, undefined);
  const [invite, sendInvite] = useMutation(InviteAgencyMemberDocument);
  const [change, changeRole] = useMutation(ChangeAgencyMemberRoleDocument);
  const [remove, removeMember] = useMutation(RemoveAgencyMemberDocument);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AgencyRole>('MEMBER');
  const [removing, setRemoving] = useState<{ userId: string; name: string } | null>(null);
  const inviteProblems = fieldProblems(invite.error, ['input.email', 'input.role']);
  const rows = members.data?.agencyMembers.edges.map((e) => e.node) ?? [];

  const submitInvite = async () => {
    const { data } = await sendInvite({ input: { email, role } });
    if (!data) return;
    invitations.invited({
      email: data.inviteAgencyMember.invitation.email,
      acceptUrl: data.inviteAgencyMember.acceptUrl,
      emailed: data.inviteAgencyMember.emailed,
    });
    setEmail('');
  };

  return (
    <Stack>
      <div>
        <Title order={2}>{t('agency.members.title', { name: workspace.agency?.name ?? '' })}</Title>
        <Text c="gray.7">{t('agency.members.subtitle')}</Text>
      </div>
      <MembersTable
        loading={members.fetching}
        error={members.error ?? change.error}
        empty={members.data !== undefined && rows.length === 0}
        canManage={canManage}
        rows={rows.map((m) => ({
          userId: m.userId,
          name: m.user.displayName,
          email: m.user.email,
          joinedAt: m.joinedAt,
          roles: canManage ? (
            <Select
              aria-label={t('agency.members.roleOf', { name: m.user.displayName })}
              data={AGENCY_ROLES.map((r) => ({ value: r, label: t(roleKey(r)) }))}
              value={m.role}
              allowDeselect={false}
              w={180}
              onChange={async (next) => {
                if (!next || next === m.role) return;
                const { data } = await changeRole({ input: { userId: m.userId, role: next as AgencyRole } });
                if (data) refetch();
              }}
            />
          ) : (
            <Badge variant="light" color="blue">
              {t(roleKey(m.role))}
            </Badge>
          ),
        }))}
        timeZone={undefined}
        onRemove={(userId, name) => setRemoving({ userId, name })}
      />
      <Pager
        page={pages.page}
        hasNextPage={members.data?.agencyMembers.pageInfo.hasNextPage ?? false}
        onPrevious={pages.previous}
        onNext={() => pages.next(members.data?.agencyMembers.pageInfo.endCursor)}
      />
      {canManage ? (
        <>
          <PendingInvitations invitations={invitations} timeZone={undefined} />
          <InviteForm problems={inviteProblems.rest} sending={invite.fetching} onSubmit={submitInvite}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('agency.members.email')}
                type="email"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={inviteProblems.at('input.email')}
              />
              <Select
                label={t('agency.members.role')}
                data={INVITABLE_AGENCY_ROLES.map((r) => ({ value: r, label: t(roleKey(r)) }))}
                value={role}
                allowDeselect={false}
                onChange={(next) => next && setRole(next as AgencyRole)}
                error={inviteProblems.at('input.role')}
              />
            </SimpleGrid>
          </InviteForm>
        </>
      ) : (
        <ReadOnlyNote />
      )}
      <ConfirmModal
        opened={removing !== null}
        title={t('agency.members.removeTitle')}
        message={t('agency.members.removeConfirm', { name: removing?.name ?? '' })}
        confirmLabel={t('agency.members.remove')}
        error={remove.error}
        loading={remove.fetching}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          const { data } = await removeMember({ input: { userId: removing.userId } });
          if (!data) return;
          setRemoving(null);
          refetch();
        }}
      />
    </Stack>
  );
}

/** The members of one client organisation and their roles there (roles are per organisation), and its pending invitations. */
export function OrganizationMembersPage() {
  const t = useT();
  const { organizationId = '' } = useParams();
  const workspace = useWorkspace();
  const organization = workspace.organization(organizationId);
  const agencyManager = useAgencyManager();
  // One object per organisation: a new context on every render would start the query again and again.
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const pages = useCursorPages();
  const [members, refetch] = useQuery({
    query: OrganizationMembersDocument,
    variables: { first: PAGE_SIZE, after: pages.after },
    context,
  });
  // The API says which roles the person holds here; agency owners and admins manage every client's people.
  const myRoles = members.data?.organization?.myRoles ?? [];
  const canManage = agencyManager || myRoles.some((r) => ORGANIZATION_MANAGERS.includes(r));
  const invitations = useInvitations(ORGANIZATION_INVITATIONS, canManage, context);
  const [invite, sendInvite] = useMutation(InviteMemberDocument);
  const [change, changeRoles] = useMutation(ChangeMemberRolesDocument);
  const [remove, removeMember] = useMutation(RemoveMemberDocument);
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<string[]>(['VIEWER']);
  const [editing, setEditing] = useState<{ userId: string; name: string; roles: string[] } | null>(null);
  const [removing, setRemoving] = useState<{ userId: string; name: string } | null>(null);
  const inviteProblems = fieldProblems(invite.error, ['input.email', 'input.roles']);
  const changeProblems = fieldProblems(change.error, ['input.roles']);
  const rows = members.data?.members.edges.map((e) => e.node) ?? [];

  const submitInvite = async () => {
    const { data } = await sendInvite({ input: { email, roles: roles as OrganizationRole[] } }, context);
    if (!data) return;
    invitations.invited({
      email: data.inviteMember.invitation.email,
      acceptUrl: data.inviteMember.acceptUrl,
      emailed: data.inviteMember.emailed,
    });
    setEmail('');
  };

  return (
    <Stack>
      <div>
        <Title order={2}>{t('agency.orgMembers.title', { name: organization?.name ?? '' })}</Title>
        <Text c="gray.7">{t('agency.orgMembers.subtitle')}</Text>
      </div>
      <MembersTable
        loading={members.fetching}
        error={members.error}
        empty={members.data !== undefined && rows.length === 0}
        canManage={canManage}
        timeZone={organization?.timezone}
        rows={rows.map((m) => ({
          userId: m.userId,
          name: m.user.displayName,
          email: m.user.email,
          joinedAt: m.joinedAt,
          roles: (
            <Group gap="xs">
              {m.roles.map((r) => (
                <Badge key={r} variant="light" color="blue">
                  {t(roleKey(r))}
                </Badge>
              ))}
              {canManage && (
                <Button
                  c="blue.9"
                  color="blue.8"
                  size="xs"
                  variant="subtle"
                  aria-label={t('agency.members.changeRolesOf', { name: m.user.displayName })}
                  onClick={() => setEditing({ userId: m.userId, name: m.user.displayName, roles: [...m.roles] })}
                >
                  {t('agency.members.changeRoles')}
                </Button>
              )}
            </Group>
          ),
        }))}
        onRemove={(userId, name) => setRemoving({ userId, name })}
      />
      <Pager
        page={pages.page}
        hasNextPage={members.data?.members.pageInfo.hasNextPage ?? false}
        onPrevious={pages.previous}
        onNext={() => pages.next(members.data?.members.pageInfo.endCursor)}
      />
      {members.data && !canManage && <ReadOnlyNote />}
      {canManage && (
        <>
          <PendingInvitations invitations={invitations} timeZone={organization?.timezone} />
          <InviteForm problems={inviteProblems.rest} sending={invite.fetching} onSubmit={submitInvite}>
            <TextInput
              label={t('agency.members.email')}
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={inviteProblems.at('input.email')}
            />
            <RolesPicker value={roles} onChange={setRoles} error={inviteProblems.at('input.roles')} />
          </InviteForm>
        </>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('agency.close') }}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t('agency.members.changeRolesOf', { name: editing?.name ?? '' })}
      >
        {editing && (
          <form
            onSubmit={async (event) => {
              event.preventDefault();
              const { data } = await changeRoles(
                { input: { userId: editing.userId, roles: editing.roles as OrganizationRole[] } },
                context,
              );
              if (!data) return;
              setEditing(null);
              refetch();
            }}
          >
            <Stack>
              <ProblemsAlert problems={changeProblems.rest} />
              <RolesPicker
                value={editing.roles}
                onChange={(next) => setEditing({ ...editing, roles: next })}
                error={changeProblems.at('input.roles')}
              />
              <Button color="blue.8" type="submit" loading={change.fetching}>
                {t('agency.save')}
              </Button>
            </Stack>
          </form>
        )}
      </Modal>
      <ConfirmModal
        opened={removing !== null}
        title={t('agency.members.removeTitle')}
        message={t('agency.members.removeConfirm', { name: removing?.name ?? '' })}
        confirmLabel={t('agency.members.remove')}
        error={remove.error}
        loading={remove.fetching}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          const { data } = await removeMember({ input: { userId: removing.userId } }, context);
          if (!data) return;
          setRemoving(null);
          refetch();
        }}
      />
    </Stack>
  );
}

/** What a person who does not manage the members sees instead of the invitation tools. */
function ReadOnlyNote() {
  const t = useT();
  return <Text c="gray.7">{t('agency.members.readOnly')}</Text>;
}

function RolesPicker({ value, onChange, error }: { value: string[]; onChange(next: string[]): void; error: string | undefined }) {
  const t = useT();
  return (
    <Checkbox.Group label={t('agency.members.roles')} value={value} onChange={onChange} error={error}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
        {ORGANIZATION_ROLES.map((r) => (
          <Checkbox key={r} value={r} label={t(roleKey(r))} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

interface MemberRow {
  userId: string;
  name: string;
  email: string;
  joinedAt: string;
  roles: ReactNode;
}

function MembersTable({
  rows,
  loading,
  error,
  empty,
  canManage,
  timeZone,
  onRemove,
}: {
  rows: MemberRow[];
  loading: boolean;
  error: CombinedError | undefined;
  empty: boolean;
  /** Whether the reader may remove members (else no removal button). */
  canManage: boolean;
  timeZone: string | undefined;
  onRemove(userId: string, name: string): void;
}) {
  const t = useT();
  const problems = fieldProblems(error);
  return (
    <>
      <ProblemsAlert problems={problems.rest} />
      {loading && rows.length === 0 && <Loader aria-label={t('agency.loading')} />}
      {empty && <Text>{t('agency.members.empty')}</Text>}
      {rows.length > 0 && (
        <Table aria-label={t('agency.members.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('agency.members.name')}</Table.Th>
              <Table.Th>{t('agency.members.email')}</Table.Th>
              <Table.Th>{t('agency.members.roles')}</Table.Th>
              <Table.Th>{t('agency.members.joined')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('agency.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.userId} data-testid="member-row">
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>{row.email}</Table.Td>
                <Table.Td>{row.roles}</Table.Td>
                <Table.Td>
                  <OrgDate value={row.joinedAt} timeZone={timeZone} />
                </Table.Td>
                <Table.Td>
                  {canManage && (
                    <Button
                      c="red.9"
                      size="xs"
                      color="red.9"
                      variant="subtle"
                      aria-label={t('agency.members.removeOf', { name: row.name })}
                      onClick={() => onRemove(row.userId, row.name)}
                    >
                      {t('agency.members.remove')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

/** Asks before removing a member or withdrawing an invitation, and shows the API's refusal if there is one. */
function ConfirmModal({
  opened,
  title,
  message,
  confirmLabel,
  error,
  loading,
  onClose,
  onConfirm,
}: {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  error: CombinedError | undefined;
  loading: boolean;
  onClose(): void;
  onConfirm(): void;
}) {
  const t = useT();
  const problems = fieldProblems(error);
  return (
    <Modal closeButtonProps={{ 'aria-label': t('agency.close') }} opened={opened} onClose={onClose} title={title}>
      <Stack>
        <Text>{message}</Text>
        <ProblemsAlert problems={problems.rest} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('agency.cancel')}
          </Button>
          <Button color="red.9" loading={loading} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The form that invites someone: its title, the API's problems no field shows, the level's fields, and Send. */
function InviteForm({
  problems,
  sending,
  onSubmit,
  children,
}: {
  problems: { field?: string; message: string }[];
  sending: boolean;
  onSubmit(): void;
  children: ReactNode;
}) {
  const t = useT();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} aria-labelledby="invite-title">
      <Stack>
        <Title order={3} id="invite-title">
          {t('agency.members.invite')}
        </Title>
        <ProblemsAlert problems={problems} />
        {children}
        <Group>
          <Button color="blue.8" type="submit" loading={sending}>
            {t('agency.members.sendInvite')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A time in the organisation's own zone (the browser's on the agency's pages), with the zone named. */
function ExpiryTime({ value, timeZone }: { value: string; timeZone: string | undefined }) {
  const intl = useIntl();
  return (
    <time dateTime={value}>
      {intl.formatDate(value, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
        timeZone,
      })}
    </time>
  );
}

/**
 * Invitations waiting for an answer, from the API (newest first, by pages), with their status and expiry; each can be
 * sent again (a new link, shown here once) or withdrawn. The link of an invitation exists only in the answer that
 * created it, so it is shown above the list until dismissed.
 */
function PendingInvitations({ invitations, timeZone }: { invitations: ReturnType<typeof useInvitations>; timeZone: string | undefined }) {
  const { pages, list, page, link, revoking } = invitations;
  const rows = page?.rows ?? [];
  const loading = list.fetching;
  const loaded = list.data !== undefined;
  const resending = invitations.resend.fetching;
  const onDismissLink = () => invitations.setLink(null);
  const onRevoke = (id: string, email: string) => invitations.setRevoking({ id, email });
  const t = useT();
  const problems = fieldProblems(list.error ?? invitations.resend.error);
  return (
    <Stack gap="xs">
      <Title order={3}>{t('agency.members.pending')}</Title>
      {link && (
        <Alert
          color="blue"
          variant="light"
          title={t('agency.members.linkFor', { email: link.email })}
          withCloseButton
          closeButtonLabel={t('agency.members.hideLink')}
          onClose={onDismissLink}
          data-testid="invitation-link"
        >
          {link.emailed && (
            <Text size="sm" mb="xs">
              {t('agency.members.mailed', { email: link.email })}
            </Text>
          )}
          <Group gap="xs" wrap="nowrap">
            <Code style={{ maxWidth: 520, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{link.acceptUrl}</Code>
            <CopyButton value={link.acceptUrl}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy}>
                  {copied ? t('agency.copied') : t('agency.copyLink')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      <ProblemsAlert problems={problems.rest} />
      {loading && rows.length === 0 && <Loader aria-label={t('agency.loading')} />}
      {loaded && rows.length === 0 && <Text c="gray.7">{t('agency.members.pendingEmpty')}</Text>}
      {rows.length > 0 && (
        <Table aria-label={t('agency.members.pending')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('agency.members.email')}</Table.Th>
              <Table.Th>{t('agency.members.roles')}</Table.Th>
              <Table.Th>{t('agency.members.invitedBy')}</Table.Th>
              <Table.Th>{t('agency.members.status')}</Table.Th>
              <Table.Th>{t('agency.members.expires')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('agency.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((i) => (
              <Table.Tr key={i.id} data-testid="invitation-row">
                <Table.Td>{i.email}</Table.Td>
                <Table.Td>{i.roles.map((r) => t(roleKey(r))).join(', ')}</Table.Td>
                <Table.Td>{i.invitedBy ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={i.status === 'EXPIRED' ? 'red' : 'blue'}>
                    {t(`agency.invitation.${i.status}` as MessageKey)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <ExpiryTime value={i.expiresAt} timeZone={timeZone} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      c="blue.9"
                      color="blue.8"
                      size="xs"
                      variant="subtle"
                      disabled={resending}
                      aria-label={t('agency.members.resendOf', { email: i.email })}
                      onClick={() => void invitations.resendOne(i.id)}
                    >
                      {t('agency.members.resend')}
                    </Button>
                    <Button
                      c="red.9"
                      color="red.9"
                      size="xs"
                      variant="subtle"
                      aria-label={t('agency.members.revokeOf', { email: i.email })}
                      onClick={() => onRevoke(i.id, i.email)}
                    >
                      {t('agency.members.revoke')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Pager
        page={pages.page}
        hasNextPage={page?.hasNextPage ?? false}
        onPrevious={pages.previous}
        onNext={() => pages.next(page?.endCursor)}
      />
      <Alert color="gray" variant="light">
        {t('agency.members.pendingNote')}
      </Alert>
      <ConfirmModal
        opened={revoking !== null}
        title={t('agency.members.revokeTitle')}
        message={t('agency.members.revokeConfirm', { email: revoking?.email ?? '' })}
        confirmLabel={t('agency.members.revoke')}
        error={invitations.revoke.error}
        loading={invitations.revoke.fetching}
        onClose={() => invitations.setRevoking(null)}
        onConfirm={() => void invitations.revokeConfirmed()}
      />
    </Stack>
  );
}
