import { Injectable } from '@nestjs/common';
import type { ReportCtx } from './community-report.repository';

/** The roles the monthly executive report is mailed to: the management and the strategy's owner. */
export const EXECUTIVE_REPORT_ROLES = ['EXECUTIVE_APPROVER', 'STRATEGY_LEAD'] as const;

/** Whether the report is mailed by itself, and the last month the worker handled. */
export interface ExecutiveReportSettings {
  enabled: boolean;
  lastMonth: string | null;
}

export interface ExecutiveReportRecipient {
  userId: string;
  email: string;
  name: string;
  locale: 'fr' | 'en';
}

/**
 * The schedule of the monthly executive report mailed to the management, and
 * who it goes to. Every statement names the organisation, row-level security
 * underneath.
 */
@Injectable()
export class ExecutiveReportRepository {
  async settings(ctx: ReportCtx): Promise<ExecutiveReportSettings> {
    const [row] = await ctx.uow.query<ExecutiveReportSettings>(
      `SELECT enabled, last_month AS "lastMonth" FROM executive_report_settings WHERE organization_id = $1`,
      [ctx.uow.organizationId],
    );
    return row ?? { enabled: false, lastMonth: null };
  }

  async setEnabled(ctx: ReportCtx, enabled: boolean, by: string | null): Promise<void> {
    await ctx.uow.query(
      `INSERT INTO executive_report_settings (organization_id, enabled, updated_by, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (organization_id) DO UPDATE SET enabled = EXCLUDED.enabled, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [ctx.uow.organizationId, enabled, by],
    );
  }

  /** Records that the worker handled `month` (never moves back). */
  async markHandled(ctx: ReportCtx, month: string): Promise<void> {
    await ctx.uow.query(
      `UPDATE executive_report_settings SET last_month = $2 WHERE organization_id = $1 AND (last_month IS NULL OR last_month < $2)`,
      [ctx.uow.organizationId, month],
    );
  }

  /** Serialises the sends of one organisation's report (one per month), until the transaction ends. */
  async lock(ctx: ReportCtx): Promise<void> {
    await ctx.uow.query("SELECT pg_advisory_xact_lock(hashtextextended('socle.executive-report:' || $1::text, 0))", [
      ctx.uow.organizationId,
    ]);
  }

  /** The members holding one of EXECUTIVE_REPORT_ROLES, each once, with their own language. */
  recipients(ctx: ReportCtx): Promise<ExecutiveReportRecipient[]> {
    return ctx.uow.query<ExecutiveReportRecipient>(
      `SELECT u.id AS "userId", u.email, u.display_name AS name, CASE WHEN u.locale = 'en' THEN 'en' ELSE 'fr' END AS locale
         FROM organization_memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 AND m.roles && $2::text[]
        ORDER BY lower(u.email), u.id`,
      [ctx.uow.organizationId, [...EXECUTIVE_REPORT_ROLES]],
    );
  }

  /** How many members the report would go to now. */
  async recipientCount(ctx: ReportCtx): Promise<number> {
    const [row] = await ctx.uow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM organization_memberships m WHERE m.organization_id = $1 AND m.roles && $2::text[]`,
      [ctx.uow.organizationId, [...EXECUTIVE_REPORT_ROLES]],
    );
    return row?.n ?? 0;
  }
}
