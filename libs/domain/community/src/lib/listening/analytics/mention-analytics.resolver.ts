import { Args, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { MentionFilterArgs, MentionVolumeArgs, ShareOfVoiceArgs } from './dto/mention-analytics.args';
import {
  MentionFacetsObject,
  MentionVolumeObject,
  ShareOfVoiceObject,
  ShareOfVoiceSideKindEnum,
  ShareOfVoiceSideObject,
} from './dto/mention-analytics.objects';
import { MentionAnalyticsService, ShareOfVoiceSide } from './mention-analytics.service';
import { withoutNulls } from '../../null-arguments';
import { VolumeIntervalEnum } from './dto/mention-analytics.args';

const toSide = (s: ShareOfVoiceSide): ShareOfVoiceSideObject => ({ ...s, kind: s.kind as ShareOfVoiceSideKindEnum });

/** Analytics over the organisation's mentions; the page of mentions itself is `mentions` (ListeningResolver). */
@Resolver()
export class MentionAnalyticsResolver {
  constructor(private readonly analytics: MentionAnalyticsService) {}

  @Requires('listening.read')
  @Query(() => MentionFacetsObject, {
    description:
      'Counts by network, sentiment, language, query and top authors for the same filter as `mentions`; each facet ignores its own condition.',
  })
  async mentionFacets(@OrgCtx() ctx: OrganizationContext, @Args() args: MentionFilterArgs): Promise<MentionFacetsObject> {
    return this.analytics.facets(ctx, withoutNulls(args));
  }

  @Requires('listening.read')
  @Query(() => MentionVolumeObject, {
    description: `Mentions and their sentiment per local day or week for the same filter as \`mentions\`; without from/to, the last 30 days (DAY) or 12 weeks (WEEK). At most 731 buckets.`,
  })
  async mentionVolume(@OrgCtx() ctx: OrganizationContext, @Args() args: MentionVolumeArgs): Promise<MentionVolumeObject> {
    const { interval, timeZone, ...filter } = withoutNulls(args);
    const volume = await this.analytics.volume(ctx, filter, interval, timeZone);
    return { ...volume, interval: volume.interval as VolumeIntervalEnum };
  }

  @Requires('listening.read')
  @Query(() => ShareOfVoiceObject, {
    description: 'The brand’s share of the mentions against each competitor between from and to, optionally per local day or week.',
  })
  async shareOfVoice(@OrgCtx() ctx: OrganizationContext, @Args() args: ShareOfVoiceArgs): Promise<ShareOfVoiceObject> {
    const sov = await this.analytics.shareOfVoice(ctx, withoutNulls(args));
    return {
      ...sov,
      interval: sov.interval as VolumeIntervalEnum | null,
      sides: sov.sides.map(toSide),
      buckets: sov.buckets.map((b) => ({ ...b, sides: b.sides.map(toSide) })),
    };
  }
}
