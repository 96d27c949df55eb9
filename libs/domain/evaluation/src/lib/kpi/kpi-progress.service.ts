import { Injectable } from '@nestjs/common';
import { MentionSearchRepository } from '@socle/community';
import { badInput, DomainError, notFound } from '@socle/platform-errors';
import { KpiValuesRepository } from '../kpi-values/kpi-values.repository';
import { KpiCtx, KpiMeasuresRepository, MeasuredKpi, PeriodValues } from './kpi-measures.repository';
import { KpiMeasure, MAX_KPI_PERIODS, onTrack, Period, periodsBetween, shareOfTheWay } from './kpi-progress';

/** Whether the KPI's progress could be measured. */
export type KpiProgressStatus = 'MEASURED' | 'NOT_MEASURED' | 'NOT_MEASURED_YET';

/** Where a period's value comes from: the platform's measure, or what people recorded (by hand or from a file). */
export type KpiValueOrigin = 'MEASURED' | 'RECORDED';

export interface KpiPeriodProgress extends Period {
  /** Null when the data to measure this period is missing (no sample yet, nothing to average). */
  value: number | null;
  /** Null without a value. */
  origin: KpiValueOrigin | null;
  target: number;
  /** Share of the way from the baseline to the target (1 = reached). */
  progress: number | null;
  onTrack: boolean | null;
}

export interface KpiProgress {
  kpiId: string;
  measure: KpiMeasure | null;
  status: KpiProgressStatus;
  /** Why it is not measured, in a sentence; null when it is. */
  reason: string | null;
  baseline: number | null;
  target: number;
  periods: KpiPeriodProgress[];
}

/** What progress reads with: the tenant's unit of work and who asks (the listening analytics want both). */
export type KpiProgressCtx = KpiCtx & Parameters<MentionSearchRepository['shareOfVoice']>[0];

/** A KPI's measured progress against its target, per period of its frequency. */
@Injectable()
export class KpiProgressService {
  constructor(
    private readonly measures: KpiMeasuresRepository,
    private readonly mentions: MentionSearchRepository,
    private readonly recorded: KpiValuesRepository,
  ) {}

  async progress(ctx: KpiProgressCtx, kpiId: string, from: Date, to: Date): Promise<KpiProgress> {
    if (from >= to) throw badInput('to', 'must be after from');
    const kpi = await this.measures.kpi(ctx, kpiId);
    // Another organisation's KPI is as unknown as one that never existed (row-level security hides it).
    if (!kpi) throw new DomainError('NOT_FOUND', notFound('KPI', kpiId).message, { field: 'kpiId' });
    const periods = periodsBetween(from, to, kpi.frequency);
    if (!periods)
      throw badInput('to', `gives more than ${MAX_KPI_PERIODS} periods of the KPI's frequency (${kpi.frequency}): shorten the range`);
    const base = { kpiId: kpi.id, measure: kpi.measure, baseline: kpi.baseline, target: kpi.target };
    // Values people recorded: the only source of a MANUAL KPI (or one without a measure), and what fills the
    // periods the platform cannot measure (before an account was connected, a network without metrics).
    const recorded = await this.recorded.perPeriod(ctx, kpi.id, periods);
    const anyRecorded = recorded.some((v) => v !== null) || (await this.recorded.any(ctx, kpi.id));
    if (!kpi.measure || kpi.measure === 'MANUAL') {
      if (!anyRecorded) {
        const reason = kpi.measure
          ? 'No value was recorded for this KPI yet: enter values or import a CSV file.'
          : 'The KPI has no measure: set one, or record its values by hand or from a CSV file, to follow its progress.';
        return { ...base, status: 'NOT_MEASURED', reason, periods: [] };
      }
      return {
        ...base,
        status: 'MEASURED',
        reason: null,
        periods: periods.map((period, index) => this.judge(kpi, period, recorded[index] ?? null, 'RECORDED')),
      };
    }
    const values = await this.values(ctx, kpi.measure, periods);
    if (!values) {
      if (anyRecorded) {
        return {
          ...base,
          status: 'MEASURED',
          reason: null,
          periods: periods.map((period, index) => this.judge(kpi, period, recorded[index] ?? null, 'RECORDED')),
        };
      }
      const reason =
        kpi.measure === 'SHARE_OF_VOICE'
          ? 'Share of voice sets the brand listening queries against the competitor queries: create both to measure this KPI.'
          : 'Mentions are counted from the brand listening queries: create one to measure this KPI.';
      return { ...base, status: 'NOT_MEASURED', reason, periods: [] };
    }
    return {
      ...base,
      status: 'MEASURED',
      reason: null,
      periods: periods.map((period, index) => {
        const measured = values[index] ?? null;
        return measured !== null
          ? this.judge(kpi, period, measured, 'MEASURED')
          : this.judge(kpi, period, recorded[index] ?? null, 'RECORDED');
      }),
    };
  }

