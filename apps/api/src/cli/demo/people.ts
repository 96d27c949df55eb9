/**
 * The people of the demo clients: real names, their roles in the organisation, the
 * functions they hold in the task force and the committee. The bakery is run by a
 * couple who hold every role between them (plus their apprentice, who suggests
 * content); the mutual insurer and the bicycle maker have one person per role and
 * departments. Each person logs in with the address of their first role
 * (`strategy-lead@boulangerie.demo`); a role held by someone else resolves to them.
 */
import { apiLocale, type DemoCall } from './calls';

export type OrganizationRole =
  'STRATEGY_LEAD' | 'CONTENT_LEAD' | 'COMMUNITY_MANAGER' | 'ANALYST' | 'COORDINATOR' | 'EXECUTIVE_APPROVER' | 'CONTRIBUTOR' | 'VIEWER';

export interface DemoPerson {
  name: string;
  /** The first is the one their login address is named after. */
  roles: OrganizationRole[];
  department: string;
  /** Task-force functions (TaskForceRole). */
  taskForce: string[];
  /** Seat on the social-media committee, with the function shown there. */
  committee?: { function: string; topManagement?: boolean };
  /** Log-in address local part when it is not named after the first role. */
  login?: string;
}

export const DEMO_PEOPLE: Record<string, DemoPerson[]> = {
  boulangerie: [
    {
      name: 'Sophie Dupont',
      roles: ['STRATEGY_LEAD', 'EXECUTIVE_APPROVER', 'CONTENT_LEAD', 'COORDINATOR', 'ANALYST'],
      department: 'Gérance et boutique',
      taskForce: ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COORDINATOR', 'ANALYST'],
      committee: { function: 'Gérante', topManagement: true },
    },
    {
      name: 'Thomas Dupont',
      roles: ['COMMUNITY_MANAGER'],
      department: 'Fournil',
      taskForce: ['COMMUNITY_MANAGER', 'GRAPHIC_DESIGNER'],
      committee: { function: 'Artisan boulanger, cogérant', topManagement: true },
    },
    { name: 'Julien Petit', roles: ['CONTRIBUTOR'], department: 'Fournil (apprenti)', taskForce: [] },
  ],
  mutuelle: [
    {
      name: 'Claire Vasseur',
      roles: ['STRATEGY_LEAD'],
      department: 'Communication',
      taskForce: ['STRATEGY_LEAD'],
      committee: { function: 'Directrice de la communication' },
    },
    { name: 'Julie Roche', roles: ['CONTENT_LEAD'], department: 'Communication', taskForce: ['CONTENT_LEAD'] },
    {
      name: 'Mehdi Benali',
      roles: ['COMMUNITY_MANAGER'],
      department: 'Relation adhérents',
      taskForce: ['COMMUNITY_MANAGER'],
      committee: { function: 'Responsable relation adhérents' },
    },
    { name: 'Laure Fontaine', roles: ['ANALYST'], department: 'Études et statistiques', taskForce: ['ANALYST'] },
    { name: 'Nicolas Girard', roles: ['COORDINATOR'], department: 'Ressources humaines', taskForce: ['COORDINATOR'] },
    {
      name: 'Philippe Morel',
      roles: ['EXECUTIVE_APPROVER'],
      department: 'Direction générale',
      taskForce: [],
      committee: { function: 'Directeur général', topManagement: true },
    },
    { name: 'Émilie Blanc', roles: ['CONTRIBUTOR'], department: 'Agence de Chambéry', taskForce: [] },
    { name: 'Bernard Lefèvre', roles: ['VIEWER'], department: 'Conseil d’administration', taskForce: [] },
    {
      name: 'Sandrine Perrin',
      roles: ['VIEWER'],
      department: 'Juridique et conformité',
      taskForce: [],
      committee: { function: 'Juriste, conformité et données de santé' },
      login: 'juriste',
    },
  ],
  velo: [
    {
      name: 'Lukas Meier',
      roles: ['STRATEGY_LEAD'],
      department: 'Marketing',
      taskForce: ['STRATEGY_LEAD'],
      committee: { function: 'Head of Marketing' },
    },
    { name: 'Chloé Favre', roles: ['CONTENT_LEAD'], department: 'Brand & Content', taskForce: ['CONTENT_LEAD', 'GRAPHIC_DESIGNER'] },
    { name: 'Noah Keller', roles: ['COMMUNITY_MANAGER'], department: 'Customer Care', taskForce: ['COMMUNITY_MANAGER'] },
    { name: 'Léa Rochat', roles: ['ANALYST'], department: 'E-commerce', taskForce: ['ANALYST'] },
    { name: 'Sarah Widmer', roles: ['COORDINATOR'], department: 'Marketing', taskForce: ['COORDINATOR'] },
    {
      name: 'Marc-Antoine Jaquet',
      roles: ['EXECUTIVE_APPROVER'],
      department: 'Management',
      taskForce: [],
      committee: { function: 'CEO', topManagement: true },
    },
    {
      name: 'Jonas Brunner',
      roles: ['CONTRIBUTOR'],
      department: 'Workshop, Vevey',
      taskForce: [],
      committee: { function: 'Head of Workshop' },
    },
    { name: 'Anna Schmid', roles: ['VIEWER'], department: 'Sales', taskForce: [] },
  ],
};

