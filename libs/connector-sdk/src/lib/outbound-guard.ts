/**
 * Which addresses a request made on a tenant's behalf may reach. A URL a tenant
 * types (a feed, an instance, a PDS) must never become a way into the
 * platform's own network: loopback services, private ranges, link-local cloud
 * metadata endpoints. The check runs on the addresses a name resolves to, once
 * per hop, and the connection then goes to the address that was checked (see
 * http.ts), so a name cannot resolve to a public address for the check and to a
 * private one for the connection.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { ConnectorError } from './errors';

export type AddressFamily = 4 | 6;

export interface ResolvedAddress {
  address: string;
  family: AddressFamily;
}

/** Resolves a host name to every address it has (the system resolver by default). */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface OutboundGuardOptions {
  /**
   * CIDR ranges (`127.0.0.0/8`, `::1/128`) or single addresses that requests may
   * reach although they are private, loopback…: for tests against servers on
   * loopback, or a deployment that must reach a given internal network. Cloud
   * metadata addresses stay refused whatever is listed here.
   */
  allowedRanges?: readonly string[];
  /** Name resolution; tests pass their own to make a name resolve to a given address. */
  resolve?: HostResolver;
}

/** What a refused address is, as said in the error. */
export type RefusedCategory =
  'cloud metadata' | 'loopback' | 'private' | 'link-local' | 'multicast' | 'unspecified' | 'shared (CGNAT)' | 'reserved';

/** A request refused before any connection because of where it would go. Kind REJECTED: retrying cannot help. */
export class OutboundRefusedError extends ConnectorError {
  constructor(
    message: string,
    readonly host: string,
    readonly category: RefusedCategory,
  ) {
    super('REJECTED', message);
    this.name = 'OutboundRefusedError';
  }
}

export function isOutboundRefusedError(error: unknown): error is OutboundRefusedError {
  return error instanceof OutboundRefusedError;
}

type Range = readonly [network: string, prefix: number];

/**
 * Never reachable, whatever `allowedRanges` says: the instance metadata services
 * of the major clouds (AWS, GCP, Azure, OpenStack, ECS task metadata, Oracle,
 * Alibaba). They hand out credentials to whoever asks from the machine.
 */
const METADATA: { v4: Range[]; v6: Range[] } = {
  v4: [
    ['169.254.169.254', 32],
    ['169.254.169.253', 32],
    ['169.254.170.2', 32],
    ['169.254.170.23', 32],
    ['192.0.0.192', 32],
    ['100.100.100.200', 32],
  ],
  v6: [
    ['fd00:ec2::254', 128],
    ['fd00:ec2::23', 128],
  ],
};

/** IANA special-purpose ranges that are not the public internet. */
const CATEGORIES: { category: RefusedCategory; v4: Range[]; v6: Range[] }[] = [
  { category: 'unspecified', v4: [['0.0.0.0', 8]], v6: [['::', 128]] },
  { category: 'loopback', v4: [['127.0.0.0', 8]], v6: [['::1', 128]] },
  {
    category: 'private',
    v4: [
      ['10.0.0.0', 8],
      ['172.16.0.0', 12],
      ['192.168.0.0', 16],
    ],
    v6: [['fc00::', 7]],
  },
  {
    category: 'link-local',
    v4: [['169.254.0.0', 16]],
    v6: [
      ['fe80::', 10],
      ['fec0::', 10],
    ],
  },
  { category: 'shared (CGNAT)', v4: [['100.64.0.0', 10]], v6: [] },
  { category: 'multicast', v4: [['224.0.0.0', 4]], v6: [['ff00::', 8]] },
  {
    category: 'reserved',
    v4: [
      ['192.0.0.0', 24],
      ['192.0.2.0', 24],
      ['192.88.99.0', 24],
      ['198.18.0.0', 15],
      ['198.51.100.0', 24],
      ['203.0.113.0', 24],
      ['240.0.0.0', 4],
    ],
    // IPv4-compatible (deprecated), discard-only, Teredo, ORCHID, documentation, local-use NAT64.
    v6: [
      ['::', 96],
      ['100::', 64],
      ['2001::', 32],
      ['2001:10::', 28],
      ['2001:20::', 28],
      ['2001:db8::', 32],
      ['64:ff9b:1::', 48],
    ],
  },
];

function blockListOf(ranges: { v4: Range[]; v6: Range[] }): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of ranges.v4) list.addSubnet(network, prefix, 'ipv4');
  for (const [network, prefix] of ranges.v6) list.addSubnet(network, prefix, 'ipv6');
  return list;
}

const METADATA_LIST = blockListOf(METADATA);
const CATEGORY_LISTS = CATEGORIES.map((entry) => ({ category: entry.category, list: blockListOf(entry) }));

/** The eight 16-bit groups of an IPv6 address (already validated by `isIP`), an embedded dotted quad included. */
function ipv6Groups(address: string): number[] {
  let text = address;
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    const quad = text
      .slice(lastColon + 1)
      .split('.')
      .map(Number);
    tail = [(quad[0] << 8) | quad[1], (quad[2] << 8) | quad[3]];
    text = text.slice(0, lastColon + 1);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const parse = (part: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const width = 8 - tail.length;
  let groups: number[];
  if (text.includes('::')) {
    const [head, rest] = text.split('::');
    const left = parse(head);
    const right = parse(rest);
    groups = [...left, ...new Array<number>(Math.max(0, width - left.length - right.length)).fill(0), ...right];
  } else {
    groups = parse(text);
  }
  return [...groups, ...tail];
}

const quadOf = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

/**
 * The IPv4 address an IPv6 address stands for, when it embeds one: IPv4-mapped
 * (`::ffff:127.0.0.1`), NAT64 (`64:ff9b::7f00:1`) and 6to4 (`2002:7f00:1::`).
 * Those reach the IPv4 address, so it is what gets checked.
 */
export function embeddedIPv4(address: string): string | undefined {
  if (isIP(address) !== 6) return undefined;
  const g = ipv6Groups(address);
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) return quadOf(g[6], g[7]);
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0) return quadOf(g[6], g[7]);
  if (g[0] === 0x2002) return quadOf(g[1], g[2]);
  return undefined;
}

