import { Injectable } from '@nestjs/common';
import type { OrganizationUnitOfWork } from '@socle/platform-database';
import type { FeedbackActionsSection } from './community-report';
import { TOPIC_STOP_WORDS } from './topics';

export interface ReportCtx {
  readonly uow: OrganizationUnitOfWork;
}

/** How many authors, words and alerts a report lists. */
export const REPORT_TOP = { authors: 10, terms: 15, alerts: 20, publications: 5, feedbackActions: 10 } as const;

/** The audit action of a community report file produced (the evidence "monthly executive report produced" reads it). */
export const COMMUNITY_REPORT_PRODUCED = 'communityReport.produced';

/**
 * The report's own reads (the listening analytics' volume, share of voice and
 * authors are read through their repository): organisation, words and topic
 * queries, inbox, alerts, publications against the plan, KPIs. Every statement
 * names the organisation, row-level security underneath.
 */
@Injectable()
export class CommunityReportRepository {
  async organization(ctx: ReportCtx): Promise<{ name: string; locale: 'fr' | 'en'; timeZone: string; agencyName: string }> {
    const [row] = await ctx.uow.query<{ name: string; locale: string; timezone: string; agency: string | null }>(
      `SELECT o.name, o.locale, o.timezone, (SELECT a.name FROM socle_organization_agency() a) AS agency
         FROM organizations o WHERE o.id = $1`,
      [ctx.uow.organizationId],
    );
    return {
      name: row?.name ?? '',
      locale: row?.locale === 'en' ? 'en' : 'fr',
      timeZone: row?.timezone ?? 'UTC',
      agencyName: row?.agency ?? '',
    };
  }

  /**
   * The most frequent words of the mentions published in [from, to): each
   * mention counts once per word, from the folded word index; stop words, words
   * of the organisation's own name (it is what every mention is about), short
   * words and numbers left out.
   */
  async topTerms(ctx: ReportCtx, from: Date, to: Date): Promise<{ term: string; mentions: number }[]> {
    const rows = await ctx.uow.query<{ term: string; mentions: number }>(
      `SELECT w.lexeme AS term, count(*)::int AS mentions
         FROM mentions m CROSS JOIN LATERAL unnest(m.search_vector) AS w
        WHERE m.organization_id = $1 AND m.published_at >= $2 AND m.published_at < $3
          AND length(w.lexeme) >= 3 AND w.lexeme !~ '^[0-9]+$' AND NOT (w.lexeme = ANY ($4::text[]))
          AND NOT (w.lexeme = ANY ((SELECT tsvector_to_array(socle_mention_search_vector(o.name)) FROM organizations o WHERE o.id = $1)::text[]))
        GROUP BY w.lexeme ORDER BY count(*) DESC, w.lexeme LIMIT $5`,
      [ctx.uow.organizationId, from, to, TOPIC_STOP_WORDS, REPORT_TOP.terms],
    );
    return rows;
  }

  /** Mentions matched by each TOPIC listening query in the period and in the previous one (a mention once per query). */
  async topicQueries(ctx: ReportCtx, current: { start: Date; end: Date }, previous: { start: Date; end: Date }) {
    return ctx.uow.query<{ name: string; mentions: number; previousMentions: number }>(
      `SELECT q.name,
              count(mm.mention_id) FILTER (WHERE mm.published_at >= $2 AND mm.published_at < $3)::int AS mentions,
              count(mm.mention_id) FILTER (WHERE mm.published_at >= $4 AND mm.published_at < $5)::int AS "previousMentions"
         FROM listening_queries q
         LEFT JOIN mention_matches mm ON mm.organization_id = q.organization_id AND mm.query_id = q.id
                                     AND mm.published_at >= $4 AND mm.published_at < $3
        WHERE q.organization_id = $1 AND q.kind = 'TOPIC'
        GROUP BY q.id, q.name ORDER BY 2 DESC, q.name`,
      [ctx.uow.organizationId, current.start, current.end, previous.start, previous.end],
    );
  }

  /**
   * Inbox items received in [from, to) (dismissed ones aside): answered, breaches
   * of the due time, median first response (an unanswered item past due counts
   * up to `at`) and the median delay the rules allowed.
   */
  async inbox(ctx: ReportCtx, from: Date, to: Date, at: Date) {
    const [row] = await ctx.uow.query<{
      received: number;
      answered: number;
      breaches: number;
      median: number | null;
      allowed: number | null;
    }>(
      `SELECT count(*)::int AS received,
              count(*) FILTER (WHERE first_response_at IS NOT NULL)::int AS answered,
              count(*) FILTER (WHERE coalesce(first_response_at, $4::timestamptz) > due_at)::int AS breaches,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (coalesce(first_response_at, $4::timestamptz) - received_at)) / 60)
                FILTER (WHERE first_response_at IS NOT NULL OR due_at < $4::timestamptz)::float8 AS median,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (due_at - received_at)) / 60)::float8 AS allowed
         FROM inbox_items
        WHERE organization_id = $1 AND received_at >= $2 AND received_at < $3 AND status <> 'DISMISSED'`,
      [ctx.uow.organizationId, from, to, at],
    );
    return row;
  }

