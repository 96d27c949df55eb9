import { GraphQLSchemaHost } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  getNullableType as getNullable,
  GraphQLField,
  GraphQLInputType,
  GraphQLList,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import sharp from 'sharp';
import request from 'supertest';
import { addOrganizationMember, createOrganization, GqlOptions, signUpAgency, STRONG_PASSWORD, TestApi, uniqueEmail } from '@socle/testing';
import { isolatedPrefix } from './e2e-support';

/**
 * Walks the whole schema of the running API: every query and mutation, every
 * argument and input field (recursively), with hostile values, as an agency
 * owner inside one of their organisations and anonymously. Whatever the value,
 * the answer is a 4xx or a GraphQL error with a client code: never an HTTP 5xx,
 * never INTERNAL. One valid-looking baseline per operation, then one position
 * changed at a time.
 */

type Path = (string | number)[];
interface Position {
  path: Path;
  type: GraphQLInputType;
  /** The type at each step of the path (the argument's first). */
  types: GraphQLInputType[];
}
interface Hostile {
  label: string;
  value: unknown;
  /** Costly to send: once per operation. */
  heavy?: boolean;
}
interface Probe {
  operation: string;
  kind: 'query' | 'mutation' | 'subscription';
  who: 'owner' | 'anonymous';
  at: string;
  label: string;
  document: string;
  variables: Record<string, unknown>;
}

/** Operations that would end the session the fuzzing runs in. */
const SKIPPED = new Set(['logOut']);
const CONCURRENCY = 4;
const LONG = 'x'.repeat(200_000);
const NESTED_JSON = (() => {
  let value: unknown = 1;
  for (let i = 0; i < 40; i += 1) value = { a: value };
  return value;
})();

function baselineString(name: string): string {
  const n = name.toLowerCase();
  if (n.includes('email')) return `fuzz.${randomUUID().slice(0, 8)}@example.test`;
  if (n.includes('password')) return STRONG_PASSWORD;
  // A documentation address (192.0.2.0/24) the outbound guard refuses before any call: the fuzzing is about what the
  // client sends, not about networks that do not answer (no network is reachable from the tests).
  if (n.includes('url') || n.includes('uri')) return 'https://192.0.2.10/fuzz';
  if (n.includes('timezone')) return 'Europe/Paris';
  if (n.includes('deadline') || n.endsWith('date')) return '2031-01-15';
  if (n.includes('time')) return '09:30';
  if (n.includes('locale')) return 'fr';
  return 'Fuzz';
}

/** Ids of real records of the owner's organisation, so that baselines reach the services' rules and the database. */
interface Fixtures {
  organizationId: string;
  objectiveId: string;
  segmentId: string;
  competitorId: string;
  policyId: string;
  userId: string;
  random: string;
}

function idFor(operation: string, name: string, f: Fixtures): string {
  const subject = name === 'id' ? operation : name;
  if (/organization/i.test(subject)) return f.organizationId;
  if (/objective/i.test(subject)) return f.objectiveId;
  if (/segment/i.test(subject)) return f.segmentId;
  if (/competitor/i.test(subject)) return f.competitorId;
  if (/polic/i.test(subject)) return f.policyId;
  if (/user/i.test(subject)) return f.userId;
  if (/model/i.test(subject)) return 'default';
  return f.random;
}

/** A value of the right type for each required position (optional ones are left out, and fuzzed one at a time). */
function baseline(type: GraphQLInputType, name: string, operation: string, f: Fixtures, depth = 0): unknown {
  if (isNonNullType(type)) return baseline(type.ofType, name, operation, f, depth);
  if (isListType(type)) return [baseline(type.ofType, name, operation, f, depth)];
  // Variables carry an enum's GraphQL name (FR), not the value it stands for in the code ('fr').
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type)) {
    if (depth > 4) return null;
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, baseline(field.type, field.name, operation, f, depth + 1)]),
    );
  }
  switch ((type as GraphQLNamedType).name) {
    case 'ID':
      return idFor(operation, name, f);
    case 'Int':
      return 1;
    case 'Float':
      return name === 'target' ? 200 : 100;
    case 'Boolean':
      return true;
    case 'DateTime':
      return '2031-01-15T09:30:00.000Z';
    case 'Date':
      return '2031-01-15';
    case 'YearMonth':
      return '2031-01';
    case 'LocalTime':
      return '09:30';
    case 'JSONObject':
      return {};
    default:
      return name === 'network' ? 'mastodon' : baselineString(name);
  }
}

