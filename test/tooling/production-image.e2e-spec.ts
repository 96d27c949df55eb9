import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { adminUrl, databaseUrl, dropTestDatabase } from '@socle/testing';
import { createRedis, deleteKeys, redisTargetOf } from '@socle/platform-queue';

/**
 * The production image's file tree, built without Docker by the script the Dockerfile runs (infra/docker/assemble.sh):
 * production dependencies only, no test or TypeScript source, the console included, and it runs: the migration command
 * migrates a database of its own, the API answers its health endpoints, the worker its probes, and both stop with
 * exit code 0 on SIGTERM.
 */
const ROOT = resolve(__dirname, '../..');

function buildConsoleIfMissing(): void {
  for (const config of ['apps/console/vite.config.ts', 'apps/console/vite.explorer.config.ts']) {
    const dist = config.endsWith('explorer.config.ts') ? 'apps/console/explorer/dist' : 'apps/console/dist';
    if (!existsSync(join(ROOT, dist, 'index.html'))) {
      execFileSync(process.execPath, [require.resolve('vite/bin/vite.js'), 'build', '--config', config, '--logLevel', 'warn'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
    }
  }
}

function filesOf(dir: string, skip: (name: string) => boolean, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const full = join(dir, entry.name);
    found.push(full);
    if (entry.isDirectory()) filesOf(full, skip, found);
  }
  return found;
}

class Process {
  readonly output: string[] = [];
  readonly exited: Promise<number | null>;
  constructor(readonly child: ChildProcess) {
    this.exited = new Promise((done) => child.once('exit', (code) => done(code)));
    const keep = (chunk: Buffer) => this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** The first match of `pattern` in what the process printed, waiting for it up to 90 s. */
  async waitFor(pattern: RegExp): Promise<RegExpMatchArray> {
    for (let i = 0; i < 450; i++) {
      const match = this.output.join('\n').match(pattern);
      if (match) return match;
      if (this.child.exitCode !== null) break;
      await new Promise((wake) => setTimeout(wake, 200));
    }
    throw new Error(`no ${pattern} in the output:\n${this.output.join('\n')}`);
  }
}

describe('production image tree (infra/docker/assemble.sh)', () => {
  const tree = mkdtempSync(join(tmpdir(), 'socle-image-'));
  const media = mkdtempSync(join(tmpdir(), 'socle-image-media-'));
  const database = `socle_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const prefix = `image-${randomBytes(4).toString('hex')}`;
  const started: Process[] = [];
  let provisioned = false;

  beforeAll(() => {
    buildConsoleIfMissing();
    execFileSync('bash', [join(ROOT, 'infra/docker/assemble.sh'), ROOT, tree], {
      env: { ...process.env, NPM_CI_FLAGS: '--prefer-offline' },
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 240_000,
    });
  }, 300_000);

  afterAll(async () => {
    for (const process of started) process.child.kill('SIGKILL');
    if (provisioned) await dropTestDatabase(database);
    const redis = createRedis(redisTargetOf(process.env), 'commands');
    await deleteKeys(redis, [`${prefix}:*`]);
    redis.disconnect();
    rmSync(tree, { recursive: true, force: true });
    rmSync(media, { recursive: true, force: true });
  });

  it('holds no development dependency, no test and no TypeScript source, and the entry points and console builds', () => {
    const { devDependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Object.keys(devDependencies).filter((name) => existsSync(join(tree, 'node_modules', name)))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(tree, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(manifest).sort()).toEqual(['dependencies', 'engines', 'license', 'name', 'private', 'version']);
    const ours = filesOf(tree, (name) => name === 'node_modules').map((file) => file.slice(tree.length + 1));
    expect(
      ours.filter((file) =>
        /\.ts$|(^|\/)(test|testing|fixtures|__tests__)(\/|$)|\.(spec|int-spec|e2e-spec|growth-spec|bench)\.js$/.test(file),
      ),
    ).toEqual([]);
    expect(ours.filter((file) => /^(test|infra|tools)\//.test(file) || file === 'tsconfig.base.json')).toEqual([]);
    for (const entry of [
      'apps/api/src/main.js',
      'apps/worker/src/main.js',
      'apps/api/src/cli/database.js',
      'apps/console/dist/index.html',
      'apps/console/explorer/dist/index.html',
    ])
      expect({ entry, exists: existsSync(join(tree, entry)) }).toEqual({ entry, exists: true });
    expect(existsSync(join(tree, 'apps/api/src/cli/seed-demo.js'))).toBe(false);
    expect(readFileSync(join(tree, 'node_modules/@socle/plugin-rss/package.json'), 'utf8')).toContain('"main": "src/index.js"');
  });

  it('migrates with its migration command, serves health and the console, runs the worker with its probes, and stops both on SIGTERM', async () => {
    const run = (args: string[], env: Record<string, string>) =>
      execFileSync(process.execPath, args, { cwd: tree, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 120_000 }).toString('utf8');
    expect(run(['apps/api/src/cli/database.js', 'provision', database], { SOCLE_PG_ADMIN_URL: adminUrl() })).toContain(
      `database ${database} ready`,
    );
    provisioned = true;
    expect(run(['apps/api/src/cli/database.js', 'migrate'], { DATABASE_OWNER_URL: databaseUrl('socle_owner', database) })).toMatch(
      /^applied /,
    );

    const env = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl('socle_app', database),
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: prefix,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      API_KEY_PEPPER: randomBytes(48).toString('base64url'),
      ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      HOST: '127.0.0.1',
      PORT: '0',
      WORKER_HEALTH_PORT: '0',
      MEDIA_STORAGE_DIR: media,
      SCRYPT_LOG_N: '12',
      SHUTDOWN_TIMEOUT_MS: '10000',
      LOG_LEVEL: 'warn',
    };
    const start = (entry: string) => {
      const process_ = new Process(
        spawn(process.execPath, ['--enable-source-maps', entry], { cwd: tree, env, stdio: ['ignore', 'pipe', 'pipe'] }),
      );
      started.push(process_);
      return process_;
    };

    const api = start('apps/api/src/main.js');
    const apiPort = Number((await api.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)\//))[1]);
    const ready = await fetch(`http://127.0.0.1:${apiPort}/health/ready`);
    expect({ status: ready.status, body: await ready.json() }).toEqual({
      status: 200,
      body: { status: 'ok', checks: { postgres: 'ok', redis: 'ok' } },
    });
    expect((await fetch(`http://127.0.0.1:${apiPort}/health/live`)).status).toBe(200);
    const page = await fetch(`http://127.0.0.1:${apiPort}/`);
    expect({ status: page.status, root: (await page.text()).includes('<div id="root"') }).toEqual({ status: 200, root: true });
    expect(page.headers.get('content-type')).toContain('text/html');

    const worker = start('apps/worker/src/main.js');
    const workerPort = Number((await worker.waitFor(/socle-worker health on http:\/\/127\.0\.0\.1:(\d+)\//))[1]);
    await worker.waitFor(/socle-worker running \w+/);
    const workerReady = await fetch(`http://127.0.0.1:${workerPort}/health/ready`);
    expect({ status: workerReady.status, body: await workerReady.json() }).toEqual({
      status: 200,
      body: { status: 'ok', checks: { postgres: 'ok', redis: 'ok' } },
    });
    expect((await fetch(`http://127.0.0.1:${workerPort}/health/live`)).status).toBe(200);

    api.child.kill('SIGTERM');
    worker.child.kill('SIGTERM');
    const codes = await Promise.all([api.exited, worker.exited]);
    expect({
      codes,
      api: api.output.filter((l) => /stopped|exiting/.test(l)),
      worker: worker.output.filter((l) => /stopped|exiting/.test(l)),
    }).toEqual({
      codes: [0, 0],
      api: ['socle-api: stopped'],
      worker: ['socle-worker: stopped'],
    });
  }, 180_000);
});
