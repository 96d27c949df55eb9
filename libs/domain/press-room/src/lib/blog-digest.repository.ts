import { Injectable } from '@nestjs/common';
import type { OrganizationUnitOfWork, UnitOfWork } from '@socle/platform-database';
import { DeliveryLog, fanOutDeliveries, Recipient } from './newsletter.repository';

const BLOG_DELIVERIES: DeliveryLog = { table: 'blog_digest_deliveries', column: 'digest_id', list: 'BLOG' };

/** One article as the digest lists it (a snapshot taken when the week's digest is written). */
export interface DigestArticle {
  title: string;
  excerpt: string;
  url: string;
  publishedAt: string;
  network: string;
}

/** A week's blog digest as stored in `blog_digests`. */
export interface BlogDigestEntity {
  id: string;
  /** The Monday the week starts (YYYY-MM-DD, the organisation's time zone). */
  weekStart: string;
  articles: DigestArticle[];
  doneAt: Date | null;
}

const COLUMNS = `id, to_char(week_start, 'YYYY-MM-DD') AS "weekStart", articles, done_at AS "doneAt"`;

/** The only place that queries the blog digests and their deliveries; always inside the unit of work's organisation. */
@Injectable()
export class BlogDigestRepository {
  /**
   * The week whose digest is due at `now` (the one before the week of now minus 9 hours, in the organisation's zone),
   * as instants: its Monday 00:00, the next Monday 00:00, and when its digest fell due (that Monday 09:00).
   */
  async dueWeek(uow: OrganizationUnitOfWork, now: Date): Promise<{ weekStart: string; from: Date; to: Date; dueAt: Date }> {
    const [row] = await uow.query<{ weekStart: string; from: Date; to: Date; dueAt: Date }>(
      `SELECT to_char(w.monday, 'YYYY-MM-DD') AS "weekStart", (w.monday::timestamp AT TIME ZONE o.timezone) AS "from",
              ((w.monday + 7)::timestamp AT TIME ZONE o.timezone) AS "to",
              ((w.monday + 7)::timestamp + interval '9 hours') AT TIME ZONE o.timezone AS "dueAt"
         FROM organizations o CROSS JOIN LATERAL (SELECT socle_blog_digest_week($2, o.timezone) AS monday) w
        WHERE o.id = $1`,
      [uow.organizationId, now],
    );
    return row;
  }

  async find(uow: OrganizationUnitOfWork, weekStart: string): Promise<BlogDigestEntity | null> {
    const [row] = await uow.query<BlogDigestEntity>(
      `SELECT ${COLUMNS} FROM blog_digests WHERE organization_id = $1 AND week_start = $2::date`,
      [uow.organizationId, weekStart],
    );
    return row ?? null;
  }

  /**
   * The week's digest, written once with these articles: a concurrent run's insert waits for this one's transaction
   * and then finds its row (the articles listed are the first run's).
   */
  async findOrCreate(uow: OrganizationUnitOfWork, weekStart: string, articles: readonly DigestArticle[]): Promise<BlogDigestEntity> {
    await uow.query(
      `INSERT INTO blog_digests (organization_id, week_start, articles, done_at)
       VALUES ($1, $2::date, $3::jsonb, CASE WHEN $4 THEN now() END) ON CONFLICT (organization_id, week_start) DO NOTHING`,
      [uow.organizationId, weekStart, JSON.stringify(articles), articles.length === 0],
    );
    return (await this.find(uow, weekStart)) as BlogDigestEntity;
  }

  async markDone(uow: OrganizationUnitOfWork, id: string): Promise<void> {
    await uow.execute('UPDATE blog_digests SET done_at = coalesce(done_at, now()) WHERE organization_id = $1 AND id = $2', [
      uow.organizationId,
      id,
    ]);
  }

  /** The week's mails to write: see `fanOutDeliveries`. */
  fanOut(uow: OrganizationUnitOfWork, digestId: string, limit: number): Promise<Recipient[]> {
    return fanOutDeliveries(uow, BLOG_DELIVERIES, digestId, limit);
  }

  /** Organisations whose last week's digest is due and not done, across tenants (SECURITY DEFINER function: ids only). */
  async due(uow: UnitOfWork, now: Date, limit: number): Promise<string[]> {
    const rows = await uow.query<{ id: string }>('SELECT organization_id AS id FROM socle_blog_digests_due($1, $2)', [now, limit]);
    return rows.map((r) => r.id);
  }
}
