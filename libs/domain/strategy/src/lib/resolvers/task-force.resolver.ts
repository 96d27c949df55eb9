import { UseInterceptors } from '@nestjs/common';
import { StrategyAuditInterceptor } from '../strategy-audit.interceptor';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { Connection, PageArgs, paginate } from '@socle/platform-graphql';
import {
  AddTaskForceMemberInput,
  CreateRitualInput,
  DeleteRitualInput,
  RemoveTaskForceMemberInput,
  UpdateRitualInput,
} from '../dto/inputs';
import { toRitual, toTaskForceMember, toWeeklyMeeting } from '../dto/mappers';
import {
  DeletedStrategyItemObject,
  RitualConnection,
  RitualObject,
  TaskForceMemberConnection,
  TaskForceMemberObject,
  WeeklyMeetingObject,
} from '../dto/objects';
import { asLocale, Locale } from '../i18n';
import { StrategyRepository } from '../repositories';
import { TaskForceService } from '../task-force/task-force.service';

/** The task force of seed 001 and its rituals. */
@UseInterceptors(StrategyAuditInterceptor)
@Resolver()
export class TaskForceResolver {
  constructor(
    private readonly taskForce: TaskForceService,
    private readonly repo: StrategyRepository,
  ) {}

  private async locale(ctx: OrganizationContext): Promise<Locale> {
    return asLocale((await this.repo.organization(ctx)).locale);
  }

  @Requires('strategy.read')
  @Query(() => TaskForceMemberConnection, { description: 'People assigned to the task-force functions, in the order they were added.' })
  async taskForceMembers(@OrgCtx() ctx: OrganizationContext, @Args() page: PageArgs): Promise<Connection<TaskForceMemberObject>> {
    const locale = await this.locale(ctx);
    return paginate(
      page,
      (keyset) => this.taskForce.pageMembers(ctx, keyset),
      (m) => [m.createdAt, m.id],
      (m) => toTaskForceMember(m, locale),
      () => this.taskForce.countMembers(ctx),
    );
  }

  @Requires('taskForce.manage')
  @Mutation(() => TaskForceMemberObject, {
    description: 'Assigns an organization member (userId) or an external person (externalName) to a function.',
  })
  async addTaskForceMember(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description:
        'The role and the person. BAD_USER_INPUT on input.userId when both or neither of userId and externalName are given, or for someone who is not a member; CONFLICT when the person already holds the role.',
    })
    input: AddTaskForceMemberInput,
  ): Promise<TaskForceMemberObject> {
    const member = await this.taskForce.addMember(ctx, input);
    return toTaskForceMember(member, await this.locale(ctx));
  }

  @Requires('taskForce.manage')
  @Mutation(() => DeletedStrategyItemObject, { description: 'Removes one assignment (the person keeps their other functions).' })
  async removeTaskForceMember(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The assignment to remove.' }) input: RemoveTaskForceMemberInput,
  ): Promise<DeletedStrategyItemObject> {
    return { id: await this.taskForce.removeMember(ctx, input.id) };
  }

  @Requires('strategy.read')
  @Query(() => RitualConnection, { description: 'Recurring meetings and reports, with their next occurrence.' })
  async rituals(@OrgCtx() ctx: OrganizationContext, @Args() page: PageArgs): Promise<Connection<RitualObject>> {
    const locale = await this.locale(ctx);
    const now = new Date();
    return paginate(
      page,
      (keyset) => this.taskForce.pageRituals(ctx, keyset),
      (r) => [r.createdAt, r.id],
      (r) => toRitual(r, locale, now),
      () => this.taskForce.countRituals(ctx),
    );
  }

  @Requires('taskForce.manage')
  @Mutation(() => RitualObject, {
    description: 'Schedules a ritual: weekday for a weekly one, dayOfMonth for a monthly one; one of each kind but OTHER.',
  })
  async createRitual(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description:
        'The ritual. BAD_USER_INPUT when the cadence does not suit the kind, OTHER has no title or the time zone is unknown; CONFLICT on input.kind when the organization already has one of that kind.',
    })
    input: CreateRitualInput,
  ): Promise<RitualObject> {
    return toRitual(await this.taskForce.createRitual(ctx, input), await this.locale(ctx));
  }

  @Requires('taskForce.manage')
  @Mutation(() => RitualObject, {
    description: 'Changes the fields given; giving weekday or dayOfMonth switches the cadence where the kind allows it.',
  })
  async updateRitual(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The ritual and the fields to change.' }) input: UpdateRitualInput,
  ): Promise<RitualObject> {
    return toRitual(await this.taskForce.updateRitual(ctx, input), await this.locale(ctx));
  }

  @Requires('taskForce.manage')
  @Mutation(() => DeletedStrategyItemObject, { description: 'Deletes a ritual. NOT_FOUND for an id of another organization.' })
  async deleteRitual(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The ritual to delete.' }) input: DeleteRitualInput,
  ): Promise<DeletedStrategyItemObject> {
    return { id: await this.taskForce.deleteRitual(ctx, input.id) };
  }

  @Requires('strategy.read')
  @Query(() => WeeklyMeetingObject, {
    nullable: true,
    description:
      'The next weekly meeting (null when none is scheduled): ten minutes per task-force member, then twenty minutes of brainstorming — strategy in odd ISO weeks, content ideas in even ones.',
  })
  async nextWeeklyMeeting(@OrgCtx() ctx: OrganizationContext): Promise<WeeklyMeetingObject | null> {
    const meeting = await this.taskForce.nextWeeklyMeeting(ctx);
    return meeting ? toWeeklyMeeting(meeting, await this.locale(ctx)) : null;
  }
}
