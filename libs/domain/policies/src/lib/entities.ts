import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PolicyKind, PolicyLanguage, PolicySection, PolicyVersionStatus } from './documents/policy-model';

/**
 * Policies tables (the migration holds constraints, triggers and row-level
 * security). Reads and writes go through the repositories' SQL; these classes
 * describe the columns for TypeORM's metadata.
 */
@Entity('policy_documents')
export class PolicyDocumentEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('text') kind!: PolicyKind;
  @Column('text') language!: PolicyLanguage;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('policy_versions')
export class PolicyVersionEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'policy_id' }) policyId!: string;
  @Column('int') number!: number;
  @Column('text') status!: PolicyVersionStatus;
  @Column('text') title!: string;
  @Column('jsonb') sections!: PolicySection[];
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('uuid', { name: 'submitted_by', nullable: true }) submittedBy!: string | null;
  @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt!: Date | null;
  @Column('uuid', { name: 'returned_by', nullable: true }) returnedBy!: string | null;
  @Column('timestamptz', { name: 'returned_at', nullable: true }) returnedAt!: Date | null;
  @Column('text', { name: 'return_comment', nullable: true }) returnComment!: string | null;
  @Column('uuid', { name: 'approved_by', nullable: true }) approvedBy!: string | null;
  @Column('timestamptz', { name: 'approved_at', nullable: true }) approvedAt!: Date | null;
  @Column('uuid', { name: 'published_by', nullable: true }) publishedBy!: string | null;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
  @Column('timestamptz', { name: 'superseded_at', nullable: true }) supersededAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('policy_events')
export class PolicyEventEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'policy_id' }) policyId!: string;
  @Column('uuid', { name: 'version_id' }) versionId!: string;
  @Column('int', { name: 'version_number' }) versionNumber!: number;
  @Column('text') action!: string;
  @Column('text', { name: 'from_status', nullable: true }) fromStatus!: PolicyVersionStatus | null;
  @Column('text', { name: 'to_status' }) toStatus!: PolicyVersionStatus;
  @Column('text', { name: 'actor_type' }) actorType!: 'USER' | 'API_KEY' | 'SYSTEM';
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column('text', { nullable: true }) comment!: string | null;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
}

@Entity('policy_acknowledgements')
export class PolicyAcknowledgementEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId!: string;
  @PrimaryColumn('uuid', { name: 'version_id' }) versionId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('uuid', { name: 'policy_id' }) policyId!: string;
  @Column('timestamptz', { name: 'acknowledged_at' }) acknowledgedAt!: Date;
}

@Entity('comment_handling_rules')
export class CommentHandlingRuleEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId!: string;
  @PrimaryColumn('text') channel!: string;
  @PrimaryColumn('text') severity!: string;
  @Column('int', { name: 'response_minutes' }) responseMinutes!: number;
  @Column('text', { name: 'responsible_role' }) responsibleRole!: string;
  @Column('boolean') escalate!: boolean;
  @Column('jsonb', { name: 'reply_templates' }) replyTemplates!: { language: 'fr' | 'en'; text: string }[];
  @Column('int') position!: number;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

@Entity('content_rule_sets')
export class ContentRuleSetEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId!: string;
  @Column('jsonb') rules!: unknown[];
  @Column('int') version!: number;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

export const POLICIES_ENTITIES = [
  PolicyDocumentEntity,
  PolicyVersionEntity,
  PolicyEventEntity,
  PolicyAcknowledgementEntity,
  CommentHandlingRuleEntity,
  ContentRuleSetEntity,
];
