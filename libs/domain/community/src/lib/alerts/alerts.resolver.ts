import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { Connection, paginate } from '@socle/platform-graphql';
import { MentionObject } from '../listening/dto/objects';
import {
  AlertArgs,
  AlertConnection,
  AlertIdInput,
  AlertMentionsArgs,
  AlertMoveInput,
  AlertObject,
  AlertPageArgs,
  AlertSettingsObject,
  SetAlertSettingsInput,
  toAlertMentionObject,
  toAlertObject,
  toAlertSettingsObject,
} from './alerts.dto';
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
  constructor(private readonly service: AlertsService) {}

  @Requires('listening.read')
  @Query(() => AlertConnection, { description: 'Crisis alerts, newest first, filtered by status and/or kind.' })
  async alerts(@OrgCtx() ctx: OrganizationContext, @Args() args: AlertPageArgs): Promise<Connection<AlertObject>> {
    const pause = await this.pauseOf(ctx);
    return paginate(
      args,
      (keyset) => this.service.page(ctx, { status: args.status, kind: args.kind }, keyset),
      (alert: Alert) => [alert.createdAt, alert.id],
      (alert) => toAlertObject(alert, pause),
    );
  }

  @Requires('listening.read')
  @Query(() => AlertObject, { description: 'One alert; its `mentions` are the ones behind it.' })
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
    description: 'Someone handles it (OPEN → ACKNOWLEDGED); CONFLICT ALERT_TRANSITION_NOT_ALLOWED otherwise.',
  })
  async acknowledgeAlert(@OrgCtx() ctx: OrganizationContext, @Args('input') input: AlertMoveInput): Promise<AlertObject> {
    const alert = await this.service.acknowledge(ctx, input.id, input.note ?? null);
    return toAlertObject(alert, await this.pauseOf(ctx));
  }

  @Requires('listening.manage')
  @Mutation(() => AlertObject, {
    description:
      'The crisis is over (OPEN or ACKNOWLEDGED → RESOLVED). A later spike raises a new alert; the mentions this one covered do not.',
  })
  async resolveAlert(@OrgCtx() ctx: OrganizationContext, @Args('input') input: AlertMoveInput): Promise<AlertObject> {
    const alert = await this.service.resolve(ctx, input.id, input.note ?? null);
    return toAlertObject(alert, await this.pauseOf(ctx));
  }

  @Requires('content.crisisPause')
  @Mutation(() => AlertObject, {
    description:
      'The proposed action: starts the crisis pause (every scheduled publication held) with the alert as its reason. ' +
      'Nothing changes when publishing is already paused. Resume with resumeAfterCrisisPause.',
  })
  async pausePublishingForAlert(@OrgCtx() ctx: OrganizationContext, @Args('input') input: AlertIdInput): Promise<AlertObject> {
    const { alert } = await this.service.pausePublishing(ctx, input.id);
    return toAlertObject(alert, await this.pauseOf(ctx));
  }

  @Requires('listening.read')
  @Query(() => AlertSettingsObject, { description: 'How crisis alerts are raised for the organization.' })
  async alertSettings(@OrgCtx() ctx: OrganizationContext): Promise<AlertSettingsObject> {
    return toAlertSettingsObject(await this.service.settings(ctx));
  }

  @Requires('listening.manage')
  @Mutation(() => AlertSettingsObject, { description: 'Changes the given settings; the others keep their value.' })
  async setAlertSettings(@OrgCtx() ctx: OrganizationContext, @Args('input') input: SetAlertSettingsInput): Promise<AlertSettingsObject> {
    return toAlertSettingsObject(await this.service.setSettings(ctx, input));
  }

  private async pauseOf(ctx: OrganizationContext): Promise<{ available: boolean; on: boolean }> {
    return { available: this.service.crisisPauseAvailable, on: await this.service.isPublishingPaused(ctx) };
  }
}
