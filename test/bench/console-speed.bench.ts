/**
 * The web console's speed in a real browser, with the data of a busy agency:
 *
 *   - the portfolio of 100 client organisations, each with two finalised assessments (ranked, with a trend);
 *   - the month calendar of one client holding 500 scheduled posts over the current month, across four networks.
 *
 * The API (production mode, its own database) serves the built console; headless Chromium (1280×800), signed in
 * as the agency's owner, loads each page and times it from the navigation's start to "usable": the page's main
 * content drawn with its data (the portfolio's 100 rows, the calendar's 500 entries), seen by a check on every
 * frame in the page, no fixed sleep. First a cold load (new browser context: empty cache, new tab), then
 * BENCH_RUNS warm loads of the same page in the same tab (scripts from the cache, the session restored
 * from the tab's storage as after a reload); the median of the warm ones is printed. It also prints the
 * JavaScript the first loads of the log-in page and of the portfolio fetched, gzipped with node:zlib (the
 * API itself sends files uncompressed: a reverse proxy in front compresses), and the CSS.
 *
 *   npx vite build --config apps/console/vite.config.ts    (first: this script builds nothing)
 *   node -r @swc-node/register test/bench/console-speed.bench.ts     (npm run bench:console)
 *   BENCH_RUNS=5 BENCH_CLIENTS=100 BENCH_POSTS=500   (the defaults)
 *   BENCH_CONSOLE_DIST=<folder>   (another build of the console, to compare two builds)
 *   CHROMIUM_PATH=/usr/bin/chromium
 *
 * The build is copied to a temporary folder first, so a build made meanwhile does not change what is measured.
 * Needs PostgreSQL (superuser postgres@127.0.0.1:5432, or SOCLE_PG_ADMIN_URL) and Redis (REDIS_URL). Creates its
 * own database and Redis key prefix and removes both at the end. The figures are for reading: the exit code is
 * 0 unless the run itself breaks (no build, set-up failed, a page never became usable).
 */
