import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LocaleEnum } from '@socle/accounts';
import { ConnectionType, DateTimeScalar, PageArgs } from '@socle/platform-graphql';

/** At most this many contacts and media kit entries. */
export const MAX_CONTACTS = 20;
export const MAX_MEDIA_KIT = 50;

export enum PressRoomDomainStatusEnum {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  FAILED = 'FAILED',
}
registerEnumType(PressRoomDomainStatusEnum, {
  name: 'PressRoomDomainStatus',
  description: 'Where a custom domain of a press room stands.',
  valuesMap: {
    PENDING: { description: 'Claimed, not checked yet: publish the TXT record, then ask for `verifyPressRoomDomain`.' },
    VERIFIED: { description: 'The TXT record was found: the press room answers at this domain.' },
    FAILED: { description: 'The last check did not find the TXT record (see `checkError`); the domain does not serve yet.' },
  },
});

export enum PressReleaseStatusEnum {
  SCHEDULED = 'SCHEDULED',
  PUBLISHED = 'PUBLISHED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(PressReleaseStatusEnum, {
  name: 'PressReleaseStatus',
  description: 'Where a press release stands.',
  valuesMap: {
    SCHEDULED: { description: 'Its publication time has not come: it appears by itself at that time.' },
    PUBLISHED: { description: 'Its time has come: public while the press room is enabled.' },
    WITHDRAWN: { description: 'Withdrawn: its address answers 404 for good.' },
  },
});

export enum NewsletterSubscriberStateEnum {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  UNSUBSCRIBED = 'UNSUBSCRIBED',
}
registerEnumType(NewsletterSubscriberStateEnum, {
  name: 'NewsletterSubscriberState',
  description: 'Where a newsletter subscription stands (double opt-in).',
  valuesMap: {
    PENDING: { description: 'Signed up, waiting for the address to confirm with the link mailed to it.' },
    CONFIRMED: { description: 'Confirmed: gets each release once it is public.' },
    UNSUBSCRIBED: { description: 'Left with the one-click link; gets nothing.' },
  },
});

export enum NewsletterListEnum {
  RELEASES = 'RELEASES',
  BLOG = 'BLOG',
}
registerEnumType(NewsletterListEnum, {
  name: 'NewsletterList',
  description: 'What a newsletter subscriber receives.',
  valuesMap: {
    RELEASES: { description: 'Each press release once it is public.' },
    BLOG: { description: 'The weekly blog digest (where the room offers it).' },
  },
});

// ------------------------------------------------------------------ objects

@ObjectType('PressRoomContact', { description: 'A press contact shown on the press room.' })
export class PressRoomContactObject {
  @Field(() => ID, { description: 'Identifier of the contact.' }) id!: string;
  @Field(() => String, { description: 'Name of the person or service.' }) name!: string;
  @Field(() => String, { description: 'Their role, e.g. "Press officer" (empty when not given).' }) role!: string;
  @Field(() => String, { nullable: true, description: 'E-mail address shown to journalists.' }) email!: string | null;
  @Field(() => String, { nullable: true, description: 'Telephone number shown to journalists, as written.' }) phone!: string | null;
}

@ObjectType('PressRoomMediaKitEntry', {
  description: 'A picture or video of the media kit: a media library asset with its caption and credit.',
})
export class PressRoomMediaKitEntryObject {
  @Field(() => ID, { description: 'Identifier of the entry.' }) id!: string;
  @Field(() => ID, { description: 'The media library asset.' }) mediaAssetId!: string;
  @Field(() => String, { description: 'Caption shown under the file (empty when not given).' }) caption!: string;
  @Field(() => String, { description: 'Credit line, e.g. "Photo: Jane Doe" (empty when not given).' }) credit!: string;
  @Field(() => String, { description: 'Public address of the file on the press room (answers 404 while the room is disabled).' })
  publicUrl!: string;
}

@ObjectType('PressRoomDomain', { description: 'A custom domain of a press room and its verification.' })
export class PressRoomDomainObject {
  @Field(() => ID, { description: 'Identifier of this claim (the organisation and the host).' }) id!: string;
  @Field(() => String, { description: 'The host name, in lower case and in its ASCII (punycode) form.' }) host!: string;
  @Field(() => PressRoomDomainStatusEnum, { description: 'Whether the domain serves the press room.' }) status!: PressRoomDomainStatusEnum;
  @Field(() => String, { description: 'Name of the TXT record to publish: `_socle-press.<host>`.' }) recordName!: string;
  @Field(() => String, { description: 'Value the TXT record must hold.' }) recordValue!: string;
  @Field(() => DateTimeScalar, { description: 'When this host was claimed for the press room.' }) claimedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the TXT record was first found; null until then.' })
  verifiedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was last checked; null when never.' }) checkedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the last check failed; null when it did not.' }) checkError!: string | null;
}

