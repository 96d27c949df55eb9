import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@socle/platform-graphql';
import type { Principal } from '@socle/platform-auth';
import { AgencyRoleEnum, ApiKeyScopeEnum, OrganizationRoleEnum } from './objects';

export enum ViewerKindEnum {
  USER = 'USER',
  API_KEY = 'API_KEY',
  ANONYMOUS = 'ANONYMOUS',
}

export enum RateLimitBucketEnum {
  USER = 'USER',
  API_KEY = 'API_KEY',
  ANONYMOUS = 'ANONYMOUS',
}

registerEnumType(ViewerKindEnum, {
  name: 'ViewerKind',
  description: 'What the credentials of a request are.',
  valuesMap: {
    USER: { description: 'A signed-in person (an access token from logIn or signUp).' },
    API_KEY: { description: 'An API key of an agency, optionally scoped to one organization.' },
    ANONYMOUS: { description: 'No Authorization header: only public operations are open.' },
  },
});

registerEnumType(RateLimitBucketEnum, {
  name: 'RateLimitBucket',
  description: 'Whose budget a request is counted in.',
  valuesMap: {
    USER: { description: 'One budget per person, shared by all their sessions.' },
    API_KEY: { description: 'One budget per API key.' },
    ANONYMOUS: { description: 'One budget per client address.' },
  },
});

@ObjectType('ViewerUser', { description: 'The signed-in person behind a request.' })
export class ViewerUserObject {
  @Field(() => ID, { description: 'The person’s user id.' }) id!: string;
  @Field(() => String, { description: 'The e-mail address they log in with.' }) email!: string;
  @Field(() => String, { description: 'The name shown to others.' }) displayName!: string;
}

@ObjectType('ViewerApiKey', { description: 'The API key behind a request. Its secret is never readable.' })
export class ViewerApiKeyObject {
  @Field(() => ID, { description: 'The key’s id.' }) id!: string;
  @Field(() => String, { description: 'The name it was given when it was created.' }) name!: string;
  @Field(() => String, { description: 'First characters of the key, to recognise it; not secret.' }) displayPrefix!: string;
  @Field(() => ID, { description: 'The agency that owns the key.' }) agencyId!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'Set when the key acts inside this one organization only (it then needs no X-Socle-Organization header).',
  })
  organizationId!: string | null;
  @Field(() => [ApiKeyScopeEnum], {
    description:
      'What the key may do: READ and WRITE in every module, or the scopes of single modules (CONTENT_READ…); never the people-only operations. organization.permissions lists what they open.',
  })
  scopes!: ApiKeyScopeEnum[];
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the key stops working; null when it never expires.' })
  expiresAt!: Date | null;
}

@ObjectType('ViewerOrganization', {
  description: 'Where the caller stands in the organization the request chose (X-Socle-Organization, or the key’s own organization).',
})
export class ViewerOrganizationObject {
  @Field(() => ID, { description: 'The organisation chosen (the X-Socle-Organization header, or the key’s own).' }) organizationId!: string;
  @Field(() => ID, { description: 'The agency the organization is a client of.' }) agencyId!: string;
  @Field(() => AgencyRoleEnum, { nullable: true, description: 'The person’s role in that agency; null for API keys and client staff.' })
  agencyRole!: AgencyRoleEnum | null;
  @Field(() => [OrganizationRoleEnum], { description: 'The person’s roles in the organization; empty for API keys and agency staff.' })
  roles!: OrganizationRoleEnum[];
  @Field(() => [String], {
    description:
      'Every permission held in the organization (such as content.items.read), sorted: an operation that requires one the caller lacks answers FORBIDDEN.',
  })
  permissions!: string[];
}

@ObjectType('RateLimitBudget', {
  description:
    'The caller’s request budget: requests per fixed window, shared by every API server. The same figures come in the RateLimit-* headers of every answer.',
})
export class RateLimitBudgetObject {
  @Field(() => RateLimitBucketEnum, {
    description: 'Which budget the caller draws on: a person’s, an API key’s, or an address’s when anonymous.',
  })
  bucket!: RateLimitBucketEnum;
  @Field(() => Int, { description: 'Requests allowed per window.' }) limit!: number;
  @Field(() => Int, { description: 'Requests left in the current window, this one counted.' }) remaining!: number;
  @Field(() => Int, { description: 'Seconds until the window ends and the budget is whole again.' }) resetInSeconds!: number;
  @Field(() => Int, { description: 'Length of a window in seconds.' }) windowSeconds!: number;
}

@ObjectType('Viewer', {
  description: 'Who is calling: a person, an API key or nobody; where they stand in the chosen organization; what budget they have left.',
})
export class ViewerObject {
  @Field(() => ViewerKindEnum, { description: 'Who is calling: a person, an API key, or nobody signed in.' }) kind!: ViewerKindEnum;
  @Field(() => ViewerUserObject, { nullable: true, description: 'Set when kind is USER.' }) user!: ViewerUserObject | null;
  @Field(() => ViewerApiKeyObject, { nullable: true, description: 'Set when kind is API_KEY.' }) apiKey!: ViewerApiKeyObject | null;
  @Field(() => RateLimitBudgetObject, { nullable: true, description: 'Null only when the budget could not be read.' })
  rateLimit!: RateLimitBudgetObject | null;
  /** Who called and which organization the request chose, for the organization field. */
  principal!: Principal;
  requestedOrganizationId!: string | null;
}
