import { Args, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { SocleConfig } from '@socle/platform-config';
import { AssessmentReportLinkObject, ReportLocaleEnum } from '../report/report.dto';
import { REPORT_LINK_TTL_MS, ReportLinks } from '../report/report-links';
import type { CommunityReport } from './community-report';
import { CommunityReportArgs, CommunityReportKindEnum, CommunityReportLinkArgs, CommunityReportObject } from './community-report.dto';
import { communityReportFilename } from './community-report-file';
import { CommunityReportService } from './community-report.service';

function toObject(report: CommunityReport): CommunityReportObject {
  const { agencyName: _agency, ...rest } = report;
  return {
    ...rest,
    kind: report.kind as CommunityReportKindEnum,
    locale: report.locale as ReportLocaleEnum,
    // The previous period is over by definition.
    previousPeriod: { ...report.previousPeriod, complete: true },
    topAuthors: report.topAuthors.map((a) => ({ name: a.handle, mentions: a.mentions })),
    topTopics: {
      terms: report.topTopics.terms.map((t) => ({ name: t.term, mentions: t.mentions })),
      queries: report.topTopics.queries,
    },
  };
}

/**
 * The quarterly "what is said about you" report and the monthly executive
 * report: as data, or as a short-lived signed link to the PDF or CSV. Read with
 * the assessment report's permission (`assessments.read`): the same readers (the
 * client's leads, analyst, coordinator, executive approver and viewers, the
 * agency's managers) are the ones a report to the management is written for.
 */
@Resolver(() => CommunityReportObject)
export class CommunityReportResolver {
  constructor(
    private readonly reports: CommunityReportService,
    private readonly links: ReportLinks,
    private readonly config: SocleConfig,
  ) {}

  @Requires('assessments.read')
  @Query(() => CommunityReportObject, {
    description:
      'What is said about the organisation over a calendar quarter (QUARTERLY) or the monthly executive report (MONTHLY), in its time zone and language unless `locale` says otherwise. BAD_USER_INPUT on periodStart (not a day, before 2000, not begun yet).',
  })
  async communityReport(@OrgCtx() ctx: OrganizationContext, @Args() args: CommunityReportArgs): Promise<CommunityReportObject> {
    return toObject(await this.reports.build(ctx, args.kind, args.periodStart, args.locale));
  }

  @Requires('assessments.read')
  @Query(() => AssessmentReportLinkObject, {
    description:
      'A five-minute download link (GET) for a community report as PDF (charts) or CSV (one block per section). Same checks and errors as communityReport. Each download is recorded in the audit log (communityReport.produced).',
  })
  async communityReportLink(
    @OrgCtx() ctx: OrganizationContext,
    @Args() args: CommunityReportLinkArgs,
  ): Promise<AssessmentReportLinkObject> {
    // Built now so a bad period is refused here rather than when the link is followed.
    const report = await this.reports.build(ctx, args.kind, args.periodStart, args.locale);
    const expiresAt = Date.now() + REPORT_LINK_TTL_MS;
    const token = this.links.sign({
      organizationId: ctx.organizationId,
      community: { kind: args.kind, periodStart: report.period.firstDay },
      format: args.format,
      locale: args.locale,
      userId: ctx.actor.type === 'USER' ? ctx.actor.id : null,
      expiresAt,
    });
    return {
      url: `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/reports/${token}`,
      expiresAt: new Date(expiresAt),
      filename: communityReportFilename(report, args.format),
    };
  }
}
