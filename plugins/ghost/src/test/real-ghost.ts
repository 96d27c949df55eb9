/**
 * A real Ghost 5 for the integration test: installed once from its npm package into a cache folder, started with
 * SQLite on a free loopback port, its owner set up and an Admin API key issued by a custom integration.
 *
 * Installing: `npm install ghost@…` as a dependency fails (its package.json names `file:components/…tgz`), so this
 * does what Ghost-CLI does: `npm pack ghost@5.130.4`, extract the tarball, and install the production dependencies
 * inside the extracted `package/` (with `--legacy-peer-deps`: bookshelf's peer knex does not resolve otherwise). The
 * devDependencies are removed first (one is a git dependency: only the npm registry is reachable here), and
 * `allowScripts` names `sqlite3`, the one install script Ghost needs (built from source by node-gyp).
 *
 * Nothing here is skipped silently: a step that fails throws an Error naming the step and the end of its output.
 * The cache folder is `<os.tmpdir()>/socle-ghost-5.130.4`, or `GHOST_DIR`.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GHOST_VERSION = '5.130.4';

export function ghostDir(): string {
  return process.env.GHOST_DIR || join(tmpdir(), `socle-ghost-${GHOST_VERSION}`);
}

/** npm writes `node_modules/.package-lock.json` at the end of a complete install; sqlite3's binding must be built. */
function installed(packageDir: string): boolean {
  return (
    existsSync(join(packageDir, 'node_modules', '.package-lock.json')) &&
    existsSync(join(packageDir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node')) &&
    existsSync(join(packageDir, 'node_modules', 'knex-migrator'))
  );
}

function run(step: string, command: string, args: string[], cwd: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Ghost install, step "${step}": ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else
        reject(
          new Error(`Ghost install, step "${step}" failed (${signal ? `killed by ${signal}` : `exit ${code}`}):\n${output.slice(-4000)}`),
        );
    });
  });
}

