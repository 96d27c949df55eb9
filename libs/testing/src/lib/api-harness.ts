import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { loadConfig, SocleConfig } from '@socle/platform-config';
import { createApp } from '@socle/api';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[] };
  headers: Record<string, string>;
}

export interface GqlOptions {
  token?: string;
  organizationId?: string;
  agencyId?: string;
  headers?: Record<string, string>;
}

/** A running API on the test database (the global setup's), reached over HTTP with supertest. */
export class TestApi {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: SocleConfig,
  ) {}

  /**
   * Each app gets its own Redis namespace (rate limits, queues) under the run's
   * prefix, so suites running side by side never share counters.
   */
  static async start(overrides: Record<string, string> = {}, options: Parameters<typeof createApp>[1] = {}): Promise<TestApi> {
    const prefix = `${process.env.QUEUE_PREFIX ?? 'socle-test'}-${randomBytes(3).toString('hex')}`;
    const config = loadConfig({ ...process.env, QUEUE_PREFIX: prefix, ...overrides });
    const app = await createApp(config, options);
    return new TestApi(app, config);
  }

  get server() {
    return this.app.getHttpServer();
  }

  /** The WebSocket address of GraphQL subscriptions; the app listens on a free loopback port from the first call. */
  async subscriptionsUrl(): Promise<string> {
    if (!this.server.listening) await this.app.listen({ port: 0, host: '127.0.0.1' });
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: GqlOptions = {},
  ): Promise<GqlResult<T>> {
    let req = request(this.server)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('accept', 'application/graphql-response+json');
    if (options.token) req = req.set('authorization', `Bearer ${options.token}`);
    if (options.organizationId) req = req.set('x-socle-organization', options.organizationId);
    if (options.agencyId) req = req.set('x-socle-agency', options.agencyId);
    for (const [k, v] of Object.entries(options.headers ?? {})) req = req.set(k, v);
    const res = await req.send({ query, variables });
    return { status: res.status, body: res.body, headers: res.headers as Record<string, string> };
  }

  /** Runs an operation that must succeed and returns its data. */
  async ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, options: GqlOptions = {}): Promise<T> {
    const res = await this.gql<T>(query, variables, options);
    if (res.body.errors?.length || !res.body.data) {
      throw new Error(`GraphQL operation failed (${res.status}): ${JSON.stringify(res.body.errors ?? res.body)}`);
    }
    return res.body.data;
  }

  async stop(): Promise<void> {
    await this.app.close();
  }
}

export const uniqueEmail = (label = 'user') => `${label}.${randomBytes(5).toString('hex')}@example.test`;
export const STRONG_PASSWORD = 'Correct-Horse-Battery-9';

export interface AgencySession {
  token: string;
  refreshToken: string;
  userId: string;
  agencyId: string;
  email: string;
}

/** A fresh agency and its owner per test, so suites never depend on each other. */
export async function signUpAgency(api: TestApi, name = 'Agence Test'): Promise<AgencySession> {
  const email = uniqueEmail('owner');
  const data = await api.ok<{ signUp: { accessToken: string; refreshToken: string; userId: string } }>(
    `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken userId } }`,
    { input: { agencyName: name, displayName: 'Owner', email, password: STRONG_PASSWORD, locale: 'FR' } },
  );
  const me = await api.ok<{ me: { agencies: { agency: { id: string } }[] } }>(
    `{ me { agencies { agency { id } } } }`,
    {},
    { token: data.signUp.accessToken },
  );
  return {
    token: data.signUp.accessToken,
    refreshToken: data.signUp.refreshToken,
    userId: data.signUp.userId,
    agencyId: me.me.agencies[0].agency.id,
    email,
  };
}

export async function createOrganization(api: TestApi, session: AgencySession, name = 'Client'): Promise<string> {
  const data = await api.ok<{ createOrganization: { id: string } }>(
    `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
    { input: { name } },
    { token: session.token },
  );
  return data.createOrganization.id;
}

/** Invites `email` with `roles` into the organisation and accepts as a new account; returns its session. */
export async function addOrganizationMember(
  api: TestApi,
  owner: AgencySession,
  organizationId: string,
  roles: string[],
  email = uniqueEmail('member'),
): Promise<{ token: string; userId: string; email: string }> {
  const invite = await api.ok<{ inviteMember: { token: string } }>(
    `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { token } }`,
    // Accepted at once with the token from the answer: no mail.
    { input: { email, roles, sendEmail: false } },
    { token: owner.token, organizationId },
  );
  const accepted = await api.ok<{ acceptInvitation: { userId: string; session: { accessToken: string } } }>(
    `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId session { accessToken } } }`,
    { input: { token: invite.inviteMember.token, displayName: 'Member', password: STRONG_PASSWORD } },
  );
  return { token: accepted.acceptInvitation.session.accessToken, userId: accepted.acceptInvitation.userId, email };
}
