import { Injectable } from '@nestjs/common';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { JobQueues } from '@socle/platform-queue';
import { MonthlyMailContext, MonthlyMailJob, MonthlyMailPayload } from '@socle/strategy';
import { ExecutiveReportOutcome, ExecutiveReportService } from './executive-report.service';

export const SEND_EXECUTIVE_REPORT_JOB = 'SendExecutiveReportJob';

export type ExecutiveReportPayload = MonthlyMailPayload;

/**
 * Mails an organisation's monthly executive report to its management by itself (see `ExecutiveReportService.sendScheduled`
 * and `MonthlyMailJob`: previous month, 09:00 local on the first business day, once).
 */
@Injectable()
export class SendExecutiveReportJob extends MonthlyMailJob<{ outcome: ExecutiveReportOutcome; recipients: number }> {
  readonly name = SEND_EXECUTIVE_REPORT_JOB;
  protected readonly enabledFunction = 'socle_executive_reports_enabled';
  protected readonly jobIdPrefix = 'executive-report';

  constructor(
    units: UnitOfWorkFactory,
    private readonly reports: ExecutiveReportService,
    queues: JobQueues,
  ) {
    super(units, queues);
  }

  protected send(ctx: MonthlyMailContext, month: string): Promise<{ outcome: ExecutiveReportOutcome; recipients: number }> {
    return this.reports.sendScheduled(ctx, month);
  }
}
