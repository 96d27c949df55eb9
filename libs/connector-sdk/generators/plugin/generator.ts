/**
 * `nx g @socle/connector-sdk:plugin <name>`: scaffolds plugins/<name> with a connector
 * whose operations are placeholders, a loopback test server and a spec running the
 * conformance suite. On the fresh scaffold the suite fails once per operation still
 * to write: the plugin author's to-do list.
 */
import { generateFiles, joinPathFragments, logger, names, Tree, updateJson } from '@nx/devkit';
import * as path from 'node:path';

export interface PluginGeneratorSchema {
  name: string;
  displayName?: string;
  authKind?: 'oauth2' | 'app-password' | 'access-token' | 'none';
  directory?: string;
}

export interface NormalizedPluginOptions {
  /** Network id: `pixelfed`. */
  name: string;
  /** `Pixelfed`. */
  displayName: string;
  /** `PixelfedConnector`. */
  className: string;
  /** `pixelfedManifest`. */
  propertyName: string;
  /** `pixelfed` (file names). */
  fileName: string;
  packageName: string;
  projectRoot: string;
  authKind: NonNullable<PluginGeneratorSchema['authKind']>;
  /** Operations the scaffold leaves to write, in the order the suite reports them. */
  operations: string[];
  /** What the spec imports from the test server: the tokens and secrets its harness uses. */
  serverConstants: string[];
}

const SERVER_CONSTANTS: Record<NonNullable<PluginGeneratorSchema['authKind']>, string[]> = {
  oauth2: ['EXPIRED_TOKEN', 'GOOD_CODE', 'REFRESH_TOKEN', 'VALID_TOKEN'],
  'app-password': ['APP_PASSWORD', 'EXPIRED_TOKEN', 'HANDLE', 'REFRESH_TOKEN', 'VALID_TOKEN'],
  'access-token': ['EXPIRED_TOKEN', 'VALID_TOKEN'],
  none: [],
};

export function normalizeOptions(schema: PluginGeneratorSchema): NormalizedPluginOptions {
  const name = schema.name?.trim() ?? '';
  if (!/^[a-z][a-z0-9-]*$/.test(name)) {
    throw new Error(`Plugin name must be lowercase letters, digits or dashes, starting with a letter (got "${schema.name}")`);
  }
  const n = names(name);
  const authKind = schema.authKind ?? 'access-token';
  const refreshable = authKind === 'oauth2' || authKind === 'app-password';
  return {
    name,
    displayName: schema.displayName?.trim() || n.className.replace(/([a-z])([A-Z])/g, '$1 $2'),
    className: `${n.className}Connector`,
    propertyName: n.propertyName,
    fileName: n.fileName,
    packageName: `@socle/plugin-${name}`,
    projectRoot: joinPathFragments(schema.directory ?? 'plugins', name),
    authKind,
    operations: ['authorize', 'publish', 'delete', 'fetchMentions', ...(refreshable ? ['refresh'] : [])],
    serverConstants: SERVER_CONSTANTS[authKind],
  };
}

/** How to enable the plugin: a workspace package listed in CONNECTORS, never a package installed from a registry. */
export function enableMessage(options: Pick<NormalizedPluginOptions, 'packageName' | 'projectRoot'>): string {
  return (
    `${options.packageName} is a workspace package, resolved from ${options.projectRoot} through the workspace: nothing to install. ` +
    `To enable it, add ${options.packageName} to the CONNECTORS variable. Never npm install a package of that name from a registry: it would not be this code.`
  );
}

export async function pluginGenerator(tree: Tree, schema: PluginGeneratorSchema): Promise<() => void> {
  const options = normalizeOptions(schema);
  if (tree.exists(joinPathFragments(options.projectRoot, 'project.json'))) {
    throw new Error(`${options.projectRoot} already exists; pick another name or remove it first`);
  }
  const refreshable = options.operations.includes('refresh');
  generateFiles(tree, path.join(__dirname, 'files'), options.projectRoot, {
    ...options,
    refreshable,
    offsetFromRoot: options.projectRoot
      .split('/')
      .map(() => '..')
      .join('/'),
    connectorFile: `src/lib/${options.fileName}.connector.ts`,
  });

  const tsconfig = tree.exists('tsconfig.base.json') ? 'tsconfig.base.json' : 'tsconfig.json';
  if (tree.exists(tsconfig)) {
    updateJson(tree, tsconfig, (json: { compilerOptions?: { paths?: Record<string, string[]> } }) => {
      json.compilerOptions ??= {};
      json.compilerOptions.paths ??= {};
      json.compilerOptions.paths[options.packageName] = [joinPathFragments(options.projectRoot, 'src/index.ts')];
      return json;
    });
  }
  return () => logger.info(enableMessage(options));
}

export default pluginGenerator;
