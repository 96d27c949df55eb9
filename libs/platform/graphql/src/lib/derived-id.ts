/**
 * Ids for stored things keyed by several columns (a membership: its agency and its person; a model version: its model
 * and its number), so that a normalising client cache (Apollo Client, urql graphcache) can key them like any other object.
 *
 * The scheme, the same for every such thing: base64url, without padding, of the UTF-8 text `<Kind>:<part>:<part>…`, where
 * `Kind` names the stored thing (not the GraphQL type: two types that stand for one row share its id) and each part is
 * URI-encoded, so that a part never holds the separator. The id is a pure function of the key: the same row gets the same
 * id from whichever query returns it, and it never changes while the row lives. Clients treat it as opaque.
 */

export const DERIVED_ID_KIND = /^[A-Z][A-Za-z]*$/;

/** The id of the stored thing of this kind with this key. */
export function derivedId(kind: string, ...key: (string | number)[]): string {
  if (!DERIVED_ID_KIND.test(kind)) throw new Error(`derivedId: "${kind}" is not a kind name`);
  if (key.length === 0) throw new Error(`derivedId: a ${kind} needs a key`);
  const text = [kind, ...key.map((part) => encodeURIComponent(String(part)))].join(':');
  return Buffer.from(text, 'utf8').toString('base64url');
}
