import { Args, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { Connection, paginate } from '@socle/platform-graphql';
import { LiveEvent, LiveEvents } from '@socle/platform-queue';
import { MentionObject } from '../listening/dto/objects';
import {
  AlertArgs,
  AlertConnection,
  AlertEventObject,
  AlertIdInput,
  AlertMentionsArgs,
  AlertMoveInput,
  AlertObject,
  AlertPageArgs,
  AlertSettingsObject,
  SetAlertSettingsInput,
  toAlertEventObject,
  toAlertMentionObject,
  toAlertObject,
  toAlertSettingsObject,
} from './alerts.dto';
import { ALERT_TOPIC } from './alerts.repository';
import { AlertsService } from './alerts.service';
import type { Alert } from './alerts.types';

/**
 * Crisis alerts. Reading needs `listening.read` (alerts are made of mentions);
 * acknowledging and resolving need `listening.manage` (the people who tune the
 * queries and the alert settings triage what they raise); pausing publishing
 * needs `content.crisisPause`, the permission of the crisis pause itself.
 */
@Resolver(() => AlertObject)
export class AlertsResolver {
  constructor(
    private readonly service: AlertsService,
    private readonly live: LiveEvents,
  ) {}

  @Requires('listening.read')
  @Subscription(() => AlertEventObject, {
    description: 'Crisis alerts of the connection’s organization as they are raised, measured again and moved (over graphql-ws).',
    resolve: (event: LiveEvent) => toAlertEventObject(event),
  })
  alertChanged(@OrgCtx() ctx: OrganizationContext): Promise<AsyncIterableIterator<LiveEvent>> {
    return this.live.listen(ctx.organizationId, ALERT_TOPIC);
  }

  @Requires('listening.read')
  @Query(() => AlertConnection, { description: 'Crisis alerts, newest first, filtered by status and/or kind.' })
  async alerts(@OrgCtx() ctx: OrganizationContext, @Args() args: AlertPageArgs): Promise<Connection<AlertObject>> {
    const pause = await this.pauseOf(ctx);
    const filter = { status: args.status, kind: args.kind };
    return paginate(
      args,
      (keyset) => this.service.page(ctx, filter, keyset),
      (alert: Alert) => [alert.createdAt, alert.id],
      (alert) => toAlertObject(alert, pause),
      () => this.service.count(ctx, filter),
    );
  }

  @Requires('listening.read')
  @Query(() => AlertObject, {
    nullable: true,
    description: 'One alert; its `mentions` are the ones behind it. NOT_FOUND for an unknown id.',
  })
  async alert(@OrgCtx() ctx: OrganizationContext, @Args() args: AlertArgs): Promise<AlertObject> {
    return toAlertObject(await this.service.get(ctx, args.id, 'id'), await this.pauseOf(ctx));
  }

  @ResolveField(() => [MentionObject], { description: 'The negative mentions behind the alert: the most reached, then the newest.' })
  async mentions(
    @OrgCtx() ctx: OrganizationContext,
    @Parent() alert: AlertObject,
    @Args() args: AlertMentionsArgs,
  ): Promise<MentionObject[]> {
    return (await this.service.mentions(ctx, alert.id, args.first ?? 20)).map(toAlertMentionObject);
  }

  @Requires('listening.manage')
  @Mutation(() => AlertObject, {
    description:
      'Someone handles it (OPEN → ACKNOWLEDGED); CONFLICT (reason ALERT_TRANSITION_NOT_ALLOWED) otherwise; NOT_FOUND for an unknown alert.',
  })
  async acknowledgeAlert(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The alert and an optional note.' }) input: AlertMoveInput,
  ): Promise<AlertObject> {
    const alert = await this.service.acknowledge(ctx, input.id, input.note ?? null);
    return toAlertObject(alert, await this.pauseOf(ctx));
  }

  @Requires('listening.manage')
  @Mutation(() => AlertObject, {
    description:
      'The crisis is over (OPEN or ACKNOWLEDGED → RESOLVED). A later spike raises a new alert; the mentions this one covered do not. CONFLICT (reason ALERT_TRANSITION_NOT_ALLOWED) when already resolved; NOT_FOUND for an unknown alert.',
  })
  async resolveAlert(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The alert and an optional note.' }) input: AlertMoveInput,
  ): Promise<AlertObject> {
    const alert = await this.service.resolve(ctx, input.id, input.note ?? null);
    return toAlertObject(alert, await this.pauseOf(ctx));
  }

  @Requires('content.crisisPause')
  @Mutation(() => AlertObject, {
    description:
      'The proposed action: starts the crisis pause (every scheduled publication held) with the alert as its reason. ' +
      'Nothing changes when publishing is already paused. Resume with resumeAfterCrisisPause. NOT_FOUND for an unknown alert; CONFLICT (reason ALERT_ACTION_UNAVAILABLE) when this platform has no publishing.',
  })
  async pausePublishingForAlert(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The alert.' }) input: AlertIdInput,
  ): Promise<AlertObject> {
    const { alert } = await this.service.pausePublishing(ctx, input.id);
    return toAlertObject(alert, await this.pauseOf(ctx));
  }

  @Requires('listening.read')
  @Query(() => AlertSettingsObject, { description: 'How crisis alerts are raised for the organization.' })
  async alertSettings(@OrgCtx() ctx: OrganizationContext): Promise<AlertSettingsObject> {
    return toAlertSettingsObject(ctx.organizationId, await this.service.settings(ctx));
  }

  @Requires('listening.manage')
  @Mutation(() => AlertSettingsObject, {
    description: 'Changes the given settings; the others keep their value. BAD_USER_INPUT (per field) for a value out of its bounds.',
  })
  async setAlertSettings(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The settings to change.' }) input: SetAlertSettingsInput,
  ): Promise<AlertSettingsObject> {
    return toAlertSettingsObject(ctx.organizationId, await this.service.setSettings(ctx, input));
  }

  private async pauseOf(ctx: OrganizationContext): Promise<{ available: boolean; on: boolean }> {
    return { available: this.service.crisisPauseAvailable, on: await this.service.isPublishingPaused(ctx) };
  }
}