  /** Spike alerts whose window began in the period, strongest first. */
  async alerts(ctx: ReportCtx, from: Date, to: Date) {
    return ctx.uow.query<{ windowStart: Date; observedCount: number; ratio: number; status: string }>(
      `SELECT window_start AS "windowStart", observed_count AS "observedCount", ratio, status FROM alerts
        WHERE organization_id = $1 AND window_start >= $2 AND window_start < $3
        ORDER BY window_start LIMIT $4`,
      [ctx.uow.organizationId, from, to, REPORT_TOP.alerts],
    );
  }

  /** Actions on feedback recorded in [from, to): counts and the latest ones. */
  async feedbackActions(ctx: ReportCtx, from: Date, to: Date): Promise<FeedbackActionsSection> {
    const [counts] = await ctx.uow.query<Omit<FeedbackActionsSection, 'items'>>(
      `SELECT count(*)::int AS recorded,
              count(*) FILTER (WHERE follow_up IS NOT NULL OR status = 'DONE')::int AS "followedUp",
              count(*) FILTER (WHERE status = 'DONE')::int AS done,
              count(*) FILTER (WHERE status IN ('OPEN', 'IN_PROGRESS'))::int AS open
         FROM feedback_actions WHERE organization_id = $1 AND created_at >= $2 AND created_at < $3`,
      [ctx.uow.organizationId, from, to],
    );
    const items = await ctx.uow.query<FeedbackActionsSection['items'][number]>(
      `SELECT a.decision, a.status, a.follow_up AS "followUp", a.created_at AS "recordedAt",
              (SELECT count(*)::int FROM feedback_action_mentions l WHERE l.organization_id = a.organization_id AND l.action_id = a.id) AS mentions,
              (SELECT count(*)::int FROM feedback_action_inbox_items l WHERE l.organization_id = a.organization_id AND l.action_id = a.id) AS "inboxItems"
         FROM feedback_actions a WHERE a.organization_id = $1 AND a.created_at >= $2 AND a.created_at < $3
        ORDER BY a.created_at DESC, a.id DESC LIMIT $4`,
      [ctx.uow.organizationId, from, to, REPORT_TOP.feedbackActions],
    );
    return { ...counts, items };
  }

  /** Posts published per network in [from, to), and the plan's posts per week for each planned network (union of both). */
  async publications(ctx: ReportCtx, from: Date, to: Date) {
    return ctx.uow.query<{ network: string; published: number; postsPerWeek: number | null }>(
      `WITH published AS (
         SELECT network, count(*)::int AS published FROM publications
          WHERE organization_id = $1 AND status = 'PUBLISHED' AND deleted_at IS NULL AND published_at >= $2 AND published_at < $3
          GROUP BY network)
       SELECT coalesce(p.network, n.network) AS network, coalesce(p.published, 0) AS published, n.posts_per_week::int AS "postsPerWeek"
         FROM published p FULL JOIN (SELECT network, posts_per_week FROM network_plans WHERE organization_id = $1) n USING (network)
        ORDER BY 1`,
      [ctx.uow.organizationId, from, to],
    );
  }

  /**
   * The posts published in [from, to) with the most engagement: likes, reposts and replies as last measured
   * (engagement keeps coming after the period; the latest count is the fuller one). Posts never measured last.
   */
  async topPublications(ctx: ReportCtx, from: Date, to: Date) {
    return ctx.uow.query<{ title: string; network: string; publishedAt: Date; url: string | null; engagement: number | null }>(
      `SELECT c.title, p.network, p.published_at AS "publishedAt", p.external_url AS url, e.engagement
         FROM publications p
         JOIN content_items c ON c.organization_id = p.organization_id AND c.id = p.item_id
         CROSS JOIN LATERAL (
           SELECT sum(x.value)::float8 AS engagement FROM unnest(ARRAY['LIKES', 'REPOSTS', 'REPLIES']) AS k (metric)
            CROSS JOIN LATERAL (SELECT m.value FROM metric_samples m
                                 WHERE m.organization_id = $1 AND m.publication_id = p.id AND m.metric = k.metric
                                 ORDER BY m.sampled_at DESC LIMIT 1) x) e
        WHERE p.organization_id = $1 AND p.status = 'PUBLISHED' AND p.deleted_at IS NULL AND p.published_at >= $2 AND p.published_at < $3
        ORDER BY e.engagement DESC NULLS LAST, p.published_at DESC, p.id LIMIT $4`,
      [ctx.uow.organizationId, from, to, REPORT_TOP.publications],
    );
  }

  /** The organisation's KPIs, in the order they were set. */
  async kpis(ctx: ReportCtx): Promise<{ id: string; name: string; unit: string | null }[]> {
    return ctx.uow.query(`SELECT id, name, unit FROM kpis WHERE organization_id = $1 ORDER BY created_at, id`, [ctx.uow.organizationId]);
  }

  /** When a monthly executive report was last produced (a file downloaded) for the organisation, if ever. */
  async lastProduced(ctx: ReportCtx, kind: 'QUARTERLY' | 'MONTHLY'): Promise<Date | null> {
    const [row] = await ctx.uow.query<{ at: Date | null }>(
      `SELECT max(occurred_at) AS at FROM audit_events WHERE organization_id = $1 AND action = $2 AND metadata ->> 'kind' = $3`,
      [ctx.uow.organizationId, COMMUNITY_REPORT_PRODUCED, kind],
    );
    return row?.at ?? null;
  }
}
