import { Args, Query, Resolver } from '@nestjs/graphql';
import { AgencyContext, AgencyCtx, OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { ContentStatusEnum } from '../items/dto/objects';
import {
  AgencyContentCalendarInput,
  ContentCalendarEntryObject,
  ContentCalendarInput,
  ContentCalendarObject,
  NetworkFrequencyObject,
  PublishingFrequencyArgs,
} from './calendar.dto';
import { CalendarEntry, calendarFilter, CalendarService } from './calendar.service';

function toEntry(row: CalendarEntry): ContentCalendarEntryObject {
  return {
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    itemId: row.item_id,
    title: row.title,
    itemStatus: row.item_status as ContentStatusEnum,
    theme: row.theme,
    campaign: row.campaign,
    at: row.at,
    network: row.network,
    networkAccountId: row.network_account_id,
    publicationId: row.publication_id,
    publicationStatus: row.publication_status,
    externalUrl: row.external_url,
  };
}

@Resolver()
export class CalendarResolver {
  constructor(private readonly calendar: CalendarService) {}

  @Requires('content.read')
  @Query(() => ContentCalendarObject, {
    description:
      'The organisation’s editorial calendar over a range: publications by when they go out, and items planned for a day. BAD_USER_INPUT when input.to is not after input.from or more than 92 days after it.',
  })
  async contentCalendar(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The range and the filters.' }) input: ContentCalendarInput,
  ): Promise<ContentCalendarObject> {
    const { entries, truncated } = await this.calendar.organizationCalendar(ctx.uow, calendarFilter(input));
    return { entries: entries.map(toEntry), truncated };
  }

  @Requires('agencyCalendar.read')
  @Query(() => ContentCalendarObject, {
    description:
      'The agency’s calendar across its client organisations (all for owners and admins, their own for members), each read inside its own organisation. Same refusals as contentCalendar; NOT_FOUND (field input.organizationIds) for an organisation that is not a client the caller sees.',
  })
  async agencyContentCalendar(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'The range, the filters and the client organisations.' }) input: AgencyContentCalendarInput,
  ): Promise<ContentCalendarObject> {
    const { entries, truncated } = await this.calendar.agencyCalendar(ctx, calendarFilter(input), input.organizationIds ?? null);
    return { entries: entries.map(toEntry), truncated };
  }

  @Requires('content.read')
  @Query(() => [NetworkFrequencyObject], {
    description: 'Each network plan’s planned posts per week against the posts published in each of the last whole weeks.',
  })
  async publishingFrequency(@OrgCtx() ctx: OrganizationContext, @Args() args: PublishingFrequencyArgs): Promise<NetworkFrequencyObject[]> {
    return this.calendar.frequency(ctx.uow, new Date(), args.weeks);
  }
}
