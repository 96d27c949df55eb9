import { Args, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DateTimeScalar, derivedId, YearMonthScalar } from '@socle/platform-graphql';
import { IsBoolean } from 'class-validator';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { ExecutiveReportService } from './executive-report.service';

@ObjectType('ExecutiveReportSchedule', {
  description:
    'Whether the monthly executive report is mailed by itself: the previous month’s, on the first business day of each month (Monday to Friday, 1 January excepted) at 09:00 in the organization’s time zone, to its executive approvers and strategy leads, each in their own language with a personal link to the PDF that works for 14 days.',
})
export class ExecutiveReportScheduleObject {
  @Field(() => ID, { description: "Id of the organization's report schedule: opaque and stable, one per organization." }) id!: string;
  @Field(() => Boolean, { description: 'Off until someone turns it on.' }) enabled!: boolean;
  @Field(() => YearMonthScalar, {
    nullable: true,
    description: 'The last month whose report was mailed, or looked at and found with nobody to mail it to; null before the first.',
  })
  lastMonth!: string | null;
  @Field(() => String, { description: 'The organization’s time zone (IANA name), in which the schedule counts.' }) timeZone!: string;
  @Field(() => YearMonthScalar, { description: 'The month of the next report mailed by itself.' }) nextMonth!: string;
  @Field(() => DateTimeScalar, {
    description: 'When that report goes out, if the schedule is on (now when a month is due and not mailed yet).',
  })
  nextDueAt!: Date;
  @Field(() => Int, {
    description: 'How many people it would go to now: the members holding the executive approver or strategy lead role.',
  })
  recipients!: number;
}

@InputType({ description: 'Whether the monthly executive report is mailed by itself.' })
export class SetExecutiveReportScheduleInput {
  @Field(() => Boolean, { description: 'true mails each month’s report by itself; false stops it (downloads still work).' })
  @IsBoolean()
  enabled!: boolean;
}

/**
 * The monthly executive report mailed by itself to the management: its setting,
 * read by those who read the reports and changed by those who change the
 * organisation's settings.
 */
@Resolver()
export class ExecutiveReportResolver {
  constructor(private readonly reports: ExecutiveReportService) {}

  @Requires('assessments.read')
  @Query(() => ExecutiveReportScheduleObject, {
    description: 'Whether the monthly executive report is mailed by itself to the management, when next, and to how many people.',
  })
  async executiveReportSchedule(@OrgCtx() ctx: OrganizationContext): Promise<ExecutiveReportScheduleObject> {
    return { id: derivedId('ExecutiveReportSchedule', ctx.organizationId), ...(await this.reports.schedule(ctx)) };
  }

  @Requires('organization.update')
  @Mutation(() => ExecutiveReportScheduleObject, {
    description:
      'Turns on or off the monthly executive report mailed by itself (the previous month’s, first business day, 09:00 local) to the executive approvers and strategy leads. Recorded in the audit log.',
  })
  async setExecutiveReportSchedule(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'On or off.' }) input: SetExecutiveReportScheduleInput,
  ): Promise<ExecutiveReportScheduleObject> {
    return { id: derivedId('ExecutiveReportSchedule', ctx.organizationId), ...(await this.reports.setSchedule(ctx, input.enabled)) };
  }
}
