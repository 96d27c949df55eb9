import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { MaturityModelContent } from './model-content';

export type MaturityModelVersionStatus = 'DRAFT' | 'PUBLISHED';

/** An agency's own maturity model (the built-in default is code, not a row). */
@Entity('maturity_models')
export class MaturityModelEntity {
  @PrimaryColumn('uuid', { name: 'agency_id' }) agencyId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One version of a model: at most one DRAFT being edited; PUBLISHED versions never change. */
@Entity('maturity_model_versions')
export class MaturityModelVersionEntity {
  @PrimaryColumn('uuid', { name: 'agency_id' }) agencyId!: string;
  @PrimaryColumn('uuid', { name: 'model_id' }) modelId!: string;
  @PrimaryColumn('int') version!: number;
  @Column('text') status!: MaturityModelVersionStatus;
  @Column('jsonb') content!: MaturityModelContent;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
  @Column('uuid', { name: 'published_by', nullable: true }) publishedBy!: string | null;
}