const roleLogin = (role: string) => role.toLowerCase().replace(/_/g, '-');

/** The log-in address local part of a person. */
export const loginOf = (person: DemoPerson) => person.login ?? roleLogin(person.roles[0]);

/** The person a role's address stands for in a demo client (`content-lead@boulangerie.demo` is Sophie Dupont). */
export function personFor(slug: string, role: string): DemoPerson | undefined {
  const people = DEMO_PEOPLE[slug] ?? [];
  return people.find((p) => loginOf(p) === roleLogin(role)) ?? people.find((p) => p.roles.some((r) => roleLogin(r) === roleLogin(role)));
}

/**
 * The address a demo log-in goes to: `role@client.demo` is the person holding that role
 * (the loaders ask for people by role); any other address is left as it is.
 */
export function resolveDemoLogin(email: string): string {
  const match = /^([a-z-]+)@([a-z0-9-]+)\.demo$/.exec(email);
  if (!match) return email;
  const slug = match[2];
  const person = personFor(slug, match[1]);
  return person ? `${loginOf(person)}@${slug}.demo` : email;
}

/**
 * Invites every person of the client who is not a member yet (accepted with the demo
 * password), gives each their roles and removes the client's other demo addresses.
 * Answers the log-ins to print.
 */
export async function seedDemoPeople(
  call: DemoCall,
  orgHeaders: Record<string, string>,
  client: { slug: string; name: string; locale: string },
  password: string,
): Promise<[string, string][]> {
  const people = DEMO_PEOPLE[client.slug] ?? [];
  const members = await call<{ members: { edges: { node: { userId: string; roles: string[]; user: { email: string } } }[] } }>(
    '{ members(first: 100) { edges { node { userId roles user { email } } } } }',
    {},
    orgHeaders,
  );
  const logins: [string, string][] = [];
  for (const person of people) {
    const email = `${loginOf(person)}@${client.slug}.demo`;
    const member = members.members.edges.find((e) => e.node.user.email === email)?.node;
    if (!member) {
      const invite = await call<{ inviteMember: { token: string } }>(
        'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { token } }',
        // Accepted at once below with the token from the answer: no mail.
        { input: { email, roles: person.roles, sendEmail: false } },
        orgHeaders,
      );
      await call('mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId } }', {
        input: { token: invite.inviteMember.token, displayName: person.name, password, locale: apiLocale(client.locale) },
      });
    } else if ([...member.roles].sort().join() !== [...person.roles].sort().join()) {
      await call(
        'mutation ($input: ChangeMemberRolesInput!) { changeMemberRoles(input: $input) { userId } }',
        { input: { userId: member.userId, roles: person.roles } },
        orgHeaders,
      );
    }
    logins.push([email, `${person.name}, ${person.roles.join(' + ')} at ${client.name}`]);
  }
  // An earlier demo gave every client one account per role: the client's demo addresses nobody holds any more leave it.
  const kept = new Set(people.map((p) => `${loginOf(p)}@${client.slug}.demo`));
  for (const { node } of members.members.edges) {
    if (!node.user.email.endsWith(`@${client.slug}.demo`) || kept.has(node.user.email)) continue;
    await call(
      'mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { userId } }',
      { input: { userId: node.userId } },
      orgHeaders,
    );
  }
  return logins;
}
