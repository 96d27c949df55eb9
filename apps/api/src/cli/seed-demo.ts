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
import { seedNetworkDemo } from './demo/network';
import { seedCommunityDemo } from './demo/community';
import { resolveDemoLogin, seedDemoPeople } from './demo/people';
import { apiLocale } from './demo/calls';
import { seedGovernanceDemo } from './demo/governance';
import { seedPressRoomDemo } from './demo/press-room';

const API = process.env.SOCLE_API_URL ?? 'http://127.0.0.1:3000/graphql';
export const DEMO_PASSWORD = 'Socle-Demo-2026!';

/** `formerName`: the name an earlier demo gave it, renamed in place. */
const CLIENTS = [
  {
    slug: 'boulangerie',
    name: 'Boulangerie Dupont',
    formerName: 'Boulangeries Dupont',
    sector: 'Boulangerie-pâtisserie artisanale (Annecy)',
    size: 'MICRO',
    locale: 'fr',
    timezone: 'Europe/Paris',
  },
  {
    slug: 'mutuelle',
    name: 'Mutuelle des Alpes',
    formerName: null,
    sector: 'Mutuelle santé (Chambéry)',
    size: 'MEDIUM',
    locale: 'fr',
    timezone: 'Europe/Paris',
  },
  {
    slug: 'velo',
    name: 'Cycles Léman SA',
    formerName: null,
    sector: 'Bicycle manufacturing (Vevey)',
    size: 'SMALL',
    locale: 'en',
    timezone: 'Europe/Zurich',
  },
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

async function logIn(asked: string): Promise<string | null> {
  const email = resolveDemoLogin(asked);
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
      { input: { agencyName: 'Agence Horizon', displayName: 'Camille Laurent', email: ownerEmail, password: DEMO_PASSWORD, locale: 'FR' } },
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
        // Accepted at once below with the token from the answer: no mail.
        { input: { email, role, sendEmail: false } },
        auth,
      );
      await must('mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId } }', {
        input: { token: invite.inviteAgencyMember.token, displayName: name, password: DEMO_PASSWORD, locale: 'FR' },
      });
    }
    logins.push([email, `agency ${role}`]);
  }

  const existing = await must<{ organizations: { edges: { node: Record<string, string> & { id: string; name: string } }[] } }>(
    '{ organizations(first: 100) { edges { node { id name sector size locale timezone } } } }',
    {},
    auth,
  );
  for (const client of CLIENTS) {
    // The API names languages in upper case (FR); the demo's clients carry the language codes its texts are chosen by.
    const profile = {
      name: client.name,
      sector: client.sector,
      size: client.size,
      locale: apiLocale(client.locale),
      timezone: client.timezone,
    };
    const found =
      existing.organizations.edges.find((e) => e.node.name === client.name)?.node ??
      existing.organizations.edges.find((e) => e.node.name === client.formerName)?.node;
    let id = found?.id;
    if (!id) {
      const created = await must<{ createOrganization: { id: string } }>(
        'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
        { input: profile },
        auth,
      );
      id = created.createOrganization.id;
    }
    const orgAuth = { ...auth, 'x-socle-organization': id };
    // Name, sector, size and time zone as declared: an earlier demo's organisation is brought up to date.
    if (found && Object.entries(profile).some(([key, value]) => found[key] !== value))
      await must('mutation ($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }', { input: profile }, orgAuth);
    logins.push(...(await seedDemoPeople(must, orgAuth, client, DEMO_PASSWORD)));
    await seedStrategyDemo(must, orgAuth, client);
  }
  await seedDemoPolicies(must, logIn, auth, CLIENTS);
  await seedGovernanceDemo(must, logIn, auth, CLIENTS);
  const networkUp = await seedNetworkDemo(must, auth, CLIENTS, (line) => process.stdout.write(`${line}\n`));
  await seedContentDemo(must, logIn, auth, CLIENTS, (line) => process.stdout.write(`${line}\n`));
  if (networkUp) await seedCommunityDemo(must, logIn, auth, CLIENTS, (line) => process.stdout.write(`${line}\n`));
  await seedPressRoomDemo(must, auth, CLIENTS, (line) => process.stdout.write(`${line}\n`));
  await seedDemoAssessments(auth);
  await seedDemoLiveScores(auth);
  process.stdout.write(`\nDemo logins (password for all: ${DEMO_PASSWORD})\n`);
  for (const [email, what] of logins) process.stdout.write(`  ${email.padEnd(36)} ${what}\n`);
  process.stdout.write('\nTry: mutation { logIn(input: {email: "owner@horizon.demo", password: "Socle-Demo-2026!"}) { accessToken } }\n');
}

/** How many days ago the demo's three assessments per client were made: about nine, six and under three months (still "recent"). */
const DEMO_ASSESSMENT_DAYS_AGO = [270, 180, 80] as const;

/** The day (YYYY-MM-DD) `daysAgo` days before now in `timeZone`. */
function dayAgo(daysAgo: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() - daysAgo * 86_400_000),
  );
}

/**
 * Maturity assessments on the built-in model: three finalised ones per client, oldest
 * first, telling three stories in the portfolio: the bakery starting from scratch and climbing, the
 * mutual falling back after a good start (still ahead of the bakery), the bicycle maker steady at the top. An agency
 * records audits made earlier, so the three are dated about nine, six and under three months before the load
 * (`assessedOn`, in the client's calendar): the portfolio's trend, the history and the reports span three quarters.
 * Idempotent: an organisation with three finalised assessments is left alone (an older demo's, dated the day it was
 * loaded, stays so); a draft left by an interrupted run is finished, never dated before what is already finalised.
 */
async function seedDemoAssessments(auth: Record<string, string>): Promise<void> {
  const ASSESSMENT_LEVELS: Record<string, number[]> = { boulangerie: [0, 0, 1], mutuelle: [2, 3, 2], velo: [3, 3, 3] };
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
    const list = await must<{ assessments: { edges: { node: { id: string; status: string; assessedOn: string | null } }[] } }>(
      '{ assessments(first: 20) { edges { node { id status assessedOn } } } }',
      {},
      orgAuth,
    );
    const finalized = list.assessments.edges.filter((e) => e.node.status === 'FINALIZED').length;
    // Newest first: the latest finalised assessment's day, which a new one may not precede.
    let latestDay = list.assessments.edges.find((e) => e.node.status === 'FINALIZED')?.node.assessedOn ?? '';
    let draft = list.assessments.edges.find((e) => e.node.status === 'DRAFT')?.node.id;
    for (let round = finalized; round < ASSESSMENT_LEVELS[client.slug].length; round += 1) {
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
      const planned = dayAgo(DEMO_ASSESSMENT_DAYS_AGO[round] ?? 0, client.timezone);
      const assessedOn = planned > latestDay ? planned : latestDay;
      const done = await must<{ finalizeAssessment: { assessedOn: string } }>(
        'mutation ($input: FinalizeAssessmentInput!) { finalizeAssessment(input: $input) { assessedOn } }',
        { input: { assessmentId: draft, assessedOn } },
        orgAuth,
      );
      latestDay = done.finalizeAssessment.assessedOn;
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
