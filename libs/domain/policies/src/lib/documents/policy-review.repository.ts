import { Injectable } from '@nestjs/common';
import type { Actor } from '@socle/platform-auth';
import type { TenantCtx } from './policy.repository';

/** Who reviews a policy version before the executive approves it: nobody, the legal team, or the works council. */
export const POLICY_REVIEW_MODES = ['NONE', 'LEGAL', 'WORKS_COUNCIL'] as const;
export type PolicyReviewMode = (typeof POLICY_REVIEW_MODES)[number];
export type PolicyReviewKind = Exclude<PolicyReviewMode, 'NONE'>;
export const POLICY_REVIEW_VERDICTS = ['CLEARED', 'CHANGES_REQUESTED'] as const;
export type PolicyReviewVerdict = (typeof POLICY_REVIEW_VERDICTS)[number];

/** Reviewers named at most, per organisation. */
export const MAX_POLICY_REVIEWERS = 20;

export interface PolicyReviewSettingsRow {
  mode: PolicyReviewMode;
  reviewerIds: string[];
  updatedBy: string | null;
  updatedAt: Date | null;
}

export interface PolicyVersionReviewRow {
  versionId: string;
  kind: PolicyReviewKind | null;
  verdict: PolicyReviewVerdict | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  comment: string | null;
}

const userIdOf = (actor: Actor): string | null => (actor.type === 'USER' ? actor.id : null);

const REVIEW_COLUMNS = `id AS "versionId", review_kind AS kind, review_verdict AS verdict, reviewed_by AS "reviewedBy", reviewed_at AS "reviewedAt",
  review_comment AS comment`;

/** The only place that queries the review setting and the review columns of versions; always inside the caller's tenant. */
@Injectable()
export class PolicyReviewRepository {
  async settings(ctx: TenantCtx): Promise<PolicyReviewSettingsRow> {
    const [row] = await ctx.uow.query<PolicyReviewSettingsRow>(
      `SELECT mode, reviewer_ids AS "reviewerIds", updated_by AS "updatedBy", updated_at AS "updatedAt"
         FROM policy_review_settings WHERE organization_id = $1`,
      [ctx.uow.organizationId],
    );
    return row ?? { mode: 'NONE', reviewerIds: [], updatedBy: null, updatedAt: null };
  }

  async saveSettings(ctx: TenantCtx, mode: PolicyReviewMode, reviewerIds: readonly string[]): Promise<PolicyReviewSettingsRow> {
    const [row] = await ctx.uow.query<PolicyReviewSettingsRow>(
      `INSERT INTO policy_review_settings (organization_id, mode, reviewer_ids, updated_by) VALUES ($1, $2, $3::uuid[], $4)
       ON CONFLICT (organization_id) DO UPDATE SET mode = EXCLUDED.mode, reviewer_ids = EXCLUDED.reviewer_ids,
         updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING mode, reviewer_ids AS "reviewerIds", updated_by AS "updatedBy", updated_at AS "updatedAt"`,
      [ctx.uow.organizationId, mode, reviewerIds, userIdOf(ctx.actor)],
    );
    return row;
  }

  /** Current members among `userIds`. */
  async members(ctx: TenantCtx, userIds: readonly string[]): Promise<Set<string>> {
    const rows = await ctx.uow.query<{ user_id: string }>(
      'SELECT user_id FROM organization_memberships WHERE organization_id = $1 AND user_id = ANY($2::uuid[])',
      [ctx.uow.organizationId, userIds],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  async review(ctx: TenantCtx, versionId: string): Promise<PolicyVersionReviewRow | null> {
    const [row] = await ctx.uow.query<PolicyVersionReviewRow>(
      `SELECT ${REVIEW_COLUMNS} FROM policy_versions WHERE organization_id = $1 AND id = $2`,
      [ctx.uow.organizationId, versionId],
    );
    return row ?? null;
  }

  /** On submission: the review this version now awaits (null: none), any earlier verdict cleared. */
  async requireReview(ctx: TenantCtx, versionId: string, kind: PolicyReviewKind | null): Promise<void> {
    await ctx.uow.execute(
      `UPDATE policy_versions SET review_kind = $3, review_verdict = NULL, reviewed_by = NULL, reviewed_at = NULL, review_comment = NULL
        WHERE organization_id = $1 AND id = $2 AND status = 'IN_REVIEW'`,
      [ctx.uow.organizationId, versionId, kind],
    );
  }

  /** Records the verdict if the version still awaits it (compare and set); false otherwise. */
  async recordVerdict(ctx: TenantCtx, versionId: string, verdict: PolicyReviewVerdict, comment: string | null): Promise<boolean> {
    const touched = await ctx.uow.execute(
      `UPDATE policy_versions SET review_verdict = $3, review_comment = $4, reviewed_by = $5, reviewed_at = now(), updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status = 'IN_REVIEW' AND review_kind IS NOT NULL AND review_verdict IS NULL`,
      [ctx.uow.organizationId, versionId, verdict, comment, userIdOf(ctx.actor)],
    );
    return touched === 1;
  }
}
