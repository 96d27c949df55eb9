import { Injectable } from '@nestjs/common';
import { IsNull, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { AgencyContext, CallerContext, OrganizationContext, UserContext } from '@socle/platform-auth';
import type { OrganizationUnitOfWork, UnitOfWork } from '@socle/platform-database';
import { likeContains } from '@socle/platform-database';
import { KeysetPage } from '@socle/platform-graphql';
import {
  AgencyAuditEventEntity,
  AgencyEntity,
  AgencyInvitationEntity,
  AgencyMembershipEntity,
  ApiKeyEntity,
  AuditEventEntity,
  OrganizationEntity,
  OrganizationInvitationEntity,
  OrganizationMembershipEntity,
  RefreshTokenEntity,
  UserEntity,
} from './entities';

/** Keyset page request: rows after `after`, `size + 1` of them. */
export type PageQuery = KeysetPage;

/** `SELECT count(*)` over a list's rows (its FROM and WHERE, no order, cursor or limit), in the builder's unit of work. */
async function countOf<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<number> {
  const row = await qb.select('count(*)::int', 'n').getRawOne<{ n: number }>();
  return row?.n ?? 0;
}

/**
 * The only place that queries accounts tables. Every method takes the caller's
 * context, whose type proves the tenant (agency or organisation) was resolved;
 * the unit of work inside it carries the same tenant to row-level security.
 */
@Injectable()
export class UserRepository {
  async findByIds(ctx: CallerContext, ids: readonly string[]): Promise<UserEntity[]> {
    if (ids.length === 0) return [];
    return ctx.uow.query<UserEntity>(
      `SELECT id, email, display_name AS "displayName", locale, created_at AS "createdAt", updated_at AS "updatedAt"
         FROM users WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async findSelf(ctx: UserContext): Promise<UserEntity | null> {
    const [user] = await this.findByIds(ctx, [ctx.userId]);
    return user ?? null;
  }

  async findByEmailForAuth(uow: UnitOfWork, email: string): Promise<{ id: string; password_hash: string } | null> {
    const [row] = await uow.query<{ id: string; password_hash: string }>('SELECT id, password_hash FROM socle_auth_user_by_email($1)', [
      email,
    ]);
    return row ?? null;
  }

  async agencyIdsForAuth(uow: UnitOfWork, userId: string): Promise<string[]> {
    const rows = await uow.query<{ agency_id: string }>('SELECT agency_id FROM socle_auth_user_agencies($1)', [userId]);
    return rows.map((r) => r.agency_id);
  }

  /** Changes the caller's own row (and nobody else's: the row is the context's user, and row-level security says so too). */
  async updateSelf(ctx: UserContext, patch: Partial<Pick<UserEntity, 'displayName' | 'locale'>>): Promise<UserEntity | null> {
    await (await ctx.uow.manager()).update(UserEntity, { id: ctx.userId }, patch);
    return this.findSelf(ctx);
  }

  /** Inserts a user; the unit of work's scope must carry this user's id. */
  async insert(uow: UnitOfWork, user: Pick<UserEntity, 'id' | 'email' | 'displayName' | 'passwordHash' | 'locale'>): Promise<void> {
    await (await uow.manager()).insert(UserEntity, user);
  }
}

@Injectable()
export class AgencyRepository {
  async insert(uow: UnitOfWork, agency: Pick<AgencyEntity, 'id' | 'name'>): Promise<void> {
    await (await uow.manager()).insert(AgencyEntity, agency);
  }

  async find(ctx: AgencyContext): Promise<AgencyEntity | null> {
    return (await ctx.uow.manager()).findOne(AgencyEntity, { where: { id: ctx.agencyId } });
  }

  async rename(ctx: AgencyContext, name: string): Promise<AgencyEntity | null> {
    await (await ctx.uow.manager()).update(AgencyEntity, { id: ctx.agencyId }, { name });
    return this.find(ctx);
  }

  async addMember(uow: UnitOfWork, agencyId: string, userId: string, role: AgencyMembershipEntity['role']): Promise<void> {
    await (await uow.manager()).insert(AgencyMembershipEntity, { agencyId, userId, role });
  }

  async members(ctx: AgencyContext, page: PageQuery): Promise<AgencyMembershipEntity[]> {
    const qb = (await this.staffOf(ctx))
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.user_id', 'ASC')
      .limit(page.size + 1);
    if (page.after) qb.andWhere('(m.created_at, m.user_id) > (:at::timestamptz, :id::uuid)', { at: page.after[0], id: page.after[1] });
    return qb.getMany();
  }

  /** How many people the agency's staff holds: every page of `members` together. */
  async countMembers(ctx: AgencyContext): Promise<number> {
    return countOf(await this.staffOf(ctx));
  }

  /** The agency's staff, before any order or cursor: what `members` pages through and `countMembers` counts. */
  private async staffOf(ctx: AgencyContext): Promise<SelectQueryBuilder<AgencyMembershipEntity>> {
    return (await ctx.uow.manager())
      .createQueryBuilder(AgencyMembershipEntity, 'm')
      .where('m.agency_id = :agencyId', { agencyId: ctx.agencyId });
  }

  async member(ctx: AgencyContext, userId: string): Promise<AgencyMembershipEntity | null> {
    return (await ctx.uow.manager()).findOne(AgencyMembershipEntity, { where: { agencyId: ctx.agencyId, userId } });
  }

  async countOwners(ctx: AgencyContext): Promise<number> {
    return (await ctx.uow.manager()).count(AgencyMembershipEntity, { where: { agencyId: ctx.agencyId, role: 'OWNER' } });
  }

  async setRole(ctx: AgencyContext, userId: string, role: AgencyMembershipEntity['role']): Promise<void> {
    await (await ctx.uow.manager()).update(AgencyMembershipEntity, { agencyId: ctx.agencyId, userId }, { role });
  }

  async removeMember(ctx: AgencyContext, userId: string): Promise<void> {
    await (await ctx.uow.manager()).delete(AgencyMembershipEntity, { agencyId: ctx.agencyId, userId });
  }

  /** Agencies and roles of the signed-in person (their own membership rows). */
  async membershipsOf(ctx: UserContext): Promise<{ agency: AgencyEntity; role: AgencyMembershipEntity['role'] }[]> {
    const rows = await ctx.uow.query<{
      id: string;
      name: string;
      created_at: Date;
      updated_at: Date;
      role: AgencyMembershipEntity['role'];
    }>(
      `SELECT a.id, a.name, a.created_at, a.updated_at, m.role FROM agency_memberships m JOIN agencies a ON a.id = m.agency_id
        WHERE m.user_id = $1 ORDER BY a.name`,
      [ctx.userId],
    );
    return rows.map((r) => ({ agency: { id: r.id, name: r.name, createdAt: r.created_at, updatedAt: r.updated_at }, role: r.role }));
  }
}

export interface OrganizationFilter {
  nameContains?: string;
  status?: OrganizationEntity['status'];
  /** Only organisations where this user holds a membership (agency members who are not owners or admins). */
  memberUserId?: string;
}

@Injectable()
export class OrganizationRepository {
  async insert(
    ctx: AgencyContext,
    org: Pick<OrganizationEntity, 'id' | 'name' | 'sector' | 'size' | 'locale' | 'timezone'>,
  ): Promise<OrganizationEntity> {
    const manager = await ctx.uow.manager();
    await manager.insert(OrganizationEntity, { ...org, agencyId: ctx.agencyId, status: 'ACTIVE' });
    return manager.findOneOrFail(OrganizationEntity, { where: { id: org.id, agencyId: ctx.agencyId } });
  }

  async page(ctx: AgencyContext, filter: OrganizationFilter, page: PageQuery): Promise<OrganizationEntity[]> {
    const qb = (await this.filtered(ctx, filter))
      .orderBy('o.created_at', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .limit(page.size + 1);
    if (page.after) qb.andWhere('(o.created_at, o.id) > (:at::timestamptz, :id::uuid)', { at: page.after[0], id: page.after[1] });
    return qb.getMany();
  }

  /** How many of the agency's organisations pass the filter: every page of `page` together. */
  async count(ctx: AgencyContext, filter: OrganizationFilter): Promise<number> {
    return countOf(await this.filtered(ctx, filter));
  }

  /** The agency's organisations that pass the filter, before any order or cursor: what `page` and `count` share. */
  private async filtered(ctx: AgencyContext, filter: OrganizationFilter): Promise<SelectQueryBuilder<OrganizationEntity>> {
    const qb = (await ctx.uow.manager())
      .createQueryBuilder(OrganizationEntity, 'o')
      .where('o.agency_id = :agencyId', { agencyId: ctx.agencyId });
    if (filter.nameContains) qb.andWhere('o.name ILIKE :q', { q: likeContains(filter.nameContains) });
    if (filter.status) qb.andWhere('o.status = :status', { status: filter.status });
    if (filter.memberUserId) {
      qb.andWhere('EXISTS (SELECT 1 FROM organization_memberships m WHERE m.organization_id = o.id AND m.user_id = :member)', {
        member: filter.memberUserId,
      });
    }
    return qb;
  }

  async findInAgency(ctx: AgencyContext, id: string): Promise<OrganizationEntity | null> {
    return (await ctx.uow.manager()).findOne(OrganizationEntity, { where: { id, agencyId: ctx.agencyId } });
  }

  /** The unit of work's own organisation (name, language, time zone…), for anything that acts inside it. */
  async find(ctx: Pick<OrganizationContext, 'uow'>): Promise<OrganizationEntity | null> {
    return (await ctx.uow.manager()).findOne(OrganizationEntity, { where: { id: ctx.uow.organizationId } });
  }

  async update(
    ctx: OrganizationContext,
    patch: Partial<Pick<OrganizationEntity, 'name' | 'sector' | 'size' | 'locale' | 'timezone'>>,
  ): Promise<OrganizationEntity | null> {
    if (Object.keys(patch).length > 0) await (await ctx.uow.manager()).update(OrganizationEntity, { id: ctx.uow.organizationId }, patch);
    return this.find(ctx);
  }

  async markDeletionPending(ctx: AgencyContext, id: string): Promise<void> {
    await (
      await ctx.uow.manager()
    ).update(
      OrganizationEntity,
      { id, agencyId: ctx.agencyId, status: 'ACTIVE' },
      { status: 'DELETION_PENDING', deletionRequestedAt: () => 'now()' },
    );
  }

  /** Organisations waiting to be purged, across tenants (for the reconciler). */
  async pendingDeletions(uow: UnitOfWork): Promise<{ id: string; agency_id: string }[]> {
    return uow.query('SELECT id, agency_id FROM socle_pending_organization_deletions()');
  }

  async deleteRow(ctx: AgencyContext, id: string): Promise<void> {
    await (await ctx.uow.manager()).delete(OrganizationEntity, { id, agencyId: ctx.agencyId, status: 'DELETION_PENDING' });
  }

  /** Organisations and roles of the signed-in person, across tenants. */
  async membershipsOf(ctx: UserContext): Promise<{ organization: OrganizationEntity; roles: string[] }[]> {
    const rows = await ctx.uow.query<{
      id: string;
      agency_id: string;
      name: string;
      sector: string | null;
      size: string | null;
      locale: 'fr' | 'en';
      timezone: string;
      status: OrganizationEntity['status'];
      deletion_requested_at: Date | null;
      created_at: Date;
      updated_at: Date;
      roles: string[];
    }>('SELECT * FROM socle_my_organizations()');
    return rows.map((r) => ({
      roles: r.roles,
      organization: {
        id: r.id,
        agencyId: r.agency_id,
        name: r.name,
        sector: r.sector,
        size: r.size,
        locale: r.locale,
        timezone: r.timezone,
        status: r.status,
        deletionRequestedAt: r.deletion_requested_at,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      },
    }));
  }
}

const MEMBERS_JOINED = 'organization_memberships m JOIN users u ON u.id = m.user_id';
const MEMBER_WITH_USER = `SELECT m.organization_id, m.user_id, m.roles, m.created_at, m.updated_at,
       u.email, u.display_name, u.locale, u.created_at AS user_created_at
  FROM ${MEMBERS_JOINED}`;

/** The organisation's members: the condition of their pages and of their count. */
const IN_ORGANIZATION = 'm.organization_id = $1';
const MEMBERS_FIRST = `${MEMBER_WITH_USER} WHERE ${IN_ORGANIZATION} ORDER BY m.created_at, m.user_id LIMIT $2`;
const MEMBERS_AFTER = `${MEMBER_WITH_USER} WHERE ${IN_ORGANIZATION} AND (m.created_at, m.user_id) > ($3::timestamptz, $4::uuid)
  ORDER BY m.created_at, m.user_id LIMIT $2`;
const MEMBERS_COUNT = `SELECT count(*)::int AS n FROM ${MEMBERS_JOINED} WHERE ${IN_ORGANIZATION}`;

interface MemberRow {
  organization_id: string;
  user_id: string;
  roles: string[];
  created_at: Date;
  updated_at: Date;
  email: string;
  display_name: string;
  locale: 'fr' | 'en';
  user_created_at: Date;
}

export interface MemberWithUser extends OrganizationMembershipEntity {
  user: Pick<UserEntity, 'id' | 'email' | 'displayName' | 'locale' | 'createdAt'>;
}

const toMemberWithUser = (r: MemberRow): MemberWithUser => ({
  organizationId: r.organization_id,
  userId: r.user_id,
  roles: r.roles,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  user: { id: r.user_id, email: r.email, displayName: r.display_name, locale: r.locale, createdAt: r.user_created_at },
});

@Injectable()
export class MembershipRepository {
  /**
   * A page of members with their users, in one statement: a list that always
   * shows its people joins them rather than resolving each one. Raw rows: list
   * reads skip entity hydration, which costs a third of the time here.
   */
  async page(ctx: OrganizationContext, page: PageQuery): Promise<MemberWithUser[]> {
    const rows = page.after
      ? await ctx.uow.prepared<MemberRow>('accounts_members_after', MEMBERS_AFTER, [
          ctx.uow.organizationId,
          page.size + 1,
          page.after[0],
          page.after[1],
        ])
      : await ctx.uow.prepared<MemberRow>('accounts_members_first', MEMBERS_FIRST, [ctx.uow.organizationId, page.size + 1]);
    return rows.map(toMemberWithUser);
  }

  /** How many members the organisation has: every page of `page` together. */
  async count(ctx: OrganizationContext): Promise<number> {
    const [row] = await ctx.uow.prepared<{ n: number }>('accounts_members_count', MEMBERS_COUNT, [ctx.uow.organizationId]);
    return row?.n ?? 0;
  }

  async findWithUser(ctx: OrganizationContext, userId: string): Promise<MemberWithUser | null> {
    const [row] = await ctx.uow.query<MemberRow>(`${MEMBER_WITH_USER} WHERE m.organization_id = $1 AND m.user_id = $2`, [
      ctx.uow.organizationId,
      userId,
    ]);
    return row ? toMemberWithUser(row) : null;
  }

  async find(ctx: OrganizationContext, userId: string): Promise<OrganizationMembershipEntity | null> {
    return (await ctx.uow.manager()).findOne(OrganizationMembershipEntity, { where: { organizationId: ctx.uow.organizationId, userId } });
  }

  async upsert(ctx: OrganizationContext, userId: string, roles: string[]): Promise<OrganizationMembershipEntity> {
    await ctx.uow.query(
      `INSERT INTO organization_memberships (organization_id, user_id, roles) VALUES ($1, $2, $3)
       ON CONFLICT (organization_id, user_id) DO UPDATE SET roles = (SELECT array_agg(DISTINCT r ORDER BY r) FROM unnest(organization_memberships.roles || EXCLUDED.roles) r), updated_at = now()`,
      [ctx.uow.organizationId, userId, roles],
    );
    return (await this.find(ctx, userId)) as OrganizationMembershipEntity;
  }

  async setRoles(ctx: OrganizationContext, userId: string, roles: string[]): Promise<void> {
    await (await ctx.uow.manager()).update(OrganizationMembershipEntity, { organizationId: ctx.uow.organizationId, userId }, { roles });
  }

  async remove(ctx: OrganizationContext, userId: string): Promise<void> {
    await (await ctx.uow.manager()).delete(OrganizationMembershipEntity, { organizationId: ctx.uow.organizationId, userId });
  }

  /** The signed-in person's own roles in these organisations (their own membership rows, whatever tenant is set). */
  async rolesOfSelf(ctx: UserContext, organizationIds: readonly string[]): Promise<{ organizationId: string; roles: string[] }[]> {
    if (organizationIds.length === 0) return [];
    return ctx.uow.query<{ organizationId: string; roles: string[] }>(
      `SELECT organization_id AS "organizationId", roles FROM organization_memberships WHERE user_id = $1 AND organization_id = ANY($2::uuid[])`,
      [ctx.userId, organizationIds],
    );
  }

  async countWithRole(ctx: OrganizationContext, role: string): Promise<number> {
    const [row] = await ctx.uow.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM organization_memberships WHERE organization_id = $1 AND $2 = ANY(roles)',
      [ctx.uow.organizationId, role],
    );
    return row?.n ?? 0;
  }
}

@Injectable()
export class InvitationRepository {
  async insertForOrganization(
    ctx: OrganizationContext,
    invitation: Omit<OrganizationInvitationEntity, 'organizationId' | 'createdAt' | 'acceptedAt' | 'acceptedBy' | 'revokedAt'>,
  ): Promise<OrganizationInvitationEntity> {
    const manager = await ctx.uow.manager();
    await manager.insert(OrganizationInvitationEntity, { ...invitation, organizationId: ctx.uow.organizationId });
    return manager.findOneOrFail(OrganizationInvitationEntity, { where: { organizationId: ctx.uow.organizationId, id: invitation.id } });
  }

  async insertForAgency(
    ctx: AgencyContext,
    invitation: Omit<AgencyInvitationEntity, 'agencyId' | 'createdAt' | 'acceptedAt' | 'acceptedBy' | 'revokedAt'>,
  ): Promise<AgencyInvitationEntity> {
    const manager = await ctx.uow.manager();
    await manager.insert(AgencyInvitationEntity, { ...invitation, agencyId: ctx.agencyId });
    return manager.findOneOrFail(AgencyInvitationEntity, { where: { agencyId: ctx.agencyId, id: invitation.id } });
  }

  /** In the organisation the invitation token names. */
  async findOrganizationInvitation(uow: OrganizationUnitOfWork, tokenHash: Buffer): Promise<OrganizationInvitationEntity | null> {
    return (await uow.manager()).findOne(OrganizationInvitationEntity, { where: { organizationId: uow.organizationId, tokenHash } });
  }

  async findAgencyInvitation(uow: UnitOfWork, agencyId: string, tokenHash: Buffer): Promise<AgencyInvitationEntity | null> {
    return (await uow.manager()).findOne(AgencyInvitationEntity, { where: { agencyId, tokenHash } });
  }

  /**
   * Marks it accepted if it still is what the token found: neither accepted, nor withdrawn, nor sent again with
   * another token since (a withdrawal or a new link committed meanwhile makes this change nothing).
   */
  async markOrganizationInvitationAccepted(uow: OrganizationUnitOfWork, id: string, tokenHash: Buffer, userId: string): Promise<boolean> {
    const result = await (
      await uow.manager()
    ).update(
      OrganizationInvitationEntity,
      { organizationId: uow.organizationId, id, tokenHash, acceptedAt: IsNull(), revokedAt: IsNull() },
      { acceptedAt: () => 'now()', acceptedBy: userId },
    );
    return (result.affected ?? 0) === 1;
  }

  async markAgencyInvitationAccepted(uow: UnitOfWork, agencyId: string, id: string, tokenHash: Buffer, userId: string): Promise<boolean> {
    const result = await (
      await uow.manager()
    ).update(
      AgencyInvitationEntity,
      { agencyId, id, tokenHash, acceptedAt: IsNull(), revokedAt: IsNull() },
      { acceptedAt: () => 'now()', acceptedBy: userId },
    );
    return (result.affected ?? 0) === 1;
  }

  // ---- pending invitations, as their managers see them ----

  /** Neither accepted nor withdrawn, newest first (expired ones included); the inviter's name live when visible. */
  async pendingInOrganization(ctx: OrganizationContext, page: PageQuery): Promise<PendingInvitationRow[]> {
    const after = page.after ? 'AND (i.created_at, i.id) < ($3::timestamptz, $4::uuid)' : '';
    return ctx.uow.query<PendingInvitationRow>(
      `SELECT i.id, i.email, i.roles, NULL AS role, ${PENDING_COLUMNS}
         FROM organization_invitations i LEFT JOIN users u ON u.id = i.invited_by
        WHERE ${pendingIn('organization_id')} ${after}
        ORDER BY i.created_at DESC, i.id DESC LIMIT $2`,
      [ctx.uow.organizationId, page.size + 1, ...(page.after ?? [])],
    );
  }

  /** How many invitations of the organisation are pending: every page of `pendingInOrganization` together. */
  async countPendingInOrganization(ctx: OrganizationContext): Promise<number> {
    const [row] = await ctx.uow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM organization_invitations i WHERE ${pendingIn('organization_id')}`,
      [ctx.uow.organizationId],
    );
    return row?.n ?? 0;
  }

  async pendingInAgency(ctx: AgencyContext, page: PageQuery): Promise<PendingInvitationRow[]> {
    const after = page.after ? 'AND (i.created_at, i.id) < ($3::timestamptz, $4::uuid)' : '';
    return ctx.uow.query<PendingInvitationRow>(
      `SELECT i.id, i.email, NULL AS roles, i.role, ${PENDING_COLUMNS}
         FROM agency_invitations i LEFT JOIN users u ON u.id = i.invited_by
        WHERE ${pendingIn('agency_id')} ${after}
        ORDER BY i.created_at DESC, i.id DESC LIMIT $2`,
      [ctx.agencyId, page.size + 1, ...(page.after ?? [])],
    );
  }

  /** How many invitations into the agency are pending: every page of `pendingInAgency` together. */
  async countPendingInAgency(ctx: AgencyContext): Promise<number> {
    const [row] = await ctx.uow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM agency_invitations i WHERE ${pendingIn('agency_id')}`,
      [ctx.agencyId],
    );
    return row?.n ?? 0;
  }

  async findInOrganization(ctx: OrganizationContext, id: string): Promise<OrganizationInvitationEntity | null> {
    return (await ctx.uow.manager()).findOne(OrganizationInvitationEntity, { where: { organizationId: ctx.uow.organizationId, id } });
  }

  async findInAgency(ctx: AgencyContext, id: string): Promise<AgencyInvitationEntity | null> {
    return (await ctx.uow.manager()).findOne(AgencyInvitationEntity, { where: { agencyId: ctx.agencyId, id } });
  }

  /** Withdraws it if still pending; false when it was accepted or withdrawn meanwhile. */
  async revokeInOrganization(ctx: OrganizationContext, id: string): Promise<boolean> {
    return (
      (await ctx.uow.execute(
        `UPDATE organization_invitations SET revoked_at = now()
          WHERE organization_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [ctx.uow.organizationId, id],
      )) === 1
    );
  }

  async revokeInAgency(ctx: AgencyContext, id: string): Promise<boolean> {
    return (
      (await ctx.uow.execute(
        `UPDATE agency_invitations SET revoked_at = now() WHERE agency_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [ctx.agencyId, id],
      )) === 1
    );
  }

  /** A new secret and expiry for a pending invitation (the old link stops working); false when no longer pending. */
  async renewInOrganization(ctx: OrganizationContext, id: string, tokenHash: Buffer, expiresAt: Date): Promise<boolean> {
    return (
      (await ctx.uow.execute(
        `UPDATE organization_invitations SET token_hash = $3, expires_at = $4
          WHERE organization_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [ctx.uow.organizationId, id, tokenHash, expiresAt],
      )) === 1
    );
  }

  async renewInAgency(ctx: AgencyContext, id: string, tokenHash: Buffer, expiresAt: Date): Promise<boolean> {
    return (
      (await ctx.uow.execute(
        `UPDATE agency_invitations SET token_hash = $3, expires_at = $4
          WHERE agency_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [ctx.agencyId, id, tokenHash, expiresAt],
      )) === 1
    );
  }
}

/** Invitations of the tenant in $1 neither accepted nor withdrawn: the condition of their pages and of their count. */
function pendingIn(tenant: 'organization_id' | 'agency_id'): string {
  return `i.${tenant} = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL`;
}

const PENDING_COLUMNS = `i.invited_by AS "invitedBy", coalesce(u.display_name, i.invited_by_name) AS "invitedByName",
  i.created_at AS "createdAt", i.expires_at AS "expiresAt", i.expires_at <= now() AS expired`;

/** A pending invitation as listed: `roles` for an organisation's, `role` for the agency's; never its token. */
export interface PendingInvitationRow {
  id: string;
  email: string;
  roles: string[] | null;
  role: 'ADMIN' | 'MEMBER' | null;
  invitedBy: string | null;
  invitedByName: string | null;
  createdAt: Date;
  expiresAt: Date;
  expired: boolean;
}

@Injectable()
export class ApiKeyRepository {
  async insert(ctx: AgencyContext, key: Omit<ApiKeyEntity, 'agencyId' | 'createdAt' | 'revokedAt' | 'lastUsedAt'>): Promise<ApiKeyEntity> {
    const manager = await ctx.uow.manager();
    await manager.insert(ApiKeyEntity, { ...key, agencyId: ctx.agencyId });
    return manager.findOneOrFail(ApiKeyEntity, { where: { agencyId: ctx.agencyId, id: key.id } });
  }

  async page(ctx: AgencyContext, page: PageQuery): Promise<ApiKeyEntity[]> {
    const qb = (await this.keysOf(ctx))
      .orderBy('k.created_at', 'ASC')
      .addOrderBy('k.id', 'ASC')
      .limit(page.size + 1);
    if (page.after) qb.andWhere('(k.created_at, k.id) > (:at::timestamptz, :id::uuid)', { at: page.after[0], id: page.after[1] });
    return qb.getMany();
  }

  /** How many keys the agency has, revoked and expired ones included: every page of `page` together. */
  async count(ctx: AgencyContext): Promise<number> {
    return countOf(await this.keysOf(ctx));
  }

  /** The agency's keys, before any order or cursor: what `page` and `count` share. */
  private async keysOf(ctx: AgencyContext): Promise<SelectQueryBuilder<ApiKeyEntity>> {
    return (await ctx.uow.manager()).createQueryBuilder(ApiKeyEntity, 'k').where('k.agency_id = :agencyId', { agencyId: ctx.agencyId });
  }

  async find(ctx: AgencyContext, id: string): Promise<ApiKeyEntity | null> {
    return (await ctx.uow.manager()).findOne(ApiKeyEntity, { where: { agencyId: ctx.agencyId, id } });
  }

  async revoke(ctx: AgencyContext, id: string): Promise<void> {
    await (await ctx.uow.manager()).update(ApiKeyEntity, { agencyId: ctx.agencyId, id }, { revokedAt: () => 'now()' });
  }
}

@Injectable()
export class SessionRepository {
  async insert(uow: UnitOfWork, token: Pick<RefreshTokenEntity, 'userId' | 'id' | 'familyId' | 'tokenHash' | 'expiresAt'>): Promise<void> {
    await (await uow.manager()).insert(RefreshTokenEntity, token);
  }

  /** Locks the row so two concurrent refreshes with one token cannot both succeed. */
  async findForUpdate(uow: UnitOfWork, userId: string, tokenHash: Buffer): Promise<RefreshTokenEntity | null> {
    const [row] = await uow.query<{
      user_id: string;
      id: string;
      family_id: string;
      token_hash: Buffer;
      expires_at: Date;
      used_at: Date | null;
      revoked_at: Date | null;
      created_at: Date;
    }>('SELECT * FROM refresh_tokens WHERE user_id = $1 AND token_hash = $2 FOR UPDATE', [userId, tokenHash]);
    return row
      ? {
          userId: row.user_id,
          id: row.id,
          familyId: row.family_id,
          tokenHash: row.token_hash,
          expiresAt: row.expires_at,
          usedAt: row.used_at,
          revokedAt: row.revoked_at,
          createdAt: row.created_at,
        }
      : null;
  }

  async markUsed(uow: UnitOfWork, userId: string, id: string): Promise<void> {
    await (await uow.manager()).update(RefreshTokenEntity, { userId, id }, { usedAt: () => 'now()' });
  }

  async revokeFamily(uow: UnitOfWork, userId: string, familyId: string): Promise<number> {
    return uow.execute('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND family_id = $2 AND revoked_at IS NULL', [
      userId,
      familyId,
    ]);
  }
}

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  metadata?: Record<string, unknown>;
}

@Injectable()
export class AuditRepository {
  /** In the unit of work's organisation. */
  async recordInOrganization(
    uow: OrganizationUnitOfWork,
    actor: CallerContext['actor'],
    entry: AuditEntry,
    requestId?: string,
  ): Promise<void> {
    await (
      await uow.manager()
    ).insert(AuditEventEntity, {
      organizationId: uow.organizationId,
      actorType: actor.type,
      actorId: actor.id,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      metadata: entry.metadata ?? {},
      requestId: requestId ?? null,
      occurredAt: () => 'clock_timestamp()',
    } as never);
  }

  async recordInAgency(
    uow: UnitOfWork,
    agencyId: string,
    actor: CallerContext['actor'],
    entry: AuditEntry & { organizationId?: string },
    requestId?: string,
  ): Promise<void> {
    await (
      await uow.manager()
    ).insert(AgencyAuditEventEntity, {
      agencyId,
      subjectOrganizationId: entry.organizationId ?? null,
      actorType: actor.type,
      actorId: actor.id,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      metadata: entry.metadata ?? {},
      requestId: requestId ?? null,
      occurredAt: () => 'clock_timestamp()',
    } as never);
  }

  async recordSecurityEvent(uow: UnitOfWork, kind: string, emailHash: string, ip: string, requestId: string): Promise<void> {
    await uow.query('INSERT INTO security_events (kind, email_hash, ip, request_id) VALUES ($1, $2, $3, $4)', [
      kind,
      emailHash,
      ip,
      requestId,
    ]);
  }

  async organizationPage(ctx: OrganizationContext, page: PageQuery): Promise<AuditEventEntity[]> {
    const qb = (await this.organizationEvents(ctx))
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(page.size + 1);
    if (page.after) qb.andWhere('(e.occurred_at, e.id) < (:at::timestamptz, :id::uuid)', { at: page.after[0], id: page.after[1] });
    return qb.getMany();
  }

  async agencyPage(ctx: AgencyContext, page: PageQuery): Promise<AgencyAuditEventEntity[]> {
    const qb = (await this.agencyEvents(ctx))
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(page.size + 1);
    if (page.after) qb.andWhere('(e.occurred_at, e.id) < (:at::timestamptz, :id::uuid)', { at: page.after[0], id: page.after[1] });
    return qb.getMany();
  }

  /** How many events the organisation's audit log holds: every page of `organizationPage` together. */
  async countInOrganization(ctx: OrganizationContext): Promise<number> {
    return countOf(await this.organizationEvents(ctx));
  }

  /** How many events the agency's audit log holds: every page of `agencyPage` together. */
  async countInAgency(ctx: AgencyContext): Promise<number> {
    return countOf(await this.agencyEvents(ctx));
  }

  /** The organisation's audit log, before any order or cursor. */
  private async organizationEvents(ctx: OrganizationContext): Promise<SelectQueryBuilder<AuditEventEntity>> {
    return (await ctx.uow.manager())
      .createQueryBuilder(AuditEventEntity, 'e')
      .where('e.organization_id = :org', { org: ctx.uow.organizationId });
  }

  /** The agency's audit log, before any order or cursor. */
  private async agencyEvents(ctx: AgencyContext): Promise<SelectQueryBuilder<AgencyAuditEventEntity>> {
    return (await ctx.uow.manager())
      .createQueryBuilder(AgencyAuditEventEntity, 'e')
      .where('e.agency_id = :agency', { agency: ctx.agencyId });
  }
}