  private judge(kpi: MeasuredKpi, period: Period, value: number | null, origin: KpiValueOrigin): KpiPeriodProgress {
    const measure = (kpi.measure ?? 'MANUAL') as KpiMeasure;
    return {
      ...period,
      value,
      origin: value === null ? null : origin,
      target: kpi.target,
      progress: shareOfTheWay(value, kpi.baseline, kpi.target),
      onTrack: onTrack({
        measure,
        value,
        baseline: kpi.baseline,
        target: kpi.target,
        objectiveStart: kpi.objectiveStart,
        objectiveDeadline: kpi.objectiveDeadline,
        periodEnd: period.end,
      }),
    };
  }

  /** One value per period; null when the measure cannot be computed at all for this organisation. */
  private async values(ctx: KpiProgressCtx, measure: KpiMeasure, periods: Period[]): Promise<PeriodValues | null> {
    switch (measure) {
      case 'FOLLOWERS':
        return this.measures.followers(ctx, periods);
      case 'POSTS_PUBLISHED':
        return this.measures.postsPublished(ctx, periods);
      case 'ENGAGEMENT':
        // No post: nothing to engage with (0); posts none of which was measured yet: unknown.
        return (await this.measures.engagement(ctx, periods)).map((e) => (e.posts === 0 ? 0 : e.measured === 0 ? null : e.engagement));
      case 'ENGAGEMENT_RATE': {
        // Engagement per measured post, per 1,000 followers at the period's end.
        // One after the other: both run on the request's one connection.
        const engagement = await this.measures.engagement(ctx, periods);
        const followers = await this.measures.followers(ctx, periods);
        return engagement.map((e, i) => {
          const audience = followers[i];
          if (e.measured === 0 || !audience) return null;
          return e.engagement / e.measured / (audience / 1000);
        });
      }
      case 'MENTIONS':
        if (!(await this.measures.hasBrandQuery(ctx))) return null;
        return (await this.measures.brandMentions(ctx, periods)).map((m) => m.total);
      case 'NEGATIVE_MENTION_SHARE':
        if (!(await this.measures.hasBrandQuery(ctx))) return null;
        return (await this.measures.brandMentions(ctx, periods)).map((m) => (m.rated === 0 ? null : (100 * m.negative) / m.rated));
      case 'FIRST_RESPONSE_MINUTES':
        return this.measures.firstResponseMinutes(ctx, periods);
      case 'SHARE_OF_VOICE':
        return this.shareOfVoice(ctx, periods);
      case 'MANUAL':
        return periods.map(() => null);
    }
  }

  /**
   * The brand's share (percent) of the mentions of the brand and its competitors, per period, as the listening
   * analytics count it (a mention once per side). Null (not measured) when the organisation has no brand or no
   * competitor query; a period with no mention on either side has no value.
   */
  private async shareOfVoice(ctx: KpiProgressCtx, periods: readonly Period[]): Promise<PeriodValues | null> {
    const values: PeriodValues = [];
    let sides: Set<string> | null = null;
    for (const period of periods) {
      const rows = await this.mentions.shareOfVoice(ctx, { from: period.start, to: period.end });
      sides ??= new Set(rows.map((row) => row.side));
      if (!sides.has('BRAND') || !sides.has('COMPETITOR')) return null;
      const total = rows.reduce((sum, row) => sum + row.mentions, 0);
      const brand = rows.filter((row) => row.side === 'BRAND').reduce((sum, row) => sum + row.mentions, 0);
      values.push(total === 0 ? null : Math.round((brand / total) * 10_000) / 100);
    }
    return values;
  }
}
