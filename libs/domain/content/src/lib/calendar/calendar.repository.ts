import { Injectable } from '@nestjs/common';
import type { OrganizationUnitOfWork, UnitOfWork } from '@socle/platform-database';

/** What a calendar shows, in one organisation. */
export interface CalendarFilter {
  from: Date;
  to: Date;
  networks?: readonly string[];
  statuses?: readonly string[];
  campaign?: string;
  theme?: string;
}

/** One line of the calendar: a publication (due or out), or an item planned for a day with no publication yet. */
export interface CalendarEntryRow {
  organization_id: string;
  item_id: string;
  title: string;
  item_status: string;
  theme: string | null;
  campaign: string | null;
  at: Date;
  network: string | null;
  network_account_id: string | null;
  publication_id: string | null;
  publication_status: string | null;
  external_url: string | null;
}

export interface FrequencyRow {
  network_plan_id: string;
  network: string;
  posts_per_week: number;
  week_start: Date;
  published: number;
}

/** Entries answered per organisation at the most (a calendar shows a few weeks, not years). */
export const CALENDAR_MAX_ENTRIES = 2000;

/**
 * The calendar's reads: publications by when they go (or went) out, items by the
 * day they are planned for when nothing is scheduled for them yet. Filters apply
 * in the statement; the organisation is the unit of work's.
 */
@Injectable()
export class CalendarRepository {
  async entries(uow: OrganizationUnitOfWork, filter: CalendarFilter): Promise<CalendarEntryRow[]> {
    const params: unknown[] = [
      uow.organizationId,
      filter.from,
      filter.to,
      filter.networks?.length ? filter.networks : null,
      filter.statuses?.length ? filter.statuses : null,
      filter.campaign ?? null,
      filter.theme ?? null,
      CALENDAR_MAX_ENTRIES + 1,
    ];
    const itemFilter = `($5::text[] IS NULL OR i.status = ANY($5::text[]))
      AND ($6::text IS NULL OR i.campaign = $6::text) AND ($7::text IS NULL OR i.theme = $7::text)`;
    return uow.query<CalendarEntryRow>(
      `SELECT * FROM (
         SELECT i.organization_id, i.id AS item_id, i.title, i.status AS item_status, i.theme, i.campaign,
                coalesce(p.published_at, p.due_at) AS at, p.network, p.network_account_id, p.id AS publication_id,
                p.status AS publication_status, p.external_url
           FROM publications p JOIN content_items i ON i.organization_id = p.organization_id AND i.id = p.item_id
          WHERE p.organization_id = $1 AND p.status <> 'CANCELLED'
            AND coalesce(p.published_at, p.due_at) >= $2 AND coalesce(p.published_at, p.due_at) < $3
            AND ($4::text[] IS NULL OR p.network = ANY($4::text[])) AND ${itemFilter}
         UNION ALL
         SELECT i.organization_id, i.id, i.title, i.status, i.theme, i.campaign, i.planned_for, NULL, NULL, NULL, NULL, NULL
           FROM content_items i
          WHERE i.organization_id = $1 AND i.planned_for >= $2 AND i.planned_for < $3 AND i.status <> 'CANCELLED'
            AND NOT EXISTS (SELECT 1 FROM publications p WHERE p.organization_id = i.organization_id AND p.item_id = i.id AND p.status <> 'CANCELLED')
            AND ($4::text[] IS NULL OR EXISTS (SELECT 1 FROM content_variants v
                  WHERE v.organization_id = i.organization_id AND v.item_id = i.id AND v.network = ANY($4::text[])))
            AND ${itemFilter}
       ) entries
       ORDER BY at, item_id, publication_id NULLS FIRST
       LIMIT $8`,
      params,
    );
  }

  /**
   * Posts out per network plan and week, over the `weeks` whole weeks before the
   * one holding `now`, weeks starting on Monday in the organisation's time zone.
   * One statement, whatever the number of plans or publications.
   */
  async frequency(uow: OrganizationUnitOfWork, now: Date, weeks: number): Promise<FrequencyRow[]> {
    return uow.query<FrequencyRow>(
      `WITH org AS (SELECT timezone AS tz FROM organizations WHERE id = $1),
            current_week AS (SELECT date_trunc('week', $2::timestamptz AT TIME ZONE org.tz) AS local_start, org.tz FROM org),
            weeks AS (
              SELECT (cw.local_start - n * interval '1 week') AT TIME ZONE cw.tz AS week_start,
                     (cw.local_start - (n - 1) * interval '1 week') AT TIME ZONE cw.tz AS week_end
                FROM current_week cw, generate_series(1, $3::int) n)
       SELECT np.id AS network_plan_id, np.network, np.posts_per_week, w.week_start,
              (SELECT count(*)::int FROM publications p
                WHERE p.organization_id = np.organization_id AND p.network = np.network AND p.status = 'PUBLISHED'
                  AND p.published_at >= w.week_start AND p.published_at < w.week_end) AS published
         FROM network_plans np CROSS JOIN weeks w
        WHERE np.organization_id = $1
        ORDER BY np.network, w.week_start`,
      [uow.organizationId, now, weeks],
    );
  }

  /** The client organisations an agency caller sees in the calendar: all for owners and admins, their own for members. */
  async visibleOrganizations(
    uow: UnitOfWork,
    agencyId: string,
    memberUserId: string | null,
    only: readonly string[] | null,
  ): Promise<{ id: string; name: string }[]> {
    return uow.query<{ id: string; name: string }>(
      `SELECT o.id, o.name FROM organizations o
        WHERE o.agency_id = $1 AND o.status = 'ACTIVE'
          AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM organization_memberships m WHERE m.organization_id = o.id AND m.user_id = $2::uuid))
          AND ($3::uuid[] IS NULL OR o.id = ANY($3::uuid[]))
        ORDER BY o.name, o.id`,
      [agencyId, memberUserId, only?.length ? only : null],
    );
  }
}