/** Where a value is missing from the baseline (optional, left out), the baseline of that position. */
function fill(
  root: Record<string, unknown>,
  path: Path,
  types: GraphQLInputType[],
  operation: string,
  f: Fixtures,
): Record<string, unknown> {
  let node: Record<string | number, unknown> = root;
  for (let i = 0; i < path.length - 1; i += 1) {
    if (node[path[i]] === undefined || node[path[i]] === null) node[path[i]] = baseline(types[i], String(path[i]), operation, f);
    const next = node[path[i]];
    if (typeof next !== 'object' || next === null) break;
    node = next as Record<string | number, unknown>;
  }
  return root;
}

/** Every position of an argument: itself, its list elements, its input fields, recursively; with the types along the path. */
function positions(type: GraphQLInputType, path: Path, types: GraphQLInputType[] = [type], seen: Set<string> = new Set()): Position[] {
  const out: Position[] = [{ path, type, types }];
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [...out, ...positions(inner.ofType, [...path, 0], [...types, inner.ofType], seen)];
  if (isInputObjectType(inner) && !seen.has(inner.name) && path.length < 6) {
    const next = new Set(seen).add(inner.name);
    for (const field of Object.values(inner.getFields()))
      out.push(...positions(field.type, [...path, field.name], [...types, field.type], next));
  }
  return out;
}