import './production-env';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Pool } from 'pg';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEFAULT_MATURITY_MODEL } from '@socle/evaluation';
import { adminUrl, createOrganization, databaseUrl, STRONG_PASSWORD, TestApi, uniqueEmail } from '@socle/testing';
import { benchApiEnv, deleteRedisKeys, provisionDatabase, runBenchMain, startBenchRun } from './bench-run';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.resolve(process.env.BENCH_CONSOLE_DIST ?? path.join(ROOT, 'apps/console/dist'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100);
const POSTS = Number(process.env.BENCH_POSTS ?? 500);
const NETWORKS = ['mastodon', 'bluesky', 'linkedin', 'instagram'];
const TIME_ZONE = 'Europe/Paris';
/** The console keeps the refresh token in the tab's sessionStorage under this key (apps/console/src/session.ts). */
const REFRESH_KEY = 'socle.refreshToken';
/** Longest wait for a page to become usable before the run counts as broken. */
const USABLE_TIMEOUT_MS = 60_000;

const TARGET_USABLE_MS = 1500;
const TARGET_INITIAL_JS_KB = 300;

const gz = (bytes: Buffer | string) => gzipSync(bytes).length;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Seeded {
  email: string;
  agencyId: string;
  calendarClientId: string;
  notes: string[];
}

/**
 * The agency and its clients through the API, by their owner; what the console only reads (finalised assessments,
 * connected accounts, scheduled posts) straight into the tables, as the other benchmarks do (superuser: the tables'
 * row-level security holds their owner role to one tenant per transaction).
 */
async function seed(api: TestApi, admin: Pool): Promise<Seeded> {
  const notes: string[] = [];
  const email = uniqueEmail('bench');
  const signed = await api.ok<{ signUp: { accessToken: string } }>(
    `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }`,
    { input: { email, password: STRONG_PASSWORD, displayName: 'Owner', agencyName: 'Agence Banc', locale: 'EN' } },
  );
  const token = signed.signUp.accessToken;
  const me = await api.ok<{ me: { user: { id: string }; agencies: { agency: { id: string } }[] } }>(
    `{ me { user { id } agencies { agency { id } } } }`,
    {},
    { token },
  );
  const agencyId = me.me.agencies[0].agency.id;
  const session = { token, refreshToken: '', userId: me.me.user.id, agencyId, email };
  const clients: string[] = [];
  for (let i = 1; i <= CLIENTS; i++) clients.push(await createOrganization(api, session, `Client ${String(i).padStart(3, '0')}`));
  notes.push(`  client organisations (API)        ${String(clients.length).padStart(6)}`);

  const keys = DEFAULT_MATURITY_MODEL.dimensions.map((d) => d.key);
  const assessments = await admin.query(
    `INSERT INTO maturity_assessments (organization_id, model_agency_id, model_id, model_version, model_content, status, started_at, finalized_at,
       overall_score, level, dimension_scores, evidence, recommendations)
     SELECT o.id, NULL, 'default', 1, $2::jsonb, 'FINALIZED', now() - make_interval(days => 90 * g + 1), now() - make_interval(days => 90 * g),
            s.score, 1 + floor(s.score / 20)::int,
            (SELECT jsonb_object_agg(k, round((15 + (o.n * 37 + g * 11 + d * 17) % 80)::numeric, 1))
               FROM unnest($3::text[]) WITH ORDINALITY AS dims(k, d)),
            '{}'::jsonb, '[]'::jsonb
       FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n)
       CROSS JOIN generate_series(1, 2) g
       CROSS JOIN LATERAL (SELECT round((20 + (o.n * 53 + g * 29) % 75)::numeric, 1) AS score) s`,
    [clients, JSON.stringify(DEFAULT_MATURITY_MODEL), keys],
  );
  notes.push(`  finalised assessments (SQL)       ${String(assessments.rowCount).padStart(6)}   two per client`);

  // The calendar's client: one account per network, POSTS items each with a publication due over this month.
  const calendarClientId = clients[0];
  const accounts = await admin.query<{ id: string; network: string }>(
    `INSERT INTO network_accounts (organization_id, network, handle, service_url)
     SELECT $1, n, 'banc@' || n || '.example', 'https://' || n || '.example' FROM unnest($2::text[]) n RETURNING id, network`,
    [calendarClientId, NETWORKS],
  );
  const posts = await admin.query(
    `WITH month AS (
       SELECT date_trunc('month', now() AT TIME ZONE $4) AT TIME ZONE $4 AS starts,
              (date_trunc('month', now() AT TIME ZONE $4) + interval '1 month') AT TIME ZONE $4 AS ends),
     input AS (
       SELECT g, gen_random_uuid() AS item_id, ($2::uuid[])[1 + g % cardinality($2::uuid[])] AS account,
              ($3::text[])[1 + g % cardinality($3::text[])] AS network,
              date_trunc('minute', m.starts + (m.ends - m.starts) * (g + 0.5) / $5) AS due
         FROM generate_series(0, $5 - 1) g, month m),
     items AS (
       INSERT INTO content_items (organization_id, id, title, status, theme, campaign)
       SELECT $1, item_id, 'Post ' || g || ' of the month', 'SCHEDULED', 'Theme ' || (g % 6), 'Campaign ' || (g % 3) FROM input)
     INSERT INTO publications (organization_id, item_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key)
     SELECT $1, item_id, account, network, due, due, 'SCHEDULED', 'bench-' || item_id FROM input`,
    [calendarClientId, accounts.rows.map((a) => a.id), accounts.rows.map((a) => a.network), TIME_ZONE, POSTS],
  );
  notes.push(
    `  scheduled posts (SQL)             ${String(posts.rowCount).padStart(6)}   one client, this month (${TIME_ZONE}), ${NETWORKS.length} networks`,
  );
  await admin.query('ANALYZE');
  return { email, agencyId, calendarClientId, notes };
}

/** A fresh refresh token for the owner (each page restores its session from one, as after a reload). */
async function refreshToken(api: TestApi, email: string): Promise<string> {
  const data = await api.ok<{ logIn: { refreshToken: string } }>(
    `mutation ($input: LogInInput!) { logIn(input: $input) { refreshToken } }`,
    { input: { email, password: STRONG_PASSWORD } },
  );
  return data.logIn.refreshToken;
}

interface Load {
  usableMs: number;
  /** Script and style files fetched by this load (not from the cache), with their bodies. */
  scripts: { url: string; body: Buffer }[];
  styles: { url: string; body: Buffer }[];
}

/** A page of a context that records the console's script and style files it fetched. */
async function recordingPage(context: BrowserContext): Promise<{ page: Page; take(): Promise<Pick<Load, 'scripts' | 'styles'>> }> {
  const page = await context.newPage();
  let pending: Promise<{ kind: 'script' | 'style'; url: string; body: Buffer } | null>[] = [];
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    const url = response.url();
    const kind: 'script' | 'style' | null = /\/assets\/[^/?]+\.m?js$/.test(url)
      ? 'script'
      : /\/assets\/[^/?]+\.css$/.test(url)
        ? 'style'
        : null;
    if (!kind || response.status() !== 200) return;
    pending.push(
      response
        .body()
        .then((body) => ({ kind, url, body }))
        .catch(() => null),
    );
  });
  return {
    page,
    async take() {
      if (problems.length) throw new Error(`the page broke: ${problems.join('; ')}`);
      const done = (await Promise.all(pending)).filter((f): f is NonNullable<typeof f> => f !== null);
      pending = [];
      return {
        scripts: done.filter((f) => f.kind === 'script').map(({ url, body }) => ({ url, body })),
        styles: done.filter((f) => f.kind === 'style').map(({ url, body }) => ({ url, body })),
      };
    },
  };
}