/** `127.0.0.0/8`, `::1/128` or a bare address, as a network and a prefix length; undefined when malformed. */
export function parseAddressRange(text: string): { network: string; prefix: number; family: AddressFamily } | undefined {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const network = slash === -1 ? trimmed : trimmed.slice(0, slash);
  const family = isIP(network);
  if (family !== 4 && family !== 6) return undefined;
  const max = family === 4 ? 32 : 128;
  const prefixText = slash === -1 ? String(max) : trimmed.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > max) return undefined;
  return { network, prefix, family };
}

/**
 * Parses a comma-separated list of ranges (the OUTBOUND_ALLOWED_RANGES setting).
 * Throws naming the first malformed entry; an empty text is an empty list.
 */
export function parseAddressRanges(text: string | undefined): string[] {
  const entries = (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!parseAddressRange(entry)) throw new Error(`"${entry}" is not an address range such as 127.0.0.0/8 or ::1/128`);
  }
  return entries;
}

const stripBrackets = (host: string) => (host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host);

const systemResolver: HostResolver = async (hostname) => {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

export type AddressVerdict = { allowed: true } | { allowed: false; category: RefusedCategory };

/** Addresses whose verdict a guard keeps (each check builds socket addresses; a worker talks to few hosts). */
const VERDICTS_KEPT = 1024;

/** The check itself, reusable for any number of requests. */
export class OutboundGuard {
  private readonly allowed = new BlockList();
  private readonly resolver: HostResolver;

  constructor(options: OutboundGuardOptions = {}) {
    for (const entry of options.allowedRanges ?? []) {
      const range = parseAddressRange(entry);
      if (!range) throw new Error(`outbound guard: "${entry}" is not an address range such as 127.0.0.0/8 or ::1/128`);
      this.allowed.addSubnet(range.network, range.prefix, range.family === 4 ? 'ipv4' : 'ipv6');
    }
    this.resolver = options.resolve ?? systemResolver;
  }

  /** Verdicts already given, by address as written (the same for the life of the guard); bounded. */
  private readonly verdicts = new Map<string, AddressVerdict>();

  /** Whether a request may connect to this address (an IP literal; brackets and a zone are ignored). */
  verdict(address: string): AddressVerdict {
    let known = this.verdicts.get(address);
    if (!known) {
      known = this.judge(address);
      if (this.verdicts.size >= VERDICTS_KEPT) this.verdicts.clear();
      this.verdicts.set(address, known);
    }
    return known;
  }

  private judge(address: string): AddressVerdict {
    const bare = stripBrackets(address).split('%')[0];
    const family = isIP(bare);
    if (family === 0) return { allowed: false, category: 'reserved' };
    const embedded = family === 6 ? embeddedIPv4(bare) : undefined;
    if (embedded) return this.judge(embedded);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (METADATA_LIST.check(bare, type)) return { allowed: false, category: 'cloud metadata' };
    if (this.allowed.check(bare, type)) return { allowed: true };
    for (const { category, list } of CATEGORY_LISTS) if (list.check(bare, type)) return { allowed: false, category };
    return { allowed: true };
  }

  /**
   * The address to connect to for `hostname` (a URL's host, brackets allowed):
   * an IP literal is checked as it is; a name is resolved once and EVERY address
   * it has must pass (a name with one private address among public ones is
   * refused), then the first is used. `target` names the request in messages.
   */
  async resolve(hostname: string, target: string): Promise<ResolvedAddress> {
    const host = stripBrackets(hostname);
    const literal = isIP(host);
    if (literal) {
      const verdict = this.verdict(host);
      if (!verdict.allowed) throw refused(target, host, `is a ${verdict.category} address`, verdict.category);
      return { address: host, family: literal as AddressFamily };
    }
    let addresses: ResolvedAddress[];
    try {
      addresses = await this.resolver(host);
    } catch (error) {
      const code = (error as { code?: unknown })?.code;
      throw new ConnectorError('TRANSIENT', `${target} failed: cannot resolve ${host}${typeof code === 'string' ? ` (${code})` : ''}`);
    }
    if (addresses.length === 0) throw new ConnectorError('TRANSIENT', `${target} failed: ${host} has no address`);
    for (const { address } of addresses) {
      const verdict = this.verdict(address);
      // The address itself is not named: a tenant learns nothing about internal names beyond "refused".
      if (!verdict.allowed) throw refused(target, host, `resolves to a ${verdict.category} address`, verdict.category);
    }
    const first = addresses[0];
    return { address: stripBrackets(first.address), family: first.family };
  }
}

function refused(target: string, host: string, what: string, category: RefusedCategory): OutboundRefusedError {
  return new OutboundRefusedError(`${target}: refused: ${host} ${what}, which requests made for a tenant may not reach`, host, category);
}

/**
 * The guard a client gets when its creator passes none: fully on, with only the
 * ranges named by OUTBOUND_ALLOWED_RANGES in the process environment let
 * through (none when it is unset, as in production). The platform passes its
 * validated setting explicitly; this default keeps any other client safe.
 */
export function defaultOutboundGuard(): OutboundGuard {
  return new OutboundGuard({ allowedRanges: parseAddressRanges(process.env.OUTBOUND_ALLOWED_RANGES) });
}
