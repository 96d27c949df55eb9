import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, DateTimeScalar } from '@socle/platform-graphql';

export enum NetworkAccountStatusEnum {
  OK = 'OK',
  NEEDS_REAUTH = 'NEEDS_REAUTH',
  RATE_LIMITED = 'RATE_LIMITED',
  ERROR = 'ERROR',
}
registerEnumType(NetworkAccountStatusEnum, {
  name: 'NetworkAccountStatus',
  description:
    'OK; NEEDS_REAUTH (the network refused the credentials: connect again); RATE_LIMITED (until rateLimitedUntil); ERROR (a failure that may pass: see lastError).',
  valuesMap: {
    OK: { description: 'The last check or use of the account succeeded.' },
    NEEDS_REAUTH: { description: 'The network refused the credentials: connect the account again.' },
    RATE_LIMITED: { description: 'The network is limiting requests until rateLimitedUntil.' },
    ERROR: { description: 'The last check failed in a way that may pass (a timeout, a server error); see lastError.' },
  },
});

export enum NetworkOptionTypeEnum {
  STRING = 'STRING',
  TEXT = 'TEXT',
  URL = 'URL',
  DATE_TIME = 'DATE_TIME',
  BOOLEAN = 'BOOLEAN',
  NUMBER = 'NUMBER',
  ENUM = 'ENUM',
}
registerEnumType(NetworkOptionTypeEnum, {
  name: 'NetworkOptionType',
  description: 'What a network setting holds, and how its value is written as text in a content variant’s `options`.',
  valuesMap: {
    STRING: { description: 'One line of text.' },
    TEXT: { description: 'Text of several lines.' },
    URL: { description: 'An absolute http or https address.' },
    DATE_TIME: { description: 'An instant with its offset, written like a DateTime (2027-01-31T09:00:00+01:00).' },
    BOOLEAN: { description: 'true or false.' },
    NUMBER: { description: 'A number, in digits.' },
    ENUM: { description: 'One of the setting’s values.' },
  },
});

@ObjectType('NetworkOption', { description: 'A setting a post may carry for one network, as its connector documents it.' })
export class NetworkOptionObject {
  @Field(() => String, { description: 'The name to give in a content variant’s `options`.' }) name!: string;
  @Field(() => NetworkOptionTypeEnum, { description: 'What the setting holds.' })
  type!: NetworkOptionTypeEnum;
  @Field(() => String, { description: 'A short label for forms (English).' }) label!: string;
  @Field(() => String, { nullable: true, description: 'What it does.' }) description!: string | null;
  @Field(() => [String], { description: 'enum: the accepted values; empty otherwise.' }) values!: string[];
  @Field(() => Int, { nullable: true, description: 'The longest value accepted, in characters; null when unbounded.' })
  maxLength!: number | null;
  @Field(() => Float, { nullable: true, description: 'number: the smallest value accepted.' }) min!: number | null;
  @Field(() => Float, { nullable: true, description: 'number: the largest value accepted.' }) max!: number | null;
  @Field(() => Boolean, { description: 'True when a post cannot be published without it.' }) required!: boolean;
}

@ObjectType('Network', { description: 'A network the platform can connect to (an enabled connector).' })
export class NetworkObject {
  @Field(() => ID, {
    description: 'The network’s id, in lower case (for example mastodon, bluesky); used as `network` everywhere in the API.',
  })
  id!: string;
  @Field(() => String, { description: 'The network’s name, for display.' }) displayName!: string;
  @Field(() => String, { description: 'oauth2, app-password, access-token or none.' }) authKind!: string;
  @Field(() => [String], {
    description: 'What the connector can do: publish, media, threads, reply, delete, mentions, search, comments, metrics.',
  })
  capabilities!: string[];
  @Field(() => Int, { description: 'Longest text of one post.' }) textMaxLength!: number;
  @Field(() => String, {
    description:
      'How the network counts text length: graphemes, code-points, or code-points-urls-as-23 (every link counts as 23 characters).',
  })
  textCounting!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The address to connect to when the network has one server for everyone (or a usual default); null for networks of many servers or none.',
  })
  defaultServiceUrl!: string | null;
  @Field(() => [String], { description: 'The media types a post may carry (image/jpeg, video/mp4…); empty when it takes none.' })
  mediaTypes!: string[];
  @Field(() => String, {
    description:
      'How the network takes media: bytes (uploaded by the platform) or url (fetched by the network from a public address of the platform; PUBLIC_URL must be reachable from the internet).',
  })
  mediaDelivery!: string;
  @Field(() => [NetworkOptionObject], {
    description:
      'The settings a post may carry for this network (a video’s title, a blog post’s slug), given as `options` of a content variant.',
  })
  options!: NetworkOptionObject[];
}