function hostileValues(type: GraphQLInputType, foreign: { organizationId: string; userId: string }): Hostile[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    return [
      { label: 'empty list', value: [] },
      { label: '10,000 elements', value: 'BASELINE_ITEM_x10000', heavy: true },
      { label: 'list of null', value: [null] },
    ];
  }
  if (isInputObjectType(inner))
    return [
      { label: 'empty object', value: {} },
      { label: 'a string instead of an object', value: 'x' },
      { label: 'null', value: null },
    ];
  if (isEnumType(inner))
    return [
      { label: 'unknown enum value', value: 'NOPE' },
      { label: 'number for an enum', value: 7 },
    ];
  switch (inner.name) {
    case 'Int':
      return [
        { label: '1e308', value: 1e308 },
        { label: '2^53+1', value: 2 ** 53 + 1 },
        { label: '-0', value: -0 },
        { label: '"NaN"', value: 'NaN' },
        { label: '-1', value: -1 },
        { label: '2^31-1', value: 2147483647 },
      ];
    case 'Float':
      return [
        { label: '1e308', value: 1e308 },
        { label: '-1e308', value: -1e308 },
        { label: '-0', value: -0 },
        { label: '"NaN"', value: 'NaN' },
      ];
    case 'Boolean':
      return [{ label: 'string for a boolean', value: 'yes' }];
    case 'ID':
      return [
        { label: 'NUL', value: 'a\u0000b' },
        { label: 'not a UUID', value: 'not-a-uuid' },
        { label: 'another tenant’s organisation id', value: foreign.organizationId },
        { label: 'another tenant’s user id', value: foreign.userId },
        { label: 'a 200 kB id', value: LONG, heavy: true },
      ];
    case 'DateTime':
      return [
        { label: 'not a date', value: 'yesterday' },
        { label: 'year 275760', value: '+275760-09-13T00:00:00.001Z' },
        { label: 'huge number', value: 1e308 },
        { label: '30 February', value: '2026-02-30T08:00:00Z' },
        { label: 'no offset', value: '2026-10-01T08:00:00' },
        { label: 'year 1', value: '0001-01-01T00:00:00Z' },
        { label: 'year 9999', value: '9999-12-31T23:59:59.999Z' },
        { label: 'NUL', value: '2026-10-01T08:00:00Z\u0000' },
        { label: 'a 200 kB string', value: LONG, heavy: true },
      ];
    case 'Date':
      return [
        { label: '30 February', value: '2026-02-30' },
        { label: 'year 1', value: '0001-01-01' },
        { label: 'year 9999', value: '9999-12-31' },
        { label: 'a date-time', value: '2026-10-01T00:00:00Z' },
        { label: 'empty string', value: '' },
        { label: 'lone surrogate', value: '2026-10-0\ud800' },
        { label: 'number for a day', value: 20261001 },
        { label: 'a 200 kB string', value: LONG, heavy: true },
      ];
    case 'YearMonth':
      return [
        { label: 'month 13', value: '2026-13' },
        { label: 'year 1', value: '0001-01' },
        { label: 'a day', value: '2026-10-01' },
        { label: 'NUL', value: '2026-10\u0000' },
      ];
    case 'LocalTime':
      return [
        { label: '24:00', value: '24:00' },
        { label: 'seconds', value: '09:30:00' },
        { label: 'NUL', value: '09:30\u0000' },
        { label: 'number for a time', value: 930 },
      ];
    case 'JSONObject':
      return [
        { label: 'JSON nested 40 levels', value: NESTED_JSON },
        { label: 'NUL in a JSON key', value: { 'a\u0000': 1 } },
        { label: 'list for an object', value: [] },
        { label: 'lone surrogate in JSON', value: { text: '\ud800' } },
        { label: '200 kB JSON string', value: { text: LONG }, heavy: true },
      ];
    default:
      return [
        { label: 'NUL', value: 'a\u0000b' },
        { label: 'lone surrogate', value: 'a\udc00b' },
        { label: 'escape character', value: '\u001b[31m' },
        { label: 'a 200 kB string', value: LONG, heavy: true },
        { label: 'empty string', value: '' },
        { label: 'number for a string', value: 42 },
      ];
  }
}

function withValue(
  root: Record<string, unknown>,
  position: Position,
  value: unknown,
  operation: string,
  f: Fixtures,
): Record<string, unknown> {
  const copy = fill(structuredClone(root), position.path, position.types, operation, f);
  const { path } = position;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) return copy; // a baseline cut short (recursive input): nothing to change there
    node = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  const item = () =>
    structuredClone(
      (node[last] as unknown[] | undefined)?.[0] ??
        baseline((getNullable(position.type) as GraphQLList<GraphQLInputType>).ofType, String(last), operation, f),
    );
  node[last] = value === 'BASELINE_ITEM_x10000' ? Array.from({ length: 10_000 }, item) : value;
  return copy;
}

/** Leaf fields of the answer (no required arguments): enough to run every field resolver of the payload's first level. */
function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return '';
  if (!isObjectType(type)) return '{ __typename }';
  const leaves = Object.values((type as GraphQLObjectType).getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => f.name);
  return `{ __typename ${leaves.join(' ')} }`;
}

