import { randomUUID } from 'node:crypto';
import { axeProblems, startConsoleHarness, type ConsoleHarness } from './browser-harness';

/**
 * An item's publications in the editor, in a real browser: a failed one with the network's reason and its attempts,
 * retried from the page (the item back on the schedule); a scheduled item taken off the schedule, then cancelled with
 * a reason (a publication of another organisation seeded alongside is never shown nor touched).
 */
describe('console: an item’s publications', () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await startConsoleHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('shows each publication, retries a failed one, unschedules and cancels an item', async () => {
    const owner = await h.signUpAgency('Agence Publications');
    const org = await h.createClient(owner, 'Maison Perret');
    const other = await h.createClient(owner, 'Autre Maison');
    /** An item with one variant on a Mastodon account and its publication, as publishing leaves them (as the owner). */
    const seed = async (organizationId: string, title: string, itemStatus: string, publication: Record<string, unknown>) => {
      const account = randomUUID();
      await h.admin.query(
        `INSERT INTO network_accounts (organization_id, id, network, handle, service_url, credentials_ciphertext, credentials_key_id)
         VALUES ($1, $2, 'mastodon', $3, 'https://mastodon.example', 'sealed', 'k1')`,
        [organizationId, account, `perret${account.slice(0, 6)}`],
      );
      const item = (
        await h.admin.query<{ id: string }>(`INSERT INTO content_items (organization_id, title, status) VALUES ($1, $2, $3) RETURNING id`, [
          organizationId,
          title,
          itemStatus,
        ])
      ).rows[0].id;
      const variant = (
        await h.admin.query<{ id: string }>(
          `INSERT INTO content_variants (organization_id, item_id, network_account_id, network, text) VALUES ($1, $2, $3, 'mastodon', 'Bonjour') RETURNING id`,
          [organizationId, item, account],
        )
      ).rows[0].id;
      const publicationId = (
        await h.admin.query<{ id: string }>(
          `INSERT INTO publications (organization_id, item_id, variant_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key,
                                     attempts, last_error_kind, last_error)
           VALUES ($1, $2, $3, $4, 'mastodon', now() + interval '2 days', now() + interval '2 days', $5, $6, $7, $8, $9) RETURNING id`,
          [
            organizationId,
            item,
            variant,
            account,
            publication.status,
            `key-${randomUUID()}`,
            publication.attempts ?? 0,
            publication.lastErrorKind ?? null,
            publication.lastError ?? null,
          ],
        )
      ).rows[0].id;
      if (publication.status === 'FAILED')
        await h.admin.query(
          `INSERT INTO publication_attempts (organization_id, publication_id, number, worker, finished_at, outcome, error_kind, message)
           VALUES ($1, $2, 1, 'w1', now(), 'FAILED', 'REJECTED', 'Validation failed: Text character limit of 500 exceeded')`,
          [organizationId, publicationId],
        );
      return { item, publicationId };
    };
    const failed = await seed(org, 'Tarte aux poires', 'FAILED', {
      status: 'FAILED',
      attempts: 1,
      lastErrorKind: 'REJECTED',
      lastError: 'Validation failed: Text character limit of 500 exceeded',
    });
    const scheduled = await seed(org, 'Galette du mois', 'SCHEDULED', { status: 'SCHEDULED' });
    const foreign = await seed(other, 'Secret de l’autre', 'SCHEDULED', { status: 'SCHEDULED' });
    const statusOf = async (table: string, id: string) =>
      (await h.admin.query<{ status: string }>(`SELECT status FROM ${table} WHERE id = $1`, [id])).rows[0].status;

    const page = await h.newPage(await h.freshContext());
    await h.logIn(page, owner.email);
    await page.goto(`${h.origin}/organizations/${org}/content/items/${failed.item}`);
    const panel = page.getByTestId('item-publications');
    const row = panel.getByTestId('publication');
    await row.getByText('Failed', { exact: true }).waitFor();
    expect(await row.textContent()).toContain('Text character limit of 500 exceeded');
    expect(await panel.getByRole('list', { name: 'Attempts on mastodon' }).textContent()).toContain('1. FAILED');
    expect(await axeProblems(page)).toEqual([]);
    await h.screenshot(page, 'content-publications');
    await row.getByRole('button', { name: 'Retry now' }).click();
    await row.getByText('Scheduled', { exact: true }).waitFor();
    expect(await statusOf('publications', failed.publicationId)).toBe('SCHEDULED');
    expect(await statusOf('content_items', failed.item)).toBe('SCHEDULED');

    // Off the schedule, then cancelled with a reason.
    await page.goto(`${h.origin}/organizations/${org}/content/items/${scheduled.item}`);
    await panel.getByRole('button', { name: 'Take off the schedule' }).click();
    await page.getByTestId('item-status').getByText('Approved', { exact: true }).waitFor();
    expect(await statusOf('publications', scheduled.publicationId)).toBe('CANCELLED');
    await panel.getByRole('button', { name: 'Cancel the item…' }).click();
    await page.getByRole('textbox', { name: 'Why (kept in the audit log)' }).fill('The galette is out of season.');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel the item' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByTestId('item-status').getByText('Cancelled', { exact: true }).waitFor();
    expect(await statusOf('content_items', scheduled.item)).toBe('CANCELLED');

    // Another organisation's item: not found from this one, and left as it was.
    await page.goto(`${h.origin}/organizations/${org}/content/items/${foreign.item}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByText('Secret de l’autre').count()).toBe(0);
    expect(await statusOf('publications', foreign.publicationId)).toBe('SCHEDULED');
    expect(h.pageProblems).toEqual([]);
  }, 90_000);
});