@ObjectType('NetworkAccount', { description: 'A connected network account. Its credentials are encrypted at rest and never returned.' })
export class NetworkAccountObject {
  @Field(() => ID, { description: 'Identifier of the network account.' }) id!: string;
  @Field(() => String, { description: 'The network’s id, in lower case (for example mastodon).' }) network!: string;
  @Field(() => String, { description: 'The account’s handle at the network, as the network gives it.' }) handle!: string;
  @Field(() => String, { nullable: true, description: 'The account’s display name at the network, or null when it has none.' })
  displayName!: string | null;
  @Field(() => String, { description: 'The instance, server or feed URL the account lives on.' }) serviceUrl!: string;
  @Field(() => NetworkAccountStatusEnum, { description: 'Whether the account can be used, as found by its last check or use.' })
  status!: NetworkAccountStatusEnum;
  @Field(() => String, {
    nullable: true,
    description: 'What failed last, in plain words (never the network’s own answer, never a secret); null when the account is OK.',
  })
  lastError!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the account was last checked (UTC); null before its first check.' })
  lastCheckedAt!: Date | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'While RATE_LIMITED, when the network accepts requests again (UTC); null otherwise.',
  })
  rateLimitedUntil!: Date | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the current access credentials expire (they are refreshed before).',
  })
  expiresAt!: Date | null;
  @Field(() => ID, {
    nullable: true,
    description: 'User id of who connected the account; null when connected with an API key or the user was deleted.',
  })
  connectedBy!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the account was first connected (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the account was last changed (UTC).' }) updatedAt!: Date;
}

export const NetworkAccountConnection = ConnectionType(NetworkAccountObject, 'NetworkAccount');

@ObjectType('NetworkOAuthStart', { description: 'The first step of an OAuth connection.' })
export class NetworkOAuthStartObject {
  @Field(() => String, { description: 'Send the user there; the network redirects back to the callback with a code.' })
  authorizationUrl!: string;
  @Field(() => String, { description: 'Echoed back by the network; single use.' }) state!: string;
  @Field(() => DateTimeScalar, { description: 'When the state stops being accepted, ten minutes after the start (UTC).' })
  expiresAt!: Date;
}

@ObjectType('DisconnectNetworkAccountPayload', { description: 'The result of disconnectNetworkAccount.' })
export class DisconnectNetworkAccountPayload {
  @Field(() => ID, { description: 'The account removed, with its credentials.' }) id!: string;
}

@ObjectType('NetworkAccountTarget', { description: 'A page, organisation or channel a sign-in may publish as.' })
export class NetworkAccountTargetObject {
  @Field(() => ID, { description: 'The network’s id of the page, organisation or channel.' }) id!: string;
  @Field(() => String, { description: 'organization, page, channel or profile.' }) kind!: string;
  @Field(() => String, { description: 'Its name, as the network shows it.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Its vanity name, handle or slug, when the network has one.' })
  handle!: string | null;
  @Field(() => String, { nullable: true, description: 'Its public address, when the network gives one.' }) url!: string | null;
}

@ObjectType('NetworkAccountChoice', {
  description:
    'A sign-in that may publish as several pages, organisations or channels, waiting for a member to choose one (chooseNetworkAccountTarget). Open for thirty minutes.',
})
export class NetworkAccountChoiceObject {
  @Field(() => ID, { description: 'Identifier of the choice, as the OAuth callback answered it.' }) id!: string;
  @Field(() => String, { description: 'The network signed in to.' }) network!: string;
  @Field(() => String, { description: 'The server signed in to.' }) serviceUrl!: string;
  @Field(() => DateTimeScalar, { description: 'When the choice closes (UTC): sign in again after that.' }) expiresAt!: Date;
  @Field(() => [NetworkAccountTargetObject], { description: 'What it may publish as, as the network listed it.' })
  targets!: NetworkAccountTargetObject[];
}
