import type { AttackModule } from './attack-module';

const FIELDS = `period { firstDay } volume { totals { total negative } } topAuthors { name mentions } topTopics { terms { name mentions } }
  shareOfVoice { total } inbox { received breaches } kpis { name value }`;
const REPORT = (kind: string, day: string) => `{ communityReport(kind: ${kind}, periodStart: "${day}") { ${FIELDS} } }`;
const LINK = (kind: string, day: string, format: string) =>
  `{ communityReportLink(kind: ${kind}, periodStart: "${day}", format: ${format}) { url filename } }`;

/**
 * Community reports read only, from B's mentions (planted here) and the rest of
 * B's data: asked for B's organisation, from A's own token, they are refused
 * (the link is never issued, so there is nothing to download); B's own report
 * is the same before and after the attacks. The monthly report mailed by itself
 * to B's management (off, planted here) can be neither read nor turned on.
 */
export const communityReportAttacks: AttackModule = {
  name: 'community-report',
  async setup({ asOwner, orgB }) {
    await asOwner(
      `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at, sentiment_label, sentiment_score)
       VALUES ($1, 'mastodon', 'b-report-1', 'b-author', 'Rapport secret du client B', '2026-01-15T10:00:00Z', 'NEGATIVE', -0.5)`,
      [orgB],
    );
    await asOwner('INSERT INTO executive_report_settings (organization_id, enabled) VALUES ($1, false)', [orgB]);
    return {};
  },
  attacks: {
    communityReport: () => [
      { query: REPORT('QUARTERLY', '2026-01-01'), options: 'orgB' },
      { query: REPORT('MONTHLY', '2026-01-15'), options: 'orgB' },
    ],
    communityReportLink: () => [
      { query: LINK('QUARTERLY', '2026-01-01', 'PDF'), options: 'orgB' },
      { query: LINK('MONTHLY', '2026-01-01', 'CSV'), options: 'orgB' },
    ],
    executiveReportSchedule: () => [{ query: '{ executiveReportSchedule { enabled lastMonth recipients } }', options: 'orgB' }],
    setExecutiveReportSchedule: () => [
      { query: 'mutation { setExecutiveReportSchedule(input: { enabled: true }) { enabled } }', options: 'orgB' },
    ],
  },
  snapshot: async ({ api, b, orgB, asOwner }) => ({
    report: await api.ok(REPORT('QUARTERLY', '2026-01-01'), {}, { token: b.token, organizationId: orgB }),
    executiveReportSchedule: await asOwner(
      'SELECT enabled, last_month, updated_by, updated_at FROM executive_report_settings WHERE organization_id = $1',
      [orgB],
    ),
  }),
};
