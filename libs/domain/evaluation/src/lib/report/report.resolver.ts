import { Args, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { buildAssessmentReport } from '../assessment/build-report';
import { AssessmentReportFileObject, AssessmentReportInput } from './report.dto';
import { renderReportFile } from './report-file';

/**
 * The assessment report as a file. It goes through GraphQL rather than a REST
 * route because only GraphQL operations pass the permission guard here.
 */
@Resolver(() => AssessmentReportFileObject)
export class AssessmentReportResolver {
  @Requires('assessments.read')
  @Query(() => AssessmentReportFileObject, {
    description: 'The report of a finalized assessment as a PDF (executives) or CSV (spreadsheets), in the organization’s language unless `locale` says otherwise. NOT_FOUND for an unknown assessment, BAD_USER_INPUT for a draft.',
  })
  async assessmentReport(@OrgCtx() ctx: OrganizationContext, @Args('input') input: AssessmentReportInput): Promise<AssessmentReportFileObject> {
    const report = await buildAssessmentReport(ctx.uow, ctx.organizationId, input.assessmentId, input.locale);
    const file = await renderReportFile(report, input.format);
    return { filename: file.filename, contentType: file.contentType, byteLength: file.bytes.length, base64: file.bytes.toString('base64') };
  }
}
