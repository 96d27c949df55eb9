import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ConnectionType, DateTimeScalar, PageArgs } from '@socle/platform-graphql';

/** Letters, digits, spaces, `-`, `_` and `.`; starting with a letter or digit (surrounding spaces are trimmed). */
const TAG = /^ *[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u;
const TAG_MESSAGE = 'each tag is 1 to 50 letters, digits, spaces, - _ or ., starting with a letter or digit';

export enum MediaKindEnum {
  IMAGE = 'IMAGE',
  VIDEO = 'VIDEO',
}
registerEnumType(MediaKindEnum, {
  name: 'MediaKind',
  description: 'IMAGE (PNG, JPEG, GIF or WebP) or VIDEO (MP4 or QuickTime).',
  valuesMap: {
    IMAGE: { description: 'A still or animated image: PNG, JPEG, GIF or WebP.' },
    VIDEO: { description: 'A video: MP4 or QuickTime (MOV).' },
  },
});

@ArgsType()
export class MediaAssetsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only the assets carrying this tag (compared in lower case).' })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: TAG_MESSAGE })
  @Matches(TAG, { message: TAG_MESSAGE })
  tag?: string;
}

@InputType({ description: 'The new tags of a media asset.' })
export class TagMediaAssetInput {
  @Field(() => ID, { description: 'Identifier of the media asset.' }) @IsUUID('all', { message: 'must be a media asset id' }) id!: string;

  @Field(() => [String], { description: 'The asset’s tags, replacing the ones it had (at most 20; stored in lower case, each once).' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true, message: TAG_MESSAGE })
  @Matches(TAG, { each: true, message: TAG_MESSAGE })
  tags!: string[];
}

@InputType({ description: 'The media asset to delete.' })
export class DeleteMediaAssetInput {
  @Field(() => ID, { description: 'Identifier of the media asset.' }) @IsUUID('all', { message: 'must be a media asset id' }) id!: string;
}

@ObjectType('MediaAsset', {
  description: 'A file of the media library, uploaded once (`POST /media`) and used by any number of content variants.',
})
export class MediaAssetObject {
  @Field(() => ID, { description: 'Identifier of the asset.' }) id!: string;
  @Field(() => MediaKindEnum, { description: 'The kind of file.' }) kind!: MediaKindEnum;
  @Field(() => String, {
    description: 'Read from the file’s bytes at upload: image/png, image/jpeg, image/gif, image/webp, video/mp4 or video/quicktime.',
  })
  contentType!: string;
  @Field(() => Int, { description: 'Size in bytes.' }) byteSize!: number;
  @Field(() => String, { description: 'SHA-256 of the bytes, in hex.' }) sha256!: string;
  @Field(() => Int, {
    description: 'Width in pixels, as displayed (EXIF rotation applied); of a video, its first video track’s (rotation applied).',
  })
  width!: number;
  @Field(() => Int, { description: 'Height in pixels, as displayed.' }) height!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Duration of a video in milliseconds, read from the file at upload; null for an image.',
  })
  durationMs!: number | null;
  @Field(() => String, { nullable: true, description: 'The name the file was uploaded with (display only).' }) fileName!: string | null;
  @Field(() => [String], { description: 'The asset’s tags, in lower case, for filtering the library.' }) tags!: string[];
  @Field(() => Int, { description: 'How many content variants use this asset.' }) usageCount!: number;
  @Field(() => String, {
    description:
      'Where to download the file: GET with the same Authorization and X-Socle-Organization headers as the API (permission media.read).',
  })
  downloadUrl!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'User id of who uploaded the file; null when uploaded with an API key or the user was deleted.',
  })
  uploadedBy!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the file was uploaded (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the asset was last changed, for example its tags (UTC).' }) updatedAt!: Date;
}

export const MediaAssetConnection = ConnectionType(MediaAssetObject, 'MediaAsset');
