/**
 * The registry of enabled connectors. A connector shipped as a package is enabled by
 * configuration alone: list its package name and `loadConnectorsFromConfig` requires it.
 * Nothing is ever installed: a name that does not resolve is an error.
 */
import { realpathSync } from 'node:fs';
import type { Connector, ConnectorManifest } from './contract';
import { validateManifest, validateOperations } from './manifest';

export class ConnectorRegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectorRegistryError';
  }
}

export class ConnectorRegistry {
  private readonly connectors = new Map<string, { connector: Connector; source: string }>();

  /**
   * Adds a connector. Throws a `ConnectorRegistryError` when its manifest is malformed,
   * its operations do not match its capabilities, or its id is already registered.
   */
  register(connector: Connector, source = 'code'): this {
    const problems = [...validateManifest(connector?.manifest), ...(connector?.manifest ? validateOperations(connector) : [])];
    if (connector?.oauth !== undefined) {
      if (typeof connector.oauth?.start !== 'function') problems.push('oauth must be an object with a start operation');
      if (connector.manifest?.authKind !== 'oauth2')
        problems.push(`oauth is offered but authKind is ${JSON.stringify(connector.manifest?.authKind)}, not "oauth2"`);
    }
    if (problems.length) {
      throw new ConnectorRegistryError(`Connector from ${source} is invalid: ${problems.join('; ')}`);
    }
    const existing = this.connectors.get(connector.manifest.id);
    if (existing) {
      throw new ConnectorRegistryError(`Connector id "${connector.manifest.id}" is provided twice: by ${existing.source} and by ${source}`);
    }
    this.connectors.set(connector.manifest.id, { connector, source });
    return this;
  }

  has(id: string): boolean {
    return this.connectors.has(id);
  }

  /** The connector with this manifest id, or undefined. */
  get(id: string): Connector | undefined {
    return this.connectors.get(id)?.connector;
  }

  /** The connector with this manifest id; throws a readable error listing the enabled ones. */
  getOrThrow(id: string): Connector {
    const connector = this.get(id);
    if (!connector) {
      const enabled = [...this.connectors.keys()];
      throw new ConnectorRegistryError(`No connector "${id}" is enabled (enabled: ${enabled.length ? enabled.join(', ') : 'none'})`);
    }
    return connector;
  }

  /** Enabled connectors, in registration order. */
  list(): Connector[] {
    return [...this.connectors.values()].map((entry) => entry.connector);
  }

  manifests(): ConnectorManifest[] {
    return this.list().map((connector) => connector.manifest);
  }
}

/** Splits a configuration value such as `"@socle/plugin-rss, @acme/socle-plugin-x"`. */
export function parseConnectorModuleList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,\s]+/)
    .map((name) => name.trim())
    .filter(Boolean);
}

function isConnector(value: unknown): value is Connector {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as Connector).manifest === 'object' &&
    typeof (value as Connector).authorize === 'function'
  );
}

function isClass(value: unknown): value is new () => unknown {
  return typeof value === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(value));
}

/** Turns one export (a connector, a factory function or a class) into a connector. */
function resolveExport(value: unknown, label: string): Connector {
  let candidate: unknown = value;
  if (isClass(value)) {
    try {
      candidate = new value();
    } catch (error) {
      throw new ConnectorRegistryError(`${label}: constructing the class failed: ${(error as Error).message}`);
    }
  } else if (typeof value === 'function') {
    try {
      candidate = (value as () => unknown)();
    } catch (error) {
      throw new ConnectorRegistryError(`${label}: calling the factory failed: ${(error as Error).message}`);
    }
  }
  if (!isConnector(candidate)) {
    throw new ConnectorRegistryError(`${label} is not a Connector (expected an object with a manifest and an authorize operation)`);
  }
  return candidate;
}

