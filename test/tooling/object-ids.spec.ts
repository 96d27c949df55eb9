import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, getNamedType, GraphQLObjectType, isNonNullType, isObjectType } from 'graphql';

const SCHEMA_FILE = resolve(__dirname, '../../apps/api/schema.graphql');

/**
 * Why an object type of the schema may have no `id`: it stands for no stored thing a client cache should keep apart.
 * - payload: a mutation's answer around what it made (a secret shown once, a count, a link), not kept as such;
 * - computed: figures, reports, checks and views computed on request from stored things;
 * - part: a piece of a stored object or document, named by a key, a number or its place inside its parent and
 *   read and replaced with it (a policy's section, a chain's step, a rule set's reply template);
 * - event: a live notice of a change, sent to a subscription and not kept (the changed object carries its id);
 * - reference: the API's own reference data (error codes, webhook event types, templates, public holidays);
 * - session: the caller, their session and their limits;
 * - page: where a page stands in its list.
 */
type Reason = 'payload' | 'computed' | 'part' | 'event' | 'reference' | 'session' | 'page';

/**
 * The object types that have no `id`, each with its reason. Every other object type stands for one stored thing
 * (one row of a table of its own, or one record kept for one organization) and must have `id: ID!`. A new type
 * without an id fails below until it gets one or is added here, deliberately, with its reason.
 */
const WITHOUT_ID: Record<string, Reason> = {
  AcceptInvitationPayload: 'payload',
  AdvocacyDigestSent: 'payload',
  AssessmentReportFile: 'payload',
  AssessmentReportLink: 'payload',
  AuthPayload: 'payload',
  CreateApiKeyPayload: 'payload',
  InvitationPayload: 'payload',
  KpiValueImport: 'payload',
  NetworkOAuthStart: 'payload',
  PolicyAcknowledgementRequest: 'payload',
  ResumeAfterCrisisPausePayload: 'payload',
  StaffDuplicate: 'payload',
  StaffImport: 'payload',
  StaffMemberRemoval: 'payload',
  WebhookEndpointWithSecret: 'payload',
  WebhookTestResult: 'payload',

  AdvocacyDigest: 'computed',
  AdvocacyDigestPost: 'computed',
  AdvocacyMessage: 'computed',
  AgendaSlot: 'computed',
  ApprovalStepProgress: 'computed',
  ApprovedStrategy: 'computed',
  AssessmentRecommendation: 'computed',
  CommentResponseDue: 'computed',
  CommunityReport: 'computed',
  CommunityReportAlert: 'computed',
  CommunityReportCount: 'computed',
  CommunityReportFeedbackAction: 'computed',
  CommunityReportFeedbackActions: 'computed',
  CommunityReportInbox: 'computed',
  CommunityReportKpi: 'computed',
  CommunityReportPeriod: 'computed',
  CommunityReportPublications: 'computed',
  CommunityReportShareOfVoice: 'computed',
  CommunityReportShareOfVoiceSide: 'computed',
  CommunityReportTopPublication: 'computed',
  CommunityReportTopics: 'computed',
  CommunityReportVolume: 'computed',
  CommunityReportVolumePoint: 'computed',
  CommunityReportVolumeTotals: 'computed',
  ContentCalendar: 'computed',
  ContentCalendarEntry: 'computed',
  ContentCheck: 'computed',
  ContentFinding: 'computed',
  ContentItemApprovals: 'computed',
  ContentTextSpan: 'computed',
  ContentViolation: 'computed',
  DimensionTrend: 'computed',
  EmailSignature: 'computed',
  GovernanceCommittee: 'computed',
  KpiPeriodProgress: 'computed',
  KpiProgress: 'computed',
  ListeningQueryCheck: 'computed',
  MaturityComparison: 'computed',
  MaturityComparisonDimension: 'computed',
  MaturityComparisonValue: 'computed',
  MaturityRadar: 'computed',
  MaturityRadarAxis: 'computed',
  MentionAuthorDetail: 'computed',
  MentionFacetValue: 'computed',
  MentionFacets: 'computed',
  MentionVolume: 'computed',
  MentionVolumeBucket: 'computed',
  MetricPoint: 'computed',
  MetricSeries: 'computed',
  NetworkFrequency: 'computed',
  NewsletterSubscriberCounts: 'computed',
  PolicyAcknowledgementSummary: 'computed',
  PortfolioDimension: 'computed',
  PortfolioEntry: 'computed',
  PortfolioLiveScore: 'computed',
  Roadmap: 'computed',
  RoadmapEvidence: 'computed',
  ShareOfVoice: 'computed',
  ShareOfVoiceBucket: 'computed',
  ShareOfVoiceSide: 'computed',
  StaffAcknowledgementSummary: 'computed',
  StrategyDocument: 'computed',
  TaskForcePerson: 'computed',
  WeekCount: 'computed',
  WeeklyMeeting: 'computed',

  AcknowledgedFinding: 'part',
  ApprovalStep: 'part',
  AssessmentCriterion: 'part',
  AssessmentDimension: 'part',
  AssessmentEvidence: 'part',
  AssessmentLevel: 'part',
  AssessmentScaleOption: 'part',
  CommentHandlingRule: 'part',
  CompetitorHandle: 'part',
  ContentVariantOption: 'part',
  EscalationStep: 'part',
  InboxReplyTemplate: 'part',
  InvitationInviter: 'part',
  LiveMaturityCriterion: 'part',
  LiveMaturityDimension: 'part',
  LiveMaturityEvidence: 'part',
  LiveScoreCoverage: 'part',
  LiveScoreHistoryDimension: 'part',
  PlaybookStep: 'part',
  PolicySection: 'part',
  PublicationUpload: 'part',
  ReplyTemplate: 'part',
  RoadmapStep: 'part',
  RoadmapStepRef: 'part',
  WorkingDay: 'part',
  WorkingPeriod: 'part',

  AlertEvent: 'event',
  InboxItemEvent: 'event',
  PublicationEvent: 'event',

  ErrorCodeReference: 'reference',
  ErrorExtensions: 'reference',
  ErrorReference: 'reference',
  FieldProblem: 'reference',
  NetworkOption: 'reference',
  PolicyTemplate: 'reference',
  PublicHoliday: 'reference',
  WebhookEventType: 'reference',

  Me: 'session',
  RateLimitBudget: 'session',
  Viewer: 'session',
  ViewerOrganization: 'session',

  PageInfo: 'page',
};

