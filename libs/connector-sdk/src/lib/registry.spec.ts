import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Connector, ConnectorManifest } from './contract';
import { ConnectorRegistry, ConnectorRegistryError, loadConnectorsFromConfig, parseConnectorModuleList } from './registry';

const manifest = (id: string): ConnectorManifest => ({
  id,
  displayName: id.toUpperCase(),
  authKind: 'none',
  capabilities: {
    publish: false,
    media: false,
    threads: false,
    reply: false,
    delete: false,
    mentions: true,
    search: false,
    comments: false,
    metrics: false,
  },
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
    expect(() =>
      registry.register({ ...connector('Bad Id'), manifest: { ...manifest('Bad Id'), text: { maxLength: -1, counting: 'code-points' } } }),
    ).toThrow(/id must be lowercase.*text.maxLength must be a positive integer/);
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
      'Connector module "@socle/plugin-does-not-exist" was not found: it is a workspace package, resolved from plugins/does-not-exist through the workspace ' +
        '(node_modules/@socle/plugin-does-not-exist links there): check that plugins/does-not-exist/package.json is named "@socle/plugin-does-not-exist". ' +
        'Nothing is installed automatically.',
    );
    expect(() => loadConnectorsFromConfig(['pixelfed'])).toThrow(
      'Connector module "pixelfed" was not found: plugins of this repository are workspace packages named "@socle/plugin-<name>" (from plugins/<name>): ' +
        'check the name in CONNECTORS. Nothing is installed automatically.',
    );
    const empty = moduleFile('empty', 'exports.something = 1;');
    expect(() => loadConnectorsFromConfig([empty])).toThrow(
      `Connector module "${empty}" exports neither "connector" nor a default connector (found: something)`,
    );
    const wrong = moduleFile('wrong', 'exports.connector = { hello: true };');
    expect(() => loadConnectorsFromConfig([wrong])).toThrow(ConnectorRegistryError);
    expect(() => loadConnectorsFromConfig([wrong])).toThrow(/is not a Connector/);
    const broken = moduleFile('broken', 'throw new Error("boom at load");');
    expect(() => loadConnectorsFromConfig([broken])).toThrow(`Connector module "${broken}" failed to load: boom at load`);
  });

  it('never suggests installing a package from a registry', () => {
    for (const name of ['@socle/plugin-nowhere', 'socle-plugin-nowhere', '@acme/nowhere']) {
      expect(() => loadConnectorsFromConfig([name])).toThrow(ConnectorRegistryError);
      expect(() => loadConnectorsFromConfig([name])).not.toThrow(/npm (install|i) /);
    }
  });

  it('loads the workspace plugins, which resolve to their folder through the workspace', () => {
    const registry = loadConnectorsFromConfig(['@socle/plugin-rss'], {
      resolveModule: (name) => realpathSync(join(__dirname, '../../../../node_modules', name)),
    });
    expect(registry.list().map((x) => x.manifest.id)).toEqual(['rss']);
  });

  it('refuses an @socle/ package installed into node_modules instead of linked from the workspace', () => {
    const installed = join(dir, 'node_modules/@socle/plugin-squatted/index.js');
    mkdirSync(dirname(installed), { recursive: true });
    writeFileSync(installed, `exports.connector = ${body('squatted')};`);
    let loaded = false;
    expect(() =>
      loadConnectorsFromConfig(['@socle/plugin-squatted'], {
        resolveModule: () => installed,
        requireModule: () => {
          loaded = true;
          return require(installed);
        },
      }),
    ).toThrow(`Connector module "@socle/plugin-squatted" resolves to an installed package (${installed}), not to this workspace`);
    // Refused before its code ran.
    expect(loaded).toBe(false);
    // A third-party scope is the operator's choice: loaded from node_modules as configured.
    const thirdParty = join(dir, 'node_modules/@acme/socle-plugin-x/index.js');
    mkdirSync(dirname(thirdParty), { recursive: true });
    writeFileSync(thirdParty, `exports.connector = ${body('acme')};`);
    expect(
      loadConnectorsFromConfig(['@acme/socle-plugin-x'], { resolveModule: () => thirdParty, requireModule: () => require(thirdParty) }).has(
        'acme',
      ),
    ).toBe(true);
  });

  it('refuses an oauth flow on a connector that does not use OAuth, or without a start', () => {
    const withOAuth = { ...connector('delta'), oauth: { start: async () => ({ authorizationUrl: 'https://x.test/', fields: {} }) } };
    expect(() => new ConnectorRegistry().register(withOAuth)).toThrow('oauth is offered but authKind is "none", not "oauth2"');
    const noStart = {
      ...connector('epsilon'),
      manifest: { ...manifest('epsilon'), authKind: 'oauth2' as const },
      oauth: {} as Connector['oauth'],
    };
    expect(() => new ConnectorRegistry().register(noStart)).toThrow('oauth must be an object with a start operation');
  });

  it('parses a comma or space separated list', () => {
    expect(parseConnectorModuleList(' @socle/plugin-rss, @acme/x  y ')).toEqual(['@socle/plugin-rss', '@acme/x', 'y']);
    expect(parseConnectorModuleList(undefined)).toEqual([]);
  });
});
