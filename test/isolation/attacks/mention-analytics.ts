import type { AttackModule } from './attack-module';

const FACETS = 'total sources { value count } queries { value label count } authors { value count }';
const VOLUME = 'timeZone buckets { date total averageSentiment }';
const SOV = 'total sides { kind competitorId name mentions share } buckets { date total }';
const RANGE = 'from: "2000-01-01T00:00:00Z", to: "2001-01-01T00:00:00Z"';

/**
 * Mention search and analytics read only: B's organisation is refused outright
 * (orgB), and from A's own organisation B's query id is NOT_FOUND, never an
 * empty answer that would tell nothing (orgA). The rows are the listening
 * module's (a query, a competitor and a mention of B).
 */
export const mentionAnalyticsAttacks: AttackModule = {
  name: 'mention-analytics',
  attacks: {
    mentionFacets: ({ queryB }) => [
      { query: `{ mentionFacets(text: "fournil") { ${FACETS} } }`, options: 'orgB' },
      { query: `{ mentionFacets(queryId: "${queryB}") { ${FACETS} } }`, options: 'orgA' },
    ],
    mentionVolume: ({ queryB }) => [
      { query: `{ mentionVolume(interval: DAY) { ${VOLUME} } }`, options: 'orgB' },
      { query: `{ mentionVolume(interval: WEEK, queryId: "${queryB}") { ${VOLUME} } }`, options: 'orgA' },
    ],
    shareOfVoice: () => [{ query: `{ shareOfVoice(${RANGE}) { ${SOV} } }`, options: 'orgB' }],
  },
  snapshot: ({ api, b, orgB }) =>
    api.ok(
      `{ mentionFacets { ${FACETS} } shareOfVoice(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { ${SOV} } }`,
      {},
      { token: b.token, organizationId: orgB },
    ),
};
