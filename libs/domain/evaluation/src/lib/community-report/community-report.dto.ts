import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '@socle/platform-graphql';
import { IsEnum, IsOptional, IsString } from 'class-validator';
import { AlertStatusEnum, ShareOfVoiceSideKindEnum } from '@socle/community';
import { FeedbackActionStatusEnum } from '@socle/strategy';
import { KpiProgressStatusEnum } from '../kpi/kpi-progress.dto';
import { AssessmentReportFormatEnum, ReportLocaleEnum } from '../report/report.dto';

export enum CommunityReportKindEnum {
  QUARTERLY = 'QUARTERLY',
  MONTHLY = 'MONTHLY',
}
registerEnumType(CommunityReportKindEnum, {
  name: 'CommunityReportKind',
  description:
    'QUARTERLY: what is said about the organisation over a calendar quarter (weekly charts). MONTHLY: the executive report of a calendar month (daily charts, publications against the plan). Periods follow the organisation’s time zone.',
  valuesMap: {
    QUARTERLY: { description: 'A calendar quarter, with weekly charts.' },
    MONTHLY: { description: 'A calendar month: the executive report, with daily charts and publications against the plan.' },
  },
});

@ArgsType()
export class CommunityReportArgs {
  @Field(() => CommunityReportKindEnum, { description: 'Quarterly or monthly.' })
  @IsEnum(CommunityReportKindEnum, { message: 'must be QUARTERLY or MONTHLY' })
  kind!: CommunityReportKindEnum;

  @Field(() => DateScalar, {
    description:
      'Any day of the period, in the organization’s calendar (2026-07-01 or 2026-08-14 both name Q3 2026). A period not begun yet is refused.',
  })
  @IsString()
  periodStart!: string;

  @Field(() => ReportLocaleEnum, { nullable: true, description: "Defaults to the organization's language." })
  @IsOptional()
  @IsEnum(ReportLocaleEnum, { message: 'must be FR or EN' })
  locale?: ReportLocaleEnum;
}

@ArgsType()
export class CommunityReportLinkArgs extends CommunityReportArgs {
  @Field(() => AssessmentReportFormatEnum, {
    description: 'PDF (charts, for executives) or CSV (one block per section, for spreadsheets).',
  })
  @IsEnum(AssessmentReportFormatEnum, { message: 'must be PDF or CSV' })
  format!: AssessmentReportFormatEnum;
}

@ObjectType('CommunityReportPeriod', { description: 'A report period: a calendar quarter or month in the organisation’s time zone.' })
export class CommunityReportPeriodObject {
  @Field(() => String, { description: 'e.g. "T3 2026" / "Q3 2026", "août 2026" / "August 2026".' }) label!: string;
  @Field(() => DateScalar, { description: 'First local day.' }) firstDay!: string;
  @Field(() => DateScalar, { description: 'Last local day (included).' }) lastDay!: string;
  @Field(() => DateTimeScalar, { description: 'The first instant of the period (local midnight of firstDay), UTC.' }) start!: Date;
  @Field(() => DateTimeScalar, { description: 'The end of the period, excluded: local midnight after lastDay, UTC.' }) end!: Date;
  @Field(() => Boolean, { description: 'False while the period is in progress: the figures stop at generatedAt.' }) complete!: boolean;
}

@ObjectType('CommunityReportVolumePoint', { description: 'Mentions published in one local day or week.' })
export class VolumePointObject {
  @Field(() => DateScalar, { description: 'First local day of the bucket (a Monday for weeks).' }) date!: string;
  @Field(() => Int, { description: 'Mentions published in the bucket.' }) total!: number;
  @Field(() => Int, { description: 'Of them, rated POSITIVE.' }) positive!: number;
  @Field(() => Int, { description: 'Of them, rated NEUTRAL.' }) neutral!: number;
  @Field(() => Int, { description: 'Of them, rated NEGATIVE.' }) negative!: number;
  @Field(() => Float, { nullable: true, description: '-1..1; null when no mention was rated.' }) averageSentiment!: number | null;
}

@ObjectType('CommunityReportVolumeTotals', { description: 'Mentions over a whole period.' })
export class VolumeTotalsObject {
  @Field(() => Int, { description: 'Mentions published in the period.' }) total!: number;
  @Field(() => Int, { description: 'Of them, rated POSITIVE.' }) positive!: number;
  @Field(() => Int, { description: 'Of them, rated NEUTRAL.' }) neutral!: number;
  @Field(() => Int, { description: 'Of them, rated NEGATIVE.' }) negative!: number;
  @Field(() => Float, { nullable: true, description: 'Mean sentiment (-1..1) of the rated mentions; null when none was rated.' })
  averageSentiment!: number | null;
}

