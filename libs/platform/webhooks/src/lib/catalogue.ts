/**
 * The published catalogue of webhook event types: what an integrator may
 * subscribe an endpoint to. Each type has a description and an example of its
 * `data` (the body an endpoint receives is `{ type, timestamp, organizationId, data }`).
 * Types are `noun.verb` in lowercase; adding one is adding an entry here and
 * emitting it from the module that owns the change.
 */
export interface WebhookEventTypeSpec {
  type: string;
  description: string;
  example: Record<string, unknown>;
}

const ID = '0b7c4f0e-8a43-4d7e-9a55-6f3c1f6d2a10';
const ITEM = '7d1e2c44-5b0a-4f0b-8c39-1a2b3c4d5e6f';

export const WEBHOOK_EVENT_TYPES = [
  {
    type: 'content_item.submitted',
    description: 'A content item was submitted for approval.',
    example: { contentItemId: ITEM, title: 'Lancement de la gamme été', submittedBy: ID },
  },
  {
    type: 'content_item.approved',
    description: 'A content item passed the last step of its approval chain.',
    example: { contentItemId: ITEM, title: 'Lancement de la gamme été', decidedBy: ID },
  },
  {
    type: 'content_item.rejected',
    description: 'A content item was rejected at a step of its approval chain (it goes back to its authors).',
    example: { contentItemId: ITEM, title: 'Lancement de la gamme été', decidedBy: ID, comment: 'Le ton est trop familier.' },
  },
  {
    type: 'publication.published',
    description: 'A publication went out on its network.',
    example: {
      publicationId: ID,
      contentItemId: ITEM,
      network: 'mastodon',
      externalId: '112233',
      url: 'https://mastodon.example/@socle/112233',
    },
  },
  {
    type: 'publication.failed',
    description: 'A publication failed for good (it will not be retried without a person acting).',
    example: { publicationId: ID, contentItemId: ITEM, network: 'mastodon', reason: 'The network refused the post.' },
  },
  {
    type: 'crisis_pause.started',
    description: 'Publishing was paused for a crisis.',
    example: { reason: 'Rappel produit en cours', startedBy: ID },
  },
  {
    type: 'crisis_pause.ended',
    description: 'The crisis pause was lifted; scheduled publications go out again.',
    example: { endedBy: ID },
  },
  {
    type: 'mentions.created',
    description:
      'A listening run found new mentions: one event per run and source account of the organisation (in the transaction that stored them), not per mention.',
    example: { listeningQueryId: ID, networkAccountId: ITEM, network: 'mastodon', count: 12 },
  },
  {
    type: 'inbox_item.created',
    description: 'A comment or message to handle arrived in the inbox.',
    example: { inboxItemId: ID, network: 'mastodon', authorHandle: '@anna@mastodon.example', dueAt: '2026-01-05T10:00:00.000Z' },
  },
  {
    type: 'inbox_item.assigned',
    description: 'An inbox item was assigned to someone.',
    example: { inboxItemId: ID, assigneeId: ID },
  },
  {
    type: 'inbox_item.answered',
    description: 'An inbox item was answered on its network.',
    example: { inboxItemId: ID, answeredBy: ID },
  },
  {
    type: 'inbox_item.overdue',
    description: 'An inbox item passed its response deadline without an answer.',
    example: { inboxItemId: ID, dueAt: '2026-01-05T10:00:00.000Z' },
  },
  {
    type: 'alert.raised',
    description: 'A spike of negative mentions raised a crisis alert.',
    example: { alertId: ID, kind: 'NEGATIVE_SPIKE', observedCount: 40, threshold: 10 },
  },
  {
    type: 'policy_version.published',
    description: 'A new version of a policy document was published.',
    example: { policyDocumentId: ID, versionId: ITEM, version: 3 },
  },
  {
    type: 'assessment.finalised',
    description: 'A maturity assessment was finalised with its score and level.',
    example: { assessmentId: ID, overallScore: 62.5, level: 3 },
  },
  {
    type: 'member.joined',
    description: 'Someone joined the organisation (an accepted invitation).',
    example: { userId: ID, roles: ['COMMUNITY_MANAGER'] },
  },
  {
    type: 'member.removed',
    description: 'Someone was removed from the organisation.',
    example: { userId: ID },
  },
  {
    type: 'network_account.reauthorisation_needed',
    description: 'A connected network account lost its authorisation and must be connected again.',
    example: { networkAccountId: ID, network: 'mastodon', handle: '@socle@mastodon.example' },
  },
] as const satisfies readonly WebhookEventTypeSpec[];

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]['type'];

/** The test event `sendTestWebhook` sends; it is not in the catalogue (nobody subscribes to it). */
export const WEBHOOK_PING_TYPE = 'webhook.ping';

const KNOWN = new Set<string>(WEBHOOK_EVENT_TYPES.map((t) => t.type));

export function isWebhookEventType(value: string): value is WebhookEventType {
  return KNOWN.has(value);
}
