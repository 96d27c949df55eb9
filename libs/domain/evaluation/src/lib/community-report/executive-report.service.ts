import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import type { OrganizationContext } from '@socle/platform-auth';
import { SocleConfig } from '@socle/platform-config';
import { MailOutbox, type OutgoingMail } from '@socle/platform-mail';
import { dueDigest, nextDigestAt } from '@socle/strategy';
import type { ReportLocale } from '../report/assessment-report';
import { EXECUTIVE_REPORT_LINK_TTL_MS, ReportLinks } from '../report/report-links';
import type { CommunityReport } from './community-report';
import { CommunityReportRepository } from './community-report.repository';
import { CommunityReportService } from './community-report.service';
import { executiveReportMail, executiveReportReference } from './executive-report-mail';
import { ExecutiveReportRecipient, ExecutiveReportRepository } from './executive-report.repository';

type Ctx = Pick<OrganizationContext, 'uow' | 'organizationId' | 'actor' | 'requestId'>;

/** What handling a month did. */
export type ExecutiveReportOutcome = 'SENT' | 'ALREADY_SENT' | 'NO_RECIPIENT' | 'NOT_ENABLED';

/** The audit action of the schedule turned on or off. */
export const EXECUTIVE_REPORT_SCHEDULE_CHANGED = 'executiveReport.schedule_changed';

export interface ExecutiveReportSchedule {
  enabled: boolean;
  lastMonth: string | null;
  timeZone: string;
  nextMonth: string;
  nextDueAt: Date;
  recipients: number;
}

/**
 * The monthly executive report mailed by itself to the client's management (its
 * executive approvers and strategy leads), each in their own language with
 * their own fourteen-day link to the PDF: the previous month's, on the first
 * business day of each month at 09:00 in the organisation's time zone (the
 * advocacy digest's calendar), once per month.
 */
@Injectable()
export class ExecutiveReportService {
  constructor(
    private readonly repo: ExecutiveReportRepository,
    private readonly organizations: CommunityReportRepository,
    private readonly reports: CommunityReportService,
    private readonly links: ReportLinks,
    private readonly outbox: MailOutbox,
    private readonly config: SocleConfig,
    private readonly audit: AuditRepository,
  ) {}

  async schedule(ctx: Ctx, now = new Date()): Promise<ExecutiveReportSchedule> {
    const settings = await this.repo.settings(ctx);
    const { timeZone } = await this.organizations.organization(ctx);
    // A month due and not handled yet (turned on after its first business day) goes at the worker's next tick.
    const due = dueDigest(now, timeZone);
    const pending =
      due !== null &&
      (settings.lastMonth === null || settings.lastMonth < due.month) &&
      (await this.outbox.forReference(ctx.uow, executiveReportReference(ctx.uow.organizationId, due.month))).length === 0;
    const next = due !== null && pending ? { month: due.month, dueAt: now } : nextDigestAt(now, timeZone);
    return {
      enabled: settings.enabled,
      lastMonth: settings.lastMonth,
      timeZone,
      nextMonth: next.month,
      nextDueAt: next.dueAt,
      recipients: await this.repo.recipientCount(ctx),
    };
  }

  async setSchedule(ctx: Ctx, enabled: boolean): Promise<ExecutiveReportSchedule> {
    await this.repo.setEnabled(ctx, enabled, ctx.actor.type === 'USER' ? ctx.actor.id : null);
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      { action: EXECUTIVE_REPORT_SCHEDULE_CHANGED, targetType: 'ExecutiveReportSchedule', metadata: { enabled } },
      ctx.requestId,
    );
    return this.schedule(ctx);
  }

  /**
   * Mails `month`'s report (YYYY-MM) when the organisation has it on and the
   * month was not handled yet, then records the month as handled in the same
   * transaction, whether the mails were queued now, had been queued already, or
   * nobody holds the roles it goes to. One lock per organisation: two runs at
   * once queue the month once.
   */
  async sendScheduled(ctx: Ctx, month: string, now = new Date()): Promise<{ outcome: ExecutiveReportOutcome; recipients: number }> {
    await this.repo.lock(ctx);
    const settings = await this.repo.settings(ctx);
    if (!settings.enabled) return { outcome: 'NOT_ENABLED', recipients: 0 };
    if (settings.lastMonth !== null && settings.lastMonth >= month) return { outcome: 'ALREADY_SENT', recipients: 0 };
    const reference = executiveReportReference(ctx.uow.organizationId, month);
    let result: { outcome: ExecutiveReportOutcome; recipients: number };
    if ((await this.outbox.forReference(ctx.uow, reference)).length) {
      result = { outcome: 'ALREADY_SENT', recipients: 0 };
    } else {
      const recipients = await this.repo.recipients(ctx);
      if (recipients.length === 0) {
        result = { outcome: 'NO_RECIPIENT', recipients: 0 };
      } else {
        await this.outbox.enqueue(ctx.uow, await this.mails(ctx, month, reference, recipients, now));
        result = { outcome: 'SENT', recipients: recipients.length };
      }
    }
    await this.repo.markHandled(ctx, month);
    return result;
  }

  /** One mail per recipient: the report built once per language, a link signed for each. */
  private async mails(
    ctx: Ctx,
    month: string,
    reference: string,
    recipients: ExecutiveReportRecipient[],
    now: Date,
  ): Promise<OutgoingMail[]> {
    const base = this.config.PUBLIC_URL.replace(/\/+$/, '');
    const built = new Map<ReportLocale, CommunityReport>();
    const expiresAt = now.getTime() + EXECUTIVE_REPORT_LINK_TTL_MS;
    const mails: OutgoingMail[] = [];
    for (const person of recipients) {
      let report = built.get(person.locale);
      if (!report) {
        report = await this.reports.build(ctx, 'MONTHLY', `${month}-01`, person.locale, now);
        built.set(person.locale, report);
      }
      const token = this.links.sign({
        organizationId: ctx.uow.organizationId,
        community: { kind: 'MONTHLY', periodStart: report.period.firstDay },
        format: 'PDF',
        locale: person.locale,
        userId: person.userId,
        expiresAt,
      });
      mails.push(
        executiveReportMail({
          email: person.email,
          name: person.name,
          locale: person.locale,
          report,
          url: `${base}/reports/${token}`,
          expiresAt: new Date(expiresAt),
          consoleUrl: `${base}/organizations/${ctx.uow.organizationId}`,
          reference,
        }),
      );
    }
    return mails;
  }
}