const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'];

function fieldNames(type: GraphQLObjectType): string {
  return Object.keys(type.getFields()).sort().join(',');
}

/** A Relay connection or edge as the pagination helper makes them: the page's structure, not a stored thing. */
function isPageStructure(type: GraphQLObjectType): boolean {
  if (type.name.endsWith('Connection')) return fieldNames(type) === 'edges,pageInfo,totalCount';
  if (type.name.endsWith('Edge')) return fieldNames(type) === 'cursor,node';
  return false;
}

describe('ids on the object types that stand for stored things', () => {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  const objectTypes = Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__') && !ROOT_TYPES.includes(type.name),
  );
  const hasId = (type: GraphQLObjectType) => 'id' in type.getFields();

  it('reads a schema of some size, with both kinds of types (the check is not vacuous)', () => {
    expect(objectTypes.length).toBeGreaterThan(200);
    expect(objectTypes.filter(hasId).length).toBeGreaterThan(50);
    expect(objectTypes.filter(isPageStructure).length).toBeGreaterThan(40);
    expect(objectTypes.map((t) => t.name)).toEqual(expect.arrayContaining(['AgencyMember', 'PageInfo', 'AgencyMemberConnection']));
  });

  it('gives every object type that stands for a stored thing an id, unless it is listed with its reason', () => {
    const lacking = objectTypes
      .filter((type) => !hasId(type) && !isPageStructure(type) && !(type.name in WITHOUT_ID))
      .map((type) => type.name);
    expect(lacking).toEqual([]);
  });

  it('types every id as ID!', () => {
    const loose = objectTypes
      .filter(hasId)
      .map((type) => ({ type: type.name, id: type.getFields().id.type }))
      .filter(({ id }) => !isNonNullType(id) || getNamedType(id).name !== 'ID')
      .map(({ type, id }) => `${type}.id: ${String(id)}`);
    expect(loose).toEqual([]);
  });

  it('lists only types that exist and still have no id', () => {
    const names = new Map(objectTypes.map((type) => [type.name, type]));
    const stale = Object.keys(WITHOUT_ID).filter((name) => !names.has(name) || hasId(names.get(name) as GraphQLObjectType));
    expect(stale).toEqual([]);
  });

  it('gives ids to the memberships, publication attempts, acknowledgements, reviews, model versions and answers', () => {
    const stored = [
      'AgencyMember',
      'AgencyMembership',
      'OrganizationMember',
      'OrganizationMembership',
      'PublicationAttempt',
      'PolicyAcknowledgement',
      'PolicyMemberAcknowledgement',
      'StaffPolicyAcknowledgement',
      'PolicyVersionReview',
      'MaturityModelVersion',
      'AssessmentAnswer',
    ];
    expect(stored.filter((name) => name in WITHOUT_ID || !hasId(schema.getType(name) as GraphQLObjectType))).toEqual([]);
  });
});
