import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { SocleConfig } from '@socle/platform-config';
import { isUuid } from '@socle/platform-database';
import { badInput } from '@socle/platform-errors';
import { Connection, paginate } from '@socle/platform-graphql';
import type { MediaAssetEntity } from './media-asset.repository';
import { MediaAssetService } from './media-asset.service';
import {
  DeleteMediaAssetInput,
  MediaAssetConnection,
  MediaAssetObject,
  MediaAssetsArgs,
  MediaKindEnum,
  TagMediaAssetInput,
} from './media.dto';

export function mediaDownloadUrl(publicUrl: string, id: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/media/${id}`;
}

@Resolver(() => MediaAssetObject)
export class MediaResolver {
  constructor(
    private readonly media: MediaAssetService,
    private readonly config: SocleConfig,
  ) {}

  private toObject = (a: MediaAssetEntity): MediaAssetObject => ({
    id: a.id,
    kind: a.kind as MediaKindEnum,
    contentType: a.contentType,
    byteSize: a.byteSize,
    sha256: a.sha256,
    width: a.width,
    height: a.height,
    durationMs: a.durationMs,
    fileName: a.fileName,
    tags: a.tags,
    usageCount: a.usageCount,
    downloadUrl: mediaDownloadUrl(this.config.PUBLIC_URL, a.id),
    uploadedBy: a.uploadedBy,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  });

  @Requires('media.read')
  @Query(() => MediaAssetConnection, {
    description: 'The media library, newest first; upload with `POST /media` (multipart/form-data, field `file`).',
  })
  async mediaAssets(@OrgCtx() ctx: OrganizationContext, @Args() args: MediaAssetsArgs): Promise<Connection<MediaAssetObject>> {
    return paginate(
      args,
      (keyset) => this.media.page(ctx, keyset, args.tag),
      (a) => [a.createdAt, a.id],
      this.toObject,
      () => this.media.count(ctx, args.tag),
    );
  }

  @Requires('media.read')
  @Query(() => MediaAssetObject, { nullable: true, description: 'One asset of the media library. NOT_FOUND for an unknown id.' })
  async mediaAsset(
    @OrgCtx() ctx: OrganizationContext,
    @Args('id', { type: () => ID, description: 'Identifier of the media asset.' }) id: string,
  ): Promise<MediaAssetObject> {
    if (!isUuid(id)) throw badInput('id', 'must be a media asset id');
    return this.toObject(await this.media.get(ctx, id));
  }

  @Requires('media.manage')
  @Mutation(() => MediaAssetObject, {
    description:
      'Replaces the tags of an asset. BAD_USER_INPUT for a tag that is not 1 to 50 letters, digits, spaces, - _ or . (starting with a letter or digit) or more than 20 tags; NOT_FOUND for an unknown asset.',
  })
  async tagMediaAsset(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The asset and its new tags.' }) input: TagMediaAssetInput,
  ): Promise<MediaAssetObject> {
    return this.toObject(await this.media.tag(ctx, input.id, input.tags));
  }

  @Requires('media.manage')
  @Mutation(() => MediaAssetObject, {
    description:
      'Deletes an asset and its file; CONFLICT with reason MEDIA_IN_USE while a content variant uses it. Answers the asset as it was.',
  })
  async deleteMediaAsset(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The asset to delete.' }) input: DeleteMediaAssetInput,
  ): Promise<MediaAssetObject> {
    return this.toObject(await this.media.delete(ctx, input.id));
  }
}
