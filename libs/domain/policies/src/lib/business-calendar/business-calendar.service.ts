import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { badInput } from '@socle/platform-errors';
import type { TenantCtx } from '../documents/policy.repository';
import { BusinessCalendar, BusinessCalendarText, defaultBusinessCalendar, parseBusinessCalendar, WorkingPeriod } from './business-calendar';
import type { HolidayCountry } from './holidays';
import { isValidTimeZone } from './zoned-time';

export interface StoredBusinessCalendar {
  calendar: BusinessCalendar;
  /** False while the organisation has not set its own (the default applies). */
  custom: boolean;
  updatedAt: Date | null;
}

interface Row {
  time_zone: string;
  holiday_country: HolidayCountry | null;
  week: WorkingPeriod[][];
  closed_days: string[];
  updated_at: Date;
}

/**
 * The organisation's stored calendar, or the default from its time zone. A plain
 * function: the comment rules read it in whatever module provides them.
 */
export async function readBusinessCalendar(ctx: TenantCtx): Promise<StoredBusinessCalendar> {
  const [row] = await ctx.uow.query<Row>(
    `SELECT time_zone, holiday_country, week, to_json(closed_days)::jsonb AS closed_days, updated_at
       FROM business_calendars WHERE organization_id = $1`,
    [ctx.organizationId],
  );
  if (row) {
    return {
      calendar: { timeZone: row.time_zone, holidayCountry: row.holiday_country, week: row.week, closedDays: row.closed_days },
      custom: true,
      updatedAt: row.updated_at,
    };
  }
  const [org] = await ctx.uow.query<{ timezone: string }>('SELECT timezone FROM organizations WHERE id = $1', [ctx.organizationId]);
  const zone = org && isValidTimeZone(org.timezone) ? org.timezone : 'Europe/Paris';
  return { calendar: defaultBusinessCalendar(zone), custom: false, updatedAt: null };
}

/** The organisation's business calendar (one per organisation), or the default from its time zone. */
@Injectable()
export class BusinessCalendarService {
  constructor(private readonly audit: AuditRepository) {}

  get(ctx: TenantCtx): Promise<StoredBusinessCalendar> {
    return readBusinessCalendar(ctx);
  }

  /** Replaces the calendar after checking all of it; every problem with its path under `input`, nothing stored then. */
  async set(ctx: TenantCtx, input: BusinessCalendarText): Promise<StoredBusinessCalendar> {
    const { calendar, problems } = parseBusinessCalendar(input);
    if (!calendar) throw badInput(problems.map((p) => ({ field: `input${p.path}`, message: p.message })));
    await ctx.uow.execute(
      `INSERT INTO business_calendars (organization_id, time_zone, holiday_country, week, closed_days, updated_by, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5::date[], $6, now())
       ON CONFLICT (organization_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, holiday_country = EXCLUDED.holiday_country,
         week = EXCLUDED.week, closed_days = EXCLUDED.closed_days, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        ctx.organizationId,
        calendar.timeZone,
        calendar.holidayCountry,
        JSON.stringify(calendar.week),
        calendar.closedDays,
        ctx.actor.type === 'USER' ? ctx.actor.id : null,
      ],
    );
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'business_calendar.updated',
        targetType: 'BusinessCalendar',
        targetId: ctx.organizationId,
        metadata: { timeZone: calendar.timeZone, holidayCountry: calendar.holidayCountry, closedDays: calendar.closedDays.length },
      },
      ctx.requestId,
    );
    return this.get(ctx);
  }
}
