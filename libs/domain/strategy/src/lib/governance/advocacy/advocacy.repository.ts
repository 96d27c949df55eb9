import { Injectable } from '@nestjs/common';
import type { GovernanceCtx } from '../governance.repository';
import type { DigestPost } from './advocacy';

/** How many posts the monthly mail shows. */
export const DIGEST_SIZE = 5;

/** Whether the digest goes out by itself, and the last month the worker handled. */
export interface DigestSchedule {
  enabled: boolean;
  lastMonth: string | null;
  updatedAt: Date | null;
}

/** What the advocacy kit reads: the organisation, its published posts and its connected accounts; and the digest's schedule. */
@Injectable()
export class AdvocacyRepository {
  async organization(ctx: GovernanceCtx): Promise<{ name: string; locale: 'fr' | 'en'; timezone: string }> {
    const [row] = await ctx.uow.query<{ name: string; locale: 'fr' | 'en'; timezone: string }>(
      'SELECT name, locale, timezone FROM organizations WHERE id = $1',
      [ctx.uow.organizationId],
    );
    return row;
  }

  /**
   * The posts published in [from, to) with the most engagement (likes, reposts and replies as last measured),
   * with the text of the variant that went out. Posts never measured come last.
   */
  bestPosts(ctx: GovernanceCtx, from: Date, to: Date): Promise<DigestPost[]> {
    return ctx.uow.query<DigestPost>(
      `SELECT p.network, c.title, coalesce(v.text, '') || CASE WHEN v.link_url IS NULL THEN '' ELSE E'\\n' || v.link_url END AS text,
              p.external_url AS url, p.published_at AS "publishedAt", e.engagement
         FROM publications p
         JOIN content_items c ON c.organization_id = p.organization_id AND c.id = p.item_id
         LEFT JOIN content_variants v ON v.organization_id = p.organization_id AND v.id = p.variant_id
         CROSS JOIN LATERAL (
           SELECT sum(x.value)::float8 AS engagement FROM unnest(ARRAY['LIKES', 'REPOSTS', 'REPLIES']) AS k (metric)
            CROSS JOIN LATERAL (SELECT m.value FROM metric_samples m
                                 WHERE m.organization_id = $1 AND m.publication_id = p.id AND m.metric = k.metric
                                 ORDER BY m.sampled_at DESC LIMIT 1) x) e
        WHERE p.organization_id = $1 AND p.status = 'PUBLISHED' AND p.deleted_at IS NULL AND p.published_at >= $2 AND p.published_at < $3
        ORDER BY e.engagement DESC NULLS LAST, p.published_at DESC, p.id LIMIT $4`,
      [ctx.uow.organizationId, from, to, DIGEST_SIZE],
    );
  }

  /** The organisation's connected profiles, as "network handle" labels. */
  accounts(ctx: GovernanceCtx): Promise<{ network: string; handle: string }[]> {
    return ctx.uow.query<{ network: string; handle: string }>(
      'SELECT network, handle FROM network_accounts WHERE organization_id = $1 ORDER BY network, handle LIMIT 20',
      [ctx.uow.organizationId],
    );
  }

  /** Every member's address (the staff the monthly mail goes to). */
  memberEmails(ctx: GovernanceCtx): Promise<string[]> {
    return ctx.uow
      .query<{ email: string }>(
        `SELECT u.email FROM organization_memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 ORDER BY u.email`,
        [ctx.uow.organizationId],
      )
      .then((rows) => rows.map((r) => r.email));
  }

  /** Serialises the sends of one organisation's digest (one send per month). */
  async lockDigest(ctx: GovernanceCtx): Promise<void> {
    await ctx.uow.query("SELECT pg_advisory_xact_lock(hashtextextended('socle.advocacy-digest:' || $1::text, 0))", [
      ctx.uow.organizationId,
    ]);
  }

  async userName(ctx: GovernanceCtx, userId: string): Promise<string | null> {
    const [row] = await ctx.uow.query<{ name: string }>(
      `SELECT u.display_name AS name FROM organization_memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 AND m.user_id = $2`,
      [ctx.uow.organizationId, userId],
    );
    return row?.name ?? null;
  }

  async schedule(ctx: GovernanceCtx): Promise<DigestSchedule> {
    const [row] = await ctx.uow.query<DigestSchedule>(
      `SELECT enabled, last_month AS "lastMonth", updated_at AS "updatedAt" FROM advocacy_digest_settings WHERE organization_id = $1`,
      [ctx.uow.organizationId],
    );
    return row ?? { enabled: false, lastMonth: null, updatedAt: null };
  }

  async setEnabled(ctx: GovernanceCtx, enabled: boolean, by: string | null): Promise<void> {
    await ctx.uow.query(
      `INSERT INTO advocacy_digest_settings (organization_id, enabled, updated_by, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (organization_id) DO UPDATE SET enabled = EXCLUDED.enabled, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [ctx.uow.organizationId, enabled, by],
    );
  }

  /** Records that the worker handled `month` (never moves back). */
  async markHandled(ctx: GovernanceCtx, month: string): Promise<void> {
    await ctx.uow.query(
      `UPDATE advocacy_digest_settings SET last_month = $2 WHERE organization_id = $1 AND (last_month IS NULL OR last_month < $2)`,
      [ctx.uow.organizationId, month],
    );
  }
}
