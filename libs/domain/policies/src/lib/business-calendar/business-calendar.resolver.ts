import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { derivedId } from '@socle/platform-graphql';
import { calendarToText } from './business-calendar';
import {
  BusinessCalendarObject,
  HolidayCountryEnum,
  PublicHolidayObject,
  PublicHolidaysArgs,
  SetBusinessCalendarInput,
} from './business-calendar.dto';
import { BusinessCalendarService, StoredBusinessCalendar } from './business-calendar.service';
import { publicHolidays } from './holidays';

const toObject = (organizationId: string, stored: StoredBusinessCalendar): BusinessCalendarObject => {
  const text = calendarToText(stored.calendar);
  return {
    id: derivedId('BusinessCalendar', organizationId),
    timeZone: text.timeZone,
    holidayCountry: text.holidayCountry as HolidayCountryEnum | null,
    days: text.days.map((d) => ({ weekday: d.weekday, periods: d.periods.map((p) => ({ start: p.start, end: p.end })) })),
    closedDays: [...text.closedDays],
    custom: stored.custom,
    updatedAt: stored.updatedAt,
  };
};

@Resolver()
export class BusinessCalendarResolver {
  constructor(private readonly calendars: BusinessCalendarService) {}

  @Requires('policies.read')
  @Query(() => BusinessCalendarObject, { description: 'The business calendar that business-hours comment rules count in.' })
  async businessCalendar(@OrgCtx() ctx: OrganizationContext): Promise<BusinessCalendarObject> {
    return toObject(ctx.organizationId, await this.calendars.get(ctx));
  }

  @Requires('policies.edit')
  @Mutation(() => BusinessCalendarObject, {
    description:
      'Replaces the business calendar. Every problem is reported with its path (input.days[1].periods[0].end); nothing is stored then.',
  })
  async setBusinessCalendar(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description:
        'The working days, holidays and closed days. BAD_USER_INPUT on the field at fault (e.g. input.days[0].periods[1].end) for a malformed time, overlapping periods or a repeated weekday.',
    })
    input: SetBusinessCalendarInput,
  ): Promise<BusinessCalendarObject> {
    return toObject(
      ctx.organizationId,
      await this.calendars.set(ctx, {
        timeZone: input.timeZone,
        holidayCountry: input.holidayCountry ?? null,
        days: input.days.map((d) => ({ weekday: d.weekday, periods: d.periods.map((p) => ({ start: p.start, end: p.end })) })),
        closedDays: input.closedDays ?? [],
      }),
    );
  }

  @Requires('policies.read')
  @Query(() => [PublicHolidayObject], { description: 'The public holidays of a country in a year, as the business calendar applies them.' })
  publicHolidays(@OrgCtx() _ctx: OrganizationContext, @Args() args: PublicHolidaysArgs): PublicHolidayObject[] {
    return publicHolidays(args.country, args.year).map((h) => ({ date: h.date, nameFr: h.name.fr, nameEn: h.name.en }));
  }
}
