import type { AttackModule } from './attack-module';

const VALUE = 'id kpiId date value source note current';
const LIST = (kpiId: string) => `{ kpiValues(kpiId: "${kpiId}", first: 100) { edges { node { ${VALUE} } } } }`;
const RECORD = (kpiId: string) =>
  `mutation { recordKpiValue(input: { kpiId: "${kpiId}", date: "2026-01-01", value: "1", note: "pwned" }) { ${VALUE} } }`;
const IMPORT_ONE = (kpiId: string) =>
  `mutation { importKpiValues(input: { kpiId: "${kpiId}", csv: "date,value\\n2026-01-02,2\\n" }) { imported values { ${VALUE} } } }`;
const IMPORT_NAMED = (kpiId: string) =>
  `mutation { importKpiValues(input: { csv: "kpi,date,value\\n${kpiId},2026-01-03,3\\n" }) { imported values { ${VALUE} } } }`;

/**
 * KPI values: B's organisation is refused outright (orgB); from A's own
 * organisation, B's KPI is NOT_FOUND for reading its values, recording one and
 * importing against it (named in kpiId or in the file's kpi column), and B's
 * values are unchanged.
 */
export const kpiValuesAttacks: AttackModule = {
  name: 'kpi-values',
  async setup({ asOwner, orgB }) {
    const [objective] = await asOwner<{ id: string }>(
      `INSERT INTO objectives (organization_id, kind, title, metric, baseline, target, deadline)
       VALUES ($1, 'BUSINESS', 'Trafic B', 'visites', 100, 500, '2030-12-31') RETURNING id`,
      [orgB],
    );
    const [kpi] = await asOwner<{ id: string }>(
      `INSERT INTO kpis (organization_id, objective_id, name, metric, target, frequency)
       VALUES ($1, $2, 'Visites B', 'visites depuis les réseaux', 500, 'MONTHLY') RETURNING id`,
      [orgB, objective.id],
    );
    await asOwner(
      `INSERT INTO kpi_values (organization_id, kpi_id, measured_at, value, source, note) VALUES ($1, $2, '2025-12-01', 150, 'MANUAL', 'Valeur privée de B')`,
      [orgB, kpi.id],
    );
    return { valuedKpiB: kpi.id };
  },
  attacks: {
    kpiValues: ({ valuedKpiB }) => [
      { query: LIST(valuedKpiB), options: 'orgB' },
      { query: LIST(valuedKpiB), options: 'orgA' },
    ],
    recordKpiValue: ({ valuedKpiB }) => [
      { query: RECORD(valuedKpiB), options: 'orgB' },
      { query: RECORD(valuedKpiB), options: 'orgA' },
    ],
    importKpiValues: ({ valuedKpiB }) => [
      { query: IMPORT_ONE(valuedKpiB), options: 'orgB' },
      { query: IMPORT_ONE(valuedKpiB), options: 'orgA' },
      { query: IMPORT_NAMED(valuedKpiB), options: 'orgA' },
    ],
  },
  snapshot: async ({ api, b, orgB, asOwner }) => {
    const [kpi] = await asOwner<{ id: string }>("SELECT id FROM kpis WHERE organization_id = $1 AND name = 'Visites B'", [orgB]);
    return api.ok(LIST(kpi.id), {}, { token: b.token, organizationId: orgB });
  },
};

/** Link tracking: A can neither read nor switch B's UTM setting (acting in B's organisation is refused). */
export const linkTrackingAttacks: AttackModule = {
  name: 'link-tracking',
  async setup({ asOwner, orgB }) {
    await asOwner('INSERT INTO link_tracking_settings (organization_id, utm_enabled) VALUES ($1, false)', [orgB]);
    return {};
  },
  attacks: {
    linkTracking: () => [{ query: '{ linkTracking { utmEnabled } }', options: 'orgB' }],
    setLinkTracking: () => [{ query: 'mutation { setLinkTracking(input: { utmEnabled: true }) { utmEnabled } }', options: 'orgB' }],
  },
  snapshot: ({ api, b, orgB }) => api.ok('{ linkTracking { utmEnabled } }', {}, { token: b.token, organizationId: orgB }),
};
