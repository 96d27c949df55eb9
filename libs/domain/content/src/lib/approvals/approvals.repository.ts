import { Injectable } from '@nestjs/common';
import type { ContentCtx } from '../items/content-item.repository';
import type { AcknowledgedFinding, ApprovalDecisionRow, ApprovalStep, ApprovalVerdict, MemberRoles } from './approval-chain';

export interface ApprovalChainRow {
  steps: ApprovalStep[];
  updatedBy: string | null;
  updatedAt: Date;
}

export interface ApprovalLinkRow {
  id: string;
  itemId: string;
  revision: number;
  step: number;
  recipientName: string;
  recipientEmail: string;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface NewDecision {
  itemId: string;
  revision: number;
  step: number;
  verdict: ApprovalVerdict;
  comment: string | null;
  acknowledgedFindings: AcknowledgedFinding[];
  decider: { kind: 'MEMBER'; userId: string } | { kind: 'LINK'; linkId: string; recipientName: string; recipientEmail: string };
}

const DECISION_COLUMNS = `id, item_id AS "itemId", revision, step, decider_kind AS "deciderKind", decider_user_id AS "deciderUserId", link_id AS "linkId",
  recipient_name AS "recipientName", recipient_email AS "recipientEmail", verdict, comment, acknowledged_findings AS "acknowledgedFindings", decided_at AS "decidedAt"`;
const LINK_COLUMNS = `id, item_id AS "itemId", revision, step, recipient_name AS "recipientName", recipient_email AS "recipientEmail",
  created_by AS "createdBy", created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt"`;

/** The only place that queries the approvals tables; always inside the caller's tenant. */
@Injectable()
export class ApprovalsRepository {
  async chain(ctx: ContentCtx): Promise<ApprovalChainRow | null> {
    const [row] = await ctx.uow.query<ApprovalChainRow>(
      'SELECT steps, updated_by AS "updatedBy", updated_at AS "updatedAt" FROM content_approval_chains WHERE organization_id = $1',
      [ctx.uow.organizationId],
    );
    return row ?? null;
  }

  async saveChain(ctx: ContentCtx, steps: ApprovalStep[], userId: string | null): Promise<ApprovalChainRow> {
    const [row] = await ctx.uow.query<ApprovalChainRow>(
      `INSERT INTO content_approval_chains (organization_id, steps, updated_by) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (organization_id) DO UPDATE SET steps = EXCLUDED.steps, updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING steps, updated_by AS "updatedBy", updated_at AS "updatedAt"`,
      [ctx.uow.organizationId, JSON.stringify(steps), userId],
    );
    return row;
  }

  /** The organisation's members and their roles. */
  async members(ctx: ContentCtx): Promise<MemberRoles[]> {
    return ctx.uow.query<MemberRoles>(
      'SELECT user_id AS "userId", roles FROM organization_memberships WHERE organization_id = $1 ORDER BY user_id',
      [ctx.uow.organizationId],
    );
  }

  async decisions(ctx: ContentCtx, itemId: string, revision: number): Promise<ApprovalDecisionRow[]> {
    return ctx.uow.query<ApprovalDecisionRow>(
      `SELECT ${DECISION_COLUMNS} FROM content_approval_decisions WHERE organization_id = $1 AND item_id = $2 AND revision = $3 ORDER BY decided_at, id`,
      [ctx.uow.organizationId, itemId, revision],
    );
  }

  /** Records a decision once: null when this person (or link) already decided this step of this revision (the unique indexes say so). */
  async insertDecision(ctx: ContentCtx, d: NewDecision): Promise<ApprovalDecisionRow | null> {
    const link = d.decider.kind === 'LINK' ? d.decider : null;
    const [row] = await ctx.uow.query<ApprovalDecisionRow>(
      `INSERT INTO content_approval_decisions
         (organization_id, item_id, revision, step, decider_kind, decider_user_id, link_id, recipient_name, recipient_email, verdict, comment, acknowledged_findings)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb)
       ON CONFLICT DO NOTHING
       RETURNING ${DECISION_COLUMNS}`,
      [
        ctx.uow.organizationId,
        d.itemId,
        d.revision,
        d.step,
        d.decider.kind,
        d.decider.kind === 'MEMBER' ? d.decider.userId : null,
        link?.linkId ?? null,
        link?.recipientName ?? null,
        link?.recipientEmail ?? null,
        d.verdict,
        d.comment,
        JSON.stringify(d.acknowledgedFindings),
      ],
    );
    return row ?? null;
  }

  async insertLink(
    ctx: ContentCtx,
    link: {
      itemId: string;
      revision: number;
      step: number;
      recipientName: string;
      recipientEmail: string;
      expiresAt: Date;
      createdBy: string | null;
    },
  ): Promise<ApprovalLinkRow> {
    const [row] = await ctx.uow.query<ApprovalLinkRow>(
      `INSERT INTO content_approval_links (organization_id, item_id, revision, step, recipient_name, recipient_email, expires_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${LINK_COLUMNS}`,
      [
        ctx.uow.organizationId,
        link.itemId,
        link.revision,
        link.step,
        link.recipientName,
        link.recipientEmail,
        link.expiresAt,
        link.createdBy,
      ],
    );
    return row;
  }

  /** The link, locked when asked (a decision through it is taken once). */
  async findLink(ctx: ContentCtx, id: string, lock = false): Promise<ApprovalLinkRow | null> {
    const [row] = await ctx.uow.query<ApprovalLinkRow>(
      `SELECT ${LINK_COLUMNS} FROM content_approval_links WHERE organization_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [ctx.uow.organizationId, id],
    );
    return row ?? null;
  }

  /** Marks the link used; false when it already was. */
  async useLink(ctx: ContentCtx, id: string): Promise<boolean> {
    const affected = await ctx.uow.execute(
      'UPDATE content_approval_links SET used_at = clock_timestamp() WHERE organization_id = $1 AND id = $2 AND used_at IS NULL',
      [ctx.uow.organizationId, id],
    );
    return affected === 1;
  }
}
