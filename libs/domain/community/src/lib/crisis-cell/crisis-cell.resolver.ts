import { Args, ArgsType, Field, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { derivedId } from '@socle/platform-graphql';
import { AlertObject } from '../alerts/alerts.dto';
import { AlertsService } from '../alerts/alerts.service';
import type { TenantCtx } from '../repositories';
import {
  CellRoleEnum,
  CrisisCellObject,
  CrisisNotificationObject,
  CrisisNotificationStatusEnum,
  CrisisTriggerEnum,
  SetCrisisCellInput,
} from './crisis-cell.dto';
import { CELL_ROLE_LABELS } from './crisis-cell.model';
import { CrisisCellService, CrisisNotification, NOTIFICATIONS_CAP, StoredCrisisCell } from './crisis-cell.service';

@ArgsType()
export class CrisisNotificationsArgs {
  @Field(() => ID, { nullable: true, description: 'Only those of this alert.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an alert id' })
  alertId?: string | null;
  @Field(() => Int, { nullable: true, description: `At most ${NOTIFICATIONS_CAP} (default 50).` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(NOTIFICATIONS_CAP)
  first?: number | null;
}

@ArgsType()
export class AlertCrisisNotificationsArgs {
  @Field(() => Int, { nullable: true, description: `At most ${NOTIFICATIONS_CAP} (default 50).` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(NOTIFICATIONS_CAP)
  first?: number | null;
}

async function localeOf(ctx: TenantCtx): Promise<'fr' | 'en'> {
  const [row] = await ctx.uow.query<{ locale: string }>('SELECT locale FROM organizations WHERE id = $1', [ctx.organizationId]);
  return row?.locale?.startsWith('en') ? 'en' : 'fr';
}

function toCellObject(organizationId: string, cell: StoredCrisisCell, locale: 'fr' | 'en'): CrisisCellObject {
  return {
    id: derivedId('CrisisCell', organizationId),
    members: cell.members.map((m) => ({ ...m, cellRole: m.cellRole as CellRoleEnum, cellRoleLabel: CELL_ROLE_LABELS[m.cellRole][locale] })),
    escalation: cell.escalation.map((s) => ({ delayMinutes: s.delayMinutes, memberIds: [...s.memberIds] })),
    playbook: cell.playbook.map((s) => ({ title: s.title, text: s.text })),
    holdingStatement: cell.holdingStatement,
    updatedAt: new Date(cell.updatedAt),
  };
}

const toNotificationObject = (n: CrisisNotification): CrisisNotificationObject => ({
  ...n,
  trigger: n.trigger as CrisisTriggerEnum,
  cellRole: n.cellRole as CellRoleEnum,
  status: n.status as CrisisNotificationStatusEnum,
});

/**
 * The crisis cell: read with `listening.read` (like the alerts that call on it),
 * changed with `listening.manage` (like the alert settings).
 */
@Resolver()
export class CrisisCellResolver {
  constructor(
    private readonly cells: CrisisCellService,
    private readonly alerts: AlertsService,
  ) {}

  @Requires('listening.read')
  @Query(() => CrisisCellObject, { nullable: true, description: 'The crisis cell, its escalation chain and playbook; null until set.' })
  async crisisCell(@OrgCtx() ctx: OrganizationContext): Promise<CrisisCellObject | null> {
    const cell = await this.cells.get(ctx);
    return cell ? toCellObject(ctx.organizationId, cell, await localeOf(ctx)) : null;
  }

  @Requires('listening.manage')
  @Mutation(() => CrisisCellObject, {
    description:
      'Replaces the crisis cell. Every problem is reported with its path (input.members[1].email); nothing is stored then (BAD_USER_INPUT): a blank name, text too long or with control characters, an invalid email or phone, a userId that is not a member of the organization, delays out of order or above one week, a memberIndexes position outside members.',
  })
  async setCrisisCell(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The whole cell.' }) input: SetCrisisCellInput,
  ): Promise<CrisisCellObject> {
    const cell = await this.cells.set(ctx, {
      members: input.members.map((m) => ({ name: m.name, userId: m.userId ?? null, cellRole: m.cellRole, email: m.email, phone: m.phone })),
      escalation: input.escalation.map((s) => ({ delayMinutes: s.delayMinutes, memberIndexes: s.memberIndexes })),
      playbook: input.playbook.map((s) => ({ title: s.title, text: s.text })),
      holdingStatement: input.holdingStatement ?? null,
    });
    return toCellObject(ctx.organizationId, cell, await localeOf(ctx));
  }

  @Requires('listening.read')
  @Query(() => [CrisisNotificationObject], { description: 'The crisis cell’s notifications, newest first.' })
  async crisisNotifications(
    @OrgCtx() ctx: OrganizationContext,
    @Args() args: CrisisNotificationsArgs,
  ): Promise<CrisisNotificationObject[]> {
    // An alert that is not the organisation's is NOT_FOUND, not an empty list.
    if (args.alertId) await this.alerts.get(ctx, args.alertId, 'alertId');
    return (await this.cells.notifications(ctx, args.alertId ?? null, args.first ?? 50)).map(toNotificationObject);
  }
}

/** The crisis cell on every alert: who handles it and the playbook, and who was told. */
@Resolver(() => AlertObject)
export class AlertCrisisCellResolver {
  constructor(private readonly cells: CrisisCellService) {}

  @ResolveField(() => CrisisCellObject, { nullable: true, description: 'The crisis cell called on by the alert (with its playbook).' })
  async crisisCell(@OrgCtx() ctx: OrganizationContext): Promise<CrisisCellObject | null> {
    const cell = await this.cells.get(ctx);
    return cell ? toCellObject(ctx.organizationId, cell, await localeOf(ctx)) : null;
  }

  @ResolveField(() => [CrisisNotificationObject], { description: 'The crisis cell’s notifications for this alert, newest first.' })
  async crisisNotifications(
    @OrgCtx() ctx: OrganizationContext,
    @Parent() alert: AlertObject,
    @Args() args: AlertCrisisNotificationsArgs,
  ): Promise<CrisisNotificationObject[]> {
    return (await this.cells.notifications(ctx, alert.id, args.first ?? 50)).map(toNotificationObject);
  }
}