function probesFor(schema: GraphQLSchema, f: Fixtures, foreign: { organizationId: string; userId: string }): Probe[] {
  const probes: Probe[] = [];
  // Subscriptions too: over HTTP each is refused before any resolver (BAD_USER_INPUT); their arguments are
  // fuzzed over WebSocket, where they run, in subscriptions.e2e-spec.ts.
  for (const [kind, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (SKIPPED.has(field.name)) continue;
      const definitions = field.args.map((a, i) => `$a${i}: ${String(a.type)}`).join(', ');
      const call = field.args.map((a, i) => `${a.name}: $a${i}`).join(', ');
      const document = `${kind}${definitions ? ` (${definitions})` : ''} { ${field.name}${call ? `(${call})` : ''} ${selectionOf(field)} }`;
      const base = Object.fromEntries(
        field.args.filter((a) => isNonNullType(a.type)).map((a) => [`a${field.args.indexOf(a)}`, baseline(a.type, a.name, field.name, f)]),
      );
      const probe = (who: Probe['who'], at: string, label: string, variables: Record<string, unknown>) =>
        probes.push({ operation: field.name, kind, who, at, label, document, variables });
      probe('owner', '-', 'baseline', base);
      probe('anonymous', '-', 'baseline', base);
      const heavySent = new Set<string>();
      let longSent = false;
      field.args.forEach((arg, i) => {
        for (const position of positions(arg.type, [`a${i}`])) {
          const at = [arg.name, ...position.path.slice(1)]
            .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
            .join('')
            .replace(/^\./, '');
          for (const hostile of hostileValues(position.type, foreign)) {
            if (hostile.heavy && heavySent.has(hostile.label)) continue;
            if (hostile.heavy) heavySent.add(hostile.label);
            probe('owner', at, hostile.label, withValue(base, position, hostile.value, field.name, f));
          }
          // Anonymous callers are refused before any resolver; a few values are enough to show it.
          const named = getNamedType(position.type);
          if (isScalarType(named) && (named.name === 'String' || named.name === 'JSONObject')) {
            probe(
              'anonymous',
              at,
              'NUL',
              withValue(base, position, named.name === 'String' ? 'a\u0000b' : { 'a\u0000': 1 }, field.name, f),
            );
            if (!longSent && named.name === 'String') {
              // Over BODY_LIMIT_BYTES: 413, once per operation.
              longSent = true;
              probe('owner', at, 'a 1 MB string', withValue(base, position, 'y'.repeat(1_048_576), field.name, f));
            }
          }
        }
      });
    }
  }
  // Removals last, so that the records the other probes use exist while they run.
  const removal = (p: Probe) => (/^(delete|remove|revoke|disconnect)/.test(p.operation) ? 1 : 0);
  return probes.sort((a, b) => removal(a) - removal(b));
}

