import { ArgsType, Field, Float, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { AssessmentReportFormatEnum, ReportLocaleEnum } from '../report/report.dto';

export enum CommunityReportKindEnum {
  QUARTERLY = 'QUARTERLY',
  MONTHLY = 'MONTHLY',
}
registerEnumType(CommunityReportKindEnum, {
  name: 'CommunityReportKind',
  description:
    'QUARTERLY: what is said about the organisation over a calendar quarter (weekly charts). MONTHLY: the executive report of a calendar month (daily charts, publications against the plan). Periods follow the organisation’s time zone.',
});

@ArgsType()
export class CommunityReportArgs {
  @Field(() => CommunityReportKindEnum)
  @IsEnum(CommunityReportKindEnum, { message: 'must be QUARTERLY or MONTHLY' })
  kind!: CommunityReportKindEnum;

  @Field(() => String, {
    description:
      'Any day of the period, YYYY-MM-DD in the organisation’s calendar (2026-07-01 or 2026-08-14 both name Q3 2026). A period not begun yet is refused.',
  })
  @IsString()
  @MaxLength(10, { message: 'must be a day written YYYY-MM-DD' })
  periodStart!: string;

  @Field(() => ReportLocaleEnum, { nullable: true, description: "Defaults to the organization's language." })
  @IsOptional()
  @IsEnum(ReportLocaleEnum, { message: 'must be fr or en' })
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

@ObjectType('CommunityReportPeriod')
export class CommunityReportPeriodObject {
  @Field(() => String, { description: 'e.g. "T3 2026" / "Q3 2026", "août 2026" / "August 2026".' }) label!: string;
  @Field(() => String, { description: 'First local day, YYYY-MM-DD.' }) firstDay!: string;
  @Field(() => String, { description: 'Last local day (included), YYYY-MM-DD.' }) lastDay!: string;
  @Field(() => GraphQLISODateTime) start!: Date;
  @Field(() => GraphQLISODateTime, { description: 'Excluded.' }) end!: Date;
  @Field(() => Boolean, { description: 'False while the period is in progress: the figures stop at generatedAt.' }) complete!: boolean;
}

@ObjectType('CommunityReportVolumePoint')
export class VolumePointObject {
  @Field(() => String, { description: 'First local day of the bucket (a Monday for weeks).' }) date!: string;
  @Field(() => Int) total!: number;
  @Field(() => Int) positive!: number;
  @Field(() => Int) neutral!: number;
  @Field(() => Int) negative!: number;
  @Field(() => Float, { nullable: true, description: '-1..1; null when no mention was rated.' }) averageSentiment!: number | null;
}

@ObjectType('CommunityReportVolumeTotals')
export class VolumeTotalsObject {
  @Field(() => Int) total!: number;
  @Field(() => Int) positive!: number;
  @Field(() => Int) neutral!: number;
  @Field(() => Int) negative!: number;
  @Field(() => Float, { nullable: true }) averageSentiment!: number | null;
}

@ObjectType('CommunityReportVolume')
export class VolumeObject {
  @Field(() => String, { description: 'WEEK (quarterly) or DAY (monthly).' }) interval!: string;
  @Field(() => [VolumePointObject]) points!: VolumePointObject[];
  @Field(() => VolumeTotalsObject) totals!: VolumeTotalsObject;
  @Field(() => [VolumePointObject], { description: 'The previous period, same buckets.' }) previousPoints!: VolumePointObject[];
  @Field(() => VolumeTotalsObject) previousTotals!: VolumeTotalsObject;
}

@ObjectType('CommunityReportCount')
export class NamedCountObject {
  @Field(() => String) name!: string;
  @Field(() => Int) mentions!: number;
  @Field(() => Int, { nullable: true, description: 'The previous period (topic queries only).' }) previousMentions?: number | null;
}

@ObjectType('CommunityReportTopics')
export class TopicsObject {
  @Field(() => [NamedCountObject], {
    description: 'Most frequent words of the mentions (folded, stop words and the organisation’s own name left out).',
  })
  terms!: NamedCountObject[];
  @Field(() => [NamedCountObject], { description: 'Mentions of each TOPIC listening query.' }) queries!: NamedCountObject[];
}

@ObjectType('CommunityReportShareOfVoiceSide')
export class VoiceSideObject {
  @Field(() => String, { description: 'BRAND or COMPETITOR.' }) kind!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) mentions!: number;
  @Field(() => Float, { description: 'Percent of the mentions of all sides.' }) share!: number;
}

@ObjectType('CommunityReportShareOfVoice')
export class VoiceObject {
  @Field(() => Int) total!: number;
  @Field(() => [VoiceSideObject]) sides!: VoiceSideObject[];
}

@ObjectType('CommunityReportInbox')
export class InboxObject {
  @Field(() => Int) received!: number;
  @Field(() => Int) answered!: number;
  @Field(() => Int, { description: 'Answered after their due time, or unanswered past it at the period’s end.' }) breaches!: number;
  @Field(() => Float, { nullable: true }) medianFirstResponseMinutes!: number | null;
  @Field(() => Float, { nullable: true, description: 'Median delay the comment-handling rules allowed.' }) slaMinutes!: number | null;
}

@ObjectType('CommunityReportKpi')
export class KpiObject {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) measure!: string | null;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => Float) target!: number;
  @Field(() => String, { description: 'MEASURED, NOT_MEASURED or NOT_MEASURED_YET.' }) status!: string;
  @Field(() => Float, { nullable: true, description: 'The KPI’s last period within the report’s period.' }) value!: number | null;
  @Field(() => Float, { nullable: true }) progress!: number | null;
  @Field(() => Boolean, { nullable: true }) onTrack!: boolean | null;
}

