import { axeProblems, startConsoleHarness, type ConsoleHarness } from './browser-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback LinkedIn of the plugin's tests is the network the console connects to
import { AGENCY_MEMBER, CLIENT_ID, CLIENT_SECRET, LinkedinTestServer } from '../../plugins/linkedin/src/test/linkedin.server';

/**
 * Connecting a LinkedIn company page in a real browser: the member signs in at the network, which may publish as two
 * pages; the callback brings the browser back to the accounts page, where the page to connect is picked from the
 * two (the third, where the member is only an analyst, is not offered) and the account appears as that page.
 */
describe('console: choosing the page a sign-in connects', () => {
  let h: ConsoleHarness;
  let linkedin: LinkedinTestServer;

  beforeAll(async () => {
    linkedin = await LinkedinTestServer.start();
    h = await startConsoleHarness({
      CONNECTORS: '@socle/plugin-mastodon,@socle/plugin-linkedin',
      CONNECTOR_OPTIONS: JSON.stringify({ '@socle/plugin-linkedin': { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } }),
    });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await linkedin?.close();
  });

  it('signs in at LinkedIn, then connects the page picked among the two it may publish as', async () => {
    const owner = await h.signUpAgency('Agence Pages');
    const org = await h.createClient(owner, 'Cycles Léman');
    const context = await h.freshContext();
    const page = await h.newPage(context);
    await h.logIn(page, owner.email);
    await page.goto(`${h.origin}/organizations/${org}/accounts`);
    await page.getByRole('button', { name: 'Connect an account' }).click();
    const connect = page.getByRole('dialog');
    await connect.getByRole('combobox', { name: 'Network' }).click();
    await page.getByRole('option', { name: 'LinkedIn' }).click();
    await connect.getByRole('textbox', { name: 'Instance or server URL' }).fill(linkedin.baseUrl);
    linkedin.signIn(AGENCY_MEMBER);
    await connect.getByRole('button', { name: 'Continue on the network' }).click();

    // LinkedIn's consent sends the browser to the callback, which sends it back here with the choice.
    await page.waitForURL((url) => url.pathname === `/organizations/${org}/accounts` && url.searchParams.has('choice'));
    const choose = page.getByRole('dialog', { name: 'Choose what to connect on LinkedIn' });
    const targets = choose.getByRole('radio');
    await targets.first().waitFor();
    expect(await targets.count()).toBe(2);
    await choose.getByRole('radio', { name: /Boulangerie Dupont/ }).waitFor();
    await choose.getByRole('radio', { name: /Cycles Léman SA/ }).waitFor();
    expect(await choose.textContent()).not.toContain('Mutuelle');
    expect(await axeProblems(page)).toEqual([]);
    await h.screenshot(page, 'accounts-choose-page');
    await choose.getByRole('radio', { name: /Cycles Léman SA/ }).check();
    await choose.getByRole('button', { name: 'Connect this one' }).click();
    await choose.waitFor({ state: 'detached' });
    await page.getByTestId('network-account').filter({ hasText: 'cycles-leman' }).getByText('Healthy').waitFor();
    expect(new URL(page.url()).searchParams.has('choice')).toBe(false);
    expect(await page.getByTestId('network-account').count()).toBe(1);
    await context.close();

    // The one other origin the page went to is the network's consent page.
    expect(h.elsewhere().filter((url) => new URL(url).origin !== linkedin.baseUrl)).toEqual([]);
    expect(h.pageProblems).toEqual([]);
  }, 90_000);
});
