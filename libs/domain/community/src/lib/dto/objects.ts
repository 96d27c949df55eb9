import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@socle/platform-graphql';

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
});

@ObjectType('Network', { description: 'A network the platform can connect to (an enabled connector).' })
export class NetworkObject {
  @Field(() => ID) id!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { description: 'oauth2, app-password, access-token or none.' }) authKind!: string;
  @Field(() => [String], {
    description: 'What the connector can do: publish, media, threads, reply, delete, mentions, search, comments, metrics.',
  })
  capabilities!: string[];
  @Field(() => Int, { description: 'Longest text of one post.' }) textMaxLength!: number;
  @Field(() => String, { description: 'How the network counts text length.' }) textCounting!: string;
}

@ObjectType('NetworkAccount', { description: 'A connected network account. Its credentials are encrypted at rest and never returned.' })
export class NetworkAccountObject {
  @Field(() => ID) id!: string;
  @Field(() => String) network!: string;
  @Field(() => String) handle!: string;
  @Field(() => String, { nullable: true }) displayName!: string | null;
  @Field(() => String) serviceUrl!: string;
  @Field(() => NetworkAccountStatusEnum) status!: NetworkAccountStatusEnum;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastCheckedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) rateLimitedUntil!: Date | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the current access credentials expire (they are refreshed before).',
  })
  expiresAt!: Date | null;
  @Field(() => ID, { nullable: true }) connectedBy!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

export const NetworkAccountConnection = ConnectionType(NetworkAccountObject, 'NetworkAccount');

@ObjectType('NetworkOAuthStart')
export class NetworkOAuthStartObject {
  @Field(() => String, { description: 'Send the user there; the network redirects back to the callback with a code.' })
  authorizationUrl!: string;
  @Field(() => String, { description: 'Echoed back by the network; single use.' }) state!: string;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
}

@ObjectType('DisconnectNetworkAccountPayload')
export class DisconnectNetworkAccountPayload {
  @Field(() => ID, { description: 'The account removed, with its credentials.' }) id!: string;
}
