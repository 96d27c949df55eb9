/**
 * The registry of enabled connectors. A connector shipped as a package is enabled by
 * configuration alone: list its package name and `loadConnectorsFromConfig` requires it.
 * Nothing is ever installed: a name that does not resolve is an error.
 */
import { realpathSync } from 'node:fs';
import type { Connector, ConnectorManifest, OperationName } from './contract';
import { adoptConnectorError } from './errors';
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

/**
 * Reads the options of connector modules from a JSON object mapping each module name to an object of
 * options. Throws a `ConnectorRegistryError` saying what is wrong; an empty or absent value is no options.
 */
export function parseConnectorModuleOptions(value: string | undefined): Record<string, Record<string, unknown>> {
  if (!value?.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    throw new ConnectorRegistryError(`Connector options are not JSON: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConnectorRegistryError('Connector options must be a JSON object mapping each module name to an object of options');
  }
  // No prototype: a module named "__proto__" stays a plain key (and is then refused as not enabled).
  const options: Record<string, Record<string, unknown>> = Object.create(null) as Record<string, Record<string, unknown>>;
  for (const [name, entry] of Object.entries(parsed as Record<string, unknown>)) {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new ConnectorRegistryError(`Connector options of "${name}" must be an object`);
    }
    options[name] = entry as Record<string, unknown>;
  }
  return options;
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

/**
 * Turns one export (a connector, a factory function or a class) into a connector. A factory or a class
 * receives the module's options (an empty object when none are configured); a connector object takes none.
 */
function resolveExport(value: unknown, label: string, options: Record<string, unknown> | undefined): Connector {
  let candidate: unknown = value;
  if (isClass(value)) {
    try {
      candidate = new (value as new (options: Record<string, unknown>) => unknown)(options ?? {});
    } catch (error) {
      throw new ConnectorRegistryError(`${label}: constructing the class failed: ${(error as Error).message}`);
    }
  } else if (typeof value === 'function') {
    try {
      candidate = (value as (options: Record<string, unknown>) => unknown)(options ?? {});
    } catch (error) {
      throw new ConnectorRegistryError(`${label}: calling the factory failed: ${(error as Error).message}`);
    }
  } else if (options !== undefined) {
    throw new ConnectorRegistryError(`${label} is a connector object, which takes no options: export a factory or a class to receive them`);
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
  /**
   * Folders where connector packages are installed apart from the application (`npm install --prefix
   * <folder> <package>`): a name the application itself does not resolve is looked up in
   * `<folder>/node_modules`. `@socle/` names are never taken from there (they are workspace packages).
   */
  searchPaths?: string[];
  /**
   * Options per module name, passed to the module's factory or class (an OAuth client registration, an API
   * version): how a plugin is configured, since it never reads the environment itself.
   */
  moduleOptions?: Record<string, Record<string, unknown>>;
}

/** The scope of this repository's own packages: its plugins are workspace packages, never installed ones. */
export const WORKSPACE_SCOPE = '@socle/';

/** Node's resolution from the application, then from each search path; symlinks followed. */
function resolverFor(searchPaths: string[]): (name: string) => string {
  return (name) => {
    try {
      return realpathSync(require.resolve(name));
    } catch (error) {
      if (!searchPaths.length || (error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
      return realpathSync(require.resolve(name, { paths: searchPaths }));
    }
  };
}

/** Every operation a connector may offer, wrapped by `withAdoptedErrors`. */
const OPERATIONS: readonly OperationName[] = [
  'authorize',
  'refresh',
  'publish',
  'findPublished',
  'delete',
  'fetchMentions',
  'fetchComments',
  'reply',
  'fetchMetrics',
  'fetchAccountMetrics',
  'listTargets',
];

/**
 * A connector from a package outside the workspace, its operations' errors turned into this SDK's
 * `ConnectorError` (the package bundles its own copy of the SDK, whose errors the platform would
 * otherwise not recognise and would treat as unexpected).
 */
function withAdoptedErrors(connector: Connector): Connector {
  const wrap =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>, self: unknown) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn.apply(self, args);
      } catch (error) {
        throw adoptConnectorError(error);
      }
    };
  const wrapped: Record<string, unknown> = {
    manifest: connector.manifest,
    validate: (variant: Parameters<Connector['validate']>[0]) => connector.validate(variant),
  };
  for (const operation of OPERATIONS) {
    const fn = connector[operation] as unknown;
    if (typeof fn === 'function') wrapped[operation] = wrap(fn as (...args: unknown[]) => Promise<unknown>, connector);
  }
  if (connector.oauth !== undefined) {
    const oauth = connector.oauth;
    wrapped.oauth = typeof oauth?.start === 'function' ? { start: wrap(oauth.start, oauth) } : oauth;
  }
  return wrapped as unknown as Connector;
}

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
function notFoundMessage(name: string, searchPaths: string[]): string {
  const plugin = /^@socle\/plugin-([a-z][a-z0-9-]*)$/.exec(name)?.[1];
  const where = plugin
    ? `it is a workspace package, resolved from plugins/${plugin} through the workspace (node_modules/${name} links there): check that plugins/${plugin}/package.json is named "${name}"`
    : `plugins of this repository are workspace packages named "${WORKSPACE_SCOPE}plugin-<name>" (from plugins/<name>); ` +
      (searchPaths.length
        ? `a plugin installed apart from the application is looked up in ${searchPaths.map((path) => `${path}/node_modules`).join(', ')}`
        : 'a plugin installed apart from the application needs the folder it was installed into (its npm prefix) as a search path') +
      ': check the name in CONNECTORS';
  return `Connector module "${name}" was not found: ${where}. Nothing is installed automatically.`;
}

/**
 * Requires each npm package name and registers the connector it exports: a `connector`
 * export, or a default export, each either a Connector, a factory returning one or a
 * class. Throws a `ConnectorRegistryError` naming the module and what is wrong with it.
 */
export function loadConnectorsFromConfig(moduleNames: string[], options: LoadConnectorsOptions = {}): ConnectorRegistry {
  const registry = options.registry ?? new ConnectorRegistry();
  const searchPaths = options.searchPaths ?? [];
  const moduleOptions = options.moduleOptions ?? {};
  const unknown = Object.keys(moduleOptions).filter((name) => !moduleNames.includes(name));
  if (unknown.length) {
    throw new ConnectorRegistryError(
      `Options are given for ${unknown.map((name) => `"${name}"`).join(', ')}, which is not an enabled connector module`,
    );
  }
  const resolve = options.resolveModule ?? (options.requireModule ? undefined : resolverFor(searchPaths));
  const load =
    options.requireModule ??
    ((name: string) =>
      (searchPaths.length && !name.startsWith(WORKSPACE_SCOPE) ? require(resolverFor(searchPaths)(name)) : require(name)) as unknown);
  for (const name of moduleNames) {
    if (resolve) assertWorkspacePackage(name, resolve);
    let exported: unknown;
    try {
      exported = load(name);
    } catch (error) {
      const code = (error as { code?: string }).code;
      const missing = code === 'MODULE_NOT_FOUND' && (error as Error).message.includes(`'${name}'`);
      throw new ConnectorRegistryError(
        missing
          ? notFoundMessage(name, searchPaths)
          : `Connector module "${name}" failed to load: ${(error as Error).message.split('\n')[0]}`,
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
    const connector = resolveExport(
      value,
      label,
      Object.prototype.hasOwnProperty.call(moduleOptions, name) ? moduleOptions[name] : undefined,
    );
    registry.register(name.startsWith(WORKSPACE_SCOPE) ? connector : withAdoptedErrors(connector), `module "${name}"`);
  }
  return registry;
}
