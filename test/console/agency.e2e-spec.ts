import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { STRONG_PASSWORD, uniqueEmail } from '@socle/testing';
import { axeProblems, startConsoleHarness, type ConsoleHarness } from './browser-harness';

/**
 * The agency's own pages in a real browser: its team (members paginated, an invitation with its link, listed, sent
 * again and withdrawn, a role changed, the last owner's removal refused, a member removed), a client's members, their
 * roles there and its pending invitations (expiry in the client's time zone; read-only for a viewer), API keys
 * (the secret shown once, then never again; revoked), maturity models (the built-in first, copied into a draft, the
 * API's refusals at their path, published, exported and imported back), and the language saved on the account.
 */
describe('console: agency pages', () => {
  let h: ConsoleHarness;
  let owner: Awaited<ReturnType<ConsoleHarness['signUpAgency']>>;
  let org = '';

  const asOwner = <T>(query: string, variables: Record<string, unknown> = {}, organizationId?: string) =>
    h.api.ok<T>(query, variables, { token: owner.token, organizationId });

  /** Reads until the value is the expected one (the page's mutations land asynchronously). */
  const eventually = async <T>(read: () => Promise<T>, expected: (value: T) => boolean, what: string) => {
    const until = Date.now() + 10_000;
    let last: T | undefined;
    while (Date.now() < until) {
      last = await read();
      if (expected(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${what}: still ${JSON.stringify(last)}`);
  };

  /** axe-core on the whole page, header included: no serious or critical violation. */
  const noSeriousViolation = async (page: Page) => {
    expect(await axeProblems(page)).toEqual([]);
  };

  /** Invites into the agency and accepts as a new account, through the API. */
  const addAgencyMember = async (email: string, displayName: string) => {
    const invite = await asOwner<{ inviteAgencyMember: { token: string } }>(
      'mutation ($input: InviteAgencyMemberInput!) { inviteAgencyMember(input: $input) { token } }',
      { input: { email, role: 'MEMBER' } },
    );
    await h.api.ok('mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId } }', {
      input: { token: invite.inviteAgencyMember.token, displayName, password: STRONG_PASSWORD },
    });
  };

  beforeAll(async () => {
    h = await startConsoleHarness();
    owner = await h.signUpAgency('Agence Équipe');
    org = (
      await asOwner<{ createOrganization: { id: string } }>(
        'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
        { input: { name: 'Fromagerie Lune', timezone: 'America/Toronto', locale: 'FR' } },
      )
    ).createOrganization.id;
    // 21 members with the owner: two pages of 20.
    for (let i = 0; i < 20; i += 1) await addAgencyMember(uniqueEmail(`staff${i}`), `Staff ${String(i).padStart(2, '0')}`);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('lists the team by pages, invites, changes a role, refuses to remove the last owner and removes a member', async () => {
    const page = await h.newPage(await h.freshContext());
    await h.logIn(page, owner.email);
    await page.getByRole('link', { name: 'Team' }).click();
    await page.waitForURL('**/agency/members');
    await page.getByRole('heading', { name: 'Team of Agence Équipe' }).waitFor();
    const rows = page.getByTestId('member-row');
    await rows.nth(19).waitFor();
    expect(await rows.count()).toBe(20);
    expect(await rows.first().textContent()).toContain('Owner of Agence Équipe');
    await noSeriousViolation(page);
    await h.screenshot(page, 'agency-members');

    await page.getByRole('button', { name: 'Next page' }).click();
    await eventually(
      () => rows.count(),
      (n) => n === 1,
      'rows of the second page',
    );
    expect(await rows.first().textContent()).toMatch(/Staff \d\d/);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await rows.nth(19).waitFor();

    // The last owner cannot be removed: the API's refusal is shown.
    await page.getByRole('button', { name: 'Remove Owner of Agence Équipe' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toMatch(/owner/i);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // A role changed from its select.
    await page.getByRole('combobox', { name: 'Role of Staff 00' }).click();
    await page.getByRole('option', { name: 'Administrator' }).click();
    await eventually(
      async () => {
        const data = await asOwner<{ agencyMembers: { edges: { node: { role: string; user: { displayName: string } } }[] } }>(
          '{ agencyMembers(first: 100) { edges { node { role user { displayName } } } } }',
        );
        return data.agencyMembers.edges.find((e) => e.node.user.displayName === 'Staff 00')?.node.role;
      },
      (role) => role === 'ADMIN',
      'the role of Staff 00',
    );

    // A member removed.
    await page.getByRole('button', { name: 'Remove Staff 01' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Staff 01', exact: true }).waitFor({ state: 'detached' });

    // An invitation: its link is shown once, to hand over; the invitation is listed as pending; sent again, it has a
    // new link (the old one refused); withdrawn after confirmation, it leaves the list and its link is refused.
    const email = uniqueEmail('invited');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    const shown = page.getByTestId('invitation-link');
    await shown.waitFor();
    expect(await shown.textContent()).toContain(email);
    const firstLink = (await shown.locator('code').textContent()) ?? '';
    expect(firstLink).toContain(`${h.origin}/invitations/accept?token=`);
    const invitation = page.getByTestId('invitation-row').filter({ hasText: email });
    await invitation.waitFor();
    expect(await invitation.textContent()).toMatch(/Member.*Owner.*Pending/);
    await page.getByRole('button', { name: 'Copy the link' }).waitFor();
    await noSeriousViolation(page);
    await h.screenshot(page, 'agency-members-invitations');

    await page.getByRole('button', { name: `Send again the invitation to ${email}` }).click();
    await eventually(
      async () => (await shown.locator('code').textContent()) ?? '',
      (text) => text.includes('/invitations/accept?token=') && text !== firstLink,
      'the new link',
    );
    const secondLink = (await shown.locator('code').textContent()) ?? '';
    const tokenOf = (url: string) => decodeURIComponent(new URL(url).searchParams.get('token') ?? '');
    const accept = (url: string, displayName: string) =>
      h.api.gql('mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId } }', {
        input: { token: tokenOf(url), displayName, password: STRONG_PASSWORD },
      });
    expect((await accept(firstLink, 'Ancien Lien')).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await page.getByTestId('invitation-row').filter({ hasText: email }).count()).toBe(1);

    await page.getByRole('button', { name: `Withdraw the invitation to ${email}` }).click();
    const confirm = page.getByRole('dialog');
    expect(await confirm.textContent()).toContain(email);
    await noSeriousViolation(page);
    await confirm.getByRole('button', { name: 'Withdraw' }).click();
    await confirm.waitFor({ state: 'detached' });
    await invitation.waitFor({ state: 'detached' });
    await shown.waitFor({ state: 'detached' });
    expect((await accept(secondLink, 'Lien Retiré')).body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVITATION_REVOKED',
    });

    // Another one, accepted through its link: it leaves the pending list once the page reads it again.
    const recruit = uniqueEmail('recruit');
    await page.getByRole('textbox', { name: 'Email' }).fill(recruit);
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByTestId('invitation-row').filter({ hasText: recruit }).waitFor();
    const link = (await shown.locator('code').textContent()) ?? '';
    expect(link).toContain(`${h.origin}/invitations/accept?token=`);
    expect((await accept(link, 'Nouvelle Recrue')).body.errors).toBeUndefined();

    // A bad address: the API's message next to the field.
    // The browser takes it for an address; the API does not.
    await page.getByRole('textbox', { name: 'Email' }).fill('someone@localhost');
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByText('must be a valid email address').waitFor();
    await page.context().close();
  }, 90_000);

  it("manages a client's members and their roles there", async () => {
    const page = await h.newPage(await h.freshContext());
    await h.logIn(page, owner.email);
    await page.goto(`${h.origin}/organizations/${org}/members`);
    await page.getByRole('heading', { name: 'Members of Fromagerie Lune' }).waitFor();
    await page.getByText('Nobody here yet').waitFor();

    const email = uniqueEmail('client');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('checkbox', { name: 'Viewer' }).uncheck();
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    // No role: the API refuses at input.roles, next to the roles.
    await page.getByText('roles must contain at least 1 elements', { exact: false }).waitFor();
    await page.getByRole('checkbox', { name: 'Community manager' }).check();
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByTestId('invitation-row').filter({ hasText: email }).waitFor();
    const link = (await page.getByTestId('invitation-link').locator('code').textContent()) ?? '';
    await h.api.ok('mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId } }', {
      input: { token: new URL(link).searchParams.get('token'), displayName: 'Camille Client', password: STRONG_PASSWORD },
    });
    await page.reload();
    const row = page.getByTestId('member-row').filter({ hasText: 'Camille Client' });
    await row.waitFor().catch(async (error: unknown) => {
      await h.screenshot(page, 'agency-organization-members-failed');
      throw error;
    });
    expect(await row.textContent()).toContain('Community manager');
    await noSeriousViolation(page);
    await h.screenshot(page, 'agency-organization-members');

    await page.getByRole('button', { name: 'Change roles of Camille Client' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'Analyst' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Analyst').waitFor();
    const roles = await asOwner<{ members: { edges: { node: { roles: string[] } }[] } }>(
      '{ members(first: 10) { edges { node { roles } } } }',
      {},
      org,
    );
    expect(roles.members.edges[0].node.roles.sort()).toEqual(['ANALYST', 'COMMUNITY_MANAGER']);

    await page.getByRole('button', { name: 'Remove Camille Client' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await page.getByText('Nobody here yet').waitFor();
    await page.context().close();
  }, 90_000);

  it("lists a client's pending invitations with their expiry in its time zone, sends one again and withdraws it", async () => {
    // An agency of its own: the other tests count the first agency's clients.
    const cider = await h.signUpAgency('Agence Cidre');
    const asCider = <T>(query: string, variables: Record<string, unknown> = {}, organizationId?: string) =>
      h.api.ok<T>(query, variables, { token: cider.token, organizationId });
    const client = (
      await asCider<{ createOrganization: { id: string } }>(
        'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
        { input: { name: 'Cidrerie Soleil', timezone: 'America/Toronto', locale: 'FR' } },
      )
    ).createOrganization.id;
    // One sent earlier through the API, already expired.
    const late = uniqueEmail('late');
    const lateInvite = await asCider<{ inviteMember: { invitation: { id: string } } }>(
      'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }',
      { input: { email: late, roles: ['ANALYST'] } },
      client,
    );
    await h.admin.query("UPDATE organization_invitations SET expires_at = now() - interval '1 hour' WHERE id = $1", [
      lateInvite.inviteMember.invitation.id,
    ]);

    const page = await h.newPage(await h.freshContext());
    await h.logIn(page, cider.email);
    await page.goto(`${h.origin}/organizations/${client}/members`);
    await page.getByRole('heading', { name: 'Members of Cidrerie Soleil' }).waitFor();
    const lateRow = page.getByTestId('invitation-row').filter({ hasText: late });
    await lateRow.waitFor();
    expect(await lateRow.textContent()).toMatch(/Analyst.*Owner.*Expired/);

    const email = uniqueEmail('pending');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    const row = page.getByTestId('invitation-row').filter({ hasText: email });
    await row.waitFor();
    // Newest first; the expiry in the client's zone (Toronto), not the browser's (UTC).
    expect(await page.getByTestId('invitation-row').first().textContent()).toContain(email);
    expect(await row.textContent()).toMatch(/Viewer.*Owner.*Pending.*\d{2}:\d{2}\s[AP]M\sE[SD]T/);
    const shown = page.getByTestId('invitation-link');
    const firstLink = (await shown.locator('code').textContent()) ?? '';
    await noSeriousViolation(page);
    await h.screenshot(page, 'agency-organization-invitations');

    // The expired one sent again: a new link shown, and it is pending again.
    await page.getByRole('button', { name: `Send again the invitation to ${late}` }).click();
    await eventually(
      async () => (await shown.textContent()) ?? '',
      (text) => text.includes(late) && !text.includes(firstLink),
      'the link of the invitation sent again',
    );
    await eventually(
      async () => (await lateRow.textContent()) ?? '',
      (text) => text.includes('Pending'),
      'the status of the invitation sent again',
    );
    const invitations = await asCider<{ invitations: { edges: { node: { email: string; status: string } }[] } }>(
      '{ invitations(first: 10) { edges { node { email status } } } }',
      {},
      client,
    );
    expect(invitations.invitations.edges.map((e) => e.node)).toEqual([
      { email, status: 'PENDING' },
      { email: late, status: 'PENDING' },
    ]);

    // Withdrawn, after confirmation: gone from the list and from the API's.
    await page.getByRole('button', { name: `Withdraw the invitation to ${email}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Withdraw' }).click();
    await row.waitFor({ state: 'detached' });
    const left = await asCider<{ invitations: { edges: { node: { email: string } }[] } }>(
      '{ invitations(first: 10) { edges { node { email } } } }',
      {},
      client,
    );
    expect(left.invitations.edges.map((e) => e.node.email)).toEqual([late]);
    await page.context().close();

    // A viewer of the client reads its members but is offered none of the tools (their roles come from myRoles).
    const viewerEmail = uniqueEmail('viewer');
    const viewerInvite = await asCider<{ inviteMember: { token: string } }>(
      'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { token } }',
      { input: { email: viewerEmail, roles: ['VIEWER'] } },
      client,
    );
    await h.api.ok('mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId } }', {
      input: { token: viewerInvite.inviteMember.token, displayName: 'Véra Viewer', password: STRONG_PASSWORD, locale: 'EN' },
    });
    const viewerPage = await h.newPage(await h.freshContext());
    await h.logIn(viewerPage, viewerEmail);
    await viewerPage.goto(`${h.origin}/organizations/${client}/members`);
    await viewerPage.getByTestId('member-row').filter({ hasText: 'Véra Viewer' }).waitFor();
    await viewerPage.getByText('Only the people who manage the members').waitFor();
    expect(await viewerPage.getByRole('button', { name: 'Send the invitation' }).count()).toBe(0);
    expect(await viewerPage.getByRole('button', { name: /^(Remove|Change roles of) / }).count()).toBe(0);
    expect(await viewerPage.getByTestId('invitation-row').count()).toBe(0);
    await noSeriousViolation(viewerPage);
    await viewerPage.context().close();
  }, 90_000);

  it('creates an API key whose secret is shown once, lists it and revokes it', async () => {
    const page = await h.newPage(await h.freshContext());
    await h.logIn(page, owner.email);
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByText('No API key yet').waitFor();
    await page.getByRole('button', { name: 'New API key' }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('textbox', { name: 'Name' }).fill('Outil de reporting');
    // Reading everything (ticked by default) covers each module's reading; writing is given for one module only.
    expect(await form.getByRole('checkbox', { name: 'Read', exact: true }).isChecked()).toBe(true);
    const contentRead = form.getByRole('checkbox', { name: 'Content: read' });
    expect([await contentRead.isChecked(), await contentRead.isDisabled()]).toEqual([true, true]);
    await form.getByRole('checkbox', { name: 'Content: write' }).check();
    expect(await form.getByRole('checkbox', { name: 'Write', exact: true }).isChecked()).toBe(false);
    await form.getByRole('button', { name: 'Create the key' }).click();
    const secretBox = page.getByTestId('api-key-secret');
    await secretBox.waitFor();
    const secret = ((await secretBox.textContent()) ?? '').trim();
    expect(secret).toMatch(/^socle_ak_/);
    await page.getByRole('button', { name: 'Copy the key' }).waitFor();
    await noSeriousViolation(page);
    // The key works.
    const me = await h.api.ok<{ organizations: { edges: { node: { id: string } }[] } }>(
      '{ organizations(first: 5) { edges { node { id } } } }',
      {},
      { token: secret },
    );
    expect(me.organizations.edges.map((e) => e.node.id)).toEqual([org]);
    const viewer = await h.api.ok<{ viewer: { apiKey: { scopes: string[] } } }>('{ viewer { apiKey { scopes } } }', {}, { token: secret });
    expect(viewer.viewer.apiKey.scopes).toEqual(['CONTENT_WRITE', 'READ']);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await secretBox.waitFor({ state: 'detached' });

    const row = page.getByTestId('api-key-row');
    await row.waitFor();
    expect(await row.textContent()).toContain('Outil de reporting');
    expect(await row.textContent()).toContain('Content: write');
    await page.reload();
    await row.waitFor();
    // Never again: neither in the page nor in anything the API answers it.
    expect(await page.content()).not.toContain(secret.slice(12));
    await h.screenshot(page, 'agency-api-keys');

    await page.getByRole('button', { name: 'Revoke Outil de reporting' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('Revoked').waitFor();
    const refused = await h.api.gql('{ organizations(first: 5) { edges { node { id } } } }', {}, { token: secret });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await page.context().close();
  }, 90_000);

  it('copies the built-in model, shows refusals at their path, publishes, exports and imports', async () => {
    const page = await h.newPage(await h.freshContext());
    await h.logIn(page, owner.email);
    await page.getByRole('link', { name: 'Maturity models' }).click();
    const rows = page.getByTestId('model-row');
    await rows.first().waitFor();
    expect(await rows.first().textContent()).toContain('Built-in');
    await noSeriousViolation(page);
    await h.screenshot(page, 'agency-models');

    await page.getByRole('button', { name: 'Copy the built-in model' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Name of the new model' }).fill('Modèle maison');
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await page.waitForURL(/\/agency\/models\/[0-9a-f-]{36}$/);
    const modelId = page.url().split('/').pop() as string;
    await page.getByRole('heading', { name: 'Draft version 1' }).waitFor();
    const editor = page.getByRole('textbox', { name: 'Content of the model' });
    const content = JSON.parse(await editor.inputValue()) as { levels: { minScore: number }[]; name: { fr: string; en: string } };

    // A refusal of the API, at its path inside the document.
    const broken = structuredClone(content);
    broken.levels[1].minScore = 0;
    await editor.fill(JSON.stringify(broken, null, 2), { timeout: 30_000 });
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByTestId('json-problems').getByText('levels[1].minScore', { exact: false }).waitFor();
    await noSeriousViolation(page);
    await h.screenshot(page, 'agency-model-draft');

    // Fixed and saved, then published.
    const renamed = { ...content, name: { fr: 'Maturité maison', en: 'House maturity' } };
    await editor.fill(JSON.stringify(renamed, null, 2), { timeout: 30_000 });
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByText('Draft version 1 saved.').waitFor();
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await page.getByText('Version 1 published.').waitFor();
    await page.getByTestId('version-row').getByText('Published').waitFor();
    const stored = await asOwner<{ maturityModel: { latestPublishedVersion: number; versions: { content: { name: { en: string } } }[] } }>(
      'query ($id: ID!) { maturityModel(id: $id) { latestPublishedVersion versions { content } } }',
      { id: modelId },
    );
    expect(stored.maturityModel.latestPublishedVersion).toBe(1);
    expect(stored.maturityModel.versions[0].content.name.en).toBe('House maturity');

    // Export (a download in the export format) and import it back.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON: version 1' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Modèle-maison-v1.json');
    const file = join(tmpdir(), `socle-model-${Date.now()}.json`);
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; model: { name: { en: string } } };
    expect(exported).toMatchObject({ format: 'socle.maturity-model', model: { name: { en: 'House maturity' } } });

    await page.getByRole('link', { name: 'All maturity models' }).click();
    await page.getByRole('button', { name: 'Import JSON' }).click();
    const dialog = page.getByRole('dialog');
    // A broken file first: every problem at its path.
    const brokenFile = join(tmpdir(), `socle-model-broken-${Date.now()}.json`);
    const brokenDoc = JSON.parse(readFileSync(file, 'utf8')) as { model: { levels: { minScore: number }[] } };
    brokenDoc.model.levels[3].minScore = 10;
    writeFileSync(brokenFile, JSON.stringify(brokenDoc));
    await dialog.getByRole('textbox', { name: 'Name of the new model' }).fill('Modèle importé');
    await dialog.locator('input[type="file"]').setInputFiles(brokenFile);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByTestId('json-problems').getByText('model.levels[3].minScore', { exact: false }).waitFor();
    await dialog.locator('input[type="file"]').setInputFiles(file);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL((url) => /\/agency\/models\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(modelId));
    await page.getByRole('heading', { name: 'Modèle importé' }).waitFor();
    await page.getByRole('heading', { name: 'Draft version 1' }).waitFor();
    await page.context().close();
  }, 90_000);

  it('saves the language a person picks on their account, and another browser follows it', async () => {
    const page = await h.newPage(await h.freshContext());
    await h.logIn(page, owner.email);
    await page.getByRole('link', { name: 'Team' }).waitFor();
    await page.getByText('FR', { exact: true }).click();
    await page.getByRole('link', { name: 'Équipe' }).waitFor();
    await eventually(
      async () => (await asOwner<{ me: { user: { locale: string } } }>('{ me { user { locale } } }')).me.user.locale,
      (locale) => locale === 'FR',
      'the account language',
    );
    await page.context().close();

    // A browser that never saw the choice shows the account's language.
    const other = await h.newPage(await h.freshContext({ locale: 'en-GB' }));
    await h.logIn(other, owner.email);
    await other.getByRole('link', { name: 'Équipe' }).waitFor();
    await other.context().close();

    expect(h.elsewhere()).toEqual([]);
    expect(h.pageProblems).toEqual([]);
  }, 90_000);
});
