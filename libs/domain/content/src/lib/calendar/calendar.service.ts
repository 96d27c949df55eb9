import { Injectable } from '@nestjs/common';
import type { AgencyContext } from '@socle/platform-auth';
import { badInput, DomainError } from '@socle/platform-errors';
import { OrganizationUnitOfWork, UnitOfWorkFactory } from '@socle/platform-database';
import { CALENDAR_MAX_ENTRIES, CalendarEntryRow, CalendarFilter, CalendarRepository } from './calendar.repository';
import type { ContentCalendarInput } from './calendar.dto';

/** Longest range a calendar shows. */
export const CALENDAR_MAX_DAYS = 92;
/** Client organisations read at once for the agency calendar. */
const AGENCY_PARALLELISM = 4;

export interface CalendarEntry extends CalendarEntryRow {
  organization_name: string | null;
}

export interface NetworkFrequency {
  networkPlanId: string;
  network: string;
  plannedPerWeek: number;
  weeks: { weekStart: Date; published: number }[];
  averagePerWeek: number;
  attainment: number | null;
}

/** Reads a calendar input: a range of at most 92 days, filters as given. */
export function calendarFilter(input: ContentCalendarInput): CalendarFilter {
  const { from, to } = input;
  if (to.getTime() <= from.getTime()) throw badInput('input.to', 'must be after input.from');
  if (to.getTime() - from.getTime() > CALENDAR_MAX_DAYS * 86_400_000)
    throw badInput('input.to', `must be at most ${CALENDAR_MAX_DAYS} days after input.from`);
  return { from, to, networks: input.networks, statuses: input.statuses, campaign: input.campaign, theme: input.theme };
}

@Injectable()
export class CalendarService {
  constructor(
    private readonly calendar: CalendarRepository,
    private readonly units: UnitOfWorkFactory,
  ) {}

  async organizationCalendar(
    uow: OrganizationUnitOfWork,
    filter: CalendarFilter,
  ): Promise<{ entries: CalendarEntry[]; truncated: boolean }> {
    const rows = await this.calendar.entries(uow, filter);
    return {
      entries: rows.slice(0, CALENDAR_MAX_ENTRIES).map((r) => ({ ...r, organization_name: null })),
      truncated: rows.length > CALENDAR_MAX_ENTRIES,
    };
  }

  /**
   * Every client organisation the caller sees (all for agency owners and admins and
   * API keys, their own for members), each read in its own transaction inside its own
   * tenant, merged by time. At most 2,000 entries in all. An organisation named in
   * `only` that the caller does not see is NOT_FOUND (whether it exists elsewhere or not).
   */
  async agencyCalendar(
    ctx: AgencyContext,
    filter: CalendarFilter,
    only: readonly string[] | null,
  ): Promise<{ entries: CalendarEntry[]; truncated: boolean }> {
    const restricted = ctx.actor.type === 'USER' && ctx.agencyRole !== 'OWNER' && ctx.agencyRole !== 'ADMIN' ? ctx.actor.id : null;
    const organizations = await this.calendar.visibleOrganizations(ctx.uow, ctx.agencyId, restricted, only);
    const unknown = (only ?? []).find((id) => !organizations.some((o) => o.id === id));
    if (unknown)
      throw new DomainError('NOT_FOUND', `Client organization ${unknown} was not found in this agency.`, {
        field: 'input.organizationIds',
      });
    const entries: CalendarEntry[] = [];
    let truncated = false;
    let next = 0;
    const worker = async () => {
      while (next < organizations.length) {
        const organization = organizations[next++];
        const rows = await this.units.runInOrganization(organization.id, (uow) => this.calendar.entries(uow, filter));
        if (rows.length > CALENDAR_MAX_ENTRIES) truncated = true;
        for (const row of rows.slice(0, CALENDAR_MAX_ENTRIES)) entries.push({ ...row, organization_name: organization.name });
      }
    };
    await Promise.all(Array.from({ length: Math.min(AGENCY_PARALLELISM, organizations.length) }, worker));
    entries.sort(
      (a, b) => a.at.getTime() - b.at.getTime() || a.organization_id.localeCompare(b.organization_id) || a.item_id.localeCompare(b.item_id),
    );
    if (entries.length > CALENDAR_MAX_ENTRIES) truncated = true;
    return { entries: entries.slice(0, CALENDAR_MAX_ENTRIES), truncated };
  }

  async frequency(uow: OrganizationUnitOfWork, now: Date, weeks: number): Promise<NetworkFrequency[]> {
    const rows = await this.calendar.frequency(uow, now, weeks);
    const plans = new Map<string, NetworkFrequency>();
    for (const row of rows) {
      let plan = plans.get(row.network_plan_id);
      if (!plan) {
        plan = {
          networkPlanId: row.network_plan_id,
          network: row.network,
          plannedPerWeek: row.posts_per_week,
          weeks: [],
          averagePerWeek: 0,
          attainment: null,
        };
        plans.set(row.network_plan_id, plan);
      }
      plan.weeks.push({ weekStart: row.week_start, published: row.published });
    }
    for (const plan of plans.values()) {
      const total = plan.weeks.reduce((sum, w) => sum + w.published, 0);
      plan.averagePerWeek = plan.weeks.length ? total / plan.weeks.length : 0;
      plan.attainment = plan.plannedPerWeek > 0 ? Math.min(1, plan.averagePerWeek / plan.plannedPerWeek) : null;
    }
    return [...plans.values()];
  }
}