@ObjectType('PressRoom', {
  description:
    'The organisation’s virtual press room, hosted by the platform: releases, media kit, contacts and a newsletter for journalists and influencers.',
})
export class PressRoomObject {
  @Field(() => ID, { description: 'Identifier of the press room.' }) id!: string;
  @Field(() => String, { description: 'Public slug: the room answers at `<PUBLIC_URL>/press/<slug>`. Unique across the platform.' })
  slug!: string;
  @Field(() => String, { description: 'Title of the room (the organisation’s name by default).' }) title!: string;
  @Field(() => String, { description: 'Introduction shown under the title (plain text).' }) description!: string;
  @Field(() => Boolean, { description: 'Whether the public pages answer; off, every public page is a 404.' }) enabled!: boolean;
  @Field(() => LocaleEnum, { description: 'Language of the public pages and of the newsletter’s mails.' }) language!: LocaleEnum;
  @Field(() => Boolean, {
    description:
      'Whether the newsletter offers the weekly blog digest: each Monday at 09:00 (the organisation’s time), the articles published on its blogs (WordPress, Ghost) the week before, to the subscribers who chose it.',
  })
  blogDigest!: boolean;
  @Field(() => String, { description: 'Public address of the room: the verified custom domain, else `<PUBLIC_URL>/press/<slug>`.' })
  url!: string;
  @Field(() => PressRoomDomainObject, { nullable: true, description: 'The custom domain and its verification; null when none.' })
  customDomain!: PressRoomDomainObject | null;
  @Field(() => [PressRoomContactObject], { description: 'Press contacts, in the order shown (at most 20).' })
  contacts!: PressRoomContactObject[];
  @Field(() => [PressRoomMediaKitEntryObject], { description: 'The media kit, in the order shown (at most 50).' })
  mediaKit!: PressRoomMediaKitEntryObject[];
  @Field(() => DateTimeScalar, { description: 'When the room was first saved.' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When its settings last changed.' }) updatedAt!: Date;
}

@ObjectType('PressRelease', { description: 'A release of the press room: a snapshot of an approved content item.' })
export class PressReleaseObject {
  @Field(() => ID, { description: 'Identifier of the release.' }) id!: string;
  @Field(() => ID, { description: 'The content item it was made from (it may have changed since: the release keeps what was published).' })
  itemId!: string;
  @Field(() => String, { description: 'Slug of the release, unique within the room and never reused.' }) slug!: string;
  @Field(() => String, { description: 'Title.' }) title!: string;
  @Field(() => String, { description: 'Summary shown in lists, feeds and previews.' }) summary!: string;
  @Field(() => String, { description: 'Body as sanitised HTML (paragraphs, headings, lists, quotes, emphasis and links only).' })
  bodyHtml!: string;
  @Field(() => [ID], { description: 'Media library assets shown with the release, in order.' }) mediaAssetIds!: string[];
  @Field(() => DateTimeScalar, { description: 'When it becomes (or became) public.' }) publishAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was withdrawn; null while it is not.' }) withdrawnAt!: Date | null;
  @Field(() => PressReleaseStatusEnum, { description: 'Scheduled, published or withdrawn.' }) status!: PressReleaseStatusEnum;
  @Field(() => Boolean, { description: 'Whether anyone can read it now: published, not withdrawn, and the room enabled.' })
  isPublic!: boolean;
  @Field(() => String, {
    description:
      'Stable public address: `<PUBLIC_URL>/press/<room>/releases/<slug>`, or `https://<custom domain>/releases/<slug>` once verified.',
  })
  url!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the newsletter’s mails of it were queued; null until then.' })
  newsletterSentAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'When it was made.' }) createdAt!: Date;
}

