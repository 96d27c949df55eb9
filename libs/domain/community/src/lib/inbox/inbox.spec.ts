import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { responseTimeEvidence } from './inbox-evidence';
import { canMoveInbox, INBOX_STATUSES, INBOX_TRANSITIONS } from './inbox.types';

describe('inbox workflow', () => {
  it('is the same table as the trigger of the migration', () => {
    const source = readFileSync(join(__dirname, '../migrations/1764900000100-inbox.ts'), 'utf8');
    const sql = source.slice(
      source.indexOf('NOT IN (', source.indexOf('socle_inbox_items_guard')),
      source.indexOf('THEN', source.indexOf('NOT IN (', source.indexOf('socle_inbox_items_guard'))),
    );
    const inTrigger = [...sql.matchAll(/\('([A-Z]+)', '([A-Z]+)'\)/g)].map((m) => `${m[1]}>${m[2]}`).sort();
    // ASSIGNED → ASSIGNED (reassigning) keeps the status, which the trigger does not look at.
    const inCode = INBOX_STATUSES.flatMap((from) =>
      INBOX_TRANSITIONS[from].filter((to) => to !== from).map((to) => `${from}>${to}`),
    ).sort();
    expect(inTrigger).toEqual(inCode);
  });

  it('answered is final; a dismissed item can only be reopened', () => {
    expect(INBOX_STATUSES.filter((to) => canMoveInbox('ANSWERED', to))).toEqual([]);
    expect(INBOX_STATUSES.filter((to) => canMoveInbox('DISMISSED', to))).toEqual(['NEW']);
    expect(canMoveInbox('ESCALATED', 'ESCALATED')).toBe(false);
  });
});

describe('community.responseTime', () => {
  it('scores 1 within the rules, the ratio beyond, and 0 with nothing measured', () => {
    expect(responseTimeEvidence({ count: 4, medianMinutes: 20, allowedMinutes: 30 })).toMatchObject({ value: 20, score: 1 });
    expect(responseTimeEvidence({ count: 4, medianMinutes: 60, allowedMinutes: 30 })).toMatchObject({ value: 60, score: 0.5 });
    const none = responseTimeEvidence({ count: 0, medianMinutes: null, allowedMinutes: null });
    expect(none).toMatchObject({ value: null, score: 0 });
    expect(none.explanation.en).toContain('not measured');
    expect(responseTimeEvidence({ count: 3, medianMinutes: 300, allowedMinutes: 1440 }).explanation.fr).toContain('5 h');
  });
});
