/**
 * Ids for stored things keyed by several columns (a membership: its agency and its person; a model version: its model
 * and its number), so that a normalising client cache (Apollo Client, urql graphcache) can key them like any other object.
 *
 * The scheme, the same for every such thing: base64url, without padding, of the UTF-8 text `<Kind>:<part>:<part>…`, where
 * `Kind` names the stored thing (not the GraphQL type: two types that stand for one row share its id) and each part is
 * URI-encoded, so that a part never holds the separator. The id is a pure function of the key: the same row gets the same
 * id from whichever query returns it, and it never changes while the row lives. Clients treat it as opaque.
 */

const KIND = /^[A-Z][A-Za-z]*$/;

/** The id of the stored thing of this kind with this key. */
export function derivedId(kind: string, ...key: (string | number)[]): string {
  if (!KIND.test(kind)) throw new Error(`derivedId: "${kind}" is not a kind name`);
  if (key.length === 0) throw new Error(`derivedId: a ${kind} needs a key`);
  const text = [kind, ...key.map((part) => encodeURIComponent(String(part)))].join(':');
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** The kind and key parts an id of `derivedId` was made from; null for any other string. */
export function parseDerivedId(id: string): { kind: string; key: string[] } | null {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const [kind, ...parts] = Buffer.from(id, 'base64url').toString('utf8').split(':');
  if (!KIND.test(kind) || parts.length === 0) return null;
  try {
    const key = parts.map((part) => decodeURIComponent(part));
    return derivedId(kind, ...key) === id ? { kind, key } : null;
  } catch {
    return null;
  }
}
