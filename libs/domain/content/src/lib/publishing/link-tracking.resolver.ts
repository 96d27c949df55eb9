import { Args, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AuditRepository } from '@socle/accounts';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { derivedId } from '@socle/platform-graphql';
import { IsBoolean } from 'class-validator';

@InputType({ description: 'The organization’s link-tracking switch.' })
export class SetLinkTrackingInput {
  @Field(() => Boolean, { description: 'Whether published links carry UTM parameters.' }) @IsBoolean() utmEnabled!: boolean;
}

@ObjectType('LinkTracking', {
  description:
    'UTM parameters on every http(s) link published (in the text and the link field): utm_source = the network, utm_medium = social, utm_campaign = the item’s campaign (else theme) as a slug, utm_content = the variant’s short id. Parameters already in a link are kept, never overwritten.',
})
export class LinkTrackingObject {
  @Field(() => ID, { description: "Id of the organization's link-tracking setting: opaque and stable, one per organization." })
  id!: string;
  @Field(() => Boolean, { description: 'On unless the organisation turned it off.' }) utmEnabled!: boolean;
}

/** The organisation's link-tracking switch; the content leads set it (audited). */
@Resolver(() => LinkTrackingObject)
export class LinkTrackingResolver {
  constructor(private readonly audit: AuditRepository) {}

  @Requires('content.read')
  @Query(() => LinkTrackingObject, { description: 'Whether the links the organisation publishes carry UTM parameters.' })
  async linkTracking(@OrgCtx() ctx: OrganizationContext): Promise<LinkTrackingObject> {
    const [row] = await ctx.uow.query<{ utm_enabled: boolean }>(
      'SELECT utm_enabled FROM link_tracking_settings WHERE organization_id = $1',
      [ctx.uow.organizationId],
    );
    return { id: derivedId('LinkTracking', ctx.organizationId), utmEnabled: row?.utm_enabled ?? true };
  }

  @Requires('content.approvalChain.manage')
  @Mutation(() => LinkTrackingObject, {
    description: 'Turns UTM parameters on published links on or off (audited). Applies to what is sent from now on.',
  })
  async setLinkTracking(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'On or off.' }) input: SetLinkTrackingInput,
  ): Promise<LinkTrackingObject> {
    const by = ctx.actor.type === 'USER' ? ctx.actor.id : null;
    await ctx.uow.query(
      `INSERT INTO link_tracking_settings (organization_id, utm_enabled, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (organization_id) DO UPDATE SET utm_enabled = EXCLUDED.utm_enabled, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [ctx.uow.organizationId, input.utmEnabled, by],
    );
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'content.link_tracking_set',
        targetType: 'Organization',
        targetId: ctx.uow.organizationId,
        metadata: { utmEnabled: input.utmEnabled },
      },
      ctx.requestId,
    );
    return { id: derivedId('LinkTracking', ctx.organizationId), utmEnabled: input.utmEnabled };
  }
}
