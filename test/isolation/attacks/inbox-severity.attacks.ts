import type { AttackModule } from './attack-module';

const SET = (id: string, severity: string, version: number) =>
  `mutation { setInboxItemSeverity(input: { id: "${id}", severity: ${severity}, version: ${version} }) { id severity severityReason dueAt version } }`;

/**
 * Inbox severity: A can neither reclassify B's item (entering B's organisation
 * is refused; from A's own organisation B's item is NOT_FOUND, whatever the
 * version); B's item keeps its severity, reason, due time and version.
 */
export const inboxSeverityAttacks: AttackModule = {
  name: 'inbox-severity',
  async setup({ asOwner, orgB }) {
    const [item] = await asOwner<{ id: string }>(
      `INSERT INTO inbox_items (organization_id, source, external_id, kind, author_handle, text, received_at, severity, severity_reason, due_at,
         responsible_role)
       VALUES ($1, 'mastodon', 'b-severity-1', 'MENTION', 'angry@b.example', 'B arnaque', now(), 'HIGH', 'ESCALATION_WORD:arnaque',
         now() + interval '4 hours', 'COMMUNITY_MANAGER') RETURNING id`,
      [orgB],
    );
    return { severityItemB: item.id };
  },
  attacks: {
    setInboxItemSeverity: ({ severityItemB }) => [
      { query: SET(severityItemB, 'LOW', 1), options: 'orgB' },
      { query: SET(severityItemB, 'LOW', 1), options: 'orgA' },
      { query: SET(severityItemB, 'CRISIS', 2), options: 'orgA' },
    ],
  },
  snapshot: async ({ asOwner, orgB }) =>
    asOwner(
      `SELECT id, severity, severity_reason, severity_set_by, due_at, responsible_role, version, updated_at FROM inbox_items
        WHERE organization_id = $1 ORDER BY id`,
      [orgB],
    ),
};
