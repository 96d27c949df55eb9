import type { AttackModule } from './attack-module';

const ALERT_FIELDS = 'id status observedCount crisisPauseOn mentions(first: 5) { id text }';

export const alertsAttacks: AttackModule = {
  name: 'alerts',
  async setup({ asOwner, orgB }) {
    // In B: a negative mention, an open alert with that mention behind it, and B's alert settings (written as owner).
    const [mention] = await asOwner<{ id: string }>(
      `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at, sentiment_label)
       VALUES ($1, 'mastodon', 'b-alert-1', 'angry@b.example', 'B est une honte', now(), 'NEGATIVE') RETURNING id`,
      [orgB],
    );
    const [alert] = await asOwner<{ id: string }>(
      `INSERT INTO alerts (organization_id, kind, window_start, window_end, observed_count, baseline_mean, baseline_stddev, baseline_days,
         threshold, ratio, sensitivity)
       VALUES ($1, 'NEGATIVE_SPIKE', now() - interval '1 hour', now(), 40, 2, 1, 14, 10, 20, 'MEDIUM') RETURNING id`,
      [orgB],
    );
    await asOwner('INSERT INTO alert_mentions (organization_id, alert_id, mention_id, published_at) VALUES ($1, $2, $3, now())', [
      orgB,
      alert.id,
      mention.id,
    ]);
    await asOwner("INSERT INTO alert_settings (organization_id, sensitivity, min_count) VALUES ($1, 'HIGH', 7)", [orgB]);
    return { alertB: alert.id };
  },
  attacks: {
    // A subscription (sent over WebSocket) listens in the connection's organisation: only entering B's is an attack.
    alertChanged: () => [{ query: 'subscription { alertChanged { alertId status } }', options: 'orgB' }],
    // Lists and settings act in the caller's organisation: only entering B's is an attack.
    alerts: () => [{ query: `{ alerts(first: 5) { edges { node { ${ALERT_FIELDS} } } } }`, options: 'orgB' }],
    alertSettings: () => [{ query: '{ alertSettings { enabled minCount sensitivity } }', options: 'orgB' }],
    setAlertSettings: () => [{ query: 'mutation { setAlertSettings(input: { enabled: false }) { enabled } }', options: 'orgB' }],
    alert: ({ alertB }) => [
      { query: `{ alert(id: "${alertB}") { ${ALERT_FIELDS} } }`, options: 'orgB' },
      { query: `{ alert(id: "${alertB}") { ${ALERT_FIELDS} } }`, options: 'orgA' },
    ],
    acknowledgeAlert: ({ alertB }) => [
      { query: `mutation { acknowledgeAlert(input: { id: "${alertB}", note: "A" }) { id status } }`, options: 'orgB' },
      { query: `mutation { acknowledgeAlert(input: { id: "${alertB}", note: "A" }) { id status } }`, options: 'orgA' },
    ],
    resolveAlert: ({ alertB }) => [
      { query: `mutation { resolveAlert(input: { id: "${alertB}" }) { id status } }`, options: 'orgB' },
      { query: `mutation { resolveAlert(input: { id: "${alertB}" }) { id status } }`, options: 'orgA' },
    ],
    // From A's own organisation with B's alert id: refused, and A's publishing is not paused either.
    pausePublishingForAlert: ({ alertB }) => [
      { query: `mutation { pausePublishingForAlert(input: { id: "${alertB}" }) { id crisisPauseOn } }`, options: 'orgB' },
      { query: `mutation { pausePublishingForAlert(input: { id: "${alertB}" }) { id crisisPauseOn } }`, options: 'orgA' },
    ],
  },
  snapshot: async ({ api, b, orgB }) =>
    api.ok(
      `{ alerts(first: 20) { edges { node { id status note acknowledgedBy resolvedBy publishingPausedAt updatedAt mentions(first: 10) { id } } } }
         alertSettings { enabled sensitivity minCount windowMinutes baselineDays updatedAt }
         crisisPause { active reason } }`,
      {},
      { token: b.token, organizationId: orgB },
    ),
};
