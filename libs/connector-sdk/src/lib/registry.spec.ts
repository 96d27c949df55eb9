import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connector, ConnectorManifest } from './contract';
import { ConnectorRegistry, ConnectorRegistryError, loadConnectorsFromConfig, parseConnectorModuleList } from './registry';

const manifest = (id: string): ConnectorManifest => ({
  id,
  displayName: id.toUpperCase(),
  authKind: 'none',
  capabilities: { publish: false, media: false, threads: false, reply: false, delete: false, mentions: true, search: false, comments: false, metrics: false },
  text: { maxLength: 1, counting: 'code-points' },
  media: { maxCount: 0, types: [], maxBytes: 0 },
  rateLimit: { requests: 60, windowSeconds: 60 },
});
const connector = (id: string): Connector => ({
  manifest: manifest(id),
  authorize: async (_ctx, input) => ({ serviceUrl: input.serviceUrl, secrets: {} }),
  validate: () => [],
  fetchMentions: async () => ({ items: [] }),
});

describe('ConnectorRegistry', () => {
  it('registers, gets by id and lists in order', () => {
    const registry = new ConnectorRegistry().register(connector('beta')).register(connector('alpha'));
    expect(registry.list().map((c) => c.manifest.id)).toEqual(['beta', 'alpha']);
    expect(registry.get('alpha')?.manifest.displayName).toBe('ALPHA');
    expect(registry.get('gamma')).toBeUndefined();
    expect(() => registry.getOrThrow('gamma')).toThrow('No connector "gamma" is enabled (enabled: beta, alpha)');
  });

  it('refuses a duplicate id, a malformed manifest and operations that contradict capabilities', () => {
    const registry = new ConnectorRegistry().register(connector('beta'));
    expect(() => registry.register(connector('beta'))).toThrow('Connector id "beta" is provided twice');
    expect(() => registry.register({ ...connector('Bad Id'), manifest: { ...manifest('Bad Id'), text: { maxLength: -1, counting: 'code-points' } } })).toThrow(
      /id must be lowercase.*text.maxLength must be a positive integer/,
    );
    const missingOperation = { ...connector('gamma'), fetchMentions: undefined };
    expect(() => registry.register(missingOperation)).toThrow('capabilities.mentions is true but fetchMentions is missing');
  });
});

describe('loadConnectorsFromConfig', () => {
  let dir: string;
  const moduleFile = (name: string, source: string) => {
    const file = join(dir, `${name}.js`);
    writeFileSync(file, source);
    return file;
  };
  const body = (id: string) =>
    `{ manifest: ${JSON.stringify(manifest(id))}, authorize: async () => ({ serviceUrl: '', secrets: {} }), validate: () => [], fetchMentions: async () => ({ items: [] }) }`;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'socle-registry-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a `connector` export, a default factory and a default class', () => {
    const a = moduleFile('a', `exports.connector = ${body('alpha')};`);
    const b = moduleFile('b', `exports.default = () => (${body('beta')});`);
    const c = moduleFile('c', `exports.default = class { constructor() { Object.assign(this, ${body('gamma')}); } };`);
    const registry = loadConnectorsFromConfig([a, b, c]);
    expect(registry.list().map((x) => x.manifest.id)).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('says clearly when a module is missing, exports nothing usable or is not a connector', () => {
    expect(() => loadConnectorsFromConfig(['@socle/plugin-does-not-exist'])).toThrow(
      'Connector module "@socle/plugin-does-not-exist" is not installed (add it with npm install @socle/plugin-does-not-exist)',
    );
    const empty = moduleFile('empty', 'exports.something = 1;');
    expect(() => loadConnectorsFromConfig([empty])).toThrow(`Connector module "${empty}" exports neither "connector" nor a default connector (found: something)`);
    const wrong = moduleFile('wrong', 'exports.connector = { hello: true };');
    expect(() => loadConnectorsFromConfig([wrong])).toThrow(ConnectorRegistryError);
    expect(() => loadConnectorsFromConfig([wrong])).toThrow(/is not a Connector/);
    const broken = moduleFile('broken', 'throw new Error("boom at load");');
    expect(() => loadConnectorsFromConfig([broken])).toThrow(`Connector module "${broken}" failed to load: boom at load`);
  });

  it('parses a comma or space separated list', () => {
    expect(parseConnectorModuleList(' @socle/plugin-rss, @acme/x  y ')).toEqual(['@socle/plugin-rss', '@acme/x', 'y']);
    expect(parseConnectorModuleList(undefined)).toEqual([]);
  });
});
