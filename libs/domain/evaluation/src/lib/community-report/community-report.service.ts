import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { MentionSearchRepository } from '@socle/community';
import type { OrganizationContext } from '@socle/platform-auth';
import { badInput } from '@socle/platform-errors';
import type { ReportLocale } from '../report/assessment-report';
import { KpiProgressService } from '../kpi';
import type { CommunityReport, VolumePoint, VolumeTotals } from './community-report';
import { COMMUNITY_REPORT_PRODUCED, CommunityReportRepository, REPORT_TOP, ReportCtx } from './community-report.repository';
import { CommunityReportKind, isComplete, periodLabel, previousPeriod, reportPeriod } from './period';

type Ctx = Pick<OrganizationContext, 'uow' | 'organizationId' | 'actor'>;

const WEEK_MS = 7 * 86_400_000;

function totalsOf(points: VolumePoint[]): VolumeTotals {
  const sum = (pick: (p: VolumePoint) => number) => points.reduce((s, p) => s + pick(p), 0);
  const rated = points.filter((p) => p.averageSentiment !== null);
  const weight = rated.reduce((s, p) => s + p.total, 0);
  return {
    total: sum((p) => p.total),
    positive: sum((p) => p.positive),
    neutral: sum((p) => p.neutral),
    negative: sum((p) => p.negative),
    // Weighted by each bucket's mentions, so a quiet week does not count as much as a busy one.
    averageSentiment: weight === 0 ? null : rated.reduce((s, p) => s + (p.averageSentiment as number) * p.total, 0) / weight,
  };
}

/**
 * Assembles a community report for one quarter or month of the organisation's
 * calendar, from the listening analytics, the inbox, the alerts, the KPIs and
 * the publications. Reads only (it runs in a GraphQL query's read-only
 * transaction); `recordProduced` is the one write, when a file is downloaded.
 */
@Injectable()
export class CommunityReportService {
  constructor(
    private readonly repository: CommunityReportRepository,
    private readonly mentions: MentionSearchRepository,
    private readonly kpiProgress: KpiProgressService,
    private readonly audit: AuditRepository,
  ) {}

