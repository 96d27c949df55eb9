import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type NetworkAccountStatus = 'OK' | 'NEEDS_REAUTH' | 'RATE_LIMITED' | 'ERROR';

/**
 * A social network account connected by an organisation. Credentials are one
 * AES-256-GCM sealed value (bound to organisation and account ids), never
 * selected unless asked for.
 */
@Entity('network_accounts')
export class NetworkAccountEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('text') network!: string;
  @Column('text') handle!: string;
  @Column('text', { name: 'display_name', nullable: true }) displayName!: string | null;
  @Column('text', { name: 'service_url' }) serviceUrl!: string;
  @Column('text') status!: NetworkAccountStatus;
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
  @Column('timestamptz', { name: 'last_checked_at', nullable: true }) lastCheckedAt!: Date | null;
  @Column('timestamptz', { name: 'rate_limited_until', nullable: true }) rateLimitedUntil!: Date | null;
  @Column('text', { name: 'credentials_ciphertext', nullable: true, select: false }) credentialsCiphertext!: string | null;
  @Column('text', { name: 'credentials_key_id', nullable: true }) credentialsKeyId!: string | null;
  @Column('timestamptz', { name: 'expires_at', nullable: true }) expiresAt!: Date | null;
  @Column('uuid', { name: 'connected_by', nullable: true }) connectedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** A pending OAuth authorisation: single use, short-lived, looked up by the hash of its state. */
@Entity('oauth_states')
export class OAuthStateEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('text') network!: string;
  @Column('text', { name: 'service_url' }) serviceUrl!: string;
  @Column('bytea', { name: 'state_hash', select: false }) stateHash!: Buffer;
  /** Sealed JSON: the PKCE code verifier and the fields the network's app registration returned. */
  @Column('text', { name: 'code_verifier_ciphertext', select: false }) codeVerifierCiphertext!: string;
  @Column('text', { name: 'redirect_uri' }) redirectUri!: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export const COMMUNITY_ENTITIES = [NetworkAccountEntity, OAuthStateEntity];