/** Installs Ghost into the cache folder unless it is there; returns the folder holding Ghost (`…/package`). */
export async function ensureGhostInstalled(log: (line: string) => void = () => undefined): Promise<string> {
  const dir = ghostDir();
  const packageDir = join(dir, 'package');
  if (installed(packageDir)) return packageDir;
  const started = Date.now();
  log(`installing Ghost ${GHOST_VERSION} into ${dir} (once; several minutes)`);
  rmSync(packageDir, { recursive: true, force: true });
  await run('mkdir', 'mkdir', ['-p', dir], '/', 10_000);
  const packed =
    (await run('npm pack', 'npm', ['pack', `ghost@${GHOST_VERSION}`, '--silent'], dir, 5 * 60_000)).trim().split('\n').pop() ?? '';
  await run('extract', 'tar', ['xzf', packed], dir, 5 * 60_000);
  const manifestPath = join(packageDir, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  delete manifest.devDependencies;
  manifest.allowScripts = { sqlite3: true };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  await run(
    'npm install --omit=dev --legacy-peer-deps',
    'nice',
    ['-n', '15', 'npm', 'install', '--omit=dev', '--legacy-peer-deps', '--no-audit', '--no-fund'],
    packageDir,
    40 * 60_000,
  );
  if (!installed(packageDir))
    throw new Error(`Ghost install: npm finished but ${packageDir} lacks sqlite3's built binding or knex-migrator`);
  log(`Ghost installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return packageDir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningGhost {
  url: string;
  adminApiKey: string;
  /** Seconds from spawning Ghost to its API answering. */
  startSeconds: number;
  stop(): Promise<void>;
}

/** Ghost refuses a password holding the site title or the e-mail's words, or too simple: a random one per run. */
const OWNER = {
  name: 'Owner',
  email: 'owner@example.com',
  password: `Pw-${randomBytes(12).toString('hex')}`,
  blogTitle: 'Integration blog',
};

async function json(response: Response, step: string): Promise<Record<string, unknown>> {
  const text = await response.text();
  if (!response.ok) throw new Error(`Ghost set-up, step "${step}": HTTP ${response.status} ${text.slice(0, 500)}`);
  // The session endpoint answers 201 with the text "Created".
  return /json/.test(response.headers.get('content-type') ?? '') && text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** Starts Ghost with a fresh SQLite database and content folder; sets up the owner and a custom integration. */
export async function startGhost(packageDir: string, timeoutMs = 240_000): Promise<RunningGhost> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const work = mkdtempSync(join(tmpdir(), 'socle-ghost-run-'));
  const content = join(work, 'content');
  cpSync(join(packageDir, 'content'), content, { recursive: true });
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['index.js'], {
    cwd: packageDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      url,
      server__host: '127.0.0.1',
      server__port: String(port),
      database__client: 'sqlite3',
      database__connection__filename: join(content, 'data', 'ghost-test.db'),
      database__useNullAsDefault: 'true',
      paths__contentPath: content,
      logging__level: 'error',
      logging__transports: '["stdout"]',
      // No mail leaves the machine, no update check, no outside call.
      mail__transport: 'stub',
      privacy__useTinfoil: 'true',
      // Staff sign-in without the emailed device code (the test signs in once, to create the integration).
      security__staffDeviceVerification: 'false',
    },
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = signal ? `killed by ${signal}` : `exit ${code}`;
  });
  const stop = async () => {
    if (exited === undefined && child.pid) {
      child.kill('SIGTERM');
      const deadline = Date.now() + 10_000;
      while (exited === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      if (exited === undefined) child.kill('SIGKILL');
    }
    rmSync(work, { recursive: true, force: true });
  };
  const started = Date.now();
  try {
    // Ghost creates its database on the first start (migrations), then serves the API.
    for (;;) {
      if (exited !== undefined) throw new Error(`Ghost exited while starting (${exited}):\n${output.slice(-4000)}`);
      if (Date.now() - started > timeoutMs) throw new Error(`Ghost did not answer within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`);
      try {
        const response = await fetch(`${url}/ghost/api/admin/authentication/setup/`);
        if (response.ok) {
          await response.text();
          break;
        }
        await response.text();
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const startSeconds = (Date.now() - started) / 1000;
    const headers = { 'content-type': 'application/json', origin: url, 'accept-version': 'v5.0' };
    // https://docs.ghost.org/admin-api (user authentication): the owner, a session, then a custom integration.
    await json(
      await fetch(`${url}/ghost/api/admin/authentication/setup/`, { method: 'POST', headers, body: JSON.stringify({ setup: [OWNER] }) }),
      'POST authentication/setup',
    );
    const session = await fetch(`${url}/ghost/api/admin/session/`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ username: OWNER.email, password: OWNER.password }),
    });
    await json(session, 'POST session');
    const cookie = (session.headers.getSetCookie?.() ?? [session.headers.get('set-cookie') ?? ''])
      .map((value) => value.split(';')[0])
      .filter(Boolean)
      .join('; ');
    const created = await json(
      await fetch(`${url}/ghost/api/admin/integrations/?include=api_keys`, {
        method: 'POST',
        headers: { ...headers, cookie },
        body: JSON.stringify({ integrations: [{ name: 'Socle integration test' }] }),
      }),
      'POST integrations',
    );
    const integration = (
      created.integrations as Array<{ api_keys?: Array<{ type: string; id: string; secret: string }> }> | undefined
    )?.[0];
    const key = integration?.api_keys?.find((apiKey) => apiKey.type === 'admin');
    if (!key) throw new Error(`Ghost set-up: the integration came without an admin API key: ${JSON.stringify(created).slice(0, 500)}`);
    // Ghost's serializer already gives an admin key's secret as `id:secret` (what Ghost Admin shows).
    const adminApiKey = key.secret.includes(':') ? key.secret : `${key.id}:${key.secret}`;
    return { url, adminApiKey, startSeconds, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
