import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { AuditRepository, PurgeOrganizationJob } from '@socle/accounts';
import { DeliverWebhooksJob, WEBHOOK_SENDER, WebhookEndpointService, WebhookRepository, WebhookSender } from '@socle/integrations';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { MailOutbox } from '@socle/platform-mail';
import { JobQueues } from '@socle/platform-queue';
import { WebhookEvents, WebhookEventType } from '@socle/platform-webhooks';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { firstError } from './e2e-support';
import { verifyWebhook as verify, WebhookReceiver } from './webhook-receiver';

const CREATE_ORG = `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id url enabled eventTypes } } }`;
const CREATE_AGENCY = `mutation ($input: CreateWebhookEndpointInput!) { createAgencyWebhookEndpoint(input: $input) { secret endpoint { id url enabled eventTypes } } }`;
const DELIVERIES = `query ($id: ID!) { webhookDeliveries(endpointId: $id, first: 20) { edges { node { id eventId eventType status attemptCount
  attempts { httpStatus latencyMs responseExcerpt errorClass } } } } }`;

describe('outgoing webhooks (real PostgreSQL, Redis, and a receiver on loopback)', () => {
  let api: TestApi;
  let admin: Client;
  let receiver: WebhookReceiver;
  let units: UnitOfWorkFactory;
  let events: WebhookEvents;
  let a: AgencySession;
  let b: AgencySession;
  let orgA1: string;
  let orgA2: string;
  let orgB: string;
  const jobs: DeliverWebhooksJob[] = [];

  const job = (delaysMs: number[] = [30, 30, 30]) => {
    const j = new DeliverWebhooksJob(
      units,
      api.app.get(WebhookRepository, { strict: false }),
      api.app.get(WebhookEndpointService, { strict: false }),
      api.app.get(JobQueues, { strict: false }),
      api.app.get(AuditRepository, { strict: false }),
      new MailOutbox(api.app.get(JobQueues, { strict: false })),
      api.app.get<WebhookSender>(WEBHOOK_SENDER, { strict: false }),
    );
    j.policy = { delaysMs, jitter: 0 };
    jobs.push(j);
    return j;
  };
  const emit = (org: string, type: WebhookEventType, data: Record<string, unknown>) =>
    units.runInOrganization(org, (uow) => events.emit(uow, type, data));
  const createOrgEndpoint = async (org: string, session: AgencySession, path: string, eventTypes: string[]) =>
    (
      await api.ok<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(
        CREATE_ORG,
        { input: { url: receiver.url(path), eventTypes } },
        { token: session.token, organizationId: org },
      )
    ).createWebhookEndpoint;
  /** Runs the job until nothing is due for the organisation any more (or `rounds` passes). */
  const drain = async (org: string, j = job(), rounds = 10) => {
    for (let i = 0; i < rounds; i++) {
      await j.handle({ organizationId: org });
      const { rows } = await admin.query<{ n: number; wait: number | null }>(
        `SELECT count(*)::int AS n, max(extract(epoch FROM next_attempt_at - now()) * 1000)::int AS wait
           FROM webhook_deliveries WHERE organization_id = $1 AND status = 'PENDING'`,
        [org],
      );
      if (rows[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, Math.max(10, (rows[0].wait ?? 0) + 10)));
    }
  };

  beforeAll(async () => {
    api = await TestApi.start();
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    receiver = await new WebhookReceiver((status) => (status < 300 ? 'ok' : `refused \u0000 ${'x'.repeat(3000)}`)).start();
    units = api.app.get(UnitOfWorkFactory, { strict: false });
    events = new WebhookEvents(api.app.get(JobQueues, { strict: false }));
    a = await signUpAgency(api, 'Agence Hooks A');
    b = await signUpAgency(api, 'Agence Hooks B');
    orgA1 = await createOrganization(api, a, 'Client Hooks A1');
    orgA2 = await createOrganization(api, a, 'Client Hooks A2');
    orgB = await createOrganization(api, b, 'Client Hooks B');
  });
  afterAll(async () => {
    await receiver?.stop();
    await admin?.end();
    await api?.stop();
  });

  it('publishes the catalogue of event types, each with a description and an example', async () => {
    const data = await api.ok<{ webhookEventTypes: { type: string; description: string; example: Record<string, unknown> }[] }>(
      '{ webhookEventTypes { type description example } }',
      {},
      { token: a.token },
    );
    const types = data.webhookEventTypes.map((t) => t.type);
    expect(types).toEqual(expect.arrayContaining(['publication.published', 'content_item.approved', 'member.joined', 'mentions.created']));
    for (const t of data.webhookEventTypes) {
      expect(t.description.length).toBeGreaterThan(10);
      expect(Object.keys(t.example).length).toBeGreaterThan(0);
    }
  });

  it('delivers a committed change, signed, even when Redis lost its job (the reconciler finds it)', async () => {
    const { secret, endpoint } = await createOrgEndpoint(orgA1, a, '/a1-members', ['member.joined', 'member.removed']);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    // A real change: an accepted invitation emits member.joined in its transaction.
    const member = await addOrganizationMember(api, a, orgA1, ['ANALYST']);
    // Nothing consumes this API's queue: as if Redis had lost the job. The reconciler sees the organisation.
    const j = job();
    const found = await units.run({}, (uow) => api.app.get(WebhookRepository, { strict: false }).organizationsWithWork(uow, 10_000));
    expect(found).toContain(orgA1);
    expect(await j.reconcile()).toBeGreaterThanOrEqual(1);
    await drain(orgA1, j);
    const got = receiver.at('/a1-members');
    expect(got).toHaveLength(1);
    expect(verify(secret, got[0])).toMatchObject({ type: 'member.joined', organizationId: orgA1, data: { userId: member.userId } });
    const deliveries = await api.ok<{ webhookDeliveries: { edges: { node: { id: string; status: string } }[] } }>(
      DELIVERIES,
      { id: endpoint.id },
      { token: a.token, organizationId: orgA1 },
    );
    expect(deliveries.webhookDeliveries.edges.map((e) => e.node)).toEqual([expect.objectContaining({ status: 'DELIVERED' })]);
    expect(got[0].headers['webhook-id']).toBe(deliveries.webhookDeliveries.edges[0].node.id);
  });

  it('emits nothing for a rolled-back change (a failed mutation, and a failed unit of work)', async () => {
    await createOrgEndpoint(orgA2, a, '/a2-removed', ['member.joined', 'member.removed', 'alert.raised']);
    const before = (await admin.query('SELECT id FROM webhook_events WHERE organization_id = $1', [orgA2])).rows.length;
    // The only strategy lead cannot be removed: the mutation fails after its removal was written, and is rolled back.
    // (Agency owners may leave an organisation without a lead: a coordinator acts.)
    const lead = await addOrganizationMember(api, a, orgA2, ['STRATEGY_LEAD']);
    const coordinator = await addOrganizationMember(api, a, orgA2, ['COORDINATOR']);
    const res = await api.gql(
      'mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { userId } }',
      { input: { userId: lead.userId } },
      {
        token: coordinator.token,
        organizationId: orgA2,
      },
    );
    expect(firstError(res).extensions.code).toBe('CONFLICT');
    await expect(
      units.runInOrganization(orgA2, async (uow) => {
        await events.emit(uow, 'alert.raised', { alertId: 'rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const { rows } = await admin.query<{ type: string }>('SELECT type FROM webhook_events WHERE organization_id = $1', [orgA2]);
    // Only the accepted invitations' member.joined were added.
    expect(rows.length - before).toBe(2);
    expect(rows.map((r) => r.type)).not.toContain('member.removed');
    expect(rows.map((r) => r.type)).not.toContain('alert.raised');
    await drain(orgA2);
    // What was received: the two invitations, never the rolled-back removal or alert.
    expect(receiver.at('/a2-removed').map((r) => (JSON.parse(r.body) as { type: string }).type)).toEqual([
      'member.joined',
      'member.joined',
    ]);
  });

  it('writes an event only while an enabled endpoint of the organisation or its agency listens to its type', async () => {
    const org = await createOrganization(api, a, 'Client Hooks sans écoute');
    const written = async () =>
      (
        await admin.query<{ type: string }>('SELECT type FROM webhook_events WHERE organization_id = $1 ORDER BY created_at, id', [org])
      ).rows.map((r) => r.type);
    // No endpoint of its own; agency A's endpoints are scoped to other clients, agency B's belong to another tenant.
    await api.ok(CREATE_AGENCY, { input: { url: receiver.url('/b-all-alerts'), eventTypes: ['alert.raised'] } }, { token: b.token });
    expect(await emit(org, 'alert.raised', { alertId: 'nobody-listens' })).toBeNull();
    // A disabled endpoint listening to the type does not count.
    const { endpoint } = await createOrgEndpoint(org, a, '/quiet-alerts', ['alert.raised']);
    await api.ok(
      'mutation ($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { id } }',
      { input: { id: endpoint.id, enabled: false } },
      { token: a.token, organizationId: org },
    );
    expect(await emit(org, 'alert.raised', { alertId: 'disabled-listens' })).toBeNull();
    // Enabled: written from now on, and only the types it listens to.
    await api.ok(
      'mutation ($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { id } }',
      { input: { id: endpoint.id, enabled: true } },
      { token: a.token, organizationId: org },
    );
    expect(await emit(org, 'alert.raised', { alertId: 'listened' })).toEqual(expect.any(String));
    expect(await emit(org, 'member.removed', { userId: randomUUID() })).toBeNull();
    expect(await written()).toEqual(['alert.raised']);
    // The function answers only for the organisation the transaction acts in.
    const peeked = await units.runInOrganization(orgA1, (uow) =>
      uow.query<{ types: string[] }>('SELECT socle_webhook_subscribed_types($1) AS types', [org]),
    );
    expect(peeked[0].types).toEqual([]);
  });

  it('retries with back-off, logs each attempt, then succeeds under the same webhook id', async () => {
    const { secret, endpoint } = await createOrgEndpoint(orgA1, a, '/a1-flaky', ['alert.raised']);
    receiver.answer = (path, index) => (path === '/a1-flaky' && index < 2 ? 503 : 200);
    await emit(orgA1, 'alert.raised', { alertId: 'retry-me' });
    await drain(orgA1);
    receiver.answer = () => 200;
    const got = receiver.at('/a1-flaky');
    expect(got).toHaveLength(3);
    expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(1);
    for (const r of got) expect(verify(secret, r)).toMatchObject({ type: 'alert.raised' });
    const data = await api.ok<{
      webhookDeliveries: {
        edges: {
          node: {
            status: string;
            attemptCount: number;
            attempts: { httpStatus: number; responseExcerpt: string; errorClass: string | null }[];
          };
        }[];
      };
    }>(DELIVERIES, { id: endpoint.id }, { token: a.token, organizationId: orgA1 });
    const [delivery] = data.webhookDeliveries.edges.map((e) => e.node);
    expect(delivery.status).toBe('DELIVERED');
    expect(delivery.attempts.map((t) => [t.httpStatus, t.errorClass])).toEqual([
      [503, 'HTTP_STATUS'],
      [503, 'HTTP_STATUS'],
      [200, null],
    ]);
    // The answer's excerpt is capped and cleaned of control characters.
    expect(delivery.attempts[0].responseExcerpt.length).toBeLessThanOrEqual(1024);
    expect(delivery.attempts[0].responseExcerpt).not.toContain('\u0000');
  });

  it('disables an endpoint after persistent failure, with an audit row and a mail, and replays a delivery on demand', async () => {
    const { endpoint } = await createOrgEndpoint(orgA2, a, '/a2-down', ['alert.raised']);
    receiver.answer = (path) => (path === '/a2-down' ? 500 : 200);
    await emit(orgA2, 'alert.raised', { alertId: 'never-arrives' });
    await drain(orgA2, job([20, 20]));
    expect(receiver.at('/a2-down')).toHaveLength(3);
    const [row] = (
      await admin.query<{ enabled: boolean; disabled_reason: string | null }>(
        'SELECT enabled, disabled_reason FROM webhook_endpoints WHERE id = $1',
        [endpoint.id],
      )
    ).rows;
    expect(row.enabled).toBe(false);
    expect(row.disabled_reason).toMatch(/failed/);
    const audit = await admin.query(
      `SELECT 1 FROM audit_events WHERE organization_id = $1 AND action = 'webhook_endpoint.disabled' AND target_id = $2`,
      [orgA2, endpoint.id],
    );
    expect(audit.rows).toHaveLength(1);
    const mails = await admin.query<{ recipient: string }>(
      `SELECT recipient FROM mail_outbox WHERE organization_id = $1 AND purpose = 'integrations.webhook-disabled' AND reference = $2`,
      [orgA2, endpoint.id],
    );
    expect(mails.rows.map((m) => m.recipient)).toContain(a.email);
    // A disabled endpoint gets no new deliveries.
    await emit(orgA2, 'alert.raised', { alertId: 'while-disabled' });
    await drain(orgA2);
    expect(receiver.at('/a2-down')).toHaveLength(3);

    // Fixed and enabled again, the failed delivery is replayed: same webhook id, delivered.
    receiver.answer = () => 200;
    await api.ok(
      'mutation ($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { enabled } }',
      {
        input: { id: endpoint.id, enabled: true },
      },
      { token: a.token, organizationId: orgA2 },
    );
    const list = await api.ok<{ webhookDeliveries: { edges: { node: { id: string; status: string } }[] } }>(
      DELIVERIES,
      { id: endpoint.id },
      { token: a.token, organizationId: orgA2 },
    );
    const failed = list.webhookDeliveries.edges.map((e) => e.node).find((d) => d.status === 'FAILED');
    expect(failed).toBeDefined();
    const replayed = await api.ok<{ replayWebhookDelivery: { status: string } }>(
      'mutation ($input: ReplayWebhookDeliveryInput!) { replayWebhookDelivery(input: $input) { status } }',
      { input: { deliveryId: failed?.id } },
      { token: a.token, organizationId: orgA2 },
    );
    expect(replayed.replayWebhookDelivery.status).toBe('PENDING');
    await drain(orgA2);
    const got = receiver.at('/a2-down');
    expect(got).toHaveLength(4);
    expect(got[3].headers['webhook-id']).toBe(failed?.id);
  });

  it('signs with both secrets during a rotation’s overlap window, then with the new one only', async () => {
    const { secret: oldSecret, endpoint } = await createOrgEndpoint(orgA1, a, '/a1-rotate', ['mentions.created']);
    const rotated = await api.ok<{ rotateWebhookSecret: { secret: string; endpoint: { previousSecretUntil: string | null } } }>(
      'mutation ($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { secret endpoint { previousSecretUntil } } }',
      { input: { id: endpoint.id, overlapHours: 2 } },
      { token: a.token, organizationId: orgA1 },
    );
    const newSecret = rotated.rotateWebhookSecret.secret;
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.rotateWebhookSecret.endpoint).toEqual({ previousSecretUntil: expect.any(String) });
    await emit(orgA1, 'mentions.created', { count: 3 });
    await drain(orgA1);
    const [during] = receiver.at('/a1-rotate');
    expect(during.headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verify(oldSecret, during)).toMatchObject({ type: 'mentions.created' });
    expect(verify(newSecret, during)).toMatchObject({ type: 'mentions.created' });

    // A rotation with no overlap: the previous secret (the second one) no longer verifies.
    const again = await api.ok<{ rotateWebhookSecret: { secret: string } }>(
      'mutation ($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { secret } }',
      { input: { id: endpoint.id, overlapHours: 0 } },
      { token: a.token, organizationId: orgA1 },
    );
    await emit(orgA1, 'mentions.created', { count: 4 });
    await drain(orgA1);
    const after = receiver.at('/a1-rotate')[1];
    expect(after.headers['webhook-signature'].split(' ')).toHaveLength(1);
    expect(verify(again.rotateWebhookSecret.secret, after)).toMatchObject({ data: { count: 4 } });
    expect(() => verify(newSecret, after)).toThrow();
  });

  it('refuses private, loopback, link-local and metadata destinations', async () => {
    for (const url of ['http://169.254.169.254/latest/meta-data', 'https://10.0.0.1/hook', 'https://[fd00:ec2::254]/hook']) {
      const res = await api.gql(CREATE_ORG, { input: { url, eventTypes: ['alert.raised'] } }, { token: a.token, organizationId: orgA1 });
      const error = firstError(res);
      expect({ url, code: error.extensions.code }).toEqual({ url, code: 'BAD_USER_INPUT' });
      expect(JSON.stringify(error.extensions)).toContain('input.url');
    }
    // Without allowed ranges (production): loopback by address and by name, and plain http to a public address.
    const strict = new WebhookSender('');
    expect(await strict.problemWith('https://[::1]/hook')).toMatch(/loopback/);
    expect(await strict.problemWith('https://127.0.0.1/hook')).toMatch(/loopback/);
    expect(await strict.problemWith('https://localhost/hook')).toMatch(/loopback/);
    expect(await strict.problemWith('http://93.184.216.34/hook')).toMatch(/https/);
    expect(await strict.problemWith('https://user:pw@hooks.example.com/')).toMatch(/password/);
    // …and at delivery time too (a URL stored earlier, or a name that now resolves inside).
    const sent = await strict.send(receiver.url('/never'), {}, '{}');
    expect(sent).toMatchObject({ ok: false, errorClass: 'REFUSED_DESTINATION' });
    const byName = await strict.send(receiver.url('/never').replace('127.0.0.1', 'localhost'), {}, '{}');
    expect(byName).toMatchObject({ ok: false, errorClass: 'REFUSED_DESTINATION' });
    expect(receiver.at('/never')).toEqual([]);
  });

  it('refuses bad input with its field path, storing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ url: 'https://93.184.216.34/hook', eventTypes: ['alert.raised', 'alert.exploded'] }, 'input.eventTypes[1]'],
      [{ url: 'ftp://93.184.216.34/hook', eventTypes: ['alert.raised'] }, 'input.url'],
      [{ url: 'https://93.184.216.34/\u0000', eventTypes: ['alert.raised'] }, 'input.url'],
      [{ url: `https://93.184.216.34/${'a'.repeat(200_000)}`, eventTypes: ['alert.raised'] }, 'input.url'],
      [{ url: 'https://93.184.216.34/hook', eventTypes: ['alert.raised'], description: '\ud800' }, 'input.description'],
    ];
    const before = (await admin.query('SELECT id FROM webhook_endpoints WHERE scope_organization_id = $1', [orgA2])).rows.length;
    for (const [input, field] of cases) {
      const res = await api.gql(CREATE_ORG, { input: JSON.parse(JSON.stringify(input)) }, { token: a.token, organizationId: orgA2 });
      const error = firstError(res);
      expect({ field, code: error.extensions.code }).toEqual({ field, code: 'BAD_USER_INPUT' });
      expect(JSON.stringify(error.extensions)).toContain(field);
    }
    expect((await admin.query('SELECT id FROM webhook_endpoints WHERE scope_organization_id = $1', [orgA2])).rows).toHaveLength(before);
  });

  it('treats a redirect as a failed attempt and does not follow it', async () => {
    const sender = api.app.get<WebhookSender>(WEBHOOK_SENDER, { strict: false });
    const redirecting = createServer((_req, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/' });
      res.end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const result = await sender.send(`http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/`, {}, '{}');
      expect(result).toMatchObject({ ok: false, errorClass: 'REDIRECT', httpStatus: 302 });
    } finally {
      await new Promise<void>((resolve) => redirecting.close(() => resolve()));
    }
  });

  it('sends agency endpoints the events of all the agency’s clients, and never another tenant’s', async () => {
    const agencyA = await api.ok<{ createAgencyWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(
      CREATE_AGENCY,
      { input: { url: receiver.url('/agency-a'), eventTypes: ['publication.published'] } },
      { token: a.token },
    );
    const agencyB = await api.ok<{ createAgencyWebhookEndpoint: { secret: string } }>(
      CREATE_AGENCY,
      { input: { url: receiver.url('/agency-b'), eventTypes: ['publication.published'] } },
      { token: b.token },
    );
    await createOrgEndpoint(orgA1, a, '/only-a1', ['publication.published']);
    await emit(orgA1, 'publication.published', { publicationId: 'p-a1' });
    await emit(orgA2, 'publication.published', { publicationId: 'p-a2' });
    await emit(orgB, 'publication.published', { publicationId: 'p-b' });
    await Promise.all([drain(orgA1), drain(orgA2), drain(orgB)]);
    const ids = (path: string, secret: string) =>
      receiver
        .at(path)
        .map((r) => (verify(secret, r) as { data: { publicationId: string } }).data.publicationId)
        .sort();
    expect(ids('/agency-a', agencyA.createAgencyWebhookEndpoint.secret)).toEqual(['p-a1', 'p-a2']);
    expect(ids('/agency-b', agencyB.createAgencyWebhookEndpoint.secret)).toEqual(['p-b']);
    expect(receiver.at('/only-a1').map((r) => JSON.parse(r.body).data.publicationId)).toEqual(['p-a1']);

    // The agency reads its endpoint's deliveries across its clients.
    const seen = await api.ok<{ agencyWebhookDeliveries: { edges: { node: { organizationId: string; status: string } }[] } }>(
      'query ($id: ID!) { agencyWebhookDeliveries(endpointId: $id) { edges { node { organizationId status } } } }',
      { id: agencyA.createAgencyWebhookEndpoint.endpoint.id },
      { token: a.token },
    );
    expect(seen.agencyWebhookDeliveries.edges.map((e) => e.node.organizationId).sort()).toEqual([orgA1, orgA2].sort());
    // Counted alike on each page, one delivery at a time: both clients' deliveries, and not the other agency's.
    const counts: number[] = [];
    let after: string | null = null;
    do {
      const page: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (
        await api.ok<{ agencyWebhookDeliveries: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
          'query ($id: ID!, $after: String) { agencyWebhookDeliveries(endpointId: $id, first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } } }',
          { id: agencyA.createAgencyWebhookEndpoint.endpoint.id, after },
          { token: a.token },
        )
      ).agencyWebhookDeliveries;
      counts.push(page.totalCount);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(counts).toEqual([2, 2]);
  });

  it('lets no other tenant read or change endpoints and deliveries', async () => {
    const { endpoint } = await createOrgEndpoint(orgA1, a, '/a1-private', ['alert.raised']);
    const agencyEndpoint = (
      await api.ok<{ createAgencyWebhookEndpoint: { endpoint: { id: string } } }>(
        CREATE_AGENCY,
        { input: { url: receiver.url('/a-private'), eventTypes: ['alert.raised'] } },
        { token: a.token },
      )
    ).createAgencyWebhookEndpoint.endpoint;
    // B inside A's organisation: refused at the door (as if it did not exist).
    const into = await api.gql('{ webhookEndpoints { edges { node { id } } } }', {}, { token: b.token, organizationId: orgA1 });
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(firstError(into).extensions.code);
    expect(into.body.data?.webhookEndpoints ?? null).toBeNull();
    // B in its own tenant, naming A's ids: nothing found, nothing changed.
    for (const [query, options] of [
      ['mutation { updateWebhookEndpoint(input: { id: "ID", url: "https://93.184.216.34/" }) { id } }', { organizationId: orgB }],
      ['mutation { deleteWebhookEndpoint(input: { id: "ID" }) { id } }', { organizationId: orgB }],
      ['mutation { rotateWebhookSecret(input: { id: "ID" }) { secret } }', { organizationId: orgB }],
      ['mutation { sendTestWebhook(input: { id: "ID" }) { ok } }', { organizationId: orgB }],
      ['{ webhookDeliveries(endpointId: "ID") { edges { node { id } } } }', { organizationId: orgB }],
      ['mutation { updateAgencyWebhookEndpoint(input: { id: "AGENCY", enabled: false }) { id } }', {}],
      ['mutation { deleteAgencyWebhookEndpoint(input: { id: "AGENCY" }) { id } }', {}],
      ['{ agencyWebhookDeliveries(endpointId: "AGENCY") { edges { node { id } } } }', {}],
    ] as const) {
      const res = await api.gql(query.replace('ID', endpoint.id).replace('AGENCY', agencyEndpoint.id), {}, { token: b.token, ...options });
      expect({ query, code: firstError(res).extensions.code }).toEqual({ query, code: 'NOT_FOUND' });
    }
    // A client's own endpoint is not the agency's, and the reverse.
    const crossLevel = await api.gql(
      'mutation { deleteAgencyWebhookEndpoint(input: { id: "ID" }) { id } }'.replace('ID', endpoint.id),
      {},
      { token: a.token },
    );
    expect(firstError(crossLevel).extensions.code).toBe('NOT_FOUND');
    const { rows } = await admin.query<{ url: string; enabled: boolean }>(
      'SELECT url, enabled FROM webhook_endpoints WHERE id = ANY($1::uuid[]) ORDER BY url',
      [[endpoint.id, agencyEndpoint.id]],
    );
    expect(rows).toEqual([
      { url: receiver.url('/a-private'), enabled: true },
      { url: receiver.url('/a1-private'), enabled: true },
    ]);
    // A member without an admin-level role does not manage endpoints.
    const analyst = await addOrganizationMember(api, a, orgA1, ['ANALYST']);
    const res = await api.gql(
      CREATE_ORG,
      { input: { url: receiver.url('/x'), eventTypes: ['alert.raised'] } },
      { token: analyst.token, organizationId: orgA1 },
    );
    expect(firstError(res).extensions.code).toBe('FORBIDDEN');
  });

  it('tells the crisis pause starting and ending, from the mutations that change it', async () => {
    const { secret } = await createOrgEndpoint(orgA1, a, '/a1-crisis', ['crisis_pause.started', 'crisis_pause.ended']);
    const pause = (on: boolean) =>
      api.gql(
        'mutation ($input: SetCrisisPauseInput!) { setCrisisPause(input: $input) { active } }',
        { input: { on, reason: 'Rappel produit' } },
        {
          token: a.token,
          organizationId: orgA1,
        },
      );
    expect((await pause(true)).body.errors).toBeUndefined();
    // Paused twice: refused, and nothing more is told.
    expect(firstError(await pause(true)).extensions.code).toBe('CONFLICT');
    expect((await pause(false)).body.errors).toBeUndefined();
    await drain(orgA1);
    // Deliveries of one batch go out at once, so they may arrive in any order: their timestamp tells the order.
    const got = receiver
      .at('/a1-crisis')
      .map((r) => verify(secret, r) as { type: string; timestamp: string; data: Record<string, unknown> })
      .sort((x, y) => Date.parse(x.timestamp) - Date.parse(y.timestamp));
    expect(got.map((e) => e.type)).toEqual(['crisis_pause.started', 'crisis_pause.ended']);
    expect(Date.parse(got[0].timestamp)).toBeLessThan(Date.parse(got[1].timestamp));
    expect(got[0].data).toMatchObject({ reason: 'Rappel produit', startedBy: a.userId });
  });

  it('purges a deleted organisation’s events, deliveries, attempts and endpoints, and keeps the agency’s endpoint', async () => {
    const doomed = await createOrganization(api, a, 'Client Hooks Supprimé');
    const agencyEndpoint = (
      await api.ok<{ createAgencyWebhookEndpoint: { endpoint: { id: string } } }>(
        CREATE_AGENCY,
        { input: { url: receiver.url('/agency-purge'), eventTypes: ['assessment.finalised'] } },
        { token: a.token },
      )
    ).createAgencyWebhookEndpoint.endpoint;
    const { endpoint } = await createOrgEndpoint(doomed, a, '/doomed', ['assessment.finalised']);
    await emit(doomed, 'assessment.finalised', { assessmentId: 'doomed' });
    await drain(doomed);
    expect(receiver.at('/doomed')).toHaveLength(1);
    expect(receiver.at('/agency-purge')).toHaveLength(1);
    await api.ok(
      'mutation ($input: DeleteOrganizationInput!) { deleteOrganization(input: $input) { status } }',
      {
        input: { id: doomed, confirmName: 'Client Hooks Supprimé' },
      },
      { token: a.token },
    );
    await api.app.get(PurgeOrganizationJob, { strict: false }).handle({ organizationId: doomed, agencyId: a.agencyId });
    const count = async (table: string) =>
      (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`, [doomed])).rows[0].n;
    expect([await count('webhook_events'), await count('webhook_deliveries'), await count('webhook_attempts')]).toEqual([0, 0, 0]);
    const { rows } = await admin.query<{ id: string }>('SELECT id FROM webhook_endpoints WHERE id = ANY($1::uuid[])', [
      [endpoint.id, agencyEndpoint.id],
    ]);
    expect(rows.map((r) => r.id)).toEqual([agencyEndpoint.id]);
  });

  it('gives each event one delivery id per endpoint however many workers run at once', async () => {
    const { secret } = await createOrgEndpoint(orgA2, a, '/a2-race', ['inbox_item.created']);
    for (let i = 0; i < 12; i++) await emit(orgA2, 'inbox_item.created', { inboxItemId: `race-${i}` });
    const [one, two] = [job(), job()];
    await Promise.all([drain(orgA2, one), drain(orgA2, two)]);
    const got = receiver.at('/a2-race');
    const ids = got.map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    expect(new Set(got.map((r) => (verify(secret, r) as { data: { inboxItemId: string } }).data.inboxItemId)).size).toBe(12);
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
        WHERE d.organization_id = $1 AND e.url = $2`,
      [orgA2, receiver.url('/a2-race')],
    );
    expect(rows[0].n).toBe(12);
  });
});