@ObjectType('NewsletterSubscriber', { description: 'A subscriber of the press room’s newsletter.' })
export class NewsletterSubscriberObject {
  @Field(() => ID, { description: 'Identifier of the subscriber.' }) id!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The address (domain in lower case); null unless the caller is a person who is a content or strategy lead of the organization, or an owner or admin of its agency (never an API key).',
  })
  email!: string | null;
  @Field(() => String, { nullable: true, description: 'The name given at sign-up; null when none, or under the same rule as the address.' })
  name!: string | null;
  @Field(() => NewsletterSubscriberStateEnum, { description: 'Pending, confirmed or unsubscribed.' }) state!: NewsletterSubscriberStateEnum;
  @Field(() => [NewsletterListEnum], { description: 'What the subscriber chose to receive.' }) lists!: NewsletterListEnum[];
  @Field(() => DateTimeScalar, { description: 'When the address first signed up.' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the address confirmed; null while pending.' })
  confirmedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it unsubscribed; null while subscribed.' })
  unsubscribedAt!: Date | null;
}

@ObjectType('NewsletterSubscriberCounts', { description: 'How many newsletter subscribers are in each state.' })
export class NewsletterSubscriberCountsObject {
  @Field(() => Int, { description: 'Waiting for their confirmation.' }) pending!: number;
  @Field(() => Int, { description: 'Confirmed: the ones the releases go to.' }) confirmed!: number;
  @Field(() => Int, { description: 'Unsubscribed.' }) unsubscribed!: number;
}

export const PressReleaseConnection = ConnectionType(PressReleaseObject, 'PressRelease');
export const NewsletterSubscriberConnection = ConnectionType(NewsletterSubscriberObject, 'NewsletterSubscriber');

// ------------------------------------------------------------------ inputs

@InputType({ description: 'A press contact.' })
export class PressRoomContactInput {
  @Field(() => String, { description: 'Name, 1 to 200 characters.' })
  @IsString()
  @MaxLength(200)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Role, at most 200 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  role?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address, at most 254 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Telephone number: digits, spaces and + ( ) . - only, at most 40 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;
}

@InputType({ description: 'A media kit entry: a media library asset of the organisation with its caption and credit.' })
export class PressRoomMediaKitEntryInput {
  @Field(() => ID, { description: 'The media library asset (of this organisation).' })
  @IsUUID('all', { message: 'must be a media asset id' })
  mediaAssetId!: string;

  @Field(() => String, { nullable: true, description: 'Caption, at most 1,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  caption?: string | null;

  @Field(() => String, { nullable: true, description: 'Credit line, at most 300 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  credit?: string | null;
}

@InputType({
  description: 'Changes to the press room; fields left out keep their value. The first save creates the room and needs `slug` and `title`.',
})
export class UpdatePressRoomInput {
  @Field(() => String, {
    nullable: true,
    description: 'Public slug: 3 to 63 lowercase letters, digits and dashes; unique across the platform.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(63)
  slug?: string;

  @Field(() => String, { nullable: true, description: 'Title, 1 to 200 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @Field(() => String, { nullable: true, description: 'Introduction (plain text), at most 5,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @Field(() => Boolean, { nullable: true, description: 'Whether the public pages answer.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @Field(() => LocaleEnum, { nullable: true, description: 'Language of the public pages and mails (the organisation’s by default).' })
  @IsOptional()
  @IsEnum(LocaleEnum)
  language?: LocaleEnum;

  @Field(() => Boolean, { nullable: true, description: 'Whether the newsletter offers the weekly blog digest.' })
  @IsOptional()
  @IsBoolean()
  blogDigest?: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'A custom domain (a host name such as press.example.com: no scheme, port, IP address or localhost); null removes it. Unique across the platform. It serves once verified.',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(253)
  customDomain?: string | null;

  @Field(() => [PressRoomContactInput], { nullable: true, description: 'The contacts, replacing the ones the room had (at most 20).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CONTACTS)
  @ValidateNested({ each: true })
  @Type(() => PressRoomContactInput)
  contacts?: PressRoomContactInput[];

  @Field(() => [PressRoomMediaKitEntryInput], {
    nullable: true,
    description: 'The media kit, replacing the one the room had (at most 50 distinct assets).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_MEDIA_KIT)
  @ValidateNested({ each: true })
  @Type(() => PressRoomMediaKitEntryInput)
  mediaKit?: PressRoomMediaKitEntryInput[];
}

@InputType({ description: 'The custom domain to check now.' })
export class VerifyPressRoomDomainInput {
  @Field(() => String, { description: 'The domain the room claims (guards against checking one that changed meanwhile).' })
  @IsString()
  @MaxLength(253)
  domain!: string;
}

@InputType({ description: 'A content item to publish in the press room.' })
export class PublishPressReleaseInput {
  @Field(() => ID, { description: 'The content item: APPROVED, SCHEDULED or PUBLISHED.' })
  @IsUUID('all', { message: 'must be a content item id' })
  itemId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Slug of the release (1 to 100 lowercase letters, digits and dashes); made from the title when left out.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  slug?: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it becomes public: now when left out; a past time back-dates it (from the year 2000), at most two years ahead.',
  })
  @IsOptional()
  publishAt?: Date;
}

@InputType({ description: 'The release to withdraw.' })
export class WithdrawPressReleaseInput {
  @Field(() => ID, { description: 'Identifier of the release.' })
  @IsUUID('all', { message: 'must be a press release id' })
  id!: string;
}

@ArgsType()
export class PressReleasesArgs extends PageArgs {
  @Field(() => PressReleaseStatusEnum, { nullable: true, description: 'Only the releases in this status.' })
  @IsOptional()
  @IsEnum(PressReleaseStatusEnum)
  status?: PressReleaseStatusEnum | null;
}

@ArgsType()
export class NewsletterSubscribersArgs extends PageArgs {
  @Field(() => NewsletterSubscriberStateEnum, { nullable: true, description: 'Only the subscribers in this state.' })
  @IsOptional()
  @IsEnum(NewsletterSubscriberStateEnum)
  state?: NewsletterSubscriberStateEnum | null;
}
