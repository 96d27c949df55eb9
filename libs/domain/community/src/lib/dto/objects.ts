import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
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
