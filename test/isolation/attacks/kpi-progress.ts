import type { AttackModule } from './attack-module';

const nextYear = `${new Date().getUTCFullYear() + 1}-12-31`;

const PROGRESS = (kpiId: string) =>
  `{ kpiProgress(kpiId: "${kpiId}", from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { status periods { value progress } } }`;

export const kpiProgressAttacks: AttackModule = {
  name: 'kpi-progress',
  async setup({ asOwner, orgB }) {
    // In B: an objective and a KPI measured on followers (written as owner).
    const [objective] = await asOwner<{ id: string }>(
      `INSERT INTO objectives (organization_id, kind, title, metric, baseline, target, deadline)
       VALUES ($1, 'BRAND', 'Audience B', 'abonnés', 1000, 5000, $2) RETURNING id`,
      [orgB, nextYear],
    );
    const [kpi] = await asOwner<{ id: string }>(
      `INSERT INTO kpis (organization_id, objective_id, name, metric, target, frequency, measure)
       VALUES ($1, $2, 'Abonnés B', 'followers', 5000, 'WEEKLY', 'FOLLOWERS') RETURNING id`,
      [orgB, objective.id],
    );
    return { measuredKpiB: kpi.id };
  },
  attacks: {
    kpiProgress: ({ measuredKpiB }) => [
      { query: PROGRESS(measuredKpiB), options: 'orgB' },
      { query: PROGRESS(measuredKpiB), options: 'orgA' },
    ],
  },
  snapshot: async ({ api, b, orgB, asOwner }) => {
    const [kpi] = await asOwner<{ id: string }>("SELECT id FROM kpis WHERE organization_id = $1 AND name = 'Abonnés B'", [orgB]);
    return api.ok(PROGRESS(kpi.id), {}, { token: b.token, organizationId: orgB });
  },
};
