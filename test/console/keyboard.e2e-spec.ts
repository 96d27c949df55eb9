import type { Locator, Page } from 'playwright-core';
import { startConsoleHarness, type ConsoleHarness } from './browser-harness';

/**
 * The console with the keyboard alone (Tab, Shift+Tab, Enter, Escape, arrow keys; never the mouse): log in, switch
 * to a client through the organisation switcher, open the strategy's objectives and create one through its form,
 * open a dialog and close it with Escape, and move a calendar entry to another day through its "Move…" dialog. At
 * every step some element has the focus and shows it (an outline, or for a text field its focus border).
 */
const DAY = 86_400_000;
/** YYYY-MM-DD of `instant` in UTC (the client's time zone here). */
const utcDay = (instant: number) => new Date(instant).toISOString().slice(0, 10);

interface FocusState {
  tag: string;
  name: string;
  focusVisible: boolean;
  /** Outline, shadow and border colour of the focused element, then of its parent and grandparent. */
  rings: { outline: string; shadow: string; border: string }[];
}
/**
 * The few shapes of the page's DOM read by the code run in the browser (the server's type check has no DOM library).
 */
interface PageElement {
  tagName: string;
  textContent: string | null;
  parentElement: PageElement | null;
  getAttribute(name: string): string | null;
  matches(selector: string): boolean;
}
interface PageWindow {
  document: { activeElement: PageElement | null; body: PageElement };
  getComputedStyle(element: PageElement): {
    outlineStyle: string;
    outlineWidth: string;
    outlineColor: string;
    boxShadow: string;
    borderTopColor: string;
  };
}
/** True when `element` has the focus (run in the browser). */
const hasFocus = (element: unknown) => element === (globalThis as unknown as PageWindow).document.activeElement;
/** The border colour Mantine's fields take when focused (the primary colour, shade 8). */
const FIELD_FOCUS_BORDER = 'rgb(25, 113, 194)';

