/**
 * Finds credentials in what a connector lets out: error messages and everything an
 * error carries (`networkReason`, `cause`, `details`, any own property), and log lines.
 * A credential counts as leaked as it is and in the encodings a careless message
 * produces: URL or form encoding, base64 / base64url (alone or as `user:secret` in a
 * Basic header), hex, JSON escaping.
 */

export interface NamedSecret {
  /** Where the value came from, e.g. `refreshToken`, `fields.appPassword`. */
  name: string;
  value: string;
}

export interface TextToScan {
  /** Where the text was found, e.g. `error.message`, `error.cause.details.body`, `log line 2 (warn)`. */
  where: string;
  text: string;
}

export interface CredentialLeak {
  secret: string;
  encoding: string;
  where: string;
}

/** Names of secret values that are credentials (identifiers such as `username`, `did`, `clientId` are not). */
export const CREDENTIAL_NAME = /token|jwt|password|passwd|secret|verifier|^code$|cookie|session|api_?key/i;

/** Shorter values are too likely to appear by chance (and are no real credential). */
const MIN_LENGTH = 6;

/** The credentials among named values: a credential name and a value long enough to search for. */
export function credentialsAmong(values: Record<string, string | undefined> | undefined, prefix = ''): NamedSecret[] {
  return Object.entries(values ?? {})
    .filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length >= MIN_LENGTH && CREDENTIAL_NAME.test(entry[0]),
    )
    .map(([name, value]) => ({ name: `${prefix}${name}`, value }));
}

const unpadded = (text: string) => text.replace(/=+$/, '');

/** The forms in which a value shows up when it is encoded rather than written as is. */
function encodings(value: string, companions: string[]): Array<[string, string]> {
  const bytes = Buffer.from(value, 'utf8');
  const forms: Array<[string, string]> = [
    ['as is', value],
    ['URL-encoded', encodeURIComponent(value)],
    ['form-encoded', new URLSearchParams({ v: value }).toString().slice(2)],
    ['base64', unpadded(bytes.toString('base64'))],
    ['base64url', unpadded(bytes.toString('base64url'))],
    ['hex', bytes.toString('hex')],
    ['JSON-escaped', JSON.stringify(value).slice(1, -1)],
  ];
  // Basic authentication: base64 of `user:secret`, which does not contain base64 of the secret alone.
  for (const user of companions)
    forms.push(['base64 of a Basic credential', unpadded(Buffer.from(`${user}:${value}`, 'utf8').toString('base64'))]);
  const seen = new Set<string>();
  return forms.filter(([encoding, form]) => {
    if (seen.has(form)) return false;
    seen.add(form);
    return encoding === 'as is' || form !== value;
  });
}

/** Every string an error carries, with its path: message, network reason, cause chain, details, own properties. */
export function textsOfError(error: unknown, where = 'error'): TextToScan[] {
  const out: TextToScan[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, path: string, depth: number) => {
    if (typeof value === 'string') {
      if (value) out.push({ where: path, text: value });
      return;
    }
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return;
    if (!value || typeof value !== 'object' || depth > 6 || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Uint8Array) {
      out.push({ where: path, text: Buffer.from(value).toString('utf8') });
      return;
    }
    const names = new Set(Object.getOwnPropertyNames(value));
    // `cause` set through the Error constructor is not enumerable; `message` neither.
    if (value instanceof Error) for (const name of ['message', 'cause']) names.add(name);
    for (const name of names) {
      if (name === 'stack') continue;
      let child: unknown;
      try {
        child = (value as Record<string, unknown>)[name];
      } catch {
        continue;
      }
      visit(child, Array.isArray(value) ? `${path}[${name}]` : `${path}.${name}`, depth + 1);
    }
  };
  visit(error, where, 0);
  return out;
}

/** Each credential found in the texts, once per secret and place, with the encoding it was found in. */
export function findCredentialLeaks(texts: TextToScan[], secrets: NamedSecret[], companions: string[] = []): CredentialLeak[] {
  const leaks: CredentialLeak[] = [];
  const unique = new Map<string, NamedSecret>();
  for (const secret of secrets) if (secret.value.length >= MIN_LENGTH && !unique.has(secret.value)) unique.set(secret.value, secret);
  const users = [...new Set(companions.filter((value) => value.length > 0))];
  for (const secret of unique.values()) {
    const forms = encodings(secret.value, users);
    for (const { where, text } of texts) {
      const found = forms.find(([, form]) => text.includes(form));
      if (found) leaks.push({ secret: secret.name, encoding: found[0], where });
    }
  }
  return leaks;
}

/** A readable sentence for a list of leaks. */
export function describeLeaks(operation: string, leaks: CredentialLeak[]): string {
  return `${operation} let a credential out: ${leaks
    .map((leak) => `the ${leak.secret} credential (${leak.encoding}) in ${leak.where}`)
    .join('; ')}. Errors and log lines must never carry a credential, raw or encoded.`;
}