  async build(ctx: Ctx, kind: CommunityReportKind, periodStart: string, locale?: ReportLocale, now = new Date()): Promise<CommunityReport> {
    if (locale !== undefined && locale !== 'fr' && locale !== 'en') throw badInput('locale', 'must be fr or en');
    const organization = await this.repository.organization(ctx);
    const zone = organization.timeZone;
    const period = reportPeriod(kind, periodStart, zone, now);
    const previous = previousPeriod(period, zone);
    const language = locale ?? organization.locale;
    // A period in progress is read up to now: its last bucket is partial, and the report says so.
    const end = isComplete(period, now) ? period.end : now;
    const tenant = { uow: ctx.uow, organizationId: ctx.organizationId, actor: ctx.actor };
    // One after the other: every read runs on the request's one connection.
    const points = await this.mentions.volume(tenant, { from: period.start, to: end }, period.interval, zone);
    const previousPoints = await this.mentions.volume(tenant, { from: previous.start, to: previous.end }, period.interval, zone);
    const facets = await this.mentions.facets(tenant, { from: period.start, to: end });
    const voice = await this.mentions.shareOfVoice(tenant, { from: period.start, to: end });
    const terms = await this.repository.topTerms(ctx, period.start, end);
    const queries = await this.repository.topicQueries(ctx, { start: period.start, end }, previous);
    const inbox = await this.repository.inbox(ctx, period.start, end, end);
    const alerts = await this.repository.alerts(ctx, period.start, end);
    const feedbackActions = await this.repository.feedbackActions(ctx, period.start, end);
    const kpis = await this.kpis(ctx, period.start, end);
    const publications = kind === 'MONTHLY' ? await this.publications(ctx, period.start, period.end, end) : null;
    const topPublications = kind === 'MONTHLY' ? await this.repository.topPublications(ctx, period.start, end) : null;
    const strip = (p: (typeof points)[number]): VolumePoint => ({
      date: p.date,
      total: p.total,
      positive: p.positive,
      neutral: p.neutral,
      negative: p.negative,
      averageSentiment: p.averageSentiment,
    });
    const current = points.map(strip);
    const before = previousPoints.map(strip);
    const voiceTotal = voice.filter((r) => r.start === null).reduce((s, r) => s + r.mentions, 0);
    return {
      kind,
      locale: language,
      organizationName: organization.name,
      agencyName: organization.agencyName,
      timeZone: zone,
      period: { ...period, label: periodLabel(period, language), complete: isComplete(period, now) },
      previousPeriod: { ...previous, label: periodLabel(previous, language) },
      generatedAt: now,
      volume: {
        interval: period.interval,
        points: current,
        totals: totalsOf(current),
        previousPoints: before,
        previousTotals: totalsOf(before),
      },
      topAuthors: facets.counts
        .filter((c) => c.facet === 'author' && c.value !== null)
        .sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)))
        .slice(0, REPORT_TOP.authors)
        .map((c) => ({ handle: c.value as string, mentions: c.count })),
      topTopics: { terms, queries },
      shareOfVoice: {
        total: voiceTotal,
        sides: voice
          .filter((r) => r.start === null)
          .map((r) => ({
            kind: r.side,
            name: r.side === 'BRAND' ? organization.name : (r.name ?? ''),
            mentions: r.mentions,
            share: voiceTotal === 0 ? 0 : Math.round((r.mentions / voiceTotal) * 1000) / 10,
          })),
      },
      inbox: {
        received: inbox?.received ?? 0,
        answered: inbox?.answered ?? 0,
        breaches: inbox?.breaches ?? 0,
        medianFirstResponseMinutes: inbox?.median ?? null,
        slaMinutes: inbox?.allowed ?? null,
      },
      kpis,
      alerts,
      topPublications,
      publications,
      feedbackActions,
    };
  }

  /** Records that a report file was produced (downloaded), in the organisation's audit log. */
  async recordProduced(ctx: Ctx, report: CommunityReport, format: 'PDF' | 'CSV'): Promise<void> {
    await this.audit.recordInOrganization(ctx.uow, ctx.actor, {
      action: COMMUNITY_REPORT_PRODUCED,
      targetType: 'CommunityReport',
      metadata: { kind: report.kind, periodStart: report.period.firstDay, format, locale: report.locale },
    });
  }

  /** Each KPI's value in the last of its periods that falls in the report's period. */
  private async kpis(ctx: Ctx, from: Date, to: Date): Promise<CommunityReport['kpis']> {
    const out: CommunityReport['kpis'] = [];
    for (const kpi of await this.repository.kpis(ctx)) {
      const progress = await this.kpiProgress.progress(ctx, kpi.id, from, to);
      const last = [...progress.periods].reverse().find((p) => p.value !== null) ?? progress.periods[progress.periods.length - 1];
      out.push({
        name: kpi.name,
        measure: progress.measure,
        unit: kpi.unit,
        target: progress.target,
        status: progress.status,
        value: last?.value ?? null,
        progress: last?.progress ?? null,
        onTrack: last?.onTrack ?? null,
      });
    }
    return out;
  }

  /** Published per network against the plan, prorated to the period's length (weeks, to one decimal). */
  private async publications(ctx: ReportCtx, start: Date, periodEnd: Date, end: Date): Promise<CommunityReport['publications']> {
    const weeks = (periodEnd.getTime() - start.getTime()) / WEEK_MS;
    const rows = await this.repository.publications(ctx, start, end);
    return rows.map((r) => ({
      network: r.network,
      published: r.published,
      planned: r.postsPerWeek === null ? null : Math.round(r.postsPerWeek * weeks),
    }));
  }
}
