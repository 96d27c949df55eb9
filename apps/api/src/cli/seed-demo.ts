/**
 * Demo data, loaded through the public GraphQL API of a running server:
 * the agency "Agence Horizon", its staff, three client organisations and a
 * person in every organisation role. Idempotent: each piece is looked up
 * before it is created, so running it twice (or after an interruption) ends
 * in the same state.
 */
import { seedStrategyDemo } from './demo/strategy';
import { seedDemoPolicies } from './demo/policies';
import { seedContentDemo } from './demo/content';

const API = process.env.SOCLE_API_URL ?? 'http://127.0.0.1:3000/graphql';
export const DEMO_PASSWORD = 'Socle-Demo-2026!';

const ROLES = [
  'STRATEGY_LEAD',
  'CONTENT_LEAD',
  'COMMUNITY_MANAGER',
  'ANALYST',
  'COORDINATOR',
  'EXECUTIVE_APPROVER',
  'CONTRIBUTOR',
  'VIEWER',
] as const;

const CLIENTS = [
  { slug: 'boulangerie', name: 'Boulangeries Dupont', sector: 'Retail food', size: 'SMALL', locale: 'fr' },
  { slug: 'mutuelle', name: 'Mutuelle des Alpes', sector: 'Insurance', size: 'MEDIUM', locale: 'fr' },
  { slug: 'velo', name: 'Cycles Léman SA', sector: 'Manufacturing', size: 'LARGE', locale: 'en' },
] as const;

interface GqlError {
  message: string;
  extensions?: { code?: string };
}

async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ data?: T; errors?: GqlError[] }> {
  const response = await fetch(API, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: GqlError[] };
}

