import type { AttackModule } from './attack-module';

const RANGE = () => {
  const from = new Date(Date.now() - 7 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
  return `from: "${from}", to: "${to}"`;
};

/** The calendar and the frequency: A aims at B's organisation and B's agency. */
export const contentCalendarAttacks: AttackModule = {
  name: 'content-calendar',
  async setup({ asOwner, orgB }) {
    const [item] = await asOwner<{ id: string }>(
      `INSERT INTO content_items (organization_id, title, status, planned_for) VALUES ($1, 'B calendrier', 'SCHEDULED', now() + interval '2 days') RETURNING id`,
      [orgB],
    );
    await asOwner(
      `INSERT INTO publications (organization_id, item_id, network, due_at, next_attempt_at, status, idempotency_key) VALUES ($1, $2, 'mastodon', now() + interval '2 days', now() + interval '2 days', 'SCHEDULED', 'b-calendar')`,
      [orgB, item.id],
    );
    await asOwner(
      `INSERT INTO network_plans (organization_id, network, posts_per_week) VALUES ($1, 'calendar-net', 2) ON CONFLICT DO NOTHING`,
      [orgB],
    );
    return { calendarItemB: item.id };
  },
  attacks: {
    contentCalendar: () => [{ query: `{ contentCalendar(input: { ${RANGE()} }) { entries { itemId title } } }`, options: 'orgB' }],
    agencyContentCalendar: ({ orgB }) => [
      { query: `{ agencyContentCalendar(input: { ${RANGE()} }) { entries { itemId title } } }`, options: 'agencyB' },
      {
        query: `{ agencyContentCalendar(input: { ${RANGE()}, organizationIds: ["${orgB}"] }) { entries { itemId title } } }`,
        options: 'agency',
      },
    ],
    publishingFrequency: () => [{ query: '{ publishingFrequency { network plannedPerWeek } }', options: 'orgB' }],
  },
  async snapshot({ asOwner, orgB }) {
    return asOwner(`SELECT title, status, planned_for FROM content_items WHERE organization_id = $1 AND title = 'B calendrier'`, [orgB]);
  },
};
