import { CrisisCellInput, crisisMail, parseCrisisCell, planNotices } from './crisis-cell.model';

let next = 0;
const ids = () => `m${next++}`;

const input = (patch: Partial<CrisisCellInput> = {}): CrisisCellInput => ({
  members: [
    { name: 'Claire Martin', cellRole: 'LEAD', email: 'claire@example.test' },
    { name: 'Maître Dupuis', cellRole: 'LEGAL', phone: '+41 22 555 01 01' },
    { name: 'Bob', cellRole: 'COMMUNITY_MANAGER', userId: '3f1c7a52-8c7e-4a77-9f53-0b3c2f9d9d11' },
    { name: 'DG', cellRole: 'EXECUTIVE', email: 'dg@example.test' },
  ],
  escalation: [
    { delayMinutes: 0, memberIndexes: [0, 2] },
    { delayMinutes: 30, memberIndexes: [1] },
    { delayMinutes: 120, memberIndexes: [3, 0] },
  ],
  playbook: [
    { title: 'Écouter', text: 'Lire les mentions derrière l’alerte.' },
    { title: 'Suspendre', text: 'Mettre les publications en pause.' },
  ],
  holdingStatement: 'Nous avons connaissance de la situation et revenons vers vous rapidement.',
  ...patch,
});

describe('parseCrisisCell', () => {
  it('builds a cell whose escalation names members by id', () => {
    next = 0;
    const { cell, problems } = parseCrisisCell(input(), ids);
    expect(problems).toEqual([]);
    expect(cell?.members.map((m) => [m.id, m.cellRole, m.email, m.phone])).toEqual([
      ['m0', 'LEAD', 'claire@example.test', null],
      ['m1', 'LEGAL', null, '+41 22 555 01 01'],
      ['m2', 'COMMUNITY_MANAGER', null, null],
      ['m3', 'EXECUTIVE', 'dg@example.test', null],
    ]);
    expect(cell?.escalation).toEqual([
      { delayMinutes: 0, memberIds: ['m0', 'm2'] },
      { delayMinutes: 30, memberIds: ['m1'] },
      { delayMinutes: 120, memberIds: ['m3', 'm0'] },
    ]);
  });

  it('reports every problem with its path, hostile values included', () => {
    const { cell, problems } = parseCrisisCell(
      input({
        members: [
          { name: ' ', cellRole: 'BOSS' },
          { name: 'Nul\u0000', cellRole: 'LEAD', email: 'not-an-address' },
          { name: 'Lone \ud800', cellRole: 'LEAD', phone: 'call me' },
          { name: 'x'.repeat(121), cellRole: 'LEAD' },
        ],
        escalation: [
          { delayMinutes: 60, memberIndexes: [0] },
          { delayMinutes: 30, memberIndexes: [9, -1] },
          { delayMinutes: 1e9, memberIndexes: [] },
        ],
        playbook: [{ title: '', text: 'y'.repeat(4001) }],
      }),
      ids,
    );
    expect(cell).toBeNull();
    expect(problems.map((p) => p.path)).toEqual([
      '.members[0].name',
      '.members[0].cellRole',
      '.members[1].name',
      '.members[1].email',
      '.members[2].name',
      '.members[2].phone',
      '.members[3].name',
      '.escalation[1].delayMinutes',
      '.escalation[1].memberIndexes[0]',
      '.escalation[1].memberIndexes[1]',
      '.escalation[2].delayMinutes',
      '.escalation[2].memberIndexes',
      '.playbook[0].title',
      '.playbook[0].text',
    ]);
  });

  it('refuses more members, steps or playbook entries than the limits', () => {
    const many = Array.from({ length: 31 }, (_, i) => ({ name: `P${i}`, cellRole: 'OTHER' }));
    expect(parseCrisisCell(input({ members: many, escalation: [] }), ids).problems.map((p) => p.path)).toEqual(['.members']);
  });
});

describe('planNotices', () => {
  it('tells each member at the first step naming them, and members outside the chain at once', () => {
    next = 0;
    const { cell } = parseCrisisCell(input({ members: [...input().members, { name: 'Expert', cellRole: 'EXPERT' }] }), ids);
    if (!cell) throw new Error('the cell is valid');
    expect(planNotices(cell).map((n) => [n.member.name, n.step, n.delayMinutes])).toEqual([
      ['Claire Martin', 0, 0],
      ['Bob', 0, 0],
      ['Expert', null, 0],
      ['Maître Dupuis', 1, 30],
      ['DG', 2, 120],
    ]);
  });
});

describe('crisisMail', () => {
  it('gives the reason, the member’s role, the playbook and the holding statement', () => {
    const { cell } = parseCrisisCell(input(), ids);
    if (!cell) throw new Error('the cell is valid');
    const mail = crisisMail(cell, cell.members[1], 'CRISIS_PAUSE', 'Crisis alert a1: 40 negative mentions.');
    expect(mail.subject).toBe('[Socle] Publications suspendues (pause de crise) / Publishing paused for a crisis');
    expect(mail.text).toContain('Crisis alert a1: 40 negative mentions.');
    expect(mail.text).toContain('Juridique / Legal');
    expect(mail.text).toContain('1. Écouter');
    expect(mail.text).toContain('2. Suspendre');
    expect(mail.text).toContain('Nous avons connaissance de la situation');
  });
});
