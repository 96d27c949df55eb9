import type { AttackModule } from './attack-module';

const CELL_FIELDS = 'members { id name email phone } escalation { delayMinutes memberIds } playbook { title text } holdingStatement';

/** B's crisis cell, its notifications, B's business calendar and its task-force people, aimed at from A. */
export const crisisCellCalendarAttacks: AttackModule = {
  name: 'crisis-cell-calendar',
  async setup({ asOwner, orgB }) {
    // In B: a crisis cell, an alert with a notification of it, and a business calendar (written as owner).
    await asOwner(
      `INSERT INTO crisis_cells (organization_id, members, escalation, playbook, holding_statement)
       VALUES ($1, '[{"id":"7b0d1a9e-0000-4000-8000-00000000000b","name":"Porte-parole B","userId":null,"cellRole":"SPOKESPERSON","email":"b@b.example","phone":null}]',
               '[{"delayMinutes":0,"memberIds":["7b0d1a9e-0000-4000-8000-00000000000b"]}]', '[{"title":"B","text":"Secret B"}]', 'Déclaration B')`,
      [orgB],
    );
    const [alert] = await asOwner<{ id: string }>(
      `INSERT INTO alerts (organization_id, kind, window_start, window_end, observed_count, baseline_mean, baseline_stddev, baseline_days,
         threshold, ratio, sensitivity)
       VALUES ($1, 'NEGATIVE_SPIKE', now() - interval '2 hours', now() - interval '1 hour', 40, 2, 1, 14, 10, 20, 'MEDIUM')
       ON CONFLICT DO NOTHING RETURNING id`,
      [orgB],
    );
    const alertId = alert?.id ?? (await asOwner<{ id: string }>('SELECT id FROM alerts WHERE organization_id = $1 LIMIT 1', [orgB]))[0].id;
    await asOwner(
      `INSERT INTO crisis_cell_notifications (organization_id, trigger, alert_id, reason, member_id, member_name, cell_role, due_at, status)
       VALUES ($1, 'ALERT_RAISED', $2, 'Crise B', '7b0d1a9e-0000-4000-8000-00000000000b', 'Porte-parole B', 'SPOKESPERSON', now(), 'RECORDED')`,
      [orgB, alertId],
    );
    await asOwner(
      `INSERT INTO business_calendars (organization_id, time_zone, holiday_country, week, closed_days)
       VALUES ($1, 'Europe/Zurich', 'CH', '[[{"start":540,"end":1080}],[],[],[],[],[],[]]', '{2026-12-24}')`,
      [orgB],
    );
    await asOwner(
      "INSERT INTO task_force_members (organization_id, role, external_name, department) VALUES ($1, 'MARKETER', 'Agence B', 'Marketing B')",
      [orgB],
    );
    return { crisisAlertB: alertId };
  },
  attacks: {
    // Each acts in the caller's organisation: only entering B's is an attack.
    crisisCell: () => [{ query: `{ crisisCell { ${CELL_FIELDS} } }`, options: 'orgB' }],
    setCrisisCell: () => [
      { query: 'mutation { setCrisisCell(input: { members: [], escalation: [], playbook: [] }) { holdingStatement } }', options: 'orgB' },
    ],
    crisisNotifications: ({ crisisAlertB }) => [
      { query: '{ crisisNotifications(first: 5) { memberName reason } }', options: 'orgB' },
      { query: `{ crisisNotifications(alertId: "${crisisAlertB}", first: 5) { memberName reason } }`, options: 'orgA' },
    ],
    businessCalendar: () => [{ query: '{ businessCalendar { timeZone closedDays } }', options: 'orgB' }],
    setBusinessCalendar: () => [
      {
        query:
          'mutation { setBusinessCalendar(input: { timeZone: "UTC", days: [{ weekday: 1, periods: [{ start: "00:00", end: "01:00" }] }] }) { timeZone } }',
        options: 'orgB',
      },
    ],
    publicHolidays: () => [{ query: '{ publicHolidays(country: FR, year: 2026) { date } }', options: 'orgB' }],
    taskForcePeople: () => [{ query: '{ taskForcePeople { name roles department } }', options: 'orgB' }],
  },
  snapshot: async ({ asOwner, orgB }) => ({
    cell: await asOwner(
      'SELECT members, escalation, playbook, holding_statement, updated_at FROM crisis_cells WHERE organization_id = $1',
      [orgB],
    ),
    notifications: await asOwner('SELECT id, member_name, reason FROM crisis_cell_notifications WHERE organization_id = $1 ORDER BY id', [
      orgB,
    ]),
    calendar: await asOwner(
      'SELECT time_zone, holiday_country, week, closed_days, updated_at FROM business_calendars WHERE organization_id = $1',
      [orgB],
    ),
  }),
};