@ObjectType('CommunityReportVolume', { description: 'Mentions over the period and the previous one, bucket by bucket.' })
export class VolumeObject {
  @Field(() => String, { description: 'WEEK (quarterly) or DAY (monthly).' }) interval!: string;
  @Field(() => [VolumePointObject], { description: 'One bucket per local week or day of the period, oldest first.' })
  points!: VolumePointObject[];
  @Field(() => VolumeTotalsObject, { description: 'The period’s totals.' }) totals!: VolumeTotalsObject;
  @Field(() => [VolumePointObject], { description: 'The previous period, same buckets.' }) previousPoints!: VolumePointObject[];
  @Field(() => VolumeTotalsObject, { description: 'The previous period’s totals.' }) previousTotals!: VolumeTotalsObject;
}

@ObjectType('CommunityReportCount', { description: 'Something named and how many mentions it has.' })
export class NamedCountObject {
  @Field(() => String, { description: 'An author’s handle, a word, or a listening query’s name.' }) name!: string;
  @Field(() => Int, { description: 'Mentions in the period.' }) mentions!: number;
  @Field(() => Int, { nullable: true, description: 'The previous period (topic queries only).' }) previousMentions?: number | null;
}

@ObjectType('CommunityReportTopics', { description: 'What the mentions talk about.' })
export class TopicsObject {
  @Field(() => [NamedCountObject], {
    description: 'Most frequent words of the mentions (folded, stop words and the organisation’s own name left out).',
  })
  terms!: NamedCountObject[];
  @Field(() => [NamedCountObject], { description: 'Mentions of each TOPIC listening query.' }) queries!: NamedCountObject[];
}

@ObjectType('CommunityReportShareOfVoiceSide', { description: 'The brand or one competitor in the share of voice.' })
export class VoiceSideObject {
  @Field(() => ShareOfVoiceSideKindEnum, { description: 'The brand or a competitor.' }) kind!: string;
  @Field(() => String, { description: 'The organization’s name for the brand, the competitor’s name otherwise.' }) name!: string;
  @Field(() => Int, { description: 'Mentions matched by this side’s listening queries in the period.' }) mentions!: number;
  @Field(() => Float, { description: 'Percent of the mentions of all sides.' }) share!: number;
}

@ObjectType('CommunityReportShareOfVoice', { description: 'The brand against its competitors over the period.' })
export class VoiceObject {
  @Field(() => Int, { description: 'Sum of the sides’ mentions (a mention matched by two sides counts for both).' }) total!: number;
  @Field(() => [VoiceSideObject], { description: 'The brand first, then the competitors.' }) sides!: VoiceSideObject[];
}

@ObjectType('CommunityReportInbox', { description: 'How the social inbox was handled in the period.' })
export class InboxObject {
  @Field(() => Int, { description: 'Inbox items received in the period.' }) received!: number;
  @Field(() => Int, { description: 'Of them, answered.' }) answered!: number;
  @Field(() => Int, { description: 'Answered after their due time, or unanswered past it at the period’s end.' }) breaches!: number;
  @Field(() => Float, { nullable: true, description: 'Median minutes from receipt to the first reply; null when nothing was answered.' })
  medianFirstResponseMinutes!: number | null;
  @Field(() => Float, { nullable: true, description: 'Median delay the comment-handling rules allowed.' }) slaMinutes!: number | null;
}

@ObjectType('CommunityReportKpi', { description: 'One KPI of the strategy over the period.' })
export class KpiObject {
  @Field(() => String, { description: 'The KPI’s name.' }) name!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The KPI’s measure (such as FOLLOWERS, or MANUAL for values people record); null when the KPI has none.',
  })
  measure!: string | null;
  @Field(() => String, { nullable: true, description: 'The KPI’s unit as written in the strategy, or null.' }) unit!: string | null;
  @Field(() => Float, { description: 'The KPI’s target value.' }) target!: number;
  @Field(() => KpiProgressStatusEnum, { description: 'Whether the KPI was measured over the period.' }) status!: string;
  @Field(() => Float, { nullable: true, description: 'The KPI’s last period within the report’s period.' }) value!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Share of the way from the objective’s baseline to the target (0 at the baseline, 1 at the target) in that period; null without a value.',
  })
  progress!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether that period is on track; null without a value.' }) onTrack!: boolean | null;
}

@ObjectType('CommunityReportAlert', { description: 'A crisis alert raised in the period.' })
export class AlertObject {
  @Field(() => DateTimeScalar, { description: 'Start of the alert’s window (UTC).' }) windowStart!: Date;
  @Field(() => Int, { description: 'Negative mentions published in the window.' }) observedCount!: number;
  @Field(() => Float, { description: 'The count against the usual count for that window.' }) ratio!: number;
  @Field(() => AlertStatusEnum, { description: 'Where the alert stood at the time of the report.' }) status!: string;
}

