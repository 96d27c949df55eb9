import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Accounts tables. Tenant keys lead every primary key (organization_id or
 * agency_id), so the tables can be distributed by them; row-level security
 * policies live in the migration.
 */
@Entity('users')
export class UserEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') email!: string;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('text', { name: 'password_hash', select: false }) passwordHash!: string;
  @Column('text') locale!: 'fr' | 'en';
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('agencies')
export class AgencyEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('agency_memberships')
export class AgencyMembershipEntity {
  @PrimaryColumn('uuid', { name: 'agency_id' }) agencyId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') role!: 'OWNER' | 'ADMIN' | 'MEMBER';
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'agency_id' }) agencyId!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) sector!: string | null;
  @Column('text', { nullable: true }) size!: string | null;
  @Column('text') locale!: 'fr' | 'en';
  @Column('text') timezone!: string;
  @Column('text') status!: 'ACTIVE' | 'DELETION_PENDING';
  @Column('timestamptz', { name: 'deletion_requested_at', nullable: true }) deletionRequestedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('organization_memberships')
export class OrganizationMembershipEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('text', { array: true }) roles!: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('organization_invitations')
export class OrganizationInvitationEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('text') email!: string;
  @Column('text', { array: true }) roles!: string[];
  @Column('bytea', { name: 'token_hash', select: false }) tokenHash!: Buffer;
  @Column('uuid', { name: 'invited_by', nullable: true }) invitedBy!: string | null;
  /** The inviter's name when they sent it: they may be agency staff the tenant's readers cannot see. */
  @Column('text', { name: 'invited_by_name', nullable: true }) invitedByName!: string | null;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'accepted_at', nullable: true }) acceptedAt!: Date | null;
  @Column('uuid', { name: 'accepted_by', nullable: true }) acceptedBy!: string | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('agency_invitations')
export class AgencyInvitationEntity {
  @PrimaryColumn('uuid', { name: 'agency_id' }) agencyId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('text') email!: string;
  @Column('text') role!: 'ADMIN' | 'MEMBER';
  @Column('bytea', { name: 'token_hash', select: false }) tokenHash!: Buffer;
  @Column('uuid', { name: 'invited_by', nullable: true }) invitedBy!: string | null;
  /** The inviter's name when they sent it: they may be agency staff the tenant's readers cannot see. */
  @Column('text', { name: 'invited_by_name', nullable: true }) invitedByName!: string | null;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'accepted_at', nullable: true }) acceptedAt!: Date | null;
  @Column('uuid', { name: 'accepted_by', nullable: true }) acceptedBy!: string | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryColumn('uuid', { name: 'agency_id' }) agencyId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('uuid', { name: 'scope_organization_id', nullable: true }) scopeOrganizationId!: string | null;
  @Column('text', { array: true }) scopes!: string[];
  @Column('text', { name: 'display_prefix' }) displayPrefix!: string;
  @Column('bytea', { name: 'secret_hash', select: false }) secretHash!: Buffer;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'expires_at', nullable: true }) expiresAt!: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt!: Date | null;
}

@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('text', { name: 'actor_type' }) actorType!: 'USER' | 'API_KEY' | 'SYSTEM';
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column('text') action!: string;
  @Column('text', { name: 'target_type', nullable: true }) targetType!: string | null;
  @Column('text', { name: 'target_id', nullable: true }) targetId!: string | null;
  @Column('jsonb') metadata!: Record<string, unknown>;
  @Column('text', { name: 'request_id', nullable: true }) requestId!: string | null;
}

@Entity('agency_audit_events')
export class AgencyAuditEventEntity {
  @PrimaryColumn('uuid', { name: 'agency_id' }) agencyId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'subject_organization_id', nullable: true }) subjectOrganizationId!: string | null;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('text', { name: 'actor_type' }) actorType!: 'USER' | 'API_KEY' | 'SYSTEM';
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column('text') action!: string;
  @Column('text', { name: 'target_type', nullable: true }) targetType!: string | null;
  @Column('text', { name: 'target_id', nullable: true }) targetId!: string | null;
  @Column('jsonb') metadata!: Record<string, unknown>;
  @Column('text', { name: 'request_id', nullable: true }) requestId!: string | null;
}

@Entity('refresh_tokens')
export class RefreshTokenEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'family_id' }) familyId!: string;
  @Column('bytea', { name: 'token_hash' }) tokenHash!: Buffer;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt!: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export const ACCOUNTS_ENTITIES = [
  UserEntity,
  AgencyEntity,
  AgencyMembershipEntity,
  OrganizationEntity,
  OrganizationMembershipEntity,
  OrganizationInvitationEntity,
  AgencyInvitationEntity,
  ApiKeyEntity,
  AuditEventEntity,
  AgencyAuditEventEntity,
  RefreshTokenEntity,
];
