import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { STRONG_PASSWORD, TestApi, uniqueEmail } from '@socle/testing';

/**
 * What the console's browser tests share: the API serving the built console on a free loopback port, an admin
 * connection to the test database, the system's Chromium (playwright-core), pages that record every request and
 * every script error or refused policy, screenshots under one folder, and an agency signed up through the API.
 */
export const ROOT = join(__dirname, '../..');
const DIST = join(ROOT, 'apps/console/dist');
const EXPLORER_DIST = join(ROOT, 'apps/console/explorer/dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the browser tests write their screenshots (printed once per run by each suite that writes one). */
export const SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS ?? join(ROOT, 'var/console-screenshots');

/** The window of every page: a common laptop screen, where the whole header must fit. */
export const VIEWPORT = { width: 1280, height: 800 };

let axeSource: string | undefined;

export interface AxeProblem {
  id: string;
  impact: string;
  /** The first elements concerned (CSS selectors). */
  targets: string[];
}

/**
 * axe-core's serious and critical violations on the whole page as it stands (header included). axe's source is
 * evaluated through the driver: the console's Content-Security-Policy refuses an injected inline script, rightly.
 * The pointer is moved to a corner first, so that no control is measured in its hover colours, and the finite
 * animations are waited for, so that nothing is measured half faded in. `options` go to
 * `axe.run` as its options (rules, resultTypes…).
 */
export async function axeProblems(page: Page, options?: Record<string, unknown>): Promise<AxeProblem[]> {
  axeSource ??= readFileSync(require.resolve('axe-core'), 'utf8');
  await page.mouse.move(0, 0);
  // Colours measured mid-transition (a dialog fading in, a button leaving its hover colour) are neither the old nor the
  // new ones: wait until every finite animation and transition has ended (spinners run for ever and are not waited for).
  // (Polled with evaluate: the Content-Security-Policy refuses the string evaluation waitForFunction would need.)
  for (const until = Date.now() + 5000; Date.now() < until;) {
    const busy = await page.evaluate(
      `document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity)`,
    );
    if (!busy) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await page.evaluate(axeSource);
  const result = (await page.evaluate(
    (runOptions) =>
      (
        globalThis as unknown as {
          axe: { run(options: unknown): Promise<{ violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] }> };
        }
      ).axe.run(runOptions ?? {}),
    options ?? null,
  )) as { violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact as string, targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')) }));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ConsoleHarness {
  api: TestApi;
  admin: Client;
  browser: Browser;
  origin: string;
  /** Every URL a page of this harness requested. */
  requested: string[];
  /** Scripts that threw, and anything the Content-Security-Policy refused. */
  pageProblems: string[];
  freshContext(options?: { locale?: string; timezoneId?: string }): Promise<BrowserContext>;
  newPage(context: BrowserContext): Promise<Page>;
  /** Saves a full-page screenshot as `<name>.png` under SCREENSHOTS; returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  /** A new agency with its owner, signed up through the API; the owner's access token and agency id. */
  signUpAgency(name: string): Promise<{ email: string; password: string; token: string; agencyId: string }>;
  /** A client organisation of the owner's agency, created through the API; its id. */
  createClient(owner: { token: string }, name: string, options?: { timezone?: string; locale?: 'EN' | 'FR' }): Promise<string>;
  /** Logs a person in through the console's form and waits for the page after it. */
  logIn(page: Page, email: string, password?: string): Promise<void>;
  /** Requests the page made to another origin than the API's (must stay empty: no CDN). */
  elsewhere(): string[];
  close(): Promise<void>;
}

export async function startConsoleHarness(env: Record<string, string> = {}): Promise<ConsoleHarness> {
  if (!existsSync(join(DIST, 'index.html'))) {
    // npm test builds it first; a lone `npx jest test/console` builds it here.
    execFileSync('npx', ['vite', 'build', '--config', 'apps/console/vite.config.ts', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  if (!existsSync(join(EXPLORER_DIST, 'index.html'))) {
    // The API explorer (GraphiQL at /graphql), built the same way.
    execFileSync('npx', ['vite', 'build', '--config', 'apps/console/vite.explorer.config.ts', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const api = await TestApi.start({ PUBLIC_URL: origin, ...env });
  await api.app.listen({ port, host: '127.0.0.1' });
  const admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  // Root runs Chromium only without its sandbox.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
  const requested: string[] = [];
  const pageProblems: string[] = [];
  return {
    api,
    admin,
    browser,
    origin,
    requested,
    pageProblems,
    freshContext: (options = {}) =>
      browser.newContext({ locale: options.locale ?? 'en-GB', timezoneId: options.timezoneId ?? 'UTC', viewport: VIEWPORT }),
    async newPage(context) {
      const page = await context.newPage();
      // Fails on the step that went wrong, well before Jest's own timeout.
      page.setDefaultTimeout(10_000);
      page.on('request', (r) => requested.push(r.url()));
      page.on('pageerror', (error) => pageProblems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) pageProblems.push(message.text());
      });
      return page;
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = join(SCREENSHOTS, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async signUpAgency(name) {
      const email = uniqueEmail('console');
      const password = STRONG_PASSWORD;
      const signed = await api.ok<{ signUp: { accessToken: string } }>(
        `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }`,
        { input: { email, password, displayName: `Owner of ${name}`, agencyName: name, locale: 'EN' } },
      );
      const token = signed.signUp.accessToken;
      const me = await api.ok<{ me: { agencies: { agency: { id: string } }[] } }>(`{ me { agencies { agency { id } } } }`, {}, { token });
      return { email, password, token, agencyId: me.me.agencies[0].agency.id };
    },
    async createClient(owner, name, options = {}) {
      const created = await api.ok<{ createOrganization: { id: string } }>(
        'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
        { input: { name, timezone: options.timezone ?? 'Europe/Paris', locale: options.locale ?? 'EN' } },
        { token: owner.token },
      );
      return created.createOrganization.id;
    },
    async logIn(page, email, password = STRONG_PASSWORD) {
      await page.goto(`${origin}/login`);
      await page.getByLabel('Email').fill(email);
      await page.getByRole('textbox', { name: 'Password' }).fill(password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL((url) => url.pathname !== '/login');
    },
    elsewhere: () => requested.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin),
    async close() {
      await browser.close();
      await admin.end();
      await api.stop();
    },
  };
}
