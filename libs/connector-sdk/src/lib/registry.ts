/**
 * The registry of enabled connectors. A connector shipped as an npm package is
 * enabled by configuration alone: list its package name and `loadConnectorsFromConfig`
 * requires it.
 */
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
    if (problems.length) {
      throw new ConnectorRegistryError(`Connector from ${source} is invalid: ${problems.join('; ')}`);
    }
    const existing = this.connectors.get(connector.manifest.id);
    if (existing) {
      throw new ConnectorRegistryError(
        `Connector id "${connector.manifest.id}" is provided twice: by ${existing.source} and by ${source}`,
      );
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
      throw new ConnectorRegistryError(
        `No connector "${id}" is enabled (enabled: ${enabled.length ? enabled.join(', ') : 'none'})`,
      );
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
}

/**
 * Requires each npm package name and registers the connector it exports: a `connector`
 * export, or a default export, each either a Connector, a factory returning one or a
 * class. Throws a `ConnectorRegistryError` naming the module and what is wrong with it.
 */
export function loadConnectorsFromConfig(moduleNames: string[], options: LoadConnectorsOptions = {}): ConnectorRegistry {
  const registry = options.registry ?? new ConnectorRegistry();
  const load = options.requireModule ?? ((name: string) => require(name) as unknown);
  for (const name of moduleNames) {
    let exported: unknown;
    try {
      exported = load(name);
    } catch (error) {
      const code = (error as { code?: string }).code;
      const missing = code === 'MODULE_NOT_FOUND' && (error as Error).message.includes(`'${name}'`);
      throw new ConnectorRegistryError(
        missing
          ? `Connector module "${name}" is not installed (add it with npm install ${name})`
          : `Connector module "${name}" failed to load: ${(error as Error).message.split('\n')[0]}`,
      );
    }
    const record = (exported && (typeof exported === 'object' || typeof exported === 'function') ? exported : {}) as Record<string, unknown>;
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