export interface LoadConnectorsOptions {
  /** Registry to add to; a new one by default. */
  registry?: ConnectorRegistry;
  /** How to load a module; Node's `require` by default. */
  requireModule?: (name: string) => unknown;
  /**
   * The real path a module name resolves to, for the workspace check of `@socle/` names;
   * Node's resolution (symlinks followed) by default, none when `requireModule` is given alone.
   */
  resolveModule?: (name: string) => string;
}

/** The scope of this repository's own packages: its plugins are workspace packages, never installed ones. */
export const WORKSPACE_SCOPE = '@socle/';

const defaultResolve = (name: string): string => realpathSync(require.resolve(name));

/**
 * Refuses an `@socle/` package that resolves into a node_modules directory: the workspace
 * links its own packages to their folder (plugins/<name>), so such a path is a package
 * installed from a registry under our name, not ours.
 */
function assertWorkspacePackage(name: string, resolve: (name: string) => string): void {
  if (!name.startsWith(WORKSPACE_SCOPE)) return;
  let resolved: string;
  try {
    resolved = resolve(name);
  } catch {
    return; // not found: the load below says so
  }
  if (resolved.split(/[\\/]/).includes('node_modules')) {
    throw new ConnectorRegistryError(
      `Connector module "${name}" resolves to an installed package (${resolved}), not to this workspace: ` +
        `${WORKSPACE_SCOPE} plugins are workspace packages under plugins/, linked by npm workspaces. ` +
        `Remove the installed copy; a package of that name from a public registry is not ours.`,
    );
  }
}

/** What to do when a configured name does not resolve: never an install command (a public package of that name may be anyone's). */
function notFoundMessage(name: string): string {
  const plugin = /^@socle\/plugin-([a-z][a-z0-9-]*)$/.exec(name)?.[1];
  const where = plugin
    ? `it is a workspace package, resolved from plugins/${plugin} through the workspace (node_modules/${name} links there): check that plugins/${plugin}/package.json is named "${name}"`
    : `plugins of this repository are workspace packages named "${WORKSPACE_SCOPE}plugin-<name>" (from plugins/<name>): check the name in CONNECTORS`;
  return `Connector module "${name}" was not found: ${where}. Nothing is installed automatically.`;
}

/**
 * Requires each npm package name and registers the connector it exports: a `connector`
 * export, or a default export, each either a Connector, a factory returning one or a
 * class. Throws a `ConnectorRegistryError` naming the module and what is wrong with it.
 */
export function loadConnectorsFromConfig(moduleNames: string[], options: LoadConnectorsOptions = {}): ConnectorRegistry {
  const registry = options.registry ?? new ConnectorRegistry();
  const load = options.requireModule ?? ((name: string) => require(name) as unknown);
  const resolve = options.resolveModule ?? (options.requireModule ? undefined : defaultResolve);
  for (const name of moduleNames) {
    if (resolve) assertWorkspacePackage(name, resolve);
    let exported: unknown;
    try {
      exported = load(name);
    } catch (error) {
      const code = (error as { code?: string }).code;
      const missing = code === 'MODULE_NOT_FOUND' && (error as Error).message.includes(`'${name}'`);
      throw new ConnectorRegistryError(
        missing ? notFoundMessage(name) : `Connector module "${name}" failed to load: ${(error as Error).message.split('\n')[0]}`,
      );
    }
    const record = (exported && (typeof exported === 'object' || typeof exported === 'function') ? exported : {}) as Record<
      string,
      unknown
    >;
    let value: unknown;
    let label: string;
    if (record.connector !== undefined) {
      value = record.connector;
      label = `Export "connector" of module "${name}"`;
    } else if (record.default !== undefined) {
      value = record.default;
      label = `Default export of module "${name}"`;
    } else if (isConnector(exported) || typeof exported === 'function') {
      value = exported;
      label = `Module "${name}"`;
    } else {
      const found = Object.keys(record);
      throw new ConnectorRegistryError(
        `Connector module "${name}" exports neither "connector" nor a default connector (found: ${found.length ? found.join(', ') : 'nothing'})`,
      );
    }
    registry.register(resolveExport(value, label), `module "${name}"`);
  }
  return registry;
}
