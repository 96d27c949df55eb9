import { Controller, Get, Logger, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { DomainError } from '@socle/platform-errors';
import { AccessProvenBy } from '@socle/platform-auth';
import { buildAssessmentReport } from '../assessment/build-report';
import { renderCommunityReportFile } from '../community-report/community-report-file';
import { CommunityReportService } from '../community-report/community-report.service';
import { renderReportFile } from './report-file';
import { ReportLinks } from './report-links';

/**
 * `GET /reports/<link>`: the file behind a download link from
 * `assessmentReportLink`. The link names its organisation, so the report is
 * built inside that tenant's transaction (row-level security as for a request).
 */
@Controller('reports')
export class ReportDownloadController {
  private readonly logger = new Logger('ReportDownload');

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly links: ReportLinks,
    private readonly communityReports: CommunityReportService,
  ) {}

  @Get(':token')
  @AccessProvenBy(
    'signed link',
    'the HMAC-signed, short-lived link (five minutes; fourteen days when mailed to one of the management) names its organisation and report and is issued only to callers allowed to read them, or mailed only to the members the monthly executive report goes to; it is verified before the tenant is entered',
  )
  async download(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const refuse = (status: number, message: string) =>
      void reply.status(status).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(message);
    const checked = this.links.verify(token);
    if ('refused' in checked) {
      return checked.refused === 'expired'
        ? refuse(410, 'This download link has expired: ask for a new one.')
        : refuse(404, 'This is not a download link of this server.');
    }
    const { organizationId, assessmentId, community, format, locale, userId } = checked.claims;
    try {
      // The verified link names the tenant: the report is built inside that organisation only.
      const file = await this.units.runInOrganization(organizationId, async (uow) => {
        if (!community) return renderReportFile(await buildAssessmentReport(uow, assessmentId as string, locale), format);
        const ctx = {
          uow,
          organizationId: uow.organizationId,
          actor: { type: userId ? ('USER' as const) : ('API_KEY' as const), id: userId },
        };
        const report = await this.communityReports.build(ctx, community.kind, community.periodStart, locale);
        // The file produced is recorded (the "monthly executive report produced" evidence reads it).
        await this.communityReports.recordProduced(ctx, report, format);
        return renderCommunityReportFile(report, format);
      });
      void reply
        .status(200)
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    } catch (error) {
      if (error instanceof DomainError) return refuse(404, 'This report no longer exists.');
      this.logger.error(`report download failed: ${error instanceof Error ? error.name : 'error'}`);
      return refuse(500, 'The report could not be produced.');
    }
  }
}
