/** What every demo loader gets from the seed: the API call, the log-in of a demo person, and who they act as. */

/** One GraphQL call through the public API; throws on any error. */
export type DemoCall = <T>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<T>;
/** A demo person's access token (each person logs in once per run), or null when they cannot log in. */
export type LogIn = (email: string) => Promise<string | null>;

/** A language code of the demo's texts (fr) as the API's Locale value (FR). */
export const apiLocale = (locale: string): string => locale.toUpperCase();

/** The demo address of a client's role or person: `CONTENT_LEAD` or `content-lead` at `boulangerie` → content-lead@boulangerie.demo. */
export const demoEmail = (role: string, slug: string) => `${role.toLowerCase().replace(/_/g, '-')}@${slug}.demo`;

/**
 * The headers of a client's role or person acting inside that client. Each person logs in once for the loader,
 * even when several of its steps ask for them at once.
 */
export function actingAs(logIn: LogIn, slug: string, organizationId: string) {
  const sessions = new Map<string, Promise<Record<string, string>>>();
  return (role: string): Promise<Record<string, string>> => {
    const email = demoEmail(role, slug);
    let session = sessions.get(email);
    if (!session) {
      session = logIn(email).then((token) => {
        if (!token) throw new Error(`cannot log in as ${email}`);
        return { authorization: `Bearer ${token}`, 'x-socle-organization': organizationId };
      });
      sessions.set(email, session);
    }
    return session;
  };
}

/** The agency's client organisations by name (the demo finds its clients by their names). */
export async function clientIds(must: DemoCall, ownerAuth: Record<string, string>): Promise<Map<string, string>> {
  const orgs = await must<{ organizations: { edges: { node: { id: string; name: string } }[] } }>(
    '{ organizations(first: 100) { edges { node { id name } } } }',
    {},
    ownerAuth,
  );
  return new Map(orgs.organizations.edges.map((e) => [e.node.name, e.node.id]));
}
