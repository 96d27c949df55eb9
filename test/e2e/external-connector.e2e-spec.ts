import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { firstError } from './e2e-support';
import { Scene } from '../faults/support/scene';
import { until, WorkerProcess } from '../faults/support/fault-harness';
import { DiscordWebhookServer } from '../fixtures/external-connector/discord-webhook-server';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const FIXTURE = join(ROOT, 'test/fixtures/external-connector');
const PACKAGE = '@acme/socle-plugin-discord';

const CONNECT = 'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id network handle status } }';
const SCHEDULE = 'mutation ($input: ScheduleContentItemInput!) { scheduleContentItem(input: $input) { id status } }';
const DELETE = 'mutation ($input: PublicationIdInput!) { deletePublishedPost(input: $input) { id deletedAt } }';

/**
 * A connector published as its own npm package: built against the SDK and bundled with it (as a plugin author
 * does), packed into a tarball, installed from that tarball into a folder of its own, and enabled by configuration
 * alone (CONNECTORS, CONNECTOR_DIR and its CONNECTOR_OPTIONS) in the API and in a worker process started from the real entry point. It
 * connects an account, publishes through a 429 (its bundled SDK's errors read as the platform's own) and deletes.
 */
describe('a connector installed from an npm tarball', () => {
  let dir: string;
  let prefix: string;
  let discord: DiscordWebhookServer;
  let scene: Scene;
  let worker: WorkerProcess | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'socle-external-connector-'));
    // The author's build: one CommonJS file, the SDK inlined (the package depends on nothing), then `npm pack`.
    const packageDir = join(dir, 'package');
    mkdirSync(packageDir);
    await build({
      entryPoints: [join(FIXTURE, 'src/index.ts')],
      outfile: join(packageDir, 'dist/index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      tsconfig: join(ROOT, 'tsconfig.base.json'),
      logLevel: 'warning',
    });
    copyFileSync(join(FIXTURE, 'package.json'), join(packageDir, 'package.json'));
    await run('npm', ['pack', '--pack-destination', dir, '--loglevel=error'], { cwd: packageDir });
    const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack made no tarball in ${dir}`);
    // The operator's install: into a folder of its own, from the tarball, offline (the package has no dependency).
    prefix = join(dir, 'connectors');
    mkdirSync(prefix);
    await run('npm', ['install', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(dir, tarball)], {
      cwd: prefix,
    });
    expect(existsSync(join(prefix, 'node_modules', PACKAGE, 'dist/index.js'))).toBe(true);

    discord = await DiscordWebhookServer.start();
    env = {
      CONNECTORS: `@socle/plugin-mastodon,${PACKAGE}`,
      CONNECTOR_DIR: prefix,
      CONNECTOR_OPTIONS: JSON.stringify({ [PACKAGE]: { username: 'Boulangerie Paquet' } }),
    };
    scene = await Scene.start(env);
  }, 180_000);
  afterAll(async () => {
    await worker?.kill();
    await scene?.close();
    await discord?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('connects, publishes through a 429 once, and deletes, with the errors of its bundled SDK read as the platform’s', async () => {
    const org = await scene.organization('Boulangerie Paquet');
    const as = { token: scene.owner.token, organizationId: org };

    // A wrong token is refused as the network said, not as an unexpected failure.
    const refused = await scene.api.gql(
      CONNECT,
      { input: { network: 'discord', serviceUrl: discord.baseUrl, accessToken: `${discord.webhookId}/wrong` } },
      as,
    );
    const error = firstError(refused);
    expect(error.extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.fields' } });
    expect(error.message).toContain('the network refused these credentials');

    const connected = await scene.api.ok<{ connectNetworkAccount: { id: string; network: string; handle: string; status: string } }>(
      CONNECT,
      { input: { network: 'discord', serviceUrl: discord.baseUrl, accessToken: `${discord.webhookId}/${discord.token}` } },
      as,
    );
    expect(connected.connectNetworkAccount).toMatchObject({
      network: 'discord',
      handle: `Annonces.${discord.channelId}`,
      status: 'OK',
    });
    const account = connected.connectNetworkAccount.id;

    const text = `Fournée du matin (${Date.now()})`;
    const { rows } = await scene.admin.query<{ id: string }>(
      `WITH item AS (INSERT INTO content_items (organization_id, title, status) VALUES ($1, 'Fournée', 'APPROVED') RETURNING id),
            variant AS (INSERT INTO content_variants (organization_id, item_id, network_account_id, network, text) SELECT $1, id, $2, 'discord', $3 FROM item)
       SELECT id FROM item`,
      [org, account, text],
    );
    // The first publish is answered 429 the way Discord does: Retry-After and a JSON body with retry_after.
    discord.http.inject({
      type: 'status',
      status: 429,
      headers: { 'retry-after': '1' },
      body: { message: 'You are being rate limited.', retry_after: 1, global: false },
    });
    const scheduled = await scene.api.ok<{ scheduleContentItem: { id: string }[] }>(
      SCHEDULE,
      { input: { itemId: rows[0].id, dueAt: new Date(Date.now() + 1_500).toISOString() } },
      as,
    );
    const publication = scheduled.scheduleContentItem[0].id;
    worker = await WorkerProcess.start(scene.workerEnv(env));

    const published = await until(
      'the publication PUBLISHED',
      async () =>
        (
          await scene.admin.query<{ status: string; external_id: string | null; external_url: string | null }>(
            'SELECT status, external_id, external_url FROM publications WHERE id = $1',
            [publication],
          )
        ).rows[0],
      (row) => row.status === 'PUBLISHED',
      30_000,
      200,
    ).catch((failure: Error) => {
      throw new Error(`${failure.message}\nworker output:\n${worker?.output()}`);
    });
    // Once, under the name the platform's configuration passed to the package's factory.
    expect([...discord.messages.values()]).toEqual([{ content: text, username: 'Boulangerie Paquet' }]);
    expect(discord.messages.has(published.external_id ?? '')).toBe(true);
    expect(published.external_url).toBe(`https://discord.com/channels/${discord.guildId}/${discord.channelId}/${published.external_id}`);
    const { rows: attempts } = await scene.admin.query<{ outcome: string }>(
      'SELECT outcome FROM publication_attempts WHERE publication_id = $1 ORDER BY started_at',
      [publication],
    );
    // The 429 came back as the plugin's own ConnectorError, adopted as RATE_LIMITED (not an unexpected failure).
    expect(attempts.map((a) => a.outcome)).toEqual(['RATE_LIMITED', 'PUBLISHED']);

    const deleted = await scene.api.ok<{ deletePublishedPost: { deletedAt: string | null } }>(DELETE, { input: { id: publication } }, as);
    expect(deleted.deletePublishedPost.deletedAt).not.toBeNull();
    expect(discord.messages.size).toBe(0);
  }, 120_000);
});
