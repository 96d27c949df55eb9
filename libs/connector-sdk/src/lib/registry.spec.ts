import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Connector, ConnectorManifest } from './contract';
import { ConnectorError } from './errors';
import {
  ConnectorRegistry,
  ConnectorRegistryError,
  loadConnectorsFromConfig,
  parseConnectorModuleList,
  parseConnectorModuleOptions,
} from './registry';

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
    const targetsWithoutListing = {
      ...connector('delta'),
      manifest: { ...manifest('delta'), capabilities: { ...manifest('delta').capabilities, targets: true } },
    };
    expect(() => registry.register(targetsWithoutListing)).toThrow('capabilities.targets is true but listTargets is missing');
    const undeclaredListing = { ...connector('epsilon'), listTargets: async () => [] };
    expect(() => registry.register(undeclaredListing)).toThrow('listTargets is present but no capability declares it');
    const unknownDelivery = {
      ...connector('zeta'),
      manifest: { ...manifest('zeta'), media: { ...manifest('zeta').media, delivery: 'ftp' } },
    };
    expect(() => registry.register(unknownDelivery as unknown as Connector)).toThrow("media.delivery must be 'bytes' or 'url'");
    const byUrl = { ...connector('eta'), manifest: { ...manifest('eta'), media: { ...manifest('eta').media, delivery: 'url' as const } } };
    expect(registry.register(byUrl).get('eta')?.manifest.media.delivery).toBe('url');
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
      'Connector module "pixelfed" was not found: plugins of this repository are workspace packages named "@socle/plugin-<name>" (from plugins/<name>); ' +
        'a plugin installed apart from the application needs the folder it was installed into (its npm prefix) as a search path: ' +
        'check the name in CONNECTORS. Nothing is installed automatically.',
    );
    expect(() => loadConnectorsFromConfig(['pixelfed'], { searchPaths: ['/srv/connectors'] })).toThrow(
      'a plugin installed apart from the application is looked up in /srv/connectors/node_modules: check the name in CONNECTORS',
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

  it('loads a package installed apart from the application from a search path, never an @socle/ one, and reads its SDK copy’s errors', async () => {
    const prefix = join(dir, 'installed-apart');
    const installed = join(prefix, 'node_modules/@acme/socle-plugin-apart/index.js');
    mkdirSync(dirname(installed), { recursive: true });
    // The package bundles its own copy of the SDK: its ConnectorError is another class with the same shape.
    writeFileSync(
      installed,
      `class ConnectorError extends Error { constructor(kind, message, d = {}) { super(message); this.name = 'ConnectorError'; this.kind = kind; this.retryAfterSeconds = d.retryAfterSeconds; this.status = d.status; } }
       exports.default = () => ({ ...${body('apart')}, fetchMentions: async (ctx, creds, query) => {
         if (query.keywords) throw new Error('plain failure');
         throw new ConnectorError('RATE_LIMITED', 'slow down', { retryAfterSeconds: 7, status: 429 });
       } });`,
    );
    expect(() => loadConnectorsFromConfig(['@acme/socle-plugin-apart'])).toThrow('was not found');
    const connector = loadConnectorsFromConfig(['@acme/socle-plugin-apart'], { searchPaths: [prefix] }).getOrThrow('apart');
    const ctx = { http: { request: async () => Promise.reject(new Error('unused')) } };
    const credentials = { serviceUrl: 'https://example.org', secrets: {} };
    const adopted = await (connector.fetchMentions as NonNullable<Connector['fetchMentions']>)(ctx, credentials, {}).catch(
      (error: unknown) => error,
    );
    expect(adopted).toBeInstanceOf(ConnectorError);
    expect(adopted).toMatchObject({ kind: 'RATE_LIMITED', retryAfterSeconds: 7, status: 429, message: 'slow down' });
    // Anything else passes through as it was thrown.
    const plain = await (connector.fetchMentions as NonNullable<Connector['fetchMentions']>)(ctx, credentials, { keywords: ['x'] }).catch(
      (error: unknown) => error,
    );
    expect(plain).not.toBeInstanceOf(ConnectorError);
    expect((plain as Error).message).toBe('plain failure');

    // An @socle/ name found only there is an installed package, not ours: refused.
    const squatted = join(prefix, 'node_modules/@socle/plugin-apart/index.js');
    mkdirSync(dirname(squatted), { recursive: true });
    writeFileSync(squatted, `exports.connector = ${body('squatter')};`);
    expect(() => loadConnectorsFromConfig(['@socle/plugin-apart'], { searchPaths: [prefix] })).toThrow(
      'Connector module "@socle/plugin-apart" resolves to an installed package',
    );
  });

  it('passes each module its configured options, and refuses options it cannot take or that name no enabled module', () => {
    // Each one shows the options it received in its display name.
    const factory = moduleFile(
      'with-options',
      `exports.default = (options) => { const c = ${body('optioned')}; c.manifest.displayName = JSON.stringify(options); return c; };`,
    );
    const cls = moduleFile(
      'class-options',
      `exports.default = class { constructor(options) { Object.assign(this, ${body('classy')}); this.manifest.displayName = JSON.stringify(options); } };`,
    );
    const plain = moduleFile('plain', `exports.connector = ${body('plain')};`);
    const registry = loadConnectorsFromConfig([factory, cls, plain], {
      moduleOptions: parseConnectorModuleOptions(JSON.stringify({ [factory]: { clientId: 'abc' }, [cls]: { apiVersion: '202603' } })),
    });
    expect(registry.get('optioned')?.manifest.displayName).toBe('{"clientId":"abc"}');
    expect(registry.get('classy')?.manifest.displayName).toBe('{"apiVersion":"202603"}');
    // Without options, a factory gets an empty object.
    expect(loadConnectorsFromConfig([factory]).get('optioned')?.manifest.displayName).toBe('{}');
    expect(() => loadConnectorsFromConfig([plain], { moduleOptions: { [plain]: { x: 1 } } })).toThrow(
      'is a connector object, which takes no options: export a factory or a class to receive them',
    );
    expect(() => loadConnectorsFromConfig([factory], { moduleOptions: { '@acme/elsewhere': {} } })).toThrow(
      'Options are given for "@acme/elsewhere", which is not an enabled connector module',
    );
    expect(() =>
      loadConnectorsFromConfig([factory], { moduleOptions: parseConnectorModuleOptions('{"__proto__": {"polluted": true}}') }),
    ).toThrow('Options are given for "__proto__", which is not an enabled connector module');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parseConnectorModuleOptions('  ')).toEqual({});
    expect(() => parseConnectorModuleOptions('{"a": ')).toThrow('Connector options are not JSON');
    expect(() => parseConnectorModuleOptions('[1]')).toThrow('must be a JSON object mapping each module name');
    expect(() => parseConnectorModuleOptions('{"a": [1]}')).toThrow('Connector options of "a" must be an object');
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
