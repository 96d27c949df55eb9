import type { Page } from 'playwright-core';
import { addOrganizationMember } from '@socle/testing';
import { axeProblems, startConsoleHarness, type ConsoleHarness } from './browser-harness';

/**
 * A client's strategy pages in a real browser: the roadmap (landing tab, in the client's language), objectives and
 * KPIs (created and edited, the API's field errors next to the fields, a KPI's progress chart and recorded values),
 * audiences, network plans, competitors, brand voice, the task force (one person, several roles) with the next
 * weekly meeting's agenda, the strategy document with its approved version; segments, network plans and competitors
 * added, edited (the API's refusals next to their fields) and deleted, the brand voice set and kept, task-force roles
 * assigned and removed, rituals scheduled, moved and deleted; read-only for an executive approver.
 */
describe('console: a client strategy', () => {
  let h: ConsoleHarness;
  let owner: Awaited<ReturnType<ConsoleHarness['signUpAgency']>>;
  let approver: { token: string; userId: string; email: string };
  let org = '';

  const asOwner = <T>(query: string, input: Record<string, unknown>) =>
    h.api.ok<T>(query, { input }, { token: owner.token, organizationId: org });

  const monthStart = (monthsAgo: number) => {
    const d = new Date();
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsAgo, 1)).toISOString().slice(0, 10);
  };

  /** axe-core on the whole page, header included: no serious or critical violation. */
  const noSeriousViolation = async (page: Page, name: string) => {
    expect({ name, serious: await axeProblems(page) }).toEqual({ name, serious: [] });
  };

  beforeAll(async () => {
    h = await startConsoleHarness();
    owner = await h.signUpAgency('Agence Stratégie');
    org = (
      await h.api.ok<{ createOrganization: { id: string } }>(
        'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
        { input: { name: 'Boulangerie Dupont', timezone: 'Pacific/Auckland', locale: 'FR' } },
        { token: owner.token },
      )
    ).createOrganization.id;
    approver = await addOrganizationMember(h.api, { ...owner, refreshToken: '', userId: '' }, org, ['EXECUTIVE_APPROVER']);

    const deadline = `${new Date().getUTCFullYear() + 1}-12-31`;
    const objective = await asOwner<{ createObjective: { id: string } }>(
      'mutation ($input: CreateObjectiveInput!) { createObjective(input: $input) { id } }',
      { kind: 'BRAND', title: 'Grow the local audience', metric: 'followers', baseline: 100, target: 400, deadline },
    );
    const kpi = await asOwner<{ createKpi: { id: string } }>('mutation ($input: CreateKpiInput!) { createKpi(input: $input) { id } }', {
      objectiveId: objective.createObjective.id,
      name: 'Site visits from social',
      metric: 'socialTraffic',
      frequency: 'MONTHLY',
      target: 300,
    });
    for (const [monthsAgo, value] of [
      [2, '120'],
      [1, '180'],
    ] as const) {
      await asOwner('mutation ($input: RecordKpiValueInput!) { recordKpiValue(input: $input) { id } }', {
        kpiId: kpi.createKpi.id,
        date: monthStart(monthsAgo),
        value,
        note: 'GA4',
      });
    }
    const segment = await asOwner<{ createAudienceSegment: { id: string } }>(
      'mutation ($input: CreateAudienceSegmentInput!) { createAudienceSegment(input: $input) { id } }',
      {
        name: 'Neighbourhood families',
        description: 'Parents within two kilometres',
        needs: 'Opening hours',
        usages: ['CUSTOMER_SERVICE'],
      },
    );
    await asOwner('mutation ($input: CreateNetworkPlanInput!) { createNetworkPlan(input: $input) { id } }', {
      network: 'mastodon',
      postsPerWeek: 3,
      rationale: 'Where the neighbourhood talks',
      segmentIds: [segment.createAudienceSegment.id],
    });
    await asOwner('mutation ($input: CreateCompetitorInput!) { createCompetitor(input: $input) { id } }', {
      name: 'Maison Martin',
      notes: 'Two streets away',
      handles: [{ network: 'mastodon', handle: '@martin@piaille.fr' }],
    });
    await asOwner('mutation ($input: SetBrandVoiceInput!) { setBrandVoice(input: $input) { tone } }', {
      tone: 'Warm and direct',
      addressForm: 'VOUS',
      wordsToUse: ['fresh'],
      wordsToAvoid: ['cheap'],
    });
    for (const role of ['STRATEGY_LEAD', 'COMMUNITY_MANAGER']) {
      await asOwner('mutation ($input: AddTaskForceMemberInput!) { addTaskForceMember(input: $input) { id } }', {
        role,
        externalName: 'Claire Dupont',
        department: 'Shop',
      });
    }
    await asOwner('mutation ($input: CreateRitualInput!) { createRitual(input: $input) { id } }', {
      kind: 'WEEKLY_MEETING',
      weekday: 2,
      time: '09:30',
    });
    const version = await asOwner<{ createStrategyDocumentVersion: { id: string } }>(
      'mutation ($input: CreateStrategyDocumentVersionInput!) { createStrategyDocumentVersion(input: $input) { id } }',
      { note: 'First version' },
    );
    const versionId = version.createStrategyDocumentVersion.id;
    await asOwner('mutation ($input: StrategyDocumentVersionInput!) { submitStrategyDocumentVersion(input: $input) { id } }', {
      versionId,
    });
    await h.api.ok(
      'mutation ($input: ApproveStrategyDocumentVersionInput!) { approveStrategyDocumentVersion(input: $input) { id } }',
      { input: { versionId, comment: 'Go' } },
      { token: approver.token, organizationId: org },
    );
    // A change after the approval: the page must say the strategy moved since.
    await asOwner('mutation ($input: CreateCompetitorInput!) { createCompetitor(input: $input) { id } }', { name: 'Fournil du Parc' });
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  it('shows the roadmap first, then objectives and KPIs with progress, edits them with field errors, and every other tab', async () => {
    const context = await h.freshContext();
    const page = await h.newPage(context);
    await h.logIn(page, owner.email);
    await page.goto(`${h.origin}/organizations/${org}/strategy`);

    // Roadmap: ten steps, the client's language (French) for the steps and their evidence.
    await page.getByRole('heading', { name: 'The ten steps of the roadmap' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Roadmap' }).getAttribute('aria-selected')).toBe('true');
    const steps = page.getByTestId('roadmap-step');
    await steps.nth(9).waitFor();
    expect(await steps.count()).toBe(10);
    expect(await steps.first().getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('read-only').count()).toBe(0);
    await h.screenshot(page, 'strategy-roadmap');
    await noSeriousViolation(page, 'roadmap');

    // Objectives and KPIs; a KPI's progress against its target and its recorded values.
    await page.getByRole('tab', { name: 'Objectives and KPIs' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/strategy/objectives'));
    const objective = page.getByTestId('objective').filter({ hasText: 'Grow the local audience' });
    await objective.getByText('Site visits from social').waitFor();
    await objective.getByRole('button', { name: 'Progress of Site visits from social' }).click();
    const progress = page.getByTestId('kpi-progress');
    await progress.locator('.recharts-line').first().waitFor();
    expect(await progress.locator('.recharts-line').count()).toBe(2);
    await progress.getByTestId('kpi-value').nth(1).waitFor();
    expect(await progress.getByTestId('kpi-value').first().textContent()).toContain('180');
    await h.screenshot(page, 'strategy-objectives');
    await noSeriousViolation(page, 'objectives');

    // Record a value from the page.
    await progress.getByRole('textbox', { name: 'Value' }).fill('not a number');
    await progress.getByRole('button', { name: 'Record a value' }).click();
    await progress.locator('[id$="-error"]').first().waitFor();
    await progress.getByRole('textbox', { name: 'Value' }).fill('205');
    await progress.getByRole('button', { name: 'Record a value' }).click();
    await progress.getByTestId('kpi-value').filter({ hasText: '205' }).waitFor();

    // A new objective refused field by field (target equal to the baseline, a deadline in the past), then saved.
    await page.getByRole('button', { name: 'New objective' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Answer faster');
    await dialog.getByRole('textbox', { name: 'Metric' }).fill('firstResponseTime');
    await dialog.getByRole('textbox', { name: 'Baseline' }).fill('60');
    await dialog.getByRole('textbox', { name: 'Target' }).fill('60');
    await dialog.getByLabel('Deadline').fill('2020-01-01');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.locator('input[aria-invalid="true"]').first().waitFor();
    expect(await dialog.getByLabel('Deadline').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Deadline').fill(`${new Date().getUTCFullYear() + 1}-06-30`);
    await dialog.getByRole('textbox', { name: 'Target' }).fill('15');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('objective').filter({ hasText: 'Answer faster' }).waitFor();

    // Edit the KPI: its new target shows.
    await objective.getByRole('button', { name: 'Edit the KPI Site visits from social' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Target' }).fill('350');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await objective.getByTestId('kpi-row').filter({ hasText: '350' }).waitFor();

    await page.getByRole('tab', { name: 'Audiences' }).click();
    await page.getByTestId('segment-row').filter({ hasText: 'Neighbourhood families' }).getByText('Customer service').waitFor();
    await page.getByRole('tab', { name: 'Networks' }).click();
    await page.getByTestId('network-plan-row').filter({ hasText: 'mastodon' }).getByText('Neighbourhood families').waitFor();
    await page.getByRole('tab', { name: 'Competitors' }).click();
    await page.getByTestId('competitor-row').filter({ hasText: 'Maison Martin' }).getByText('mastodon: @martin@piaille.fr').waitFor();
    await page.getByRole('tab', { name: 'Brand voice' }).click();
    await page.getByTestId('brand-voice').getByText('Warm and direct').waitFor();
    await page.getByTestId('brand-voice').getByText('Formal (vous)').waitFor();

    // Task force: one person holding two roles; the next weekly meeting's agenda.
    await page.getByRole('tab', { name: 'Task force' }).click();
    const person = page.getByTestId('task-force-person').filter({ hasText: 'Claire Dupont' });
    await person.waitFor();
    expect(await page.getByTestId('task-force-person').count()).toBe(1);
    expect(await person.locator('.mantine-Badge-root').count()).toBe(2);
    const meeting = page.getByTestId('weekly-meeting');
    await meeting.getByTestId('agenda-slot').first().waitFor();
    expect(await meeting.getByTestId('agenda-slot').count()).toBeGreaterThan(1);
    expect(await meeting.textContent()).toMatch(/Tuesday/);
    await h.screenshot(page, 'strategy-task-force');
    await noSeriousViolation(page, 'task-force');

    // The document: approved version 1, changed since, downloadable.
    await page.getByRole('tab', { name: 'Strategy document' }).click();
    const approved = page.getByTestId('approved-version');
    await approved.getByText('Approved version 1').waitFor();
    await approved.getByText(/changed since this version was approved/).waitFor();
    expect(await page.getByTestId('strategy-markdown').textContent()).toContain('Boulangerie Dupont');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download (Markdown)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Boulangerie-Dupont-current.md');
    await h.screenshot(page, 'strategy-document');
    await noSeriousViolation(page, 'document');

    // French.
    await page.getByText('FR', { exact: true }).click();
    await page.getByRole('tab', { name: 'Document de stratégie' }).waitFor();
    await approved.getByText('Version 1 approuvée').waitFor();
    await context.close();
  }, 90_000);

  it('adds, edits (the refusals next to their fields) and deletes segments, plans, competitors, task-force roles and rituals; sets the brand voice', async () => {
    // A client of its own, so that the lists start empty and the first test's client stays as it was seeded.
    const client = (
      await h.api.ok<{ createOrganization: { id: string } }>(
        'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
        { input: { name: 'Fromagerie Leroy', timezone: 'Europe/Paris', locale: 'FR' } },
        { token: owner.token },
      )
    ).createOrganization.id;
    const inClient = (query: string, input: Record<string, unknown>) =>
      h.api.ok(query, { input }, { token: owner.token, organizationId: client });
    await inClient('mutation ($input: CreateAudienceSegmentInput!) { createAudienceSegment(input: $input) { id } }', {
      name: 'Regulars',
    });
    await inClient('mutation ($input: CreateCompetitorInput!) { createCompetitor(input: $input) { id } }', { name: 'Crèmerie Roux' });

    const context = await h.freshContext();
    const page = await h.newPage(context);
    await h.logIn(page, owner.email);
    // In English, whatever language the owner chose last.
    await page.getByText('EN', { exact: true }).click();
    const base = `${h.origin}/organizations/${client}/strategy`;
    const dialog = page.getByRole('dialog');
    const pick = async (label: string, option: string) => {
      const choice = page.getByRole('option', { name: option, exact: true });
      // A multiple choice's list stays open after a pick. Its field sits under its pills' box, which takes the click
      // the same way.
      if (!(await choice.isVisible())) await dialog.getByRole('combobox', { name: label, exact: true }).click({ force: true });
      await choice.click();
    };
    /** Closes a multiple choice's list (a click beside it, on the form's title). */
    const closeList = () => dialog.getByRole('heading').first().click();
    /** Saves the open form and waits for the API's refusal to mark `field` invalid with `message` under it. */
    const refused = async (field: ReturnType<Page['getByRole']>, message: string | RegExp) => {
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByText(message).waitFor();
      expect(await field.getAttribute('aria-invalid')).toBe('true');
    };
    const saved = async () => {
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
    };
    const confirmDelete = async (row: ReturnType<Page['getByTestId']>, button: string) => {
      await row.getByRole('button', { name: button }).click();
      await dialog.getByRole('button', { name: 'Delete' }).click();
      await row.waitFor({ state: 'detached' });
    };

    // Audience segments: create with its usages, a name already taken refused next to the name, then renamed, deleted.
    await page.goto(`${base}/audiences`);
    await page.getByRole('button', { name: 'New segment' }).click();
    await dialog.getByRole('textbox', { name: 'Segment' }).fill('Weekend walkers');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Hikers passing through on Saturdays');
    await dialog.getByRole('textbox', { name: 'Needs' }).fill('Opening hours, picnic boards');
    await pick('Used for', 'Advertising and marketing');
    await pick('Used for', 'Customer service');
    await closeList();
    await h.screenshot(page, 'strategy-segment-form');
    await noSeriousViolation(page, 'segment form');
    await saved();
    const walkers = page.getByTestId('segment-row').filter({ hasText: 'Weekend walkers' });
    await walkers.getByText('Customer service').waitFor();
    expect(await walkers.textContent()).toContain('Advertising and marketing');

    await walkers.getByRole('button', { name: 'Edit the segment Weekend walkers' }).click();
    expect(await dialog.getByRole('textbox', { name: 'Needs' }).inputValue()).toBe('Opening hours, picnic boards');
    await dialog.getByRole('textbox', { name: 'Segment' }).fill('Regulars');
    await refused(dialog.getByRole('textbox', { name: 'Segment' }), 'An audience segment with this name already exists.');
    await dialog.getByRole('textbox', { name: 'Segment' }).fill('Weekend hikers');
    await saved();
    const hikers = page.getByTestId('segment-row').filter({ hasText: 'Weekend hikers' });
    await hikers.waitFor();
    expect(await page.getByTestId('segment-row').filter({ hasText: 'Weekend walkers' }).count()).toBe(0);

    // Network plans: empty at first (the empty state says what to do), a plan on Bluesky for two segments, a rhythm
    // above 100 a week refused next to its field, then deleted.
    await page.getByRole('tab', { name: 'Networks' }).click();
    await page.getByText(/No network plan yet\. Add the audience segments first/).waitFor();
    await page.getByRole('button', { name: 'New network plan' }).click();
    await pick('Network', 'Bluesky');
    await dialog.getByRole('textbox', { name: 'Posts a week' }).fill('2');
    await pick('Segments', 'Weekend hikers');
    await pick('Segments', 'Regulars');
    await closeList();
    await dialog.getByRole('textbox', { name: 'Why' }).fill('Where the hikers post their walks');
    await dialog.getByRole('textbox', { name: 'Reserved handle' }).fill('fromagerie-leroy.bsky.social');
    await noSeriousViolation(page, 'network plan form');
    await saved();
    const bluesky = page.getByTestId('network-plan-row').filter({ hasText: 'bluesky' });
    await bluesky.getByText(/Weekend hikers/).waitFor();
    expect(await bluesky.textContent()).toContain('Regulars');
    expect(await bluesky.textContent()).toContain('fromagerie-leroy.bsky.social');

    await bluesky.getByRole('button', { name: 'Edit the plan for bluesky' }).click();
    // The network is shown, not changeable.
    expect(await dialog.getByRole('combobox', { name: 'Network' }).isDisabled()).toBe(true);
    const postsPerWeek = dialog.getByRole('textbox', { name: 'Posts a week' });
    await postsPerWeek.fill('150');
    await refused(postsPerWeek, /must not be greater than 100/);
    await postsPerWeek.fill('5');
    await dialog.getByRole('textbox', { name: 'Reserved handle' }).fill('');
    await saved();
    await bluesky.getByRole('cell', { name: '5', exact: true }).waitFor();
    expect(await bluesky.textContent()).not.toContain('fromagerie-leroy.bsky.social');
    await confirmDelete(bluesky, 'Delete the plan for bluesky');
    await page.getByText(/No network plan yet/).waitFor();

    // Deleting a segment: the confirmation says what follows, the row goes.
    await page.getByRole('tab', { name: 'Audiences' }).click();
    await page
      .getByTestId('segment-row')
      .filter({ hasText: 'Weekend hikers' })
      .getByRole('button', { name: 'Delete the segment Weekend hikers' })
      .click();
    await dialog.getByText('The network plans that address it stop addressing it.', { exact: false }).waitFor();
    await noSeriousViolation(page, 'delete confirmation');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByTestId('segment-row').filter({ hasText: 'Weekend hikers' }).waitFor({ state: 'detached' });
    expect(await page.getByTestId('segment-row').count()).toBe(1);

    // Competitors: one with two accounts; a blank account refused next to that account; then deleted.
    await page.getByRole('tab', { name: 'Competitors' }).click();
    await page.getByRole('button', { name: 'New competitor' }).click();
    await dialog.getByRole('textbox', { name: 'Competitor' }).fill('Le Petit Affineur');
    await dialog.getByRole('button', { name: 'Add an account' }).click();
    await dialog.getByLabel('Network of account 1').click();
    await page.getByRole('option', { name: 'Mastodon', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Account 1', exact: true }).fill('@affineur@piaille.fr');
    await dialog.getByRole('button', { name: 'Add an account' }).click();
    await dialog.getByLabel('Network of account 2').click();
    await page.getByRole('option', { name: 'Bluesky', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Account 2', exact: true }).fill('affineur.bsky.social');
    await dialog.getByRole('textbox', { name: 'Notes' }).fill('Raw-milk specialist, strong on Saturdays');
    await noSeriousViolation(page, 'competitor form');
    await saved();
    const affineur = page.getByTestId('competitor-row').filter({ hasText: 'Le Petit Affineur' });
    await affineur.getByText('mastodon: @affineur@piaille.fr, bluesky: affineur.bsky.social').waitFor();

    await affineur.getByRole('button', { name: 'Edit the competitor Le Petit Affineur' }).click();
    const second = dialog.getByRole('textbox', { name: 'Account 2', exact: true });
    expect(await second.inputValue()).toBe('affineur.bsky.social');
    await second.fill('   ');
    await refused(second, 'must not be blank');
    expect(await dialog.getByRole('textbox', { name: 'Account 1', exact: true }).getAttribute('aria-invalid')).not.toBe('true');
    await dialog.getByRole('button', { name: 'Remove account 2' }).click();
    await dialog.getByRole('textbox', { name: 'Competitor' }).fill('Crèmerie Roux');
    await refused(dialog.getByRole('textbox', { name: 'Competitor' }), 'A competitor with this name already exists.');
    await dialog.getByRole('textbox', { name: 'Competitor' }).fill('Le Petit Affineur de Lyon');
    await saved();
    const lyon = page.getByTestId('competitor-row').filter({ hasText: 'Le Petit Affineur de Lyon' });
    await lyon.getByText('mastodon: @affineur@piaille.fr').waitFor();
    expect(await lyon.textContent()).not.toContain('bluesky');
    await confirmDelete(lyon, 'Delete the competitor Le Petit Affineur de Lyon');

    // Brand voice: not set (the empty state says how), set with a word in both lists refused next to the words to
    // avoid, then saved and still there after a reload.
    await page.getByRole('tab', { name: 'Brand voice' }).click();
    await page.getByText(/The brand voice is not set yet\. Set it with/).waitFor();
    await page.getByRole('button', { name: 'Set the brand voice' }).click();
    await dialog.getByRole('textbox', { name: 'Tone' }).fill('Warm, precise about the cheeses, never pompous');
    await pick('Addressing the audience', 'Informal (tu)');
    const wordsToUse = dialog.getByRole('combobox', { name: 'Words to use' });
    for (const word of ['affiné', 'fermier', 'industriel']) {
      await wordsToUse.fill(word);
      await wordsToUse.press('Enter');
    }
    const wordsToAvoid = dialog.getByRole('combobox', { name: 'Words to avoid' });
    // A comma ends a word too.
    await wordsToAvoid.pressSequentially('industriel,pas cher,');
    await noSeriousViolation(page, 'brand voice form');
    await refused(wordsToAvoid, /also listed in wordsToUse: industriel/);
    // Backspace in the empty field takes the last word off the list.
    await wordsToUse.press('Backspace');
    await saved();
    const voice = page.getByTestId('brand-voice');
    await voice.getByText('Warm, precise about the cheeses, never pompous').waitFor();
    await page.reload();
    await voice.getByText('Informal (tu)').waitFor();
    expect(await voice.getByTestId('words-to-use').textContent()).toBe('affinéfermier');
    expect(await voice.getByTestId('words-to-avoid').textContent()).toBe('industrielpas cher');
    await h.screenshot(page, 'strategy-brand-voice');

    // Edited again: the form opens with what was saved.
    await page.getByRole('button', { name: 'Edit the brand voice' }).click();
    expect(await dialog.getByRole('textbox', { name: 'Tone' }).inputValue()).toBe('Warm, precise about the cheeses, never pompous');
    await dialog.getByRole('textbox', { name: 'Tone' }).fill('Warm and precise');
    await saved();
    await voice.getByText('Warm and precise', { exact: true }).waitFor();
    const stored = await h.api.ok<{ brandVoice: { tone: string; addressForm: string; wordsToAvoid: string[] } }>(
      '{ brandVoice { tone addressForm wordsToAvoid } }',
      {},
      { token: owner.token, organizationId: client },
    );
    expect(stored.brandVoice).toEqual({ tone: 'Warm and precise', addressForm: 'TU', wordsToAvoid: ['industriel', 'pas cher'] });

    // Task force: a role given to someone from outside (a blank name refused next to it), removed; the weekly meeting
    // scheduled (its agenda shows), moved to another day; another ritual refused without its title, then deleted.
    await page.getByRole('tab', { name: 'Task force' }).click();
    await page.getByText(/No role assigned yet\. Assign the five functions first/).waitFor();
    await page.getByRole('button', { name: 'Assign a role' }).click();
    await pick('Role', 'Community manager');
    await dialog.getByText('Someone from outside', { exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('   ');
    await dialog.getByRole('textbox', { name: 'Contact' }).fill('julie@conseil.example');
    await dialog.getByRole('textbox', { name: 'Department' }).fill('Agency');
    await noSeriousViolation(page, 'assignment form');
    await refused(dialog.getByRole('textbox', { name: 'Name' }), 'must not be blank');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Julie Moreau');
    await saved();
    const julie = page.getByTestId('assignment-row').filter({ hasText: 'Julie Moreau' });
    await julie.getByText('Community manager').waitFor();
    await page.getByTestId('task-force-person').filter({ hasText: 'Julie Moreau' }).waitFor();

    await page.getByText('No weekly meeting scheduled', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'New ritual' }).click();
    await pick('Day of the week', 'Tuesday');
    await dialog.locator('input[type="time"]').fill('09:30');
    await noSeriousViolation(page, 'ritual form');
    await saved();
    const weekly = page.getByTestId('ritual-row').filter({ hasText: 'Every Tuesday at 09:30' });
    await weekly.waitFor();
    await page.getByTestId('weekly-meeting').getByTestId('agenda-slot').first().waitFor();
    const weeklyTitle = (await weekly.getByRole('cell').first().textContent()) ?? '';
    await weekly.getByRole('button', { name: `Edit the ritual ${weeklyTitle}` }).click();
    await pick('Day of the week', 'Thursday');
    await saved();
    await page.getByTestId('ritual-row').filter({ hasText: 'Every Thursday at 09:30' }).waitFor();
    // The weekly-meeting card reloads with its own request after the row: wait for it to say Thursday.
    await page
      .getByTestId('weekly-meeting')
      .getByText(/Thursday/)
      .first()
      .waitFor();

    await page.getByRole('button', { name: 'New ritual' }).click();
    await pick('Kind', 'Other');
    await pick('Cadence', 'Monthly');
    await dialog.getByRole('textbox', { name: 'Day of the month' }).fill('5');
    await dialog.locator('input[type="time"]').fill('17:00');
    await refused(dialog.getByRole('textbox', { name: 'Title' }), 'is required for a ritual of kind OTHER');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Cheese board tasting');
    await saved();
    const tasting = page.getByTestId('ritual-row').filter({ hasText: 'Cheese board tasting' });
    await tasting.getByText('On day 5 of each month at 17:00', { exact: false }).waitFor();
    await confirmDelete(tasting, 'Delete the ritual Cheese board tasting');
    await confirmDelete(julie, 'Remove Julie Moreau as Community manager');
    await page.getByTestId('task-force-person').filter({ hasText: 'Julie Moreau' }).waitFor({ state: 'detached' });
    await h.screenshot(page, 'strategy-task-force-editing');
    await context.close();
  }, 120_000);

  it('is read-only for a role that cannot change the strategy', async () => {
    const context = await h.freshContext();
    const page = await h.newPage(context);
    await h.logIn(page, approver.email);
    // The invited person's account speaks French (the client's language).
    await page.goto(`${h.origin}/organizations/${org}/strategy/objectives`);
    await page.getByTestId('objective').filter({ hasText: 'Grow the local audience' }).waitFor();
    await page.getByTestId('read-only').getByText('Lecture seule').waitFor();
    await h.screenshot(page, 'strategy-read-only');
    expect(await page.getByRole('button', { name: 'Nouvel objectif' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Modifier/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Progression de Site visits from social' }).click();
    await page.getByTestId('kpi-value').first().waitFor();
    expect(await page.getByRole('button', { name: 'Saisir une valeur' }).count()).toBe(0);
    // The API refuses it too.
    const refused = await h.api.gql(
      'mutation ($input: CreateObjectiveInput!) { createObjective(input: $input) { id } }',
      { input: { kind: 'BRAND', title: 'x', metric: 'y', baseline: 1, target: 2, deadline: '2099-01-01' } },
      { token: approver.token, organizationId: org },
    );
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The lists and the brand voice: shown, with nothing to add, edit or delete.
    for (const [tab, row] of [
      ['Publics', 'segment-row'],
      ['Réseaux', 'network-plan-row'],
      ['Concurrents', 'competitor-row'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByTestId(row).first().waitFor();
      expect({
        tab,
        buttons: await page
          .getByRole('main')
          .getByRole('button', { name: /^(Nouve|Modifier|Supprimer)/ })
          .count(),
      }).toEqual({
        tab,
        buttons: 0,
      });
    }
    await page.getByRole('tab', { name: 'Ton de marque' }).click();
    await page.getByTestId('brand-voice').waitFor();
    expect(await page.getByRole('button', { name: /ton de marque/ }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Cellule' }).click();
    await page.getByTestId('ritual-row').first().waitFor();
    await page.getByTestId('assignment-row').first().waitFor();
    expect(await page.getByRole('main').getByRole('button').count()).toBe(0);
    await context.close();

    expect(h.elsewhere()).toEqual([]);
    expect(h.pageProblems).toEqual([]);
  }, 60_000);
});
