import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';

/** Where the TXT record that proves a custom domain lives: `_socle-press.<domain>`. */
export const VERIFICATION_RECORD_PREFIX = '_socle-press.';
/** How long one look-up may take, retries included. */
export const DNS_TIMEOUT_MS = 3000;

export interface DomainCheckOutcome {
  verified: boolean;
  /** Why not, in words a member can act on (never the resolver's own message); null when verified. */
  error: string | null;
}

/**
 * DNS servers from `PRESS_ROOM_DNS_SERVERS`: comma-separated addresses, each with an optional port (`192.0.2.53`,
 * `192.0.2.53:5353`, `[2001:db8::53]:53`); empty for the system's. Throws naming what is wrong.
 */
export function parseDnsServers(value: string): string[] {
  const servers = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const server of servers) {
    const bracketed = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/.exec(server);
    const plain = /^([0-9.]+)(?::(\d{1,5}))?$/.exec(server);
    const v6 = isIP(server) === 6;
    const address = bracketed?.[1] ?? plain?.[1] ?? (v6 ? server : null);
    const port = Number(bracketed?.[2] ?? plain?.[2] ?? 53);
    if (!address || !isIP(address) || port < 1 || port > 65535)
      throw new Error(`"${server.slice(0, 60)}" is not an IP address with an optional port`);
  }
  return servers;
}

/**
 * Checks that a custom domain's TXT record `_socle-press.<domain>` holds the room's challenge, through a
 * `node:dns/promises` Resolver on the configured servers (the system's when none). Only the record's presence is
 * read: nothing the DNS answers is repeated to the member beyond "found" or "not found".
 */
export class DomainVerifier {
  constructor(
    private readonly servers: readonly string[],
    private readonly timeoutMs = DNS_TIMEOUT_MS,
  ) {}

  async check(domain: string, challenge: string): Promise<DomainCheckOutcome> {
    const resolver = new Resolver({ timeout: Math.max(100, Math.floor(this.timeoutMs / 2)), tries: 2 });
    if (this.servers.length) resolver.setServers([...this.servers]);
    const name = `${VERIFICATION_RECORD_PREFIX}${domain}`;
    let timer: NodeJS.Timeout | undefined;
    try {
      const records = await Promise.race([
        resolver.resolveTxt(name),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ETIMEOUT' })), this.timeoutMs);
        }),
      ]);
      // A TXT record may be split in several strings of 255 bytes: they are one value.
      if (records.some((chunks) => chunks.join('') === challenge)) return { verified: true, error: null };
      return { verified: false, error: `The TXT record ${name} does not hold the verification value shown.` };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ENOTFOUND' || code === 'ENODATA') return { verified: false, error: `No TXT record ${name} was found.` };
      return { verified: false, error: `The DNS did not answer for ${name}; try again later.` };
    } finally {
      if (timer) clearTimeout(timer);
      resolver.cancel();
    }
  }
}
