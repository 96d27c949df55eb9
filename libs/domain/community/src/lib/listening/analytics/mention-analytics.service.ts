import { Injectable } from '@nestjs/common';
import { badInput } from '@socle/platform-errors';
import type { PageQuery, TenantCtx } from '../../repositories';
import type { MentionEntity, SentimentLabel } from '../listening.entities';
import { ListeningService } from '../listening.service';
import { FacetCountRow, MentionFacetName, MentionSearchFilter, MentionSearchRepository, VolumeInterval } from './mention-search.repository';
import { toSearchQuery } from './search-text';

/** A filter as the API receives it (text as typed). */
export interface MentionFilterInput {
  from?: Date | null;
  to?: Date | null;
  queryId?: string;
  source?: string;
  sentiment?: SentimentLabel;
  language?: string;
  authorHandle?: string;
  text?: string;
}

export interface MentionFacets {
  total: number;
  sources: FacetCountRow[];
  sentiments: FacetCountRow[];
  languages: FacetCountRow[];
  queries: FacetCountRow[];
  authors: FacetCountRow[];
}

export interface VolumeBucket {
  start: Date;
  date: string;
  total: number;
  positive: number;
  neutral: number;
  negative: number;
  averageSentiment: number | null;
}

export interface ShareOfVoiceSide {
  kind: 'BRAND' | 'COMPETITOR';
  competitorId: string | null;
  name: string;
  mentions: number;
  share: number;
}

export interface ShareOfVoice {
  from: Date;
  to: Date;
  total: number;
  sides: ShareOfVoiceSide[];
  interval: VolumeInterval | null;
  timeZone: string | null;
  buckets: { start: Date; date: string; total: number; sides: ShareOfVoiceSide[] }[];
}

/** At most this many buckets in one answer (two years of days). */
export const MAX_BUCKETS = 731;
/** The range when none is given: the last 30 days by day, the last 12 weeks by week. */
const DEFAULT_SPAN_DAYS: Record<VolumeInterval, number> = { DAY: 30, WEEK: 84 };
const DAY_MS = 86_400_000;

/** An IANA zone name (Europe/Paris, America/Argentina/Buenos_Aires, UTC) that the JavaScript runtime knows too. */
function checkTimeZone(timeZone: string, field: string): string {
  const refuse = () => badInput(field, 'must be an IANA time zone such as Europe/Paris');
  if (!/^(UTC|[A-Z][A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2})$/.test(timeZone)) throw refuse();
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw refuse();
  }
  return timeZone;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Mention search and analytics: the page of mentions, the facets of a filter,
 * volume and sentiment over time, share of voice. Validates what the caller
 * sent (times, text, time zone, the query named) before any statement.
 */
@Injectable()
export class MentionAnalyticsService {
  constructor(
    private readonly repository: MentionSearchRepository,
    private readonly listening: ListeningService,
  ) {}

  async search(ctx: TenantCtx, page: PageQuery, input: MentionFilterInput): Promise<MentionEntity[]> {
    return this.repository.search(ctx, page, await this.filter(ctx, input));
  }

  /** How many mentions the search keeps, all pages together. */
  async count(ctx: TenantCtx, input: MentionFilterInput): Promise<number> {
    return this.repository.count(ctx, await this.filter(ctx, input));
  }

  async facets(ctx: TenantCtx, input: MentionFilterInput): Promise<MentionFacets> {
    const { total, counts } = await this.repository.facets(ctx, await this.filter(ctx, input));
    const of = (facet: MentionFacetName) => counts.filter((c) => c.facet === facet).sort((a, b) => b.count - a.count);
    return {
      total,
      sources: of('source'),
      sentiments: of('sentiment'),
      languages: of('language'),
      queries: of('query'),
      authors: of('author'),
    };
  }