async function must<T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<T> {
  const result = await gql<T>(query, variables, headers);
  if (result.errors?.length || !result.data) throw new Error(`${query.split('(')[0].trim()}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** Each demo person logs in once per run: log-ins are rate-limited per IP, and a rerun within the minute must still pass. */
const sessions = new Map<string, string>();

async function logIn(email: string): Promise<string | null> {
  const known = sessions.get(email);
  if (known) return known;
  const result = await gql<{ logIn: { accessToken: string } }>('mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }', {
    input: { email, password: DEMO_PASSWORD },
  });
  const token = result.data?.logIn.accessToken ?? null;
  if (token) sessions.set(email, token);
  return token;
}

async function main(): Promise<void> {
  const ownerEmail = 'owner@horizon.demo';
  let owner = await logIn(ownerEmail);
  if (!owner) {
    const signUp = await must<{ signUp: { accessToken: string } }>(
      'mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }',
      { input: { agencyName: 'Agence Horizon', displayName: 'Camille Laurent', email: ownerEmail, password: DEMO_PASSWORD, locale: 'fr' } },
    );
    owner = signUp.signUp.accessToken;
  }
  const auth = { authorization: `Bearer ${owner}` };
  const logins: [string, string][] = [[ownerEmail, 'agency OWNER']];

  const staff = await must<{ agencyMembers: { edges: { node: { user: { email: string } } }[] } }>(
    '{ agencyMembers(first: 100) { edges { node { user { email } } } } }',
    {},
    auth,
  );
  const staffEmails = new Set(staff.agencyMembers.edges.map((e) => e.node.user.email));
  for (const [email, role, name] of [
    ['admin@horizon.demo', 'ADMIN', 'Hugo Martin'],
    ['consultant@horizon.demo', 'MEMBER', 'Inès Bernard'],
  ] as const) {
    if (!staffEmails.has(email)) {
      const invite = await must<{ inviteAgencyMember: { token: string } }>(
        'mutation ($input: InviteAgencyMemberInput!) { inviteAgencyMember(input: $input) { token } }',
        { input: { email, role } },
        auth,
      );
      await must('mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId } }', {
        input: { token: invite.inviteAgencyMember.token, displayName: name, password: DEMO_PASSWORD, locale: 'fr' },
      });
    }
    logins.push([email, `agency ${role}`]);
  }

  const existing = await must<{ organizations: { edges: { node: { id: string; name: string } }[] } }>(
    '{ organizations(first: 100) { edges { node { id name } } } }',
    {},
    auth,
  );
  for (const client of CLIENTS) {
    let id = existing.organizations.edges.find((e) => e.node.name === client.name)?.node.id;
    if (!id) {
      const created = await must<{ createOrganization: { id: string } }>(
        'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
        { input: { name: client.name, sector: client.sector, size: client.size, locale: client.locale, timezone: 'Europe/Zurich' } },
        auth,
      );
      id = created.createOrganization.id;
    }
    const orgAuth = { ...auth, 'x-socle-organization': id };
    const members = await must<{ members: { edges: { node: { user: { email: string } } }[] } }>(
      '{ members(first: 100) { edges { node { user { email } } } } }',
      {},
      orgAuth,
    );
    const memberEmails = new Set(members.members.edges.map((e) => e.node.user.email));
    for (const role of ROLES) {
      const email = `${role.toLowerCase().replace(/_/g, '-')}@${client.slug}.demo`;
      if (!memberEmails.has(email)) {
        const invite = await must<{ inviteMember: { token: string } }>(
          'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { token } }',
          { input: { email, roles: [role] } },
          orgAuth,
        );
        await must('mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId } }', {
          input: {
            token: invite.inviteMember.token,
            displayName: `${role.toLowerCase().replace(/_/g, ' ')} (${client.name})`,
            password: DEMO_PASSWORD,
            locale: client.locale,
          },
        });
      }
      logins.push([email, `${role} at ${client.name} (${id})`]);
    }
    await seedStrategyDemo(must, orgAuth, client);
  }
  await seedDemoPolicies(must, logIn, auth, CLIENTS);
  await seedContentDemo(must, logIn, auth, CLIENTS, (line) => process.stdout.write(`${line}\n`));
  await seedDemoAssessments(auth);
  await seedDemoLiveScores(auth);
  process.stdout.write(`\nDemo logins (password for all: ${DEMO_PASSWORD})\n`);
  for (const [email, what] of logins) process.stdout.write(`  ${email.padEnd(36)} ${what}\n`);
  process.stdout.write('\nTry: mutation { logIn(input: {email: "owner@horizon.demo", password: "Socle-Demo-2026!"}) { accessToken } }\n');
}

/**
 * Maturity assessments on the built-in model: two finalised ones per client
 * (an earlier, weaker one and a later one), at different levels across
 * clients so the portfolio shows a spread. Idempotent: an organisation with two
 * finalised assessments is left alone; a draft left by an interrupted run is finished.
 */
async function seedDemoAssessments(auth: Record<string, string>): Promise<void> {
  const ASSESSMENT_LEVELS: Record<string, [number, number]> = { boulangerie: [0, 1], mutuelle: [1, 2], velo: [2, 3] };
  const orgs = await must<{ organizations: { edges: { node: { id: string; name: string } }[] } }>(
    '{ organizations(first: 100) { edges { node { id name } } } }',
    {},
    auth,
  );
  const model = await must<{ maturityModel: { versions: { content: { dimensions: { criteria: { key: string; kind: string }[] }[] } }[] } }>(
    '{ maturityModel(id: "default") { versions { content } } }',
    {},
    auth,
  );
  const questions = model.maturityModel.versions[0].content.dimensions
    .flatMap((d) => d.criteria)
    .filter((c) => c.kind === 'DECLARATIVE')
    .map((c) => c.key);
  for (const client of CLIENTS) {
    const id = orgs.organizations.edges.find((e) => e.node.name === client.name)?.node.id;
    if (!id) continue;
    const orgAuth = { ...auth, 'x-socle-organization': id };
    const list = await must<{ assessments: { edges: { node: { id: string; status: string } }[] } }>(
      '{ assessments(first: 20) { edges { node { id status } } } }',
      {},
      orgAuth,
    );
    const finalized = list.assessments.edges.filter((e) => e.node.status === 'FINALIZED').length;
    let draft = list.assessments.edges.find((e) => e.node.status === 'DRAFT')?.node.id;
    for (let round = finalized; round < 2; round += 1) {
      const base = ASSESSMENT_LEVELS[client.slug][round];
      if (!draft) {
        draft = (
          await must<{ startAssessment: { id: string } }>('mutation { startAssessment(input: { modelId: "default" }) { id } }', {}, orgAuth)
        ).startAssessment.id;
      }
      for (const [i, criterionKey] of questions.entries()) {
        const value = Math.max(0, Math.min(4, base + ((i * 7) % 3)));
        await must(
          'mutation ($input: AnswerAssessmentCriterionInput!) { answerAssessmentCriterion(input: $input) { id } }',
          { input: { assessmentId: draft, criterionKey, value } },
          orgAuth,
        );
      }
      await must(
        'mutation ($input: FinalizeAssessmentInput!) { finalizeAssessment(input: $input) { id } }',
        { input: { assessmentId: draft } },
        orgAuth,
      );
      draft = undefined;
    }
  }
}

/**
 * A live score for every client now, so the portfolio shows one before the
 * first nightly run. Idempotent in effect: a rerun adds one more point to each
 * client's live-score history.
 */
async function seedDemoLiveScores(auth: Record<string, string>): Promise<void> {
  const orgs = await must<{ organizations: { edges: { node: { id: string; name: string } }[] } }>(
    '{ organizations(first: 100) { edges { node { id name } } } }',
    {},
    auth,
  );
  for (const client of CLIENTS) {
    const id = orgs.organizations.edges.find((e) => e.node.name === client.name)?.node.id;
    if (id) await must('mutation { recomputeLiveScore { computedAt } }', {}, { ...auth, 'x-socle-organization': id });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed-demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