@ObjectType('CommunityReportAlert')
export class AlertObject {
  @Field(() => GraphQLISODateTime) windowStart!: Date;
  @Field(() => Int) observedCount!: number;
  @Field(() => Float) ratio!: number;
  @Field(() => String) status!: string;
}

@ObjectType('CommunityReportPublications')
export class PublicationsObject {
  @Field(() => String) network!: string;
  @Field(() => Int) published!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'The plan’s posts per week times the weeks of the period; null when the network is not planned.',
  })
  planned!: number | null;
}

@ObjectType('CommunityReportTopPublication')
export class TopPublicationObject {
  @Field(() => String, { description: 'The content item’s title.' }) title!: string;
  @Field(() => String) network!: string;
  @Field(() => GraphQLISODateTime) publishedAt!: Date;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => Float, { nullable: true, description: 'Likes, reposts and replies as last measured; null when never measured.' })
  engagement!: number | null;
}

@ObjectType('CommunityReportFeedbackAction')
export class FeedbackActionItemObject {
  @Field(() => String) decision!: string;
  @Field(() => String, { description: 'OPEN, IN_PROGRESS, DONE or DROPPED.' }) status!: string;
  @Field(() => String, { nullable: true }) followUp!: string | null;
  @Field(() => Int, { description: 'Mentions the action answers.' }) mentions!: number;
  @Field(() => Int, { description: 'Inbox items the action answers.' }) inboxItems!: number;
  @Field(() => GraphQLISODateTime) recordedAt!: Date;
}

@ObjectType('CommunityReportFeedbackActions', { description: 'Actions taken on feedback recorded in the period.' })
export class FeedbackActionsObject {
  @Field(() => Int) recorded!: number;
  @Field(() => Int, { description: 'With a follow-up written, or done.' }) followedUp!: number;
  @Field(() => Int) done!: number;
  @Field(() => Int, { description: 'Still OPEN or IN_PROGRESS.' }) open!: number;
  @Field(() => [FeedbackActionItemObject], { description: 'The latest actions of the period, most recent first (at most 10).' })
  items!: FeedbackActionItemObject[];
}

@ObjectType('CommunityReport', { description: 'A quarterly or monthly community report, as data. For a file, ask communityReportLink.' })
export class CommunityReportObject {
  @Field(() => CommunityReportKindEnum) kind!: CommunityReportKindEnum;
  @Field(() => ReportLocaleEnum) locale!: ReportLocaleEnum;
  @Field(() => String) organizationName!: string;
  @Field(() => String) timeZone!: string;
  @Field(() => CommunityReportPeriodObject) period!: CommunityReportPeriodObject;
  @Field(() => CommunityReportPeriodObject) previousPeriod!: CommunityReportPeriodObject;
  @Field(() => GraphQLISODateTime) generatedAt!: Date;
  @Field(() => VolumeObject) volume!: VolumeObject;
  @Field(() => [NamedCountObject]) topAuthors!: NamedCountObject[];
  @Field(() => TopicsObject) topTopics!: TopicsObject;
  @Field(() => VoiceObject) shareOfVoice!: VoiceObject;
  @Field(() => InboxObject) inbox!: InboxObject;
  @Field(() => [KpiObject]) kpis!: KpiObject[];
  @Field(() => [AlertObject], { nullable: true, description: 'Null when alerts are not enabled on this platform.' }) alerts!:
    AlertObject[] | null;
  @Field(() => [TopPublicationObject], { nullable: true, description: 'Monthly report only: the best-performing posts of the month.' })
  topPublications!: TopPublicationObject[] | null;
  @Field(() => [PublicationsObject], { nullable: true, description: 'Monthly report only.' }) publications!: PublicationsObject[] | null;
  @Field(() => FeedbackActionsObject, { nullable: true, description: 'Actions taken on feedback in the period; null when not installed.' })
  feedbackActions?: FeedbackActionsObject | null;
}