@ObjectType('CommunityReportPublications', { description: 'Posts published on one network in the period, against the plan.' })
export class PublicationsObject {
  @Field(() => String, { description: 'The network, in lower case.' }) network!: string;
  @Field(() => Int, { description: 'Posts published in the period.' }) published!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'The plan’s posts per week times the weeks of the period; null when the network is not planned.',
  })
  planned!: number | null;
}

@ObjectType('CommunityReportTopPublication', { description: 'One of the month’s best-performing posts.' })
export class TopPublicationObject {
  @Field(() => String, { description: 'The content item’s title.' }) title!: string;
  @Field(() => String, { description: 'The network, in lower case.' }) network!: string;
  @Field(() => DateTimeScalar, { description: 'When it was published (UTC).' }) publishedAt!: Date;
  @Field(() => String, { nullable: true, description: 'The post’s public address, or null.' }) url!: string | null;
  @Field(() => Float, { nullable: true, description: 'Likes, reposts and replies as last measured; null when never measured.' })
  engagement!: number | null;
}

@ObjectType('CommunityReportFeedbackAction', { description: 'An action taken on feedback.' })
export class FeedbackActionItemObject {
  @Field(() => String, { description: 'What was decided.' }) decision!: string;
  @Field(() => FeedbackActionStatusEnum, { description: 'Where the action stands.' }) status!: string;
  @Field(() => String, { nullable: true, description: 'The follow-up written, or null.' }) followUp!: string | null;
  @Field(() => Int, { description: 'Mentions the action answers.' }) mentions!: number;
  @Field(() => Int, { description: 'Inbox items the action answers.' }) inboxItems!: number;
  @Field(() => DateTimeScalar, { description: 'When the action was recorded (UTC).' }) recordedAt!: Date;
}

@ObjectType('CommunityReportFeedbackActions', { description: 'Actions taken on feedback recorded in the period.' })
export class FeedbackActionsObject {
  @Field(() => Int, { description: 'Actions recorded in the period.' }) recorded!: number;
  @Field(() => Int, { description: 'With a follow-up written, or done.' }) followedUp!: number;
  @Field(() => Int, { description: 'Of them, DONE.' }) done!: number;
  @Field(() => Int, { description: 'Still OPEN or IN_PROGRESS.' }) open!: number;
  @Field(() => [FeedbackActionItemObject], { description: 'The latest actions of the period, most recent first (at most 10).' })
  items!: FeedbackActionItemObject[];
}

@ObjectType('CommunityReport', { description: 'A quarterly or monthly community report, as data. For a file, ask communityReportLink.' })
export class CommunityReportObject {
  @Field(() => CommunityReportKindEnum, { description: 'Quarterly or monthly.' }) kind!: CommunityReportKindEnum;
  @Field(() => ReportLocaleEnum, { description: 'The language of the report’s texts.' }) locale!: ReportLocaleEnum;
  @Field(() => String, { description: 'The organisation’s name.' }) organizationName!: string;
  @Field(() => String, { description: 'The IANA time zone the periods and buckets follow (the organisation’s).' }) timeZone!: string;
  @Field(() => CommunityReportPeriodObject, { description: 'The period reported on.' }) period!: CommunityReportPeriodObject;
  @Field(() => CommunityReportPeriodObject, { description: 'The period before, for comparisons.' })
  previousPeriod!: CommunityReportPeriodObject;
  @Field(() => DateTimeScalar, { description: 'When the figures were read (UTC); a period in progress stops there.' })
  generatedAt!: Date;
  @Field(() => VolumeObject, { description: 'Mentions and their sentiment over the period.' }) volume!: VolumeObject;
  @Field(() => [NamedCountObject], { description: 'The authors with the most mentions in the period (name: their handle).' })
  topAuthors!: NamedCountObject[];
  @Field(() => TopicsObject, { description: 'What the mentions talk about.' }) topTopics!: TopicsObject;
  @Field(() => VoiceObject, { description: 'The brand against its competitors.' }) shareOfVoice!: VoiceObject;
  @Field(() => InboxObject, { description: 'How the social inbox was handled.' }) inbox!: InboxObject;
  @Field(() => [KpiObject], { description: 'The strategy’s KPIs over the period.' }) kpis!: KpiObject[];
  @Field(() => [AlertObject], { nullable: true, description: 'Null when alerts are not enabled on this platform.' }) alerts!:
    AlertObject[] | null;
  @Field(() => [TopPublicationObject], { nullable: true, description: 'Monthly report only: the best-performing posts of the month.' })
  topPublications!: TopPublicationObject[] | null;
  @Field(() => [PublicationsObject], { nullable: true, description: 'Monthly report only.' }) publications!: PublicationsObject[] | null;
  @Field(() => FeedbackActionsObject, { nullable: true, description: 'Actions taken on feedback in the period; null when not installed.' })
  feedbackActions?: FeedbackActionsObject | null;
}