/** The browser's globals the functions run in the page use (this project's type check has no DOM library). */
interface InPage {
  document: { querySelectorAll(selector: string): ArrayLike<{ dispatchEvent(event: unknown): boolean }> };
  requestAnimationFrame(callback: () => void): number;
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  DragEvent: new (type: string, init: Record<string, unknown>) => unknown;
  DataTransfer: new () => unknown;
}

/** The page is usable once it shows `count` elements matching `selector` (its main content, with its data). */
interface Usable {
  selector: string;
  count: number;
}

/**
 * Loads `url` and returns the time from the navigation's start (performance.now() in the page) to the frame after
 * the one where the page became usable: that frame's style, layout and paint included.
 */
async function load(page: Page, url: string, usable: Usable): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  return page.evaluate(
    ({ selector, count, timeout }) =>
      new Promise<number>((resolve, reject) => {
        const page = globalThis as unknown as InPage;
        const check = () => {
          if (page.document.querySelectorAll(selector).length >= count) page.requestAnimationFrame(() => resolve(performance.now()));
          else if (performance.now() > timeout) reject(new Error(`${selector}: fewer than ${count} after ${timeout} ms`));
          else page.requestAnimationFrame(check);
        };
        page.requestAnimationFrame(check);
      }),
    { ...usable, timeout: USABLE_TIMEOUT_MS },
  );
}

interface PageFigures {
  cold: Load;
  warm: number[];
  /** What `interact` measured on the page after the warm loads. */
  interactions: number[];
}

/**
 * A day of the calendar highlighted while an entry is dragged over it, ten days in turn: the time from the
 * dragover event to the frame after the one showing it (the calendar's re-render with every entry in it).
 */
async function dragOverDays(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const page = globalThis as unknown as InPage;
    const times: number[] = [];
    for (const day of Array.from(page.document.querySelectorAll('[data-day]')).slice(7, 17)) {
      const started = performance.now();
      day.dispatchEvent(new page.DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: new page.DataTransfer() }));
      await new Promise<void>((resolve) => page.requestAnimationFrame(() => page.requestAnimationFrame(resolve)));
      times.push(performance.now() - started);
    }
    return times;
  });
}

async function measure(
  browser: Browser,
  api: TestApi,
  email: string,
  url: string,
  usable: Usable,
  interact?: (page: Page) => Promise<number[]>,
): Promise<PageFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  try {
    const token = await refreshToken(api, email);
    // Only the first load of the tab gets it: the console replaces it at each restore (single-use tokens).
    await context.addInitScript(
      ([key, value]) => {
        const { sessionStorage } = globalThis as unknown as InPage;
        if (!sessionStorage.getItem(key)) sessionStorage.setItem(key, value);
      },
      [REFRESH_KEY, token] as const,
    );
    const { page, take } = await recordingPage(context);
    const coldMs = await load(page, url, usable);
    const cold = { usableMs: coldMs, ...(await take()) };
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      warm.push(await load(page, url, usable));
      await take();
    }
    const interactions = interact ? await interact(page) : [];
    return { cold, warm, interactions };
  } finally {
    await context.close();
  }
}