  async volume(
    ctx: TenantCtx,
    input: MentionFilterInput,
    interval: VolumeInterval,
    timeZone?: string,
  ): Promise<{ interval: VolumeInterval; timeZone: string; buckets: VolumeBucket[] }> {
    if (interval !== 'DAY' && interval !== 'WEEK') throw badInput('interval', 'must be DAY or WEEK');
    const zone = timeZone === undefined ? (await this.repository.organization(ctx)).timeZone : checkTimeZone(timeZone, 'timeZone');
    const filter = await this.filter(ctx, input);
    const to = filter.to ?? new Date();
    const from = filter.from ?? new Date(to.getTime() - DEFAULT_SPAN_DAYS[interval] * DAY_MS);
    if (from >= to) throw badInput(input.to !== undefined ? 'to' : 'from', 'must leave a range: from before to');
    this.checkBuckets(from, to, interval);
    const buckets = await this.repository.volume(ctx, { ...filter, from, to }, interval, zone);
    return { interval, timeZone: zone, buckets };
  }

  async shareOfVoice(ctx: TenantCtx, input: { from: Date; to: Date; interval?: VolumeInterval; timeZone?: string }): Promise<ShareOfVoice> {
    const { from, to } = this.range(input);
    if (!from || !to) throw badInput(!from ? 'from' : 'to', 'is required');
    if (input.interval !== undefined && input.interval !== 'DAY' && input.interval !== 'WEEK')
      throw badInput('interval', 'must be DAY or WEEK');
    const zone = input.timeZone === undefined ? undefined : checkTimeZone(input.timeZone, 'timeZone');
    if (input.interval) this.checkBuckets(from, to, input.interval);
    const organization = await this.repository.organization(ctx);
    const bucket = input.interval ? { interval: input.interval, timeZone: zone ?? organization.timeZone } : undefined;
    const rows = await this.repository.shareOfVoice(ctx, { from, to }, bucket);
    const sidesOf = (picked: typeof rows): { total: number; sides: ShareOfVoiceSide[] } => {
      const total = picked.reduce((sum, r) => sum + r.mentions, 0);
      return {
        total,
        sides: picked.map((r) => ({
          kind: r.side,
          competitorId: r.competitorId,
          name: r.side === 'BRAND' ? organization.name : (r.name ?? ''),
          mentions: r.mentions,
          share: total === 0 ? 0 : round2((r.mentions / total) * 100),
        })),
      };
    };
    const whole = sidesOf(rows.filter((r) => r.start === null));
    const byBucket = new Map<string, { start: Date; date: string; rows: typeof rows }>();
    for (const row of rows) {
      if (row.start === null || row.date === null) continue;
      const entry = byBucket.get(row.date) ?? { start: row.start, date: row.date, rows: [] };
      entry.rows.push(row);
      byBucket.set(row.date, entry);
    }
    return {
      from,
      to,
      ...whole,
      interval: input.interval ?? null,
      timeZone: bucket?.timeZone ?? null,
      buckets: [...byBucket.values()].map((b) => ({ start: b.start, date: b.date, ...sidesOf(b.rows) })),
    };
  }

  private range(input: { from?: Date | null; to?: Date | null }): { from?: Date; to?: Date } {
    const from = input.from ?? undefined;
    const to = input.to ?? undefined;
    if (from && to && from >= to) throw badInput('to', 'must be after from');
    return { from, to };
  }

  private checkBuckets(from: Date, to: Date, interval: VolumeInterval): void {
    const span = (to.getTime() - from.getTime()) / (interval === 'DAY' ? DAY_MS : 7 * DAY_MS);
    if (span > MAX_BUCKETS - 1)
      throw badInput('from', `must leave at most ${MAX_BUCKETS} ${interval === 'DAY' ? 'days' : 'weeks'} before to`);
  }

  private async filter(ctx: TenantCtx, input: MentionFilterInput): Promise<MentionSearchFilter> {
    const { from, to } = this.range(input);
    const textQuery = input.text === undefined ? undefined : toSearchQuery(input.text, 'text');
    // An unknown query (another tenant's included) is named, not answered with an empty list.
    if (input.queryId) await this.listening.get(ctx, input.queryId, 'queryId');
    return {
      from,
      to,
      queryId: input.queryId,
      source: input.source,
      sentiment: input.sentiment,
      language: input.language,
      authorHandle: input.authorHandle,
      textQuery,
    };
  }
}