/** Every field of a type, nested objects included (fields without required arguments), to `depth` levels. */
function fullSelection(type: GraphQLNamedType, depth: number): string {
  if (!isObjectType(type)) return '';
  const fields = Object.values(type.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const parts = fields.flatMap((f) => {
    const named = getNamedType(f.type);
    if (isLeafType(named)) return [f.name];
    if (depth <= 1 || !isObjectType(named)) return [];
    return [`${f.name} ${fullSelection(named, depth - 1)}`];
  });
  return `{ __typename ${parts.join(' ')} }`;
}

describe('schema fuzzing', () => {
  let api: TestApi;

  beforeAll(async () => {
    const unlimited = '1000000';
    api = await TestApi.start({
      QUEUE_PREFIX: isolatedPrefix('fuzz'),
      LOG_LEVEL: 'fatal',
      RATE_LIMIT_USER_PER_MINUTE: unlimited,
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: unlimited,
      RATE_LIMIT_LOGIN_PER_MINUTE: unlimited,
      RATE_LIMIT_API_KEY_PER_MINUTE: unlimited,
    });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('answers every operation, argument and input field with hostile values without a 5xx or INTERNAL', async () => {
    const owner = await signUpAgency(api, 'Agence Fuzz');
    const organizationId = await createOrganization(api, owner, 'Client Fuzz');
    const other = await signUpAgency(api, 'Autre Agence');
    const foreign = { organizationId: await createOrganization(api, other, 'Client Étranger'), userId: other.userId };
    const org = { token: owner.token, organizationId };
    const objective = await api.ok<{ createObjective: { id: string } }>(
      'mutation ($input: CreateObjectiveInput!) { createObjective(input: $input) { id } }',
      { input: { kind: 'BUSINESS', title: 'Objectif', metric: 'ventes', baseline: 100, target: 200, deadline: '2031-01-15' } },
      org,
    );
    const segment = await api.ok<{ createAudienceSegment: { id: string } }>(
      'mutation ($input: CreateAudienceSegmentInput!) { createAudienceSegment(input: $input) { id } }',
      { input: { name: 'Segment' } },
      org,
    );
    const competitor = await api.ok<{ createCompetitor: { id: string } }>(
      'mutation ($input: CreateCompetitorInput!) { createCompetitor(input: $input) { id } }',
      { input: { name: 'Concurrent' } },
      org,
    );
    const policy = await api.ok<{ createPolicy: { id: string } }>(
      'mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { id } }',
      { input: { kind: 'CODE_OF_CONDUCT', language: 'FR', fromTemplate: true } },
      org,
    );
    const fixtures: Fixtures = {
      organizationId,
      objectiveId: objective.createObjective.id,
      segmentId: segment.createAudienceSegment.id,
      competitorId: competitor.createCompetitor.id,
      policyId: policy.createPolicy.id,
      userId: owner.userId,
      random: randomUUID(),
    };
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const probes = probesFor(schema, fixtures, foreign);
    const options: Record<Probe['who'], GqlOptions> = { owner: { token: owner.token, organizationId }, anonymous: {} };

    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < probes.length) {
        const probe = probes[next];
        next += 1;
        const res = await api.gql(probe.document, probe.variables, options[probe.who]);
        const internal = (res.body?.errors ?? []).filter((e) => e.extensions?.code === 'INTERNAL' || e.extensions?.code === undefined);
        if (res.status >= 500 || internal.length > 0) {
          failures.push(
            `${probe.kind} ${probe.operation} as ${probe.who}, ${probe.at} = ${probe.label}: HTTP ${res.status} ${JSON.stringify(res.body?.errors ?? res.body).slice(0, 300)}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    // Enough of the schema was walked (every query and mutation, most with several positions).
    expect(new Set(probes.map((p) => p.operation)).size).toBe(
      Object.keys(schema.getQueryType()?.getFields() ?? {}).length +
        Object.keys(schema.getMutationType()?.getFields() ?? {}).length +
        Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).length -
        SKIPPED.size,
    );
    expect(probes.length).toBeGreaterThan(1000);
    if (failures.length) console.error(`${failures.length} failing probes:\n${failures.join('\n')}`);
    expect(failures).toEqual([]);
    // The owner's session survived the whole run.
    const me = await api.ok<{ me: { user: { id: string } } }>('{ me { user { id } } }', {}, { token: owner.token });
    expect(me.me.user.id).toBe(owner.userId);
  }, 180_000);

  it('answers every removal with its whole payload, every field resolved, and the removal holds', async () => {
    const owner = await signUpAgency(api, 'Agence Retraits');
    const organizationId = await createOrganization(api, owner, 'Client Retraits');
    const org = { token: owner.token, organizationId };
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const create = async <T>(field: string, input: Record<string, unknown>, options: GqlOptions = org): Promise<T> =>
      (
        await api.ok<Record<string, T>>(
          `mutation ($input: ${field[0].toUpperCase()}${field.slice(1)}Input!) { ${field}(input: $input) { id } }`,
          { input },
          options,
        )
      )[field];
    const objective = await create<{ id: string }>('createObjective', {
      kind: 'BRAND',
      title: 'Notoriété',
      metric: 'abonnés',
      baseline: 10,
      target: 20,
      deadline: '2031-01-15',
    });
    const kpiObjective = await create<{ id: string }>('createObjective', {
      kind: 'BUSINESS',
      title: 'Ventes',
      metric: 'ventes',
      baseline: 10,
      target: 20,
      deadline: '2031-01-15',
    });
    const kpi = await create<{ id: string }>('createKpi', {
      objectiveId: kpiObjective.id,
      name: 'Abonnés',
      metric: 'followers',
      target: 100,
      frequency: 'MONTHLY',
    });
    const segment = await create<{ id: string }>('createAudienceSegment', { name: 'Familles' });
    const planSegment = await create<{ id: string }>('createAudienceSegment', { name: 'Étudiants' });
    const plan = await create<{ id: string }>('createNetworkPlan', { network: 'mastodon', postsPerWeek: 3, segmentIds: [planSegment.id] });
    const competitor = await create<{ id: string }>('createCompetitor', { name: 'Boulangerie Voisine' });
    const ritual = await create<{ id: string }>('createRitual', { kind: 'WEEKLY_MEETING', time: '09:30', weekday: 1 });
    const taskForce = await create<{ id: string }>('addTaskForceMember', { externalName: 'Alex Externe', role: 'ANALYST' });
    const apiKey = await api.ok<{ createApiKey: { apiKey: { id: string } } }>(
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }',
      { input: { name: 'Clé', scopes: ['READ'] } },
      { token: owner.token },
    );
    const member = await addOrganizationMember(api, owner, organizationId, ['VIEWER']);
    const staffEmail = uniqueEmail('staff');
    const invitation = await api.ok<{ inviteAgencyMember: { token: string } }>(
      'mutation ($input: InviteAgencyMemberInput!) { inviteAgencyMember(input: $input) { token } }',
      { input: { email: staffEmail, role: 'MEMBER' } },
      { token: owner.token },
    );
    const staff = await api.ok<{ acceptInvitation: { userId: string } }>(
      'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId } }',
      { input: { token: invitation.inviteAgencyMember.token, displayName: 'Staff', password: STRONG_PASSWORD } },
    );
    const pendingInvitation = await api.ok<{ inviteMember: { invitation: { id: string } } }>(
      'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }',
      { input: { email: uniqueEmail('pending'), roles: ['VIEWER'] } },
      org,
    );
    const pendingStaff = await api.ok<{ inviteAgencyMember: { invitation: { id: string } } }>(
      'mutation ($input: InviteAgencyMemberInput!) { inviteAgencyMember(input: $input) { invitation { id } } }',
      { input: { email: uniqueEmail('pending.staff'), role: 'MEMBER' } },
      { token: owner.token },
    );
    const doomed = await createOrganization(api, owner, 'Client Supprimé');
    const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const mediaAsset = (
      await request(api.server)
        .post('/media')
        .set('authorization', `Bearer ${owner.token}`)
        .set('x-socle-organization', organizationId)
        .attach('file', image, 'a.png')
    ).body as { id: string };

    const listeningQuery = await create<{ id: string }>('createListeningQuery', {
      kind: 'TOPIC',
      name: 'Écoute',
      query: 'boulangerie',
      active: false,
    });
    const governanceMember = await create<{ id: string }>('addGovernanceMember', { externalName: 'Consultant', function: 'Conseil' });
    const governanceMeeting = await create<{ id: string }>('recordGovernanceMeeting', {
      kind: 'COMMITTEE',
      heldAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const governanceDecision = await create<{ id: string }>('recordGovernanceDecision', { text: 'Écrire la charte' });
    const strategyVersion = await create<{ id: string }>('createStrategyDocumentVersion', {});
    await api.ok(
      'mutation ($input: ImportStaffInput!) { importStaff(input: $input) { total } }',
      { input: { csv: 'name,email,department\nAgent Retrait,agent.retrait@example.test,Accueil' } },
      org,
    );
    const staffMember = (
      await api.ok<{ staff: { edges: { node: { id: string } }[] } }>('{ staff(first: 1) { edges { node { id } } } }', {}, org)
    ).staff.edges[0].node;
    const hook = { url: 'https://93.184.216.34/hook', eventTypes: ['alert.raised'] };
    const webhookEndpoint = (
      await api.ok<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
        'mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }',
        { input: hook },
        org,
      )
    ).createWebhookEndpoint.endpoint;
    const agencyWebhookEndpoint = (
      await api.ok<{ createAgencyWebhookEndpoint: { endpoint: { id: string } } }>(
        'mutation ($input: CreateWebhookEndpointInput!) { createAgencyWebhookEndpoint(input: $input) { endpoint { id } } }',
        { input: hook },
        { token: owner.token },
      )
    ).createAgencyWebhookEndpoint.endpoint;
    const removals: [string, Record<string, unknown>, GqlOptions][] = [
      ['deleteObjective', { id: objective.id }, org],
      ['deleteKpi', { id: kpi.id }, org],
      ['deleteAudienceSegment', { id: segment.id }, org],
      ['deleteNetworkPlan', { id: plan.id }, org],
      ['deleteCompetitor', { id: competitor.id }, org],
      ['deleteRitual', { id: ritual.id }, org],
      ['removeTaskForceMember', { id: taskForce.id }, org],
      ['revokeApiKey', { id: apiKey.createApiKey.apiKey.id }, { token: owner.token }],
      ['removeMember', { userId: member.userId }, org],
      ['removeAgencyMember', { userId: staff.acceptInvitation.userId }, { token: owner.token }],
      ['deleteOrganization', { id: doomed, confirmName: 'Client Supprimé' }, { token: owner.token }],
      ['deleteMediaAsset', { id: mediaAsset.id }, org],
      ['deleteListeningQuery', { id: listeningQuery.id }, org],
      ['removeGovernanceMember', { id: governanceMember.id }, org],
      ['deleteGovernanceMeeting', { id: governanceMeeting.id }, org],
      ['deleteGovernanceDecision', { id: governanceDecision.id }, org],
      ['deleteStrategyDocumentVersion', { versionId: strategyVersion.id }, org],
      ['removeStaffMember', { staffId: staffMember.id }, org],
      ['revokeInvitation', { invitationId: pendingInvitation.inviteMember.invitation.id }, org],
      ['revokeAgencyInvitation', { invitationId: pendingStaff.inviteAgencyMember.invitation.id }, { token: owner.token }],
      ['deleteWebhookEndpoint', { id: webhookEndpoint.id }, org],
      ['deleteAgencyWebhookEndpoint', { id: agencyWebhookEndpoint.id }, { token: owner.token }],
    ];
    const mutationFields = schema.getMutationType()?.getFields() ?? {};
    // Every removal of the schema is here but those that need a connected network: disconnectNetworkAccount (network-accounts
    // tests), removeVariant (content-items tests) and deletePublishedPost (content-publishing tests).
    const needNetwork = ['removeVariant', 'deletePublishedPost'];
    expect(
      Object.keys(mutationFields)
        .filter((name) => /^(delete|remove|revoke)/.test(name) && !needNetwork.includes(name))
        .sort(),
    ).toEqual(removals.map(([name]) => name).sort());
    for (const [name, input, options] of removals) {
      const field = mutationFields[name];
      const document = `mutation ($input: ${String(field.args[0].type)}) { ${name}(input: $input) ${fullSelection(getNamedType(field.type), 3)} }`;
      const res = await api.gql<Record<string, unknown>>(document, { input }, options);
      expect({ name, errors: res.body.errors }).toEqual({ name, errors: undefined });
      expect(res.body.data?.[name]).toEqual(expect.objectContaining({ __typename: getNamedType(field.type).name }));
    }
    // The removals held (nothing was rolled back behind a successful answer).
    const left = await api.ok<{ objectives: { edges: { node: { id: string } }[] }; members: { edges: { node: { userId: string } }[] } }>(
      '{ objectives(first: 10) { edges { node { id } } } members(first: 10) { edges { node { userId } } } }',
      {},
      org,
    );
    expect(left.objectives.edges.map((e) => e.node.id)).toEqual([kpiObjective.id]);
    expect(left.members.edges.map((e) => e.node.userId)).not.toContain(member.userId);
    const staffLeft = await api.ok<{ agencyMembers: { edges: { node: { userId: string } }[] } }>(
      '{ agencyMembers(first: 10) { edges { node { userId } } } }',
      {},
      { token: owner.token },
    );
    expect(staffLeft.agencyMembers.edges.map((e) => e.node.userId)).toEqual([owner.userId]);
  });
});
