import type { Page } from 'playwright-core';
import { AuditRepository } from '@socle/accounts';
import { DeliverWebhooksJob, WEBHOOK_SENDER, WebhookEndpointService, WebhookRepository, type WebhookSender } from '@socle/integrations';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { MailOutbox } from '@socle/platform-mail';
import { JobQueues } from '@socle/platform-queue';
import { STRONG_PASSWORD, uniqueEmail } from '@socle/testing';
import { verifyWebhook, WebhookReceiver } from '../e2e/webhook-receiver';
import { axeProblems, startConsoleHarness, type ConsoleHarness } from './browser-harness';

/**
 * The webhook pages in a real browser, against a receiver on loopback (the API's outbound guard lets 127.0.0.0/8
 * through, as tests configure it): the agency's endpoint created (a private address refused at the URL field, the
 * event types from the catalogue with their descriptions, the signing secret shown once), a test ping and its
 * outcome, a real event delivered by the job (a first attempt refused with 503, then sent again from the log), and the
 * log showing each attempt; a client's endpoint (plain http to a public address refused at its field) edited, turned
 * off and on, its secret rotated and the endpoint deleted; and people without the role: no action offered, the API's
 * refusal shown.
 */
describe('console: webhooks', () => {
  let h: ConsoleHarness;
  let receiver: WebhookReceiver;
  let owner: Awaited<ReturnType<ConsoleHarness['signUpAgency']>>;
  let org = '';
  let job: DeliverWebhooksJob;
  /** The published event types. */
  let catalogue: { type: string; description: string }[] = [];

  const noSeriousViolation = async (page: Page) => {
    expect(await axeProblems(page)).toEqual([]);
  };

  /** An invitation (to the agency, or to the client with `roles`) accepted as a new account; its e-mail address. */
  const invited = async (organizationId: string | undefined, roles: string[]) => {
    const email = uniqueEmail('hooks');
    const token = organizationId
      ? (
          await h.api.ok<{ inviteMember: { token: string } }>(
            'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { token } }',
            { input: { email, roles, sendEmail: false } },
            { token: owner.token, organizationId },
          )
        ).inviteMember.token
      : (
          await h.api.ok<{ inviteAgencyMember: { token: string } }>(
            'mutation ($input: InviteAgencyMemberInput!) { inviteAgencyMember(input: $input) { token } }',
            { input: { email, role: 'MEMBER' } },
            { token: owner.token },
          )
        ).inviteAgencyMember.token;
    await h.api.ok('mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId } }', {
      input: { token, displayName: `Staff ${email.slice(6, 12)}`, password: STRONG_PASSWORD, locale: 'EN' },
    });
    return email;
  };

  /** Rows of webhook_deliveries of the client, as stored. */
  const deliveries = async () =>
    (
      await h.admin.query<{ status: string; attempts: number; event_type: string }>(
        `SELECT d.status, d.attempts, e.type AS event_type FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
          WHERE d.organization_id = $1`,
        [org],
      )
    ).rows;

  beforeAll(async () => {
    h = await startConsoleHarness({ OUTBOUND_ALLOWED_RANGES: '127.0.0.0/8,::1/128' });
    receiver = await new WebhookReceiver((status, index) => (status < 300 ? `thanks ${index}` : `busy, try later ${index}`)).start();
    owner = await h.signUpAgency('Agence Crochets');
    org = await h.createClient(owner, 'Biscuiterie Nantaise', { timezone: 'Europe/Paris' });
    catalogue = (
      await h.api.ok<{ webhookEventTypes: { type: string; description: string }[] }>(
        '{ webhookEventTypes { type description } }',
        {},
        {
          token: owner.token,
        },
      )
    ).webhookEventTypes;
    // The worker's job, run here when the test wants deliveries to go (nothing consumes the test API's queue).
    const queues = h.api.app.get(JobQueues, { strict: false });
    job = new DeliverWebhooksJob(
      h.api.app.get(UnitOfWorkFactory, { strict: false }),
      h.api.app.get(WebhookRepository, { strict: false }),
      h.api.app.get(WebhookEndpointService, { strict: false }),
      queues,
      h.api.app.get(AuditRepository, { strict: false }),
      new MailOutbox(queues),
      h.api.app.get<WebhookSender>(WEBHOOK_SENDER, { strict: false }),
    );
  }, 120_000);

  afterAll(async () => {
    await receiver?.stop();
    await h?.close();
  });

  it("creates an agency endpoint, pings it, and shows a real event's attempts in its log, sent again from there", async () => {
    const memberJoined = catalogue.find((e) => e.type === 'member.joined');
    if (!memberJoined) throw new Error('member.joined is in the catalogue');

    const page = await h.newPage(await h.freshContext());
    await h.logIn(page, owner.email);
    await page.getByRole('navigation', { name: 'Agency pages' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.waitForURL('**/agency/webhooks');
    await page.getByRole('heading', { name: 'Webhooks of Agence Crochets' }).waitFor();
    await page.getByText('No endpoint yet').waitFor();
    await noSeriousViolation(page);

    // The form: event types from the catalogue, each with its description; a private address refused at the URL.
    await page.getByRole('button', { name: 'New endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'New endpoint' });
    const joined = dialog.getByRole('checkbox', { name: 'member.joined' });
    await joined.waitFor();
    expect(await dialog.getByRole('checkbox').count()).toBe(catalogue.length);
    await dialog.getByText(memberJoined.description).waitFor();
    await joined.check();
    const url = dialog.getByRole('textbox', { name: 'URL' });
    await url.fill('http://10.20.30.40/hooks');
    await dialog.getByRole('button', { name: 'Create the endpoint' }).click();
    await url.and(page.locator('[aria-invalid="true"]')).waitFor();
    await dialog.getByText('is refused: its host is a private address').waitFor();
    expect((await h.admin.query('SELECT 1 FROM webhook_endpoints WHERE agency_id = $1', [owner.agencyId])).rowCount).toBe(0);
    await noSeriousViolation(page);
    await h.screenshot(page, 'webhooks-new-endpoint');

    // A receiver on loopback: created, the secret shown once with a copy button.
    const hookUrl = receiver.url('/agency-hook');
    await url.fill(hookUrl);
    await dialog.getByRole('checkbox', { name: 'member.removed' }).check();
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Agency CRM');
    await dialog.getByRole('button', { name: 'Create the endpoint' }).click();
    const secretDialog = page.getByRole('dialog', { name: `Signing secret of ${hookUrl}` });
    const secret = ((await secretDialog.getByTestId('webhook-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    await secretDialog.getByRole('button', { name: 'Copy the secret' }).waitFor();
    await noSeriousViolation(page);
    await secretDialog.getByRole('button', { name: 'I have copied it' }).click();
    await secretDialog.waitFor({ state: 'detached' });
    expect(await page.getByText(secret).count()).toBe(0);
    const card = page.getByRole('region', { name: hookUrl });
    await card.getByText('Agency CRM').waitFor();
    await card.getByText('2 event types').waitFor();
    await card.getByText('Enabled', { exact: true }).waitFor();
    await card.getByText('None yet').waitFor();

    // A test ping: received, signed with that secret, and its outcome shown.
    await card.getByRole('button', { name: `Send a test event to ${hookUrl}` }).click();
    const outcome = page.getByRole('dialog', { name: `Test event to ${hookUrl}` });
    await outcome.getByText(/The endpoint answered 200 in \d+ ms\./).waitFor();
    await outcome.getByText('thanks 0').waitFor();
    const ping = receiver.at('/agency-hook')[0];
    expect(verifyWebhook(secret, ping)).toMatchObject({ type: 'webhook.ping' });
    await outcome.getByText(`webhook-id: ${ping.headers['webhook-id']}`).waitFor();
    await noSeriousViolation(page);
    await h.screenshot(page, 'webhooks-test-ping');
    await outcome.getByRole('button', { name: 'Close' }).last().click();
    await outcome.waitFor({ state: 'detached' });

    // A real event of the client (someone joins it), delivered by the job: the receiver is busy the first time.
    receiver.answer = (path, index) => (path === '/agency-hook' && index === 1 ? 503 : 200);
    await invited(org, ['ANALYST']);
    await job.handle({ organizationId: org });
    expect(await deliveries()).toEqual([{ status: 'PENDING', attempts: 1, event_type: 'member.joined' }]);

    await page.reload();
    const last = card.getByTestId('webhook-last-delivery');
    await last.getByText('Pending').waitFor();
    await last.getByText('member.joined').waitFor();
    await card.getByRole('link', { name: `Delivery log of ${hookUrl}` }).click();
    await page.waitForURL(/\/agency\/webhooks\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Delivery log' }).waitFor();
    await page.getByText(`Deliveries to ${hookUrl}, newest first`).waitFor();
    const delivery = page.getByTestId('webhook-delivery');
    await delivery.getByText('Pending', { exact: true }).waitFor();
    await delivery.getByText('Client: Biscuiterie Nantaise').waitFor();
    const attempts = delivery.getByTestId('webhook-attempt');
    await attempts.first().waitFor();
    expect(await attempts.count()).toBe(1);
    const first = await attempts.first().innerText();
    expect(first).toContain('503');
    expect(first).toMatch(/\d+ ms/);
    expect(first).toContain('Error status — answered 503');
    expect(first).toContain('busy, try later 1');
    await noSeriousViolation(page);

    // Sent again from the log (the same webhook-id), then delivered by the job.
    const deliveryId = receiver.at('/agency-hook')[1].headers['webhook-id'];
    await delivery.getByRole('button', { name: `Send again the delivery ${deliveryId}` }).click();
    await page.getByRole('status').getByText(`The delivery ${deliveryId} is sent again now, under the same webhook-id.`).waitFor();
    await job.handle({ organizationId: org });
    expect(await deliveries()).toEqual([{ status: 'DELIVERED', attempts: 1, event_type: 'member.joined' }]);
    expect(receiver.at('/agency-hook').map((r) => r.headers['webhook-id'])).toEqual([ping.headers['webhook-id'], deliveryId, deliveryId]);
    await page.reload();
    await delivery.getByText('Delivered', { exact: true }).waitFor();
    await attempts.nth(1).waitFor();
    const second = await attempts.nth(1).innerText();
    expect(second).toContain('200');
    expect(second).toContain('thanks 2');
    await noSeriousViolation(page);
    await h.screenshot(page, 'webhooks-delivery-log');

    await page.getByRole('link', { name: '← All endpoints' }).click();
    await last.getByText('Delivered').waitFor();
    expect(h.pageProblems).toEqual([]);
  }, 120_000);

  it("manages a client's endpoint: refusal at its field, edit, turn off and on, a new secret, deletion", async () => {
    const page = await h.newPage(await h.freshContext());
    await h.logIn(page, owner.email);
    await page.goto(`${h.origin}/organizations/${org}`);
    await page.getByRole('navigation', { name: 'Pages of Biscuiterie Nantaise' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.waitForURL(`**/organizations/${org}/webhooks`);
    await page.getByRole('heading', { name: 'Webhooks of Biscuiterie Nantaise' }).waitFor();

    // Plain http to a public address: refused at the URL field.
    await page.getByRole('button', { name: 'New endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'New endpoint' });
    await dialog.getByRole('checkbox', { name: 'publication.published' }).check();
    const url = dialog.getByRole('textbox', { name: 'URL' });
    await url.fill('http://93.184.215.14/hooks');
    await dialog.getByRole('button', { name: 'Create the endpoint' }).click();
    await url.and(page.locator('[aria-invalid="true"]')).waitFor();
    await dialog.getByText('must be an https URL').waitFor();

    const hookUrl = receiver.url('/client-hook');
    await url.fill(hookUrl);
    await dialog.getByRole('button', { name: 'Create the endpoint' }).click();
    const secretDialog = page.getByRole('dialog', { name: `Signing secret of ${hookUrl}` });
    const firstSecret = ((await secretDialog.getByTestId('webhook-secret').textContent()) ?? '').trim();
    await secretDialog.getByRole('button', { name: 'I have copied it' }).click();
    const card = page.getByRole('region', { name: hookUrl });
    await card.getByText('1 event type', { exact: true }).waitFor();
    await noSeriousViolation(page);
    await h.screenshot(page, 'webhooks-client');
    const stored = async () =>
      (
        await h.admin.query<{ url: string; event_types: string[]; enabled: boolean; previous: boolean }>(
          `SELECT url, event_types, enabled, previous_secret_sealed IS NOT NULL AS previous FROM webhook_endpoints
            WHERE scope_organization_id = $1`,
          [org],
        )
      ).rows;

    // Edited: all the event types, then a note.
    await card.getByRole('button', { name: `Edit ${hookUrl}` }).click();
    const edit = page.getByRole('dialog', { name: 'Edit the endpoint' });
    await edit.getByRole('button', { name: 'All of them' }).click();
    await edit.getByRole('textbox', { name: 'URL' }).fill(`${hookUrl}?v=2`);
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    const card2 = page.getByRole('region', { name: `${hookUrl}?v=2` });
    await card2.getByText(`${catalogue.length} event types`).waitFor();
    expect((await stored())[0]).toMatchObject({ url: `${hookUrl}?v=2`, enabled: true, previous: false });
    expect([...(await stored())[0].event_types].sort()).toEqual(catalogue.map((e) => e.type).sort());

    // Turned off, then on again.
    await card2.getByRole('button', { name: `Turn off ${hookUrl}?v=2` }).click();
    await card2.getByText('Turned off').waitFor();
    expect((await stored())[0].enabled).toBe(false);
    await card2.getByRole('button', { name: `Turn on ${hookUrl}?v=2` }).click();
    await card2.getByText('Enabled', { exact: true }).waitFor();
    expect((await stored())[0].enabled).toBe(true);

    // A new secret, shown once; the previous one keeps signing for the hours chosen.
    await card2.getByRole('button', { name: `New secret for ${hookUrl}?v=2` }).click();
    const rotate = page.getByRole('dialog', { name: 'A new signing secret' });
    await rotate.getByRole('textbox', { name: /Hours the current secret keeps signing/ }).fill('2');
    await rotate.getByRole('button', { name: 'Make a new secret' }).click();
    const rotated = page.getByRole('dialog', { name: `Signing secret of ${hookUrl}?v=2` });
    const secondSecret = ((await rotated.getByTestId('webhook-secret').textContent()) ?? '').trim();
    expect(secondSecret).toMatch(/^whsec_/);
    expect(secondSecret).not.toBe(firstSecret);
    await rotated.getByRole('button', { name: 'I have copied it' }).click();
    await card2.getByText(/The previous secret still signs until/).waitFor();
    expect((await stored())[0].previous).toBe(true);

    // Deleted after confirmation.
    await card2.getByRole('button', { name: `Delete ${hookUrl}?v=2` }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete an endpoint' });
    await confirm.getByText(`Delete the endpoint ${hookUrl}?v=2?`).waitFor();
    await noSeriousViolation(page);
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await card2.waitFor({ state: 'detached' });
    await page.getByText('No endpoint yet').waitFor();
    expect(await stored()).toEqual([]);
    expect(h.pageProblems).toEqual([]);
  }, 120_000);

  it('offers no action to people without the role, and shows the API’s refusal', async () => {
    const member = await invited(undefined, []);
    const contentLead = await invited(org, ['CONTENT_LEAD']);

    const page = await h.newPage(await h.freshContext());
    await h.logIn(page, member);
    await page.goto(`${h.origin}/agency/webhooks`);
    await page.getByRole('heading', { name: 'Webhooks of Agence Crochets' }).waitFor();
    await page.getByRole('alert').getByText('Your access does not include agency.webhooks.read.').waitFor();
    await page.getByText('Only the agency’s owners and administrators see and manage its webhooks.').waitFor();
    expect(await page.getByRole('button', { name: 'New endpoint' }).count()).toBe(0);
    expect(await page.getByTestId('webhook-endpoint').count()).toBe(0);
    expect(await page.getByText('Agency CRM').count()).toBe(0);
    await noSeriousViolation(page);
    await h.screenshot(page, 'webhooks-refused');

    const lead = await h.newPage(await h.freshContext());
    await h.logIn(lead, contentLead);
    await lead.goto(`${h.origin}/organizations/${org}/webhooks`);
    await lead.getByRole('heading', { name: 'Webhooks of Biscuiterie Nantaise' }).waitFor();
    await lead.getByRole('alert').getByText('Your access does not include webhooks.read.').waitFor();
    await lead.getByText('Only the agency’s owners and administrators and this client’s strategy leads').waitFor();
    expect(await lead.getByRole('button', { name: 'New endpoint' }).count()).toBe(0);
    expect(h.pageProblems).toEqual([]);
  }, 120_000);
});
