import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ConnectorManifest } from '@socle/connector-sdk';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { Connection, PageArgs, paginate } from '@socle/platform-graphql';
import { badInput, notFound } from '@socle/platform-errors';
import {
  CheckNetworkAccountInput,
  ChooseNetworkAccountTargetInput,
  ConnectNetworkAccountInput,
  DisconnectNetworkAccountInput,
  StartNetworkOAuthInput,
} from './dto/inputs';
import {
  DisconnectNetworkAccountPayload,
  NetworkAccountChoiceObject,
  NetworkAccountConnection,
  NetworkAccountObject,
  NetworkObject,
  NetworkOptionTypeEnum,
  NetworkOAuthStartObject,
} from './dto/objects';
import { toNetworkAccount } from './dto/mappers';
import { NetworkAccountService } from './network-account.service';
import { NetworkHealthService } from './network-health.service';

function toNetwork(m: ConnectorManifest): NetworkObject {
  return {
    id: m.id,
    displayName: m.displayName,
    authKind: m.authKind,
    capabilities: Object.entries(m.capabilities)
      .filter(([, on]) => on)
      .map(([name]) => name),
    textMaxLength: m.text.maxLength,
    textCounting: m.text.counting,
    defaultServiceUrl: m.defaultServiceUrl ?? null,
    mediaTypes: m.capabilities.media ? [...m.media.types] : [],
    mediaDelivery: m.media.delivery ?? 'bytes',
    options: (m.options ?? []).map((o) => ({
      name: o.name,
      type: o.type.toUpperCase().replace('-', '_') as NetworkOptionTypeEnum,
      label: o.label,
      description: o.description ?? null,
      values: o.values ?? [],
      maxLength: o.maxLength ?? null,
      min: o.min ?? null,
      max: o.max ?? null,
      required: o.required === true,
    })),
  };
}

/** The explicit form fields and the free list as the connector's `fields`. */
function fieldsOf(input: ConnectNetworkAccountInput): Record<string, string> {
  const fields: Record<string, string> = {};
  (input.fields ?? []).forEach((f) => {
    fields[f.name] = f.value;
  });
  const explicit: [keyof ConnectNetworkAccountInput, string][] = [
    ['accessToken', 'accessToken'],
    ['identifier', 'identifier'],
    ['appPassword', 'appPassword'],
    ['feedUrl', 'url'],
  ];
  for (const [from, to] of explicit) {
    const value = input[from];
    if (typeof value === 'string') {
      if (fields[to] !== undefined) throw badInput(`input.${from}`, `is also given in input.fields (${to}): give it once`);
      fields[to] = value;
    }
  }
  return fields;
}

@Resolver(() => NetworkAccountObject)
export class NetworkAccountResolver {
  constructor(
    private readonly accounts: NetworkAccountService,
    private readonly health: NetworkHealthService,
  ) {}

  @Requires('accounts.read')
  @Query(() => [NetworkObject], { description: 'Networks an account can be connected on (the enabled connectors).' })
  networks(@OrgCtx() _ctx: OrganizationContext): NetworkObject[] {
    return this.accounts.networks().map(toNetwork);
  }

  @Requires('accounts.read')
  @Query(() => NetworkAccountConnection, { description: "The organization's connected network accounts." })
  async networkAccounts(@OrgCtx() ctx: OrganizationContext, @Args() page: PageArgs): Promise<Connection<NetworkAccountObject>> {
    return paginate(
      page,
      (keyset) => this.accounts.page(ctx, keyset),
      (a) => [a.createdAt, a.id],
      toNetworkAccount,
      () => this.accounts.count(ctx),
    );
  }

  @Requires('accounts.manage')
  @Mutation(() => NetworkAccountObject, {
    description:
      'Connects an account with a token, app password or feed URL. Connecting the same account again updates it (a refresh token is kept until a new one is issued). BAD_USER_INPUT for a network that is not enabled, credentials the network refuses, or a URL that leads to a private, loopback or metadata address (reason DESTINATION_NOT_ALLOWED); RATE_LIMITED or UPSTREAM_UNAVAILABLE when the network limits requests or does not answer properly (nothing is stored).',
  })
  async connectNetworkAccount(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The network and the credentials.' }) input: ConnectNetworkAccountInput,
  ): Promise<NetworkAccountObject> {
    return toNetworkAccount(
      await this.accounts.connect(ctx, { network: input.network, serviceUrl: input.serviceUrl, fields: fieldsOf(input) }),
    );
  }

  @Requires('accounts.manage')
  @Mutation(() => NetworkOAuthStartObject, {
    description:
      'Starts an OAuth connection; GET /oauth/callback completes it. BAD_USER_INPUT for a network that is not enabled or does not connect with OAuth, or a private destination (reason DESTINATION_NOT_ALLOWED); RATE_LIMITED or UPSTREAM_UNAVAILABLE when the server does not answer properly.',
  })
  async startNetworkOAuth(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The network and its server.' }) input: StartNetworkOAuthInput,
  ): Promise<NetworkOAuthStartObject> {
    return this.accounts.startOAuth(ctx, input);
  }

  @Requires('accounts.manage')
  @Query(() => NetworkAccountChoiceObject, {
    description:
      'The pages, organisations or channels an OAuth sign-in may publish as, while its choice is open. NOT_FOUND when unknown, already made or expired.',
  })
  async networkAccountChoice(
    @OrgCtx() ctx: OrganizationContext,
    @Args('id', { type: () => ID, description: 'The choice the OAuth callback answered.' }) id: string,
  ): Promise<NetworkAccountChoiceObject> {
    return this.accounts.choice(ctx, id);
  }

  @Requires('accounts.manage')
  @Mutation(() => NetworkAccountObject, {
    description:
      'Connects the page, organisation or channel chosen among a sign-in’s, with credentials read again from the network. NOT_FOUND for an unknown or expired choice; BAD_USER_INPUT (input.targetId) for a target the sign-in did not offer or no longer may publish as; CONFLICT (reason CHOICE_ALREADY_MADE) when another request made the choice first.',
  })
  async chooseNetworkAccountTarget(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The choice and the target.' }) input: ChooseNetworkAccountTargetInput,
  ): Promise<NetworkAccountObject> {
    return toNetworkAccount(await this.accounts.choose(ctx, input.choiceId, input.targetId));
  }

  @Requires('accounts.manage')
  @Mutation(() => DisconnectNetworkAccountPayload, {
    description:
      'Removes the account and destroys its credentials. Its content variants and publications are kept, without the account. NOT_FOUND for an unknown account.',
  })
  async disconnectNetworkAccount(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The account to disconnect.' }) input: DisconnectNetworkAccountInput,
  ): Promise<DisconnectNetworkAccountPayload> {
    return { id: await this.accounts.disconnect(ctx, input.id) };
  }

  @Requires('accounts.manage')
  @Mutation(() => NetworkAccountObject, {
    description:
      'Checks the account now (refreshing its credentials if they expire) and returns its status: a failed check is answered as the account’s status and lastError, not as an error. NOT_FOUND for an unknown account.',
  })
  async checkNetworkAccount(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The account to check.' }) input: CheckNetworkAccountInput,
  ): Promise<NetworkAccountObject> {
    const account = await this.health.check(ctx, input.id);
    if (!account) throw notFound('Network account', input.id);
    return toNetworkAccount(account);
  }
}
