import type { Attack, AttackModule } from './attack-module';

const URL = 'https://93.184.216.34/hook';

/** The same operation aimed at B's row from inside B's organisation and from A's own. */
const both = (query: string): Attack[] => [
  { query, options: 'orgB' },
  { query, options: 'orgA' },
];
/** The same agency operation from A's agency naming B's row, and from inside B's agency. */
const agencies = (query: string): Attack[] => [
  { query, options: 'agency' },
  { query, options: 'agencyB' },
];

export const webhooksAttacks: AttackModule = {
  name: 'webhooks',
  async setup({ asOwner, orgB, b }) {
    // In B: a client endpoint and an agency endpoint, one event, and a delivery of it to each (written as owner).
    const [endpoint] = await asOwner<{ id: string }>(
      `INSERT INTO webhook_endpoints (agency_id, scope_organization_id, url, event_types, secret_sealed)
       VALUES ($1, $2, 'https://b.example.com/hook', ARRAY['alert.raised'], 'sealed') RETURNING id`,
      [b.agencyId, orgB],
    );
    const [agencyEndpoint] = await asOwner<{ id: string }>(
      `INSERT INTO webhook_endpoints (agency_id, url, event_types, secret_sealed)
       VALUES ($1, 'https://b.example.com/agency', ARRAY['alert.raised'], 'sealed') RETURNING id`,
      [b.agencyId],
    );
    const [event] = await asOwner<{ id: string }>(
      `INSERT INTO webhook_events (organization_id, type, data, fanned_out_at) VALUES ($1, 'alert.raised', '{"alertId":"b"}', now()) RETURNING id`,
      [orgB],
    );
    const deliveries = await asOwner<{ id: string; endpoint_scope: string }>(
      `INSERT INTO webhook_deliveries (organization_id, event_id, event_type, endpoint_agency_id, endpoint_id, endpoint_scope, status, attempts)
       VALUES ($1, $2, 'alert.raised', $3, $4, 'ORGANIZATION', 'FAILED', 8), ($1, $2, 'alert.raised', $3, $5, 'AGENCY', 'FAILED', 8)
       RETURNING id, endpoint_scope`,
      [orgB, event.id, b.agencyId, endpoint.id, agencyEndpoint.id],
    );
    const deliveryOf = (scope: string) => deliveries.find((d) => d.endpoint_scope === scope)?.id as string;
    return {
      endpointB: endpoint.id,
      agencyEndpointB: agencyEndpoint.id,
      deliveryB: deliveryOf('ORGANIZATION'),
      agencyDeliveryB: deliveryOf('AGENCY'),
    };
  },
  attacks: {
    webhookEndpoints: () => [{ query: '{ webhookEndpoints(first: 5) { edges { node { id url } } } }', options: 'orgB' }],
    webhookDeliveries: ({ endpointB }) => both(`{ webhookDeliveries(endpointId: "${endpointB}") { edges { node { id status } } } }`),
    createWebhookEndpoint: () => [
      {
        query: `mutation { createWebhookEndpoint(input: { url: "${URL}", eventTypes: ["alert.raised"] }) { secret } }`,
        options: 'orgB',
      },
    ],
    updateWebhookEndpoint: ({ endpointB }) =>
      both(`mutation { updateWebhookEndpoint(input: { id: "${endpointB}", url: "${URL}", enabled: false }) { id url } }`),
    deleteWebhookEndpoint: ({ endpointB }) => both(`mutation { deleteWebhookEndpoint(input: { id: "${endpointB}" }) { id } }`),
    rotateWebhookSecret: ({ endpointB }) => both(`mutation { rotateWebhookSecret(input: { id: "${endpointB}" }) { secret } }`),
    replayWebhookDelivery: ({ deliveryB, agencyDeliveryB }) => [
      ...both(`mutation { replayWebhookDelivery(input: { deliveryId: "${deliveryB}" }) { id status } }`),
      ...both(`mutation { replayWebhookDelivery(input: { deliveryId: "${agencyDeliveryB}" }) { id status } }`),
    ],
    sendTestWebhook: ({ endpointB }) => both(`mutation { sendTestWebhook(input: { id: "${endpointB}" }) { ok } }`),
    agencyWebhookEndpoints: () => [{ query: '{ agencyWebhookEndpoints(first: 5) { edges { node { id url } } } }', options: 'agencyB' }],
    agencyWebhookDeliveries: ({ agencyEndpointB }) =>
      agencies(`{ agencyWebhookDeliveries(endpointId: "${agencyEndpointB}") { edges { node { id status } } } }`),
    createAgencyWebhookEndpoint: () => [
      {
        query: `mutation { createAgencyWebhookEndpoint(input: { url: "${URL}", eventTypes: ["alert.raised"] }) { secret } }`,
        options: 'agencyB',
      },
    ],
    updateAgencyWebhookEndpoint: ({ agencyEndpointB, endpointB }) => [
      ...agencies(`mutation { updateAgencyWebhookEndpoint(input: { id: "${agencyEndpointB}", enabled: false }) { id } }`),
      { query: `mutation { updateAgencyWebhookEndpoint(input: { id: "${endpointB}", enabled: false }) { id } }`, options: 'agency' },
    ],
    deleteAgencyWebhookEndpoint: ({ agencyEndpointB }) =>
      agencies(`mutation { deleteAgencyWebhookEndpoint(input: { id: "${agencyEndpointB}" }) { id } }`),
    rotateAgencyWebhookSecret: ({ agencyEndpointB }) =>
      agencies(`mutation { rotateAgencyWebhookSecret(input: { id: "${agencyEndpointB}" }) { secret } }`),
    replayAgencyWebhookDelivery: ({ agencyDeliveryB, deliveryB }) => [
      ...agencies(`mutation { replayAgencyWebhookDelivery(input: { deliveryId: "${agencyDeliveryB}" }) { id status } }`),
      { query: `mutation { replayAgencyWebhookDelivery(input: { deliveryId: "${deliveryB}" }) { id status } }`, options: 'agency' },
    ],
    sendAgencyTestWebhook: ({ agencyEndpointB }) =>
      agencies(`mutation { sendAgencyTestWebhook(input: { id: "${agencyEndpointB}" }) { ok } }`),
  },
  // The catalogue of event types is the same for everyone and names no tenant.
  selfOnly: ['webhookEventTypes'],
  snapshot: async ({ api, b, orgB, asOwner }) => ({
    deliveries: await asOwner(
      'SELECT id, status, attempts, next_attempt_at FROM webhook_deliveries WHERE organization_id = $1 ORDER BY id',
      [orgB],
    ),
    organization: await api.ok(
      '{ webhookEndpoints(first: 20) { edges { node { id url enabled eventTypes updatedAt previousSecretUntil } } } }',
      {},
      { token: b.token, organizationId: orgB },
    ),
    agency: await api.ok(
      '{ agencyWebhookEndpoints(first: 20) { edges { node { id url enabled eventTypes updatedAt previousSecretUntil } } } }',
      {},
      { token: b.token },
    ),
  }),
};
