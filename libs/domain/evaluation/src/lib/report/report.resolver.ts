import { Args, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { buildAssessmentReport } from '../assessment/build-report';
import { SocleConfig } from '@socle/platform-config';
import { AssessmentReportFileObject, AssessmentReportInput, AssessmentReportLinkObject } from './report.dto';
import { renderReportFile, reportFilename } from './report-file';
import { REPORT_LINK_TTL_MS, ReportLinks } from './report-links';

/**
 * The assessment report as a file over GraphQL, or as a short-lived signed
 * link for a plain GET: the permission is checked here, when the link is issued.
 */
@Resolver(() => AssessmentReportFileObject)
export class AssessmentReportResolver {
  constructor(
    private readonly links: ReportLinks,
    private readonly config: SocleConfig,
  ) {}

  @Requires('assessments.read')
  @Query(() => AssessmentReportFileObject, {
    description:
      'The report of a finalized assessment as a PDF (executives) or CSV (spreadsheets), in the organization’s language unless `locale` says otherwise. NOT_FOUND for an unknown assessment, BAD_USER_INPUT for a draft.',
  })
  async assessmentReport(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The assessment, the format and the language.' }) input: AssessmentReportInput,
  ): Promise<AssessmentReportFileObject> {
    const report = await buildAssessmentReport(ctx.uow, input.assessmentId, input.locale);
    const file = await renderReportFile(report, input.format);
    return { filename: file.filename, contentType: file.contentType, byteLength: file.bytes.length, base64: file.bytes.toString('base64') };
  }

  @Requires('assessments.read')
  @Query(() => AssessmentReportLinkObject, {
    description:
      'A five-minute download link (GET) for the report of a finalized assessment, for browsers and spreadsheet tools. Same checks and errors as assessmentReport.',
  })
  async assessmentReportLink(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The assessment, the format and the language.' }) input: AssessmentReportInput,
  ): Promise<AssessmentReportLinkObject> {
    const report = await buildAssessmentReport(ctx.uow, input.assessmentId, input.locale);
    const expiresAt = Date.now() + REPORT_LINK_TTL_MS;
    const token = this.links.sign({
      organizationId: ctx.organizationId,
      assessmentId: input.assessmentId,
      format: input.format,
      locale: input.locale,
      userId: ctx.actor.type === 'USER' ? ctx.actor.id : null,
      expiresAt,
    });
    return {
      url: `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/reports/${token}`,
      expiresAt: new Date(expiresAt),
      filename: reportFilename(report, input.format),
    };
  }
}