describe('console: with the keyboard only', () => {
  let h: ConsoleHarness;
  let owner: Awaited<ReturnType<ConsoleHarness['signUpAgency']>>;
  let org = '';
  let itemId = '';
  const planned = utcDay(Date.now() + DAY);
  const movedTo = utcDay(Date.now() + 2 * DAY);

  beforeAll(async () => {
    h = await startConsoleHarness();
    owner = await h.signUpAgency('Agence Clavier');
    org = (
      await h.api.ok<{ createOrganization: { id: string } }>(
        'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
        { input: { name: 'Librairie du Quai', timezone: 'UTC', locale: 'EN' } },
        { token: owner.token },
      )
    ).createOrganization.id;
    itemId = (
      await h.api.ok<{ createContentItem: { id: string } }>(
        'mutation ($input: CreateContentItemInput!) { createContentItem(input: $input) { id } }',
        { input: { title: 'Rentrée littéraire', plannedFor: `${planned}T09:30:00Z` } },
        { token: owner.token, organizationId: org },
      )
    ).createContentItem.id;
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  /** What has the focus, and how it shows. */
  const focused = (page: Page) =>
    page.evaluate((): FocusState | null => {
      const { document, getComputedStyle } = globalThis as unknown as PageWindow;
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const rings: FocusState['rings'] = [];
      for (let node: PageElement | null = el; node && rings.length < 3; node = node.parentElement) {
        const style = getComputedStyle(node);
        rings.push({
          outline:
            style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0 ? '' : `${style.outlineWidth} ${style.outlineColor}`,
          shadow: style.boxShadow === 'none' ? '' : style.boxShadow,
          border: style.borderTopColor,
        });
      }
      return {
        tag: el.tagName.toLowerCase(),
        name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60),
        focusVisible: el.matches(':focus-visible'),
        rings,
      };
    });

  /**
   * Some element has the focus and shows it: an outline or a shadow on it, or for a text field the focus border on the
   * field or on the box around it (a password field's input sits inside its bordered box).
   */
  async function focusShows(page: Page, step: string) {
    const shows = (state: FocusState | null) =>
      !!state &&
      state.focusVisible &&
      (!!state.rings[0].outline ||
        !!state.rings[0].shadow ||
        (['input', 'textarea'].includes(state.tag) && state.rings.some((ring) => ring.border === FIELD_FOCUS_BORDER)));
    // A field's border colour eases in (a short transition): measured again until it settles.
    let state = await focused(page);
    for (let i = 0; i < 10 && !shows(state); i++) {
      await page.waitForTimeout(50);
      state = await focused(page);
    }
    expect(shows(state) ? 'shown' : `${step}: ${JSON.stringify(state)}`).toBe('shown');
  }

  /** Presses Tab (or Shift+Tab) until `target` has the focus, checking the focus shows at every stop. */
  async function tabTo(page: Page, target: Locator, step: string, key: 'Tab' | 'Shift+Tab' = 'Tab', most = 80) {
    await target.waitFor({ state: 'attached' }).catch(async (error: unknown) => {
      throw new Error(`${String(error)}\n${step}: screenshot ${await h.screenshot(page, `keyboard-${step}`)}`);
    });
    for (let i = 0; i < most; i++) {
      if (await target.evaluate(hasFocus)) return focusShows(page, step);
      await page.keyboard.press(key);
      if (i > 0) await focusShows(page, `${step} (stop ${i})`);
    }
    throw new Error(`${step}: ${most} presses of ${key} never reached the element`);
  }

  it('logs in, switches client, creates an objective, closes a dialog with Escape and moves a calendar entry', async () => {
    const context = await h.freshContext();
    const page = await h.newPage(context);

    // Log in: the fields in order, Enter submits.
    await page.goto(`${h.origin}/login`);
    await tabTo(page, page.getByLabel('Email'), 'email');
    await page.keyboard.type(owner.email);
    await page.keyboard.press('Tab');
    await focusShows(page, 'password');
    await page.keyboard.type(owner.password);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/portfolio');

    // The organisation switcher: opened with the arrow key, the client chosen with the arrows and Enter.
    const switcher = page.getByRole('combobox', { name: 'Switch organisation' });
    await tabTo(page, switcher, 'switcher');
    await page.keyboard.press('ArrowDown');
    const client = page.getByRole('option', { name: 'Librairie du Quai' });
    await client.waitFor();
    for (let i = 0; i < 5 && (await client.getAttribute('data-combobox-selected')) === null; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/organizations/${org}`);
    await focusShows(page, 'switcher after the choice');

    // The strategy, then its objectives tab with the arrow key (tabs are one stop; arrows move between them).
    await tabTo(page, page.getByRole('navigation').getByRole('link', { name: 'Strategy' }), 'strategy link');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/organizations/${org}/strategy`);
    await tabTo(page, page.getByRole('tab', { name: 'Roadmap', selected: true }), 'roadmap tab');
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((url) => url.pathname === `/organizations/${org}/strategy/objectives`);
    await page.getByRole('tab', { name: 'Objectives', selected: true }).waitFor();
    await focusShows(page, 'objectives tab');

    // A new objective through its form: each field reached with Tab, Enter on the last one submits.
    const add = page.getByRole('button', { name: 'New objective' });
    await tabTo(page, add, 'new objective button');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New objective' });
    await dialog.waitFor();
    await focusShows(page, 'dialog opened (title field)');
    expect(await dialog.getByRole('textbox', { name: 'Title' }).evaluate(hasFocus)).toBe(true);
    await page.keyboard.type('Bring readers to the Thursday readings');
    await tabTo(page, dialog.getByRole('textbox', { name: 'Metric' }), 'metric');
    await page.keyboard.type('readers per reading');
    await tabTo(page, dialog.getByRole('textbox', { name: 'Baseline' }), 'baseline');
    await page.keyboard.type('12');
    await tabTo(page, dialog.getByRole('textbox', { name: 'Target' }), 'target');
    await page.keyboard.type('40');
    await tabTo(page, dialog.getByLabel('Deadline'), 'deadline');
    // Chromium orders a date field's parts by its own interface language (not the page's): 01, 02 and the year
    // typed into the parts give 2 January or 1 February, and tell which order the field follows.
    const nextYear = new Date().getUTCFullYear() + 1;
    await page.keyboard.type(`0102${nextYear}`);
    const deadline = await dialog.getByLabel('Deadline').inputValue();
    expect([`${nextYear}-01-02`, `${nextYear}-02-01`]).toContain(deadline);
    const monthFirst = deadline === `${nextYear}-01-02`;
    await tabTo(page, dialog.getByRole('button', { name: 'Save' }), 'save');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' }).catch(async (error: unknown) => {
      throw new Error(`${String(error)}\nscreenshot ${await h.screenshot(page, 'keyboard-objective-form')}`);
    });
    await page.getByText('Bring readers to the Thursday readings').waitFor();
    // Focus goes back where it was before the dialog.
    await focusShows(page, 'back from the dialog');
    expect(await add.evaluate(hasFocus)).toBe(true);
    const objectives = await h.api.ok<{ objectives: { edges: { node: { title: string; target: number; deadline: string } }[] } }>(
      '{ objectives(first: 10) { edges { node { title target deadline } } } }',
      {},
      { token: owner.token, organizationId: org },
    );
    expect(objectives.objectives.edges.map((e) => e.node)).toEqual([
      { title: 'Bring readers to the Thursday readings', target: 40, deadline },
    ]);

    // A dialog opened with Enter and closed with Escape; its close button is named; focus returns to the opener.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await add.evaluate(hasFocus)).toBe(true);
    await focusShows(page, 'after Escape');

    // Shift+Tab goes back up the page: the objectives tab again.
    await tabTo(page, page.getByRole('tab', { name: 'Objectives', selected: true }), 'back to the tabs', 'Shift+Tab');

    // The calendar: the entry's "Move…" dialog, the day changed with the keyboard, Enter moves it.
    await tabTo(page, page.getByRole('navigation').getByRole('link', { name: 'Content' }), 'content link', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/organizations/${org}/content`);
    const move = page.locator(`[data-day="${planned}"]`).getByRole('button', { name: 'Move Rentrée littéraire to another day' });
    await tabTo(page, move, 'move button', 'Tab', 120);
    await page.keyboard.press('Enter');
    const moving = page.getByRole('dialog', { name: 'Move “Rentrée littéraire”' });
    await moving.waitFor();
    const dayField = moving.getByLabel('New day');
    expect(await dayField.evaluate(hasFocus)).toBe(true);
    expect(await dayField.inputValue()).toBe(planned);
    await focusShows(page, 'day field');
    const [year, month, day] = movedTo.split('-');
    await page.keyboard.type(monthFirst ? `${month}${day}${year}` : `${day}${month}${year}`);
    expect(await dayField.inputValue()).toBe(movedTo);
    await page.keyboard.press('Enter');
    await moving.waitFor({ state: 'detached' });
    const status = page.getByRole('status').filter({ hasText: /^Moved to / });
    await status.waitFor();
    expect(await status.evaluate(hasFocus)).toBe(true);
    await focusShows(page, 'moved');
    await page.locator(`[data-day="${movedTo}"]`).getByText('09:30 Rentrée littéraire').waitFor();
    const item = await h.api.ok<{ contentItem: { plannedFor: string } }>(
      'query ($id: ID!) { contentItem(id: $id) { plannedFor } }',
      { id: itemId },
      { token: owner.token, organizationId: org },
    );
    expect(item.contentItem.plannedFor).toBe(`${movedTo}T09:30:00.000Z`);

    // In French (the language switch reached with Shift+Tab, FR chosen with an arrow key), the theme names the
    // dialog's close button in French too.
    await tabTo(page, page.getByRole('radio', { name: 'EN', checked: true }), 'language switch', 'Shift+Tab');
    await page.keyboard.press('ArrowLeft');
    const deplacer = page.locator(`[data-day="${movedTo}"]`).getByRole('button', { name: 'Déplacer Rentrée littéraire à un autre jour' });
    await tabTo(page, deplacer, 'move button in French', 'Tab', 120);
    await page.keyboard.press('Enter');
    const enFrancais = page.getByRole('dialog', { name: 'Déplacer « Rentrée littéraire »' });
    await enFrancais.getByRole('button', { name: 'Fermer' }).waitFor();
    await page.keyboard.press('Escape');
    await enFrancais.waitFor({ state: 'detached' });
    await focusShows(page, 'after Escape in French');
    expect(h.pageProblems).toEqual([]);
    await context.close();
  }, 180_000);
});
