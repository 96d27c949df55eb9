import { logger, Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { enableMessage, pluginGenerator } from './generator';

const read = (tree: Tree, file: string): string => tree.read(file, 'utf-8') ?? '';

const repoRoot = path.resolve(__dirname, '../../../..');
const sdkRoot = path.join(repoRoot, 'libs/connector-sdk');

function writeTreeTo(tree: Tree, from: string, to: string): string[] {
  const written: string[] = [];
  const walk = (dir: string) => {
    for (const child of tree.children(dir)) {
      const rel = path.posix.join(dir, child);
      if (tree.isFile(rel)) {
        const target = path.join(to, rel);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, tree.read(rel) ?? '');
        written.push(target);
      } else {
        walk(rel);
      }
    }
  };
  walk(from);
  return written;
}

interface JestAssertion {
  title: string;
  fullName: string;
  status: 'passed' | 'failed' | 'pending' | 'todo';
  failureMessages: string[];
}

describe('plugin generator', () => {
  let tree: Tree;
  let workDir: string;

  beforeAll(async () => {
    tree = createTreeWithEmptyWorkspace();
    await pluginGenerator(tree, { name: 'acme-net' });
    await pluginGenerator(tree, { name: 'oauthy', authKind: 'oauth2' });
    workDir = mkdtempSync(path.join(tmpdir(), 'socle-plugin-generator-'));
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('creates the plugin files', () => {
    for (const file of [
      'project.json',
      'package.json',
      'README.md',
      'src/index.ts',
      'src/lib/acme-net.connector.ts',
      'src/lib/acme-net.connector.spec.ts',
      'src/test/acme-net.server.ts',
    ]) {
      expect(tree.exists(`plugins/acme-net/${file}`)).toBe(true);
    }
    expect(JSON.parse(read(tree, 'plugins/acme-net/project.json'))).toMatchObject({
      name: 'plugin-acme-net',
      tags: ['type:plugin', 'scope:sdk'],
    });
    expect(JSON.parse(read(tree, 'plugins/acme-net/package.json'))).toEqual({
      name: '@socle/plugin-acme-net',
      private: true,
      main: 'src/index.ts',
    });
    const connector = read(tree, 'plugins/acme-net/src/lib/acme-net.connector.ts');
    expect(connector).toContain('export class AcmeNetConnector implements Connector');
    expect(connector).toContain("displayName: 'Acme Net'");
    expect(tree.read('plugins/acme-net/src/test/acme-net.server.ts', 'utf-8')).toContain('LoopbackServer.start');
  });

  it('adds the path alias to tsconfig.base.json', () => {
    const tsconfig = JSON.parse(read(tree, 'tsconfig.base.json'));
    expect(tsconfig.compilerOptions.paths['@socle/plugin-acme-net']).toEqual(['plugins/acme-net/src/index.ts']);
  });

  it('refuses a bad name or an existing plugin', async () => {
    await expect(pluginGenerator(tree, { name: 'Acme Net' })).rejects.toThrow('Plugin name must be lowercase');
    await expect(pluginGenerator(tree, { name: 'acme-net' })).rejects.toThrow('plugins/acme-net already exists');
  });

  it('scaffolds refresh for auth kinds that can refresh', async () => {
    const other = createTreeWithEmptyWorkspace();
    await pluginGenerator(other, { name: 'oauthy', authKind: 'oauth2' });
    const source = read(other, 'plugins/oauthy/src/lib/oauthy.connector.ts');
    expect(source).toContain("authKind: 'oauth2'");
    expect(source).toContain("readonly refresh = notImplemented('refresh', SOURCE);");
  });

  it('says how to enable the plugin: a workspace package in CONNECTORS, never an install from a registry', async () => {
    const message = enableMessage({ packageName: '@socle/plugin-acme-net', projectRoot: 'plugins/acme-net' });
    expect(message).toContain('add @socle/plugin-acme-net to the CONNECTORS variable');
    expect(message).toContain('resolved from plugins/acme-net through the workspace');
    expect(message).not.toMatch(/npm (install|i) @socle/);
    const readme = read(tree, 'plugins/acme-net/README.md');
    expect(readme).toContain("Add its name to\nthe platform's `CONNECTORS` variable");
    expect(readme).not.toMatch(/npm (install|i) @socle/);
    // The generator prints it when it is done.
    const printed = await pluginGenerator(createTreeWithEmptyWorkspace(), { name: 'printed' });
    const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    printed();
    expect(info).toHaveBeenCalledWith(enableMessage({ packageName: '@socle/plugin-printed', projectRoot: 'plugins/printed' }));
    info.mockRestore();
  });

  it('generates the OAuth flavour as the README describes: code exchange, refresh token, oauth.start and a consent page', () => {
    const spec = read(tree, 'plugins/oauthy/src/lib/oauthy.connector.spec.ts');
    expect(spec).toContain('fields: { code: GOOD_CODE }');
    expect(spec).toContain('secrets: { accessToken: EXPIRED_TOKEN, refreshToken: REFRESH_TOKEN }');
    expect(spec).toContain('approveOAuth: (server, authorizationUrl) => server.approve(authorizationUrl)');
    expect(read(tree, 'plugins/oauthy/src/lib/oauthy.connector.ts')).toContain('readonly oauth: ConnectorOAuth = {');
    expect(read(tree, 'plugins/oauthy/src/test/oauthy.server.ts')).toContain("request.url.pathname === '/oauth/authorize'");
    // The token flavour connects with a personal token and has no OAuth step.
    expect(read(tree, 'plugins/acme-net/src/lib/acme-net.connector.spec.ts')).toContain('fields: { accessToken: VALID_TOKEN }');
    expect(read(tree, 'plugins/acme-net/src/lib/acme-net.connector.ts')).not.toContain('oauth');
  });

  it.each(['acme-net', 'oauthy'])(
    'generates code that compiles with the workspace compiler options (%s)',
    (name) => {
      const files = writeTreeTo(tree, `plugins/${name}`, workDir).filter((file) => file.endsWith('.ts'));
      const base = ts.readConfigFile(path.join(repoRoot, 'tsconfig.base.json'), ts.sys.readFile);
      const parsed = ts.parseJsonConfigFileContent(base.config, ts.sys, repoRoot);
      const program = ts.createProgram(files, {
        ...parsed.options,
        noEmit: true,
        baseUrl: repoRoot,
        typeRoots: [path.join(repoRoot, 'node_modules/@types')],
      });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(diagnostics).toEqual([]);
    },
    120_000,
  );

  it.each([
    ['acme-net', ['authorize', 'publish', 'delete', 'fetchMentions']],
    ['oauthy', ['authorize', 'publish', 'delete', 'fetchMentions', 'refresh']],
  ])(
    'fails the conformance suite with exactly one clear message per operation to write (%s)',
    (name, operations) => {
      const pluginDir = path.join(workDir, `plugins/${name}`);
      writeTreeTo(tree, `plugins/${name}`, workDir);
      const swcrc = JSON.parse(readFileSync(path.join(repoRoot, '.swcrc'), 'utf8'));
      delete swcrc.$schema;
      const config = {
        rootDir: pluginDir,
        testEnvironment: 'node',
        transform: { '^.+\\.ts$': [require.resolve('@swc/jest'), { ...swcrc, swcrc: false }] },
        moduleFileExtensions: ['ts', 'js', 'json'],
        moduleNameMapper: {
          '^@socle/connector-sdk$': path.join(sdkRoot, 'src/index.ts'),
          '^@socle/connector-sdk/testing$': path.join(sdkRoot, 'src/testing/index.ts'),
        },
        testMatch: ['**/*.spec.ts'],
        cacheDirectory: path.join(workDir, '.jest-cache'),
      };
      const outputFile = path.join(workDir, `result-${name}.json`);
      const run = spawnSync(
        process.execPath,
        [
          require.resolve('jest/bin/jest'),
          '--config',
          JSON.stringify(config),
          '--ci',
          '--runInBand',
          '--json',
          `--outputFile=${outputFile}`,
        ],
        { cwd: pluginDir, encoding: 'utf8', timeout: 120_000 },
      );
      expect(run.status).toBe(1); // the suite fails on the fresh scaffold...
      const result = JSON.parse(readFileSync(outputFile, 'utf8')) as { testResults: Array<{ assertionResults: JestAssertion[] }> };
      const assertions = result.testResults.flatMap((suite) => suite.assertionResults);
      const failed = assertions.filter((a) => a.status === 'failed');
      // ...with one failing test per operation, each saying where to write it.
      expect(failed.map((a) => a.title)).toEqual(operations.map((operation) => `${operation}: not implemented yet`));
      failed.forEach((a, index) => {
        expect(a.failureMessages).toHaveLength(1);
        expect(a.failureMessages[0]).toContain(`${operations[index]} is not implemented yet: implement it in src/lib/${name}.connector.ts`);
      });
      // Everything else the scaffold already gets right passes.
      const passed = assertions.filter((a) => a.status === 'passed').map((a) => a.title);
      expect(passed).toEqual(
        expect.arrayContaining([
          'manifest: is well formed (id, display name, auth kind, capabilities, limits, rate-limit hints)',
          'validate: accepts the sample variant',
        ]),
      );
      if (name === 'oauthy') {
        expect(passed).toEqual(
          expect.arrayContaining([
            'oauth: an oauth2 connector offers oauth.start (the platform sends the user to the URL it builds)',
            'oauth: start returns an http(s) authorization URL carrying the state, and string fields',
          ]),
        );
      }
      expect(assertions.filter((a) => a.status !== 'passed' && a.status !== 'failed')).toEqual([]);
    },
    180_000,
  );
});