/** The first load of the log-in page, signed out: the scripts and styles it fetched. */
async function logInPageLoad(browser: Browser, origin: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  try {
    const { page, take } = await recordingPage(context);
    const usableMs = await load(page, `${origin}/login`, { selector: 'form button[type="submit"]', count: 1 });
    return { usableMs, ...(await take()) };
  } finally {
    await context.close();
  }
}

/** What index.html of the build loads before any page: its script and the chunks it preloads, and its styles. */
function entryOfBuild(dist: string): { scripts: string[]; styles: string[] } {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  return { scripts, styles };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    process.stderr.write(
      `No built console in ${DIST}: build it first (npx vite build --config apps/console/vite.config.ts); this benchmark builds nothing.\n`,
    );
    process.exit(1);
  }
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`No Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH.\n`);
    process.exit(1);
  }
  const run = startBenchRun();
  const { database, queuePrefix, redisUrl } = run;

  try {
    // A copy of the build: another build meanwhile (new hashed names, emptied folder) would break the pages.
    const dist = mkdtempSync(path.join(tmpdir(), 'socle-console-bench-'));
    run.onCleanUp(() => rmSync(dist, { recursive: true, force: true }));
    cpSync(DIST, dist, { recursive: true });
    const build = entryOfBuild(dist);

    const setupStarted = Date.now();
    const ownerUrl = provisionDatabase(run);
    run.onCleanUp(() => deleteRedisKeys(redisUrl, [`${queuePrefix}*`, `\\{${queuePrefix}*`]));
    const env = benchApiEnv(run, ownerUrl, {
      // Log-ins and session restores happen once per measured load: no limiter refusals.
      RATE_LIMIT_USER_PER_MINUTE: '1000000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
      RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
    });
    const api = await TestApi.start(env, { consoleDirectory: dist });
    run.onCleanUp(() => api.stop());
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
    const admin = new Pool({ connectionString: databaseUrl(new URL(adminUrl()).username || 'postgres', database), max: 2 });
    run.onCleanUp(() => admin.end());
    const seeded = await seed(api, admin);
    const setupSeconds = (Date.now() - setupStarted) / 1000;

    // Root runs Chromium only without its sandbox.
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
    run.onCleanUp(() => browser.close());

    const logIn = await logInPageLoad(browser, origin);
    const portfolio = await measure(browser, api, seeded.email, `${origin}/portfolio`, {
      selector: '[data-testid="portfolio-row"]',
      count: CLIENTS,
    });
    const radar = await measure(browser, api, seeded.email, `${origin}/portfolio`, {
      selector: '[data-testid="comparison"] svg.recharts-surface',
      count: 1,
    });
    const calendar = await measure(
      browser,
      api,
      seeded.email,
      `${origin}/organizations/${seeded.calendarClientId}/content`,
      { selector: '[data-testid="calendar-entry"]', count: POSTS },
      dragOverDays,
    );

    const sizeOf = (files: { body: Buffer }[]) => files.reduce((sum, f) => sum + gz(f.body), 0);
    const rawOf = (files: { body: Buffer }[]) => files.reduce((sum, f) => sum + f.body.length, 0);
    const fileOf = (relative: string) => readFileSync(path.join(dist, relative));
    const assets = readdirSync(path.join(dist, 'assets'));
    const allJs = assets.filter((f) => f.endsWith('.js'));
    const allCss = assets.filter((f) => f.endsWith('.css'));
    const totalGz = (files: string[]) => files.reduce((sum, f) => sum + gz(fileOf(`assets/${f}`)), 0);
    const largest = allJs
      .map((f) => ({ f, size: gz(fileOf(`assets/${f}`)) }))
      .sort((a, b) => b.size - a.size)
      .slice(0, 3);

    const out: string[] = [];
    const row = (label: string, figures: PageFigures, target: string) =>
      out.push(
        `  ${label.padEnd(38)} ${`${figures.cold.usableMs.toFixed(0)} ms`.padStart(9)} ${`${median(figures.warm).toFixed(0)} ms`.padStart(13)}   ${figures.warm
          .map((ms) => ms.toFixed(0))
          .join(' / ')
          .padEnd(34)} ${target}`,
      );
    out.push('');
    out.push(
      `Console speed: headless Chromium 1280×800, the API in production mode serving the build (${build.scripts[0] ?? '?'}), on this machine`,
    );
    out.push(`Set up in ${setupSeconds.toFixed(1)} s:`);
    out.push(...seeded.notes);
    out.push('');
    out.push(`  from navigation start to usable         cold   warm median   warm loads (${RUNS})                       target`);
    row(`portfolio: ${CLIENTS} rows drawn`, portfolio, `< ${TARGET_USABLE_MS} ms`);
    row(`portfolio: the selected client's radar`, radar, '(beside the table; none)');
    row(`month calendar: ${POSTS} entries drawn`, calendar, `< ${TARGET_USABLE_MS} ms`);
    out.push(
      `  month calendar: a day highlighted while dragging ${`${median(calendar.interactions).toFixed(0)} ms`.padStart(8)} median of ${calendar.interactions.length} days (${calendar.interactions.map((ms) => ms.toFixed(0)).join(' / ')}); a frame is 16 ms`,
    );
    out.push(`  log-in page (form shown, signed out)   ${`${logIn.usableMs.toFixed(0)} ms`.padStart(9)}`);
    out.push('');
    out.push('  JavaScript fetched by a first load (gzip, node:zlib default level)                      target');
    out.push(
      `  log-in page                           ${kB(sizeOf(logIn.scripts)).padStart(10)} in ${String(logIn.scripts.length).padStart(2)} files (${kB(rawOf(logIn.scripts))} raw)   < ${TARGET_INITIAL_JS_KB} kB`,
    );
    out.push(
      `  portfolio (signed in)                 ${kB(sizeOf(portfolio.cold.scripts)).padStart(10)} in ${String(portfolio.cold.scripts.length).padStart(2)} files (${kB(rawOf(portfolio.cold.scripts))} raw)   < ${TARGET_INITIAL_JS_KB} kB`,
    );
    out.push(
      `  portfolio with its radar chart        ${kB(sizeOf(radar.cold.scripts)).padStart(10)} in ${String(radar.cold.scripts.length).padStart(2)} files (the chart's chunks come after the table)`,
    );
    out.push(
      `  month calendar (signed in)            ${kB(sizeOf(calendar.cold.scripts)).padStart(10)} in ${String(calendar.cold.scripts.length).padStart(2)} files`,
    );
    out.push(
      `  index.html's script and preloads      ${kB(build.scripts.reduce((sum, f) => sum + gz(fileOf(f)), 0)).padStart(10)} in ${String(build.scripts.length).padStart(2)} files`,
    );
    out.push(
      `  the whole build                       ${kB(totalGz(allJs)).padStart(10)} in ${String(allJs.length).padStart(2)} files; largest: ${largest.map((l) => `${l.f} ${kB(l.size)}`).join(', ')}`,
    );
    out.push('');
    out.push('  CSS (gzip)');
    out.push(
      `  fetched by the portfolio's first load ${kB(sizeOf(portfolio.cold.styles)).padStart(10)} in ${String(portfolio.cold.styles.length).padStart(2)} files (${kB(rawOf(portfolio.cold.styles))} raw)`,
    );
    out.push(`  the whole build                       ${kB(totalGz(allCss)).padStart(10)} in ${String(allCss.length).padStart(2)} files`);
    out.push('');
    out.push('  Cold: a new browser context (empty cache), the session restored from a refresh token in the tab. Warm: the same page');
    out.push('  loaded again in that tab (scripts from the cache). Figures from a loaded machine are noisy: compare runs of one machine.');
    out.push('');
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await run.cleanUp();
  }
}

runBenchMain(main, 'console-speed');
