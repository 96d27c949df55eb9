/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** An invitation token, and what a new account needs. */
export type AcceptInvitationInput = {
  /** For a new account. */
  displayName?: string | null | undefined;
  /** Language of a new account (default FR); ignored for an existing account. */
  locale?: Locale | null | undefined;
  /** For a new account, or to prove an existing one. */
  password?: string | null | undefined;
  /** The token of the invitation (at most 200 characters), from its link or its payload. */
  token: string;
};

/** Who did something recorded in the audit log. */
export type ActorType =
  /** An API key (actorId is the key id). */
  | 'API_KEY'
  /** The platform itself, e.g. a scheduled job (actorId is null). */
  | 'SYSTEM'
  /** A signed-in person (actorId is their user id). */
  | 'USER';

/** An assignment to a task-force role: give userId or externalName, exactly one. */
export type AddTaskForceMemberInput = {
  /** The department the person comes from (e.g. Marketing, Customer service). */
  department?: string | null | undefined;
  /** How to reach the external person (e-mail, phone). */
  externalContact?: string | null | undefined;
  /** A person from outside the organisation (e.g. the agency consultant). */
  externalName?: string | null | undefined;
  /** The role assigned. */
  role: TaskForceRole;
  /** A member of the organisation; or give externalName. */
  userId?: string | number | null | undefined;
};

/** French form of address of the brand: TU (informal) or VOUS (formal). */
export type AddressForm =
  /** Informal "tu". */
  | 'TU'
  /** Formal "vous". */
  | 'VOUS';

/** OWNER and ADMIN act in every client organization of the agency. */
export type AgencyRole =
  /** Manages staff, API keys and client organizations, and acts in every client organization. */
  | 'ADMIN'
  /** Agency staff who sees the agency and its client list; acts in a client organization only with roles there. */
  | 'MEMBER'
  /** Full control of the agency, including renaming it and granting or taking away the owner role. An agency keeps at least one owner. */
  | 'OWNER';

/** What an agenda slot of the weekly meeting is for. */
export type AgendaSlotKind =
  /** Twenty minutes of brainstorming on the week's theme. */
  | 'BRAINSTORM'
  /** Ten minutes for one person of the task force. */
  | 'MEMBER_UPDATE';

/** An answer to one declarative question of a draft assessment. */
export type AnswerAssessmentCriterionInput = {
  /** The draft assessment. */
  assessmentId: string | number;
  /** Up to 10 http(s) URLs of supporting documents. */
  attachments?: Array<string> | null | undefined;
  /** A comment, at most 4,000 characters. */
  comment?: string | null | undefined;
  /** The declarative criterion answered (1 to 80 characters). */
  criterionKey: string;
  /** One of the criterion's scale values. */
  value: number;
};

/** What an API key may do: READ / WRITE for every module, or the scopes of single modules. A write scope does not include reading: give READ (or the module READ) too for a key that reads and changes data. No scope opens what only people may do: managing members, API keys and webhooks, deleting organizations, connecting network accounts, approving content, policies and strategy versions, acknowledging policies. */
export type ApiKeyScope =
  /** Reads listening (queries, mentions, authors, metrics, alerts, crisis cell) and the inbox (items, reply templates, feedback actions). Opens listening.read, inbox.read. */
  | 'COMMUNITY_READ'
  /** Manages listening queries, alerts and the crisis cell, collects metrics, and handles the inbox. Opens listening.manage, inbox.handle. */
  | 'COMMUNITY_WRITE'
  /** Reads content items, approvals, publications, the crisis pause, the organization's and the agency's calendars and the media library; checks texts against the content rules. Opens content.check, content.read, media.read, agencyCalendar.read. */
  | 'CONTENT_READ'
  /** Suggests, triages, edits and schedules content, sets the approval chain and the crisis pause, and tags or deletes media (approving content stays with people). Opens content.suggest, content.edit, content.triage, content.approvalChain.manage, content.schedule, content.crisisPause, media.manage. */
  | 'CONTENT_WRITE'
  /** Reads maturity models, the agency's portfolio, assessments and reports. Opens maturityModels.read, portfolio.read, assessments.read. */
  | 'EVALUATION_READ'
  /** Manages maturity models, runs assessments and records KPI values. Opens maturityModels.manage, assessments.manage. */
  | 'EVALUATION_WRITE'
  /** Reads the networks and the connected network accounts. Connecting them is for people only, hence no write scope. Opens accounts.read. */
  | 'NETWORK_ACCOUNTS_READ'
  /** Reads the agency, its client organizations and their settings, members and audit logs. Opens agency.read, agency.members.read, agency.audit.read, organizations.list, organization.read, organization.members.read, organization.audit.read. */
  | 'ORGANIZATIONS_READ'
  /** Renames the agency, creates client organizations and changes their settings and executive report schedule (members, keys and deletions stay with people). Opens agency.update, organizations.create, organization.update. */
  | 'ORGANIZATIONS_WRITE'
  /** Reads the policies, their versions and acknowledgements, the comment-handling rules, the business calendar and the content rules. Opens policies.read. */
  | 'POLICIES_READ'
  /** Drafts, submits and publishes policies, and sets the comment-handling rules, the business calendar, the staff list and the content rules (approving and acknowledging stay with people). Opens policies.edit, policies.publish, contentRules.manage. */
  | 'POLICIES_WRITE'
  /** Reads everything a key may read, in every module: all the *_READ scopes together. */
  | 'READ'
  /** Reads the strategy: its document versions, objectives, KPIs, segments, plans, competitors, brand voice, task force, governance and roadmap. Opens strategy.read. */
  | 'STRATEGY_READ'
  /** Changes the strategy, the task force and governance, and the roadmap (approving strategy versions stays with people). Opens strategy.manage, taskForce.manage, roadmap.manage. */
  | 'STRATEGY_WRITE'
  /** Lists the webhook endpoints and deliveries of an organization and of the agency. Managing them is for people only (their secrets are shown once), hence no write scope. Opens webhooks.read, agency.webhooks.read. */
  | 'WEBHOOKS_READ'
  /** Every operation that changes data, except those only people may do: all the *_WRITE scopes together. Does not include reading. */
  | 'WRITE';

/** An approval of the current step of an item. */
export type ApproveContentItemInput = {
  /** An optional comment for the writer, 1 to 2,000 characters. */
  comment?: string | null | undefined;
  /** The content item, in status IN_REVIEW. */
  itemId: string | number;
};

/** The version to approve and an optional comment. */
export type ApprovePolicyVersionInput = {
  /** The approver's comment, at most 2,000 characters. */
  comment?: string | null | undefined;
  /** The version id. */
  versionId: string | number;
};

/** The version to approve and an optional comment. */
export type ApproveStrategyDocumentVersionInput = {
  /** The approver's comment, at most 2,000 characters. */
  comment?: string | null | undefined;
  /** The version id. */
  versionId: string | number;
};

/** PDF (for executives: scores, radar, criteria, recommendations) or CSV (one row per criterion, for spreadsheets). */
export type AssessmentReportFormat =
  /** A CSV file, one row per criterion, for spreadsheets (UTF-8). */
  | 'CSV'
  /** A PDF document for executives: scores, radar, criteria, recommendations. */
  | 'PDF';

/** Which assessment’s report, in which format and language. */
export type AssessmentReportInput = {
  /** A finalised assessment of the organization (a draft is refused: BAD_USER_INPUT). */
  assessmentId: string | number;
  /** PDF or CSV. */
  format: AssessmentReportFormat;
  /** Defaults to the organization's language. */
  locale?: Locale | null | undefined;
};

/** DRAFT (being answered) or FINALIZED (scored, immutable). */
export type AssessmentStatus =
  /** Being answered. */
  | 'DRAFT'
  /** Scored and frozen; never changes. */
  | 'FINALIZED';

/** The item and the member who handles it. */
export type AssignInboxItemInput = {
  /** A member of the organization. */
  assigneeId: string | number;
  /** Identifier of the inbox item. */
  id: string | number;
};

/** Why the organization addresses a segment: public relations, advertising and marketing, customer service. */
export type AudienceUsage =
  /** Advertising and marketing. */
  | 'ADVERTISING_MARKETING'
  /** Customer service. */
  | 'CUSTOMER_SERVICE'
  /** Public relations. */
  | 'PR';

/** Odd ISO weeks: STRATEGY; even ISO weeks: CONTENT ideas. */
export type BrainstormTheme =
  /** Content ideas (even ISO weeks). */
  | 'CONTENT'
  /** Strategy ideas (odd ISO weeks). */
  | 'STRATEGY';

/** The content item to cancel. */
export type CancelContentItemInput = {
  /** Identifier of the content item. */
  id: string | number;
  /** Why, for the audit log. */
  reason?: string | null | undefined;
};

/** A staff member's new role. */
export type ChangeAgencyMemberRoleInput = {
  /** Their new role. Only an owner grants or takes away OWNER. */
  role: AgencyRole;
  /** The staff member's user id. */
  userId: string | number;
};

/** A member's new roles. */
export type ChangeMemberRolesInput = {
  /** The roles they will hold, replacing the current ones: 1 to 8, no repeats. */
  roles: Array<OrganizationRole>;
  /** The member's user id. */
  userId: string | number;
};

/** A text to check. */
export type CheckContentInput = {
  /** Kind of content (e.g. "sponsored"), for REQUIRED_DISCLOSURE rules. */
  contentKind?: string | null | undefined;
  /** Check against this network’s text limits too. */
  network?: string | null | undefined;
  /** The text, at most 100,000 characters. */
  text: string;
};

/** The network account to check. */
export type CheckNetworkAccountInput = {
  /** Identifier of the network account. */
  id: string | number;
};

/** The identity to connect among those a sign-in offered. */
export type ChooseNetworkAccountTargetInput = {
  /** The choice the OAuth callback answered (choice.id). */
  choiceId: string | number;
  /** The id of one of the choice’s targets. */
  targetId: string | number;
};

/** How comments of a channel and severity are answered. */
export type CommentHandlingRuleInput = {
  /** Count responseMinutes in the business calendar’s working hours only (default false: round the clock). */
  businessHours?: boolean | null | undefined;
  /** A network id (e.g. "mastodon"), or * for every channel without its own rule. */
  channel: string;
  /** Hand such comments to crisis handling (default false). */
  escalate?: boolean | null | undefined;
  /** Ready answers, at most 20. */
  replyTemplates?: Array<ReplyTemplateInput> | null | undefined;
  /** Minutes to the first answer, 1 to 43200. */
  responseMinutes: number;
  /** The organization role that answers. */
  responsibleRole: OrganizationRole;
  /** The severity it applies to. */
  severity: CommentSeverity;
};

/** How serious a comment is, which sets how fast it must be answered. */
export type CommentSeverity =
  /** Crisis: answered within 1 hour and escalated to crisis handling unless a rule says otherwise. */
  | 'CRISIS'
  /** High: answered within 4 hours unless a rule says otherwise. */
  | 'HIGH'
  /** Low: answered within 48 hours unless a rule says otherwise. */
  | 'LOW'
  /** Normal: answered within 24 hours unless a rule says otherwise. */
  | 'NORMAL';

/** A competitor's account on a network. */
export type CompetitorHandleInput = {
  /** Account name on that network, at most 200 characters, not blank. */
  handle: string;
  /** Network id, e.g. "mastodon" (lower-case letters, digits and dashes, at most 40). */
  network: string;
};

/** The network and the credentials of the account to connect. Credentials are stored encrypted and never returned. */
export type ConnectNetworkAccountInput = {
  /** A personal access token. */
  accessToken?: string | null | undefined;
  /** An app password. */
  appPassword?: string | null | undefined;
  /** Feed URL (feeds; defaults to serviceUrl). */
  feedUrl?: string | null | undefined;
  /** Any other field the network’s form needs. */
  fields?: Array<CredentialFieldInput> | null | undefined;
  /** Handle, DID or e-mail (app-password networks). */
  identifier?: string | null | undefined;
  /** Id of an enabled network (see `networks`). */
  network: string;
  /** Instance, PDS or feed URL. */
  serviceUrl: string;
};

/** What a calendar shows: a range of at most 92 days, optionally narrowed. */
export type ContentCalendarInput = {
  /** Only items of this campaign (exact match), 1 to 100 characters. */
  campaign?: string | null | undefined;
  /** Start of the range (included). */
  from: string;
  /** Only these networks (connector ids such as mastodon). */
  networks?: Array<string> | null | undefined;
  /** Only items in these statuses. */
  statuses?: Array<ContentStatus> | null | undefined;
  /** Only items of this theme (exact match), 1 to 100 characters. */
  theme?: string | null | undefined;
  /** End of the range (excluded). */
  to: string;
};

/** BLOCK prevents submission for review; WARN is kept and shown to the approvers. */
export type ContentFindingSeverity =
  /** Must be fixed before the item can be submitted for review. */
  | 'BLOCK'
  /** A warning: the item can still be submitted; approvers see it. */
  | 'WARN';

/** A content item, by id. */
export type ContentItemInput = {
  /** Identifier of the content item. */
  id: string | number;
};

/** The kinds of content rule, each a JSON object with id, kind, severity and its own fields. */
export type ContentRuleKind =
  /** The French form of address to keep: { form: tu | vous }. */
  | 'ADDRESS_FORM'
  /** Words not to use, matched with their inflected forms in French and English: { words }. */
  | 'AVOID_WORDS'
  /** Link domains not allowed: { domains }. */
  | 'FORBIDDEN_LINK_DOMAINS'
  /** At most so many hashtags: { max }. */
  | 'MAX_HASHTAGS'
  /** The text limits of the networks (length, links): { networks? }. */
  | 'NETWORK_LIMITS'
  /** A mention required for some kinds of content, e.g. "#ad" for sponsored posts: { contentKinds, anyOf }. */
  | 'REQUIRED_DISCLOSURE';

/** BLOCK prevents submission for approval; WARN only reports. */
export type ContentRuleSeverity =
  /** The content cannot be submitted for approval while violated. */
  | 'BLOCK'
  /** Reported only. */
  | 'WARN';

/** Written by the task force, or suggested by a member through the suggestion box. */
export type ContentSource =
  /** Suggested by a member through the suggestion box. */
  | 'EMPLOYEE_SUGGESTION'
  /** Written by the task force. */
  | 'TASK_FORCE';

/** IDEA (a suggestion to triage) → DRAFT → IN_REVIEW → APPROVED → SCHEDULED → PUBLISHING → PUBLISHED, or FAILED; CANCELLED from any step but PUBLISHING. An edit after review sends the item back to DRAFT. */
export type ContentStatus =
  /** Approved in its current revision; not scheduled yet. */
  | 'APPROVED'
  /** Withdrawn from the plan (or a declined idea). Final. */
  | 'CANCELLED'
  /** Being written; not yet submitted for review. */
  | 'DRAFT'
  /** A publication failed for good; the item can be edited (back to DRAFT) or rescheduled. */
  | 'FAILED'
  /** Suggested through the suggestion box, waiting to be accepted or declined. */
  | 'IDEA'
  /** Submitted: waiting for the approval chain’s decisions. */
  | 'IN_REVIEW'
  /** Every publication went out. */
  | 'PUBLISHED'
  /** A publication is being sent to its network. */
  | 'PUBLISHING'
  /** Approved and scheduled: publications are due at their set times. */
  | 'SCHEDULED';

/** The decision on a suggested idea. */
export type ContentTriage =
  /** The idea was accepted and became a draft. */
  | 'ACCEPTED'
  /** The idea was declined (the item is CANCELLED); the reason is in triageReason. */
  | 'DECLINED';

/** ACCEPT makes the idea a DRAFT; DECLINE cancels it with a reason its suggester sees. */
export type ContentTriageDecision =
  /** Accept the idea: it becomes a DRAFT. */
  | 'ACCEPT'
  /** Decline the idea: it is CANCELLED; a reason is required. */
  | 'DECLINE';

/** One network-specific setting of a variant, as text (true or false for a yes/no setting, digits for a number). */
export type ContentVariantOptionInput = {
  /** The setting’s name, as the network documents it in `Network.options` (for example title). */
  name: string;
  /** Its value, as text; at most 100,000 characters. */
  value: string;
};

/** A new API key. */
export type CreateApiKeyInput = {
  /** When the key stops working (in the future); left out, it does not expire. */
  expiresAt?: string | null | undefined;
  /** Name to recognise the key, 1 to 120 characters. */
  name: string;
  /** Restrict the key to one client organization. */
  organizationId?: string | number | null | undefined;
  /** What the key may do: READ / WRITE for every module, or single modules (CONTENT_READ…); at least one scope, no repeats. */
  scopes: Array<ApiKeyScope>;
};

/** Who receives the approval link, and for how long it works. */
export type CreateApprovalLinkInput = {
  /** How long the link works, 1 to 336 hours. */
  expiresInHours: number;
  /** The content item, in status IN_REVIEW; the link is for its current step and revision. */
  itemId: string | number;
  /** The recipient’s email address, at most 320 characters. */
  recipientEmail: string;
  /** The recipient’s name, 1 to 200 characters (shown to them and in the decisions). */
  recipientName: string;
  /** Mail the link to recipientEmail, in the organization’s language with the expiry in its time zone (default true). False when you pass the link on another way. */
  sendEmail?: boolean | null | undefined;
};

/** A new target group. */
export type CreateAudienceSegmentInput = {
  /** Who they are, at most 5,000 characters. */
  description?: string | null | undefined;
  /** Name, at most 120 characters, not blank, unique in the organization. */
  name: string;
  /** What this audience needs from us (content, answers, information). */
  needs?: string | null | undefined;
  /** Why we address them: up to 3 usages (repeats are dropped). */
  usages?: Array<AudienceUsage> | null | undefined;
};

/** A new competitor. */
export type CreateCompetitorInput = {
  /** Its accounts, at most 30 (repeats, ignoring case, are dropped). */
  handles?: Array<CompetitorHandleInput> | null | undefined;
  /** Name, at most 120 characters, not blank, unique in the organization. */
  name: string;
  /** Free notes, at most 5,000 characters. */
  notes?: string | null | undefined;
};

/** A new content item. Objective, segment and network plan must belong to the organization (NOT_FOUND on the field otherwise). */
export type CreateContentItemInput = {
  /** What the content is about and for whom (at most 10,000 characters). */
  brief?: string | null | undefined;
  /** Free-form campaign name, 1 to 100 characters. */
  campaign?: string | null | undefined;
  /** A network plan of the organization. */
  networkPlanId?: string | number | null | undefined;
  /** An objective of the organization’s strategy. */
  objectiveId?: string | number | null | undefined;
  /** When it is planned for in the calendar, between the years 2000 and 2199. */
  plannedFor?: string | null | undefined;
  /** An audience segment of the organization. */
  segmentId?: string | number | null | undefined;
  /** Free-form theme, 1 to 100 characters. */
  theme?: string | null | undefined;
  /** Working title, 1 to 200 characters, not blank. */
  title: string;
};

/** A new KPI following an objective. */
export type CreateKpiInput = {
  /** How often it is measured. */
  frequency: KpiFrequency;
  /** What the platform measures for this KPI; absent: not measured. */
  measure?: KpiMeasure | null | undefined;
  /** A metric key (followers, engagementRate, mentions, shareOfVoice, firstResponseTime, socialTraffic…) or a formula. */
  metric: string;
  /** Name, at most 120 characters, not blank. */
  name: string;
  /** The objective it follows (of this organization). */
  objectiveId: string | number;
  /** The value aimed at, per period of the frequency. */
  target: number;
  /** Unit of the target, at most 40 characters, e.g. "%" or "followers". */
  unit?: string | null | undefined;
};

/** A new listening query. */
export type CreateListeningQueryInput = {
  /** Default true. */
  active?: boolean | null | undefined;
  /** The competitor of the strategy (required for COMPETITOR, refused otherwise). */
  competitorId?: string | number | null | undefined;
  /** What the query listens for. */
  kind: ListeningQueryKind;
  /** The query’s name, 1 to 100 characters, unique in the organization (CONFLICT, reason LISTENING_QUERY_NAME_TAKEN). */
  name: string;
  /** The query text (at most 2,000 characters): words, "phrases", prefix*, AND, OR, NOT or -word, parentheses, lang:fr, from:handle, source:mastodon. A query the language refuses is BAD_USER_INPUT on input.query with the position in extensions. */
  query: string;
  /** Networks to read (connector names); empty or absent: every connected account that reads mentions. */
  sources?: Array<string> | null | undefined;
};

/** A new maturity model, from a copy, given content, or a skeleton. */
export type CreateMaturityModelInput = {
  /** Start from this content instead (shape of `model` in the export format). Without it nor fromModelId, a minimal valid skeleton. */
  content?: Record<string, unknown> | null | undefined;
  /** Copy this model ("default" for the built-in one). */
  fromModelId?: string | number | null | undefined;
  /** The version to copy (default: the newest published one). */
  fromVersion?: number | null | undefined;
  /** The model’s name, 1 to 120 characters. */
  name: string;
};

/** The plan for one network. */
export type CreateNetworkPlanInput = {
  /** Network id, e.g. "mastodon" (see `networks`). */
  network: string;
  /** Planned publications per week, 0 to 100. */
  postsPerWeek: number;
  /** Why this network, and what it does not do for us. */
  rationale?: string | null | undefined;
  /** The profile name reserved on the network. */
  reservedHandle?: string | null | undefined;
  /** Audience segments of this organisation the network addresses. */
  segmentIds: Array<string | number>;
};

/** A new measurable objective. */
export type CreateObjectiveInput = {
  /** The value today. */
  baseline: number;
  /** Today or later in the organization’s time zone. */
  deadline: string;
  /** Longer explanation, at most 5,000 characters. */
  description?: string | null | undefined;
  /** Business or brand. */
  kind: ObjectiveKind;
  /** What is measured, e.g. "monthly revenue" or "followers on Mastodon". */
  metric: string;
  /** The value aimed at; must differ from the baseline. */
  target: number;
  /** Short title, at most 200 characters, not blank. */
  title: string;
  /** e.g. "%", "EUR", "followers". */
  unit?: string | null | undefined;
};

/** A new client organization. */
export type CreateOrganizationInput = {
  /** Language of its mails and generated documents (default FR). */
  locale?: Locale;
  /** Name, 1 to 120 characters. */
  name: string;
  /** Business sector in free text, at most 120 characters. */
  sector?: string | null | undefined;
  /** Size by headcount. */
  size?: OrganizationSize | null | undefined;
  /** IANA time zone its dates and schedules are read in (default Europe/Paris). */
  timezone?: string;
};

/** A new policy of a kind. */
export type CreatePolicyInput = {
  /** Start from the starter template of this kind and language (default: an empty draft). */
  fromTemplate?: boolean | null | undefined;
  /** Its kind; one policy per kind in an organization. */
  kind: PolicyKind;
  /** Language the policy is written in. */
  language: Locale;
};

/** A new ritual: give weekday for a weekly one or dayOfMonth for a monthly one, exactly one. */
export type CreateRitualInput = {
  /** Monthly rituals: day of the month, 1 to 28 (so it exists in every month). */
  dayOfMonth?: number | null | undefined;
  /** The kind; one ritual of each kind except OTHER. */
  kind: RitualKind;
  /** In the ritual’s time zone. */
  time: string;
  /** IANA time zone; defaults to the organisation’s. */
  timezone?: string | null | undefined;
  /** Required for OTHER; otherwise the kind’s name is shown. */
  title?: string | null | undefined;
  /** Weekly rituals: ISO weekday, 1 (Monday) to 7 (Sunday). */
  weekday?: number | null | undefined;
};

/** A note for the new version. */
export type CreateStrategyDocumentVersionInput = {
  /** What changed, for the approver. */
  note?: string | null | undefined;
};

/** A new endpoint. */
export type CreateWebhookEndpointInput = {
  /** A note for people, at most 500 characters. */
  description?: string | null | undefined;
  /** Whether events are sent to it from now on; default true. */
  enabled?: boolean | null | undefined;
  /** Event types from `webhookEventTypes`. */
  eventTypes: Array<string>;
  /** Where events are POSTed: https (plain http only towards addresses the installation allows). */
  url: string;
};

/** One named field of a network’s credential form. */
export type CredentialFieldInput = {
  /** The field’s name: a letter, then up to 39 letters, digits or underscores (for example accessToken). */
  name: string;
  /** The field’s value, 1 to 4,000 characters. Stored encrypted, never returned. */
  value: string;
};

/** DECLARATIVE (a question answered on a scale) or EVIDENCE (measured from platform data when the assessment is finalised). */
export type CriterionKind =
  /** A question answered on a scale. */
  | 'DECLARATIVE'
  /** Measured from platform data when the assessment is finalised. */
  | 'EVIDENCE';

/** The segment to delete. */
export type DeleteAudienceSegmentInput = {
  /** The segment id. */
  id: string | number;
};

/** The competitor to delete. */
export type DeleteCompetitorInput = {
  /** The competitor id. */
  id: string | number;
};

/** The network plan to delete. */
export type DeleteNetworkPlanInput = {
  /** The network plan id. */
  id: string | number;
};

/** The organization to delete, and its name as confirmation. */
export type DeleteOrganizationInput = {
  /** The organization name, typed again to confirm. */
  confirmName: string;
  /** The organization id. */
  id: string | number;
};

/** The ritual to delete. */
export type DeleteRitualInput = {
  /** The ritual id. */
  id: string | number;
};

/** The network account to disconnect. */
export type DisconnectNetworkAccountInput = {
  /** Identifier of the network account. */
  id: string | number;
};

/** The item with nothing to answer. */
export type DismissInboxItemInput = {
  /** Identifier of the inbox item. */
  id: string | number;
  /** Why, for the team and the audit log (1 to 2,000 characters). */
  reason?: string | null | undefined;
};

/** The draft assessment to finalise, and its date. */
export type FinalizeAssessmentInput = {
  /** The day the assessment was made, in the organization's calendar (default today): not in the future, at most 5 years back, not before the latest finalised assessment. */
  assessedOn?: string | null | undefined;
  /** The draft assessment. */
  assessmentId: string | number;
};

/** KPI values as CSV text. */
export type ImportKpiValuesInput = {
  /** CSV text, at most 500,000 characters and 10,000 values: a header `kpi,date,value,note` (any order; kpi optional with kpiId; note optional), then one value per line. Separator comma, or semicolon with a decimal comma. Any bad line refuses the whole file (BAD_USER_INPUT with reason CSV_INVALID, or NOT_FOUND with reason CSV_UNKNOWN_KPI for a KPI not of the organisation; extensions.lines lists line, column and message). */
  csv: string;
  /** The KPI every line is for: the file may then leave out its kpi column. */
  kpiId?: string | number | null | undefined;
};

/** A maturity model to create from an exported document. */
export type ImportMaturityModelInput = {
  /** A document in the export format (see maturityModelJsonSchema). The model is created with it as its draft version 1. */
  json: string;
  /** The model’s name, 1 to 120 characters. */
  name: string;
};

/** COMMENT (on one of our posts) or MENTION (of one of our accounts). */
export type InboxItemKind =
  /** A comment on one of the organization’s publications. */
  | 'COMMENT'
  /** A mention of one of the organization’s accounts. */
  | 'MENTION';

/** NEW (to handle); ASSIGNED (someone handles it); ANSWERED (a reply went out; final); DISMISSED (nothing to answer; may be reopened); ESCALATED (past due or handed over: see escalatedTo). */
export type InboxStatus =
  /** A reply went out. Final. */
  | 'ANSWERED'
  /** A member handles it (see assigneeId). */
  | 'ASSIGNED'
  /** Nothing to answer. */
  | 'DISMISSED'
  /** Handed over to a role (see escalatedTo). */
  | 'ESCALATED'
  /** To handle. */
  | 'NEW';

/** Where an invitation stands. Accepted invitations are not listed; REVOKED is only the answer of a revocation. */
export type InvitationStatus =
  /** Its link is refused; resending gives it a new link and a new expiry. */
  | 'EXPIRED'
  /** Its link works until expiresAt. */
  | 'PENDING'
  /** Withdrawn: its link is refused. */
  | 'REVOKED';

/** Who to invite into the agency and with which role. */
export type InviteAgencyMemberInput = {
  /** Email address to invite (at most 254 characters). */
  email: string;
  /** ADMIN or MEMBER; an owner is made by changeAgencyMemberRole once they have joined. */
  role: AgencyRole;
  /** Whether to mail the link to the invitee (in the language of the client, or of the inviter for an agency); the link is in the answer either way. */
  sendEmail?: boolean;
};

/** Who to invite into the organization and with which roles. */
export type InviteMemberInput = {
  /** Email address to invite (at most 254 characters). */
  email: string;
  /** Roles given on acceptance: 1 to 8, no repeats. */
  roles: Array<OrganizationRole>;
  /** Whether to mail the link to the invitee (in the language of the client, or of the inviter for an agency); the link is in the answer either way. */
  sendEmail?: boolean;
};

/** How often the KPI is measured. */
export type KpiFrequency =
  /** Every day. */
  | 'DAILY'
  /** Every month. */
  | 'MONTHLY'
  /** Every quarter. */
  | 'QUARTERLY'
  /** Every week. */
  | 'WEEKLY'
  /** Every year. */
  | 'YEARLY';

/** What the platform measures for the KPI, per period of its frequency: FOLLOWERS (all connected accounts, at the end of the period), POSTS_PUBLISHED, ENGAGEMENT (likes + reposts + replies on the posts published in the period), ENGAGEMENT_RATE (engagement per post per 1,000 followers), MENTIONS (of the brand queries), NEGATIVE_MENTION_SHARE (percent of the brand mentions with a sentiment that are negative), FIRST_RESPONSE_MINUTES (median, inbox), SHARE_OF_VOICE (percent), MANUAL (read from the values people record: recordKpiValue, importKpiValues). Absent: the KPI is measured only from recorded values. */
export type KpiMeasure =
  /** Likes + reposts + replies on the posts published in the period. */
  | 'ENGAGEMENT'
  /** Engagement per post per 1,000 followers. */
  | 'ENGAGEMENT_RATE'
  /** Median minutes before the first answer to an inbox item. */
  | 'FIRST_RESPONSE_MINUTES'
  /** Followers of all connected accounts at the end of the period. */
  | 'FOLLOWERS'
  /** The values people record (recordKpiValue, importKpiValues). */
  | 'MANUAL'
  /** Mentions found by the brand listening queries. */
  | 'MENTIONS'
  /** Percent of the brand mentions with a sentiment that are negative. */
  | 'NEGATIVE_MENTION_SHARE'
  /** Publications published in the period. */
  | 'POSTS_PUBLISHED'
  /** Percent of the mentions of the brand and its competitors that are about the brand. */
  | 'SHARE_OF_VOICE';

/** MEASURED: periods carry values. NOT_MEASURED: the KPI has no measure, or the data it needs is not collected (see reason). NOT_MEASURED_YET: the platform does not compute this measure yet. */
export type KpiProgressStatus =
  /** Periods carry values. */
  | 'MEASURED'
  /** The KPI has no measure, or the data it needs is not collected (see reason). */
  | 'NOT_MEASURED'
  /** The platform does not compute this measure yet. */
  | 'NOT_MEASURED_YET';

/** MEASURED: computed by the platform from its data (connectors’ metrics, publications, mentions, the inbox). RECORDED: the current value people recorded for the latest date of the period (kpiValues), used when the KPI is measured by hand (no measure) or the platform has no value for the period. */
export type KpiValueOrigin =
  /** Computed by the platform from its data. */
  | 'MEASURED'
  /** Recorded by people (by hand or imported). */
  | 'RECORDED';

/** Where a value comes from: MANUAL (entered one at a time), CSV_IMPORT (a file), CONNECTOR (reserved for values recorded by a connector; none is written today: the platform’s own measures are computed by kpiProgress, not stored as values). */
export type KpiValueSource =
  /** Reserved for values recorded by a connector; no value carries it today. */
  | 'CONNECTOR'
  /** Imported from a CSV file (importKpiValues). */
  | 'CSV_IMPORT'
  /** Entered one at a time (recordKpiValue). */
  | 'MANUAL';

/** A listening query, by id. */
export type ListeningQueryIdInput = {
  /** Identifier of the listening query. */
  id: string | number;
};

/** What the query listens for: the brand, a competitor (of the strategy), or a topic. */
export type ListeningQueryKind =
  /** Listens for the organization’s own brand. */
  | 'BRAND'
  /** Listens for a competitor of the strategy (competitorId). */
  | 'COMPETITOR'
  /** Listens for a topic. */
  | 'TOPIC';

/** A language of the console, of mails and of generated documents. */
export type Locale =
  /** English. */
  | 'EN'
  /** French. */
  | 'FR';

/** Credentials of a person. */
export type LogInInput = {
  /** Email address of the account (at most 254 characters). */
  email: string;
  /** Password of the account (at most 256 characters). */
  password: string;
};

/** DRAFT (being edited; at most one per model) or PUBLISHED (immutable; assessments can use it). */
export type MaturityModelVersionStatus =
  /** Being edited; at most one per model. */
  | 'DRAFT'
  /** Immutable; assessments can use it. */
  | 'PUBLISHED';

/** ASSESSMENT: the latest finalised assessment. LIVE: the latest live score (recomputed nightly; declarative criteria carried from the latest assessment or unknown). */
export type MaturityScoreSource =
  /** The latest finalised assessment. */
  | 'ASSESSMENT'
  /** The latest live score. */
  | 'LIVE';

/** What an author is to the brand, as a person decided: a large audience, a supporter, or a recurring critic. */
export type MentionAuthorTag =
  /** A supporter of the brand. */
  | 'AMBASSADOR'
  /** A recurring critic of the brand. */
  | 'DETRACTOR'
  /** An author with a large audience. */
  | 'INFLUENCER';

/** OK; NEEDS_REAUTH (the network refused the credentials: connect again); RATE_LIMITED (until rateLimitedUntil); ERROR (a failure that may pass: see lastError). */
export type NetworkAccountStatus =
  /** The last check failed in a way that may pass (a timeout, a server error); see lastError. */
  | 'ERROR'
  /** The network refused the credentials: connect the account again. */
  | 'NEEDS_REAUTH'
  /** The last check or use of the account succeeded. */
  | 'OK'
  /** The network is limiting requests until rateLimitedUntil. */
  | 'RATE_LIMITED';

/** What a network setting holds, and how its value is written as text in a content variant’s `options`. */
export type NetworkOptionType =
  /** true or false. */
  | 'BOOLEAN'
  /** An instant with its offset, written like a DateTime (2027-01-31T09:00:00+01:00). */
  | 'DATE_TIME'
  /** One of the setting’s values. */
  | 'ENUM'
  /** A number, in digits. */
  | 'NUMBER'
  /** One line of text. */
  | 'STRING'
  /** Text of several lines. */
  | 'TEXT'
  /** An absolute http or https address. */
  | 'URL';

/** What a newsletter subscriber receives. */
export type NewsletterList =
  /** The weekly blog digest (where the room offers it). */
  | 'BLOG'
  /** Each press release once it is public. */
  | 'RELEASES';

/** Where a newsletter subscription stands (double opt-in). */
export type NewsletterSubscriberState =
  /** Confirmed: gets each release once it is public. */
  | 'CONFIRMED'
  /** Signed up, waiting for the address to confirm with the link mailed to it. */
  | 'PENDING'
  /** Left with the one-click link; gets nothing. */
  | 'UNSUBSCRIBED';

/** What an objective aims at: BUSINESS (e.g. +10 % revenue) or BRAND (e.g. better customer relations). */
export type ObjectiveKind =
  /** A brand result, e.g. reputation or customer relations. */
  | 'BRAND'
  /** A business result, e.g. revenue or leads. */
  | 'BUSINESS';

/** Roles of the social media task force of a client organization. */
export type OrganizationRole =
  /** Reads and measures: metrics, listening, reports. */
  | 'ANALYST'
  /** Publishes, answers the community and manages the connected network accounts. */
  | 'COMMUNITY_MANAGER'
  /** Leads the editorial work: content, calendar and approvals. */
  | 'CONTENT_LEAD'
  /** Contributes to the editorial work: suggests content and reads what the members share. */
  | 'CONTRIBUTOR'
  /** Coordinates the task force and its rituals; manages members. */
  | 'COORDINATOR'
  /** A member of the management who approves content, policies and strategy versions. */
  | 'EXECUTIVE_APPROVER'
  /** Owns the strategy and the organization settings; manages members. An organization keeps at least one. */
  | 'STRATEGY_LEAD'
  /** Reads what the members share (strategy, policies, content, listening); may suggest content. */
  | 'VIEWER';

/** Size of a client organization by headcount. */
export type OrganizationSize =
  /** 5,000 people or more. */
  | 'ENTERPRISE'
  /** 250 to 4,999 people. */
  | 'LARGE'
  /** 50 to 249 people. */
  | 'MEDIUM'
  /** Fewer than 10 people. */
  | 'MICRO'
  /** 10 to 49 people. */
  | 'SMALL';

/** Whether a client organization is in use or being deleted. */
export type OrganizationStatus =
  /** In use. */
  | 'ACTIVE'
  /** Deletion was asked for: nothing may act inside it any more, and its data is being purged in the background. */
  | 'DELETION_PENDING';

/** What happened to a policy version. */
export type PolicyEventAction =
  /** Approved by an executive approver. */
  | 'APPROVED'
  /** The version was created (a new policy or a revision). */
  | 'CREATED'
  /** Published: in force. */
  | 'PUBLISHED'
  /** Returned to draft by an approver. */
  | 'RETURNED'
  /** Reviewed by the legal or works-council reviewer (cleared, or changes requested). */
  | 'REVIEWED'
  /** Submitted for review. */
  | 'SUBMITTED'
  /** Replaced by a later published version. */
  | 'SUPERSEDED';

/** The kinds of social media policy: the four of the integration method (usage guide, editorial policy, comment handling, personal use) and the code of conduct. */
export type PolicyKind =
  /** Code of conduct: purpose, scope, principles, sensitive events, approval. */
  | 'CODE_OF_CONDUCT'
  /** Comment-handling policy: how, delay, by whom, content of the answer, crisis structure. */
  | 'COMMENT_HANDLING'
  /** Editorial policy: who, what, where, how, results. */
  | 'EDITORIAL_POLICY'
  /** Policy on the staff's personal use: scope, ethics, speaking about the organization, confidentiality. */
  | 'PERSONAL_USE'
  /** Usage guide: context, networks and glossary, logic of each network, hand-over. */
  | 'USAGE_GUIDE';

/** Who reviewed, or is to review, a policy version. */
export type PolicyReviewKind =
  /** The legal team. */
  | 'LEGAL'
  /** The works council. */
  | 'WORKS_COUNCIL';

/** CLEARED lets the executive approve; CHANGES_REQUESTED returns the version to DRAFT. */
export type PolicyReviewVerdict =
  /** Changes asked for, with a comment: the version goes back to DRAFT. */
  | 'CHANGES_REQUESTED'
  /** Nothing against it: the executive may approve. */
  | 'CLEARED';

/** A section of a policy text. */
export type PolicySectionInput = {
  /** Text, at most 20,000 characters. */
  body: string;
  /** Stable key, lowercase letters, digits and hyphens (e.g. "who"). */
  key: string;
  /** Title, 1 to 200 characters. */
  title: string;
};

/** The policy version acted on. */
export type PolicyVersionInput = {
  /** The version id. */
  versionId: string | number;
};

/** DRAFT → IN_REVIEW → APPROVED (executive approver only) → PUBLISHED; a published version becomes SUPERSEDED when the next one is published. Only a DRAFT can be edited. */
export type PolicyVersionStatus =
  /** Approved by an executive approver; not yet in force. */
  | 'APPROVED'
  /** Being written; the only status that can be edited. */
  | 'DRAFT'
  /** Submitted; waits for a reviewer (when a review is set) and an executive approver. */
  | 'IN_REVIEW'
  /** In force; members are asked to acknowledge it. */
  | 'PUBLISHED'
  /** Was in force, replaced by a later published version. */
  | 'SUPERSEDED';

/** Where a press release stands. */
export type PressReleaseStatus =
  /** Its time has come: public while the press room is enabled. */
  | 'PUBLISHED'
  /** Its publication time has not come: it appears by itself at that time. */
  | 'SCHEDULED'
  /** Withdrawn: its address answers 404 for good. */
  | 'WITHDRAWN';

/** A press contact. */
export type PressRoomContactInput = {
  /** E-mail address, at most 254 characters. */
  email?: string | null | undefined;
  /** Name, 1 to 200 characters. */
  name: string;
  /** Telephone number: digits, spaces and + ( ) . - only, at most 40 characters. */
  phone?: string | null | undefined;
  /** Role, at most 200 characters. */
  role?: string | null | undefined;
};

/** Where a custom domain of a press room stands. */
export type PressRoomDomainStatus =
  /** The last check did not find the TXT record (see `checkError`); the domain does not serve yet. */
  | 'FAILED'
  /** Claimed, not checked yet: publish the TXT record, then ask for `verifyPressRoomDomain`. */
  | 'PENDING'
  /** The TXT record was found: the press room answers at this domain. */
  | 'VERIFIED';

/** A media kit entry: a media library asset of the organisation with its caption and credit. */
export type PressRoomMediaKitEntryInput = {
  /** Caption, at most 1,000 characters. */
  caption?: string | null | undefined;
  /** Credit line, at most 300 characters. */
  credit?: string | null | undefined;
  /** The media library asset (of this organisation). */
  mediaAssetId: string | number;
};

/** A publication, by id. */
export type PublicationIdInput = {
  /** Identifier of the publication. */
  id: string | number;
};

/** SCHEDULED (waits for dueAt); HELD (crisis pause); PUBLISHING (a worker is sending it); PUBLISHED; FAILED (see lastError; retryPublication); CANCELLED (unscheduled, or its item left the schedule); NEEDS_REAUTH (the network refused the account: reconnect it, then retryPublication). */
export type PublicationStatus =
  /** Will not be published: unscheduled, or its item left the schedule. */
  | 'CANCELLED'
  /** Failed for good (see lastError); retryPublication tries again. */
  | 'FAILED'
  /** Held by the crisis pause; released when publishing resumes. */
  | 'HELD'
  /** The network refused the account’s credentials: reconnect the account, then retryPublication. */
  | 'NEEDS_REAUTH'
  /** The post is out; externalId and externalUrl name it. */
  | 'PUBLISHED'
  /** Being sent to the network by a worker. */
  | 'PUBLISHING'
  /** Waiting for its due time. */
  | 'SCHEDULED';

/** The model whose draft to publish. */
export type PublishMaturityModelVersionInput = {
  /** The model: a UUID of one of the agency’s models. */
  modelId: string | number;
};

/** A content item to publish in the press room. */
export type PublishPressReleaseInput = {
  /** The content item: APPROVED, SCHEDULED or PUBLISHED. */
  itemId: string | number;
  /** When it becomes public: now when left out; a past time back-dates it (from the year 2000), at most two years ahead. */
  publishAt?: string | null | undefined;
  /** Slug of the release (1 to 100 lowercase letters, digits and dashes); made from the title when left out. */
  slug?: string | null | undefined;
};

/** One value of a KPI for a date. */
export type RecordKpiValueInput = {
  /** The day measured, or the first day of the period the value is for. */
  date: string;
  /** Identifier of a KPI of the organisation’s strategy. */
  kpiId: string | number;
  /** Where the figure comes from, at most 1,000 characters. */
  note?: string | null | undefined;
  /** A decimal number as text (at most 15 digits before the point and 6 after), so it is stored exactly as written. */
  value: string;
};

/** A rejection of an item at its current step. */
export type RejectContentItemInput = {
  /** The content item, in status IN_REVIEW. */
  itemId: string | number;
  /** What must change; the writer sees it. */
  reason: string;
};

/** The member to remove. */
export type RemoveMemberInput = {
  /** The member's user id. */
  userId: string | number;
};

/** The assignment to remove. */
export type RemoveTaskForceMemberInput = {
  /** The task-force member id (one assignment). */
  id: string | number;
};

/** A delivery to send again. */
export type ReplayWebhookDeliveryInput = {
  /** The delivery’s id (its webhook-id stays the same). */
  deliveryId: string | number;
};

/** A ready answer in one language. */
export type ReplyTemplateInput = {
  /** Its language. */
  language: Locale;
  /** The answer, 1 to 2,000 characters. */
  text: string;
};

/** The answer to send to the network. */
export type ReplyToInboxItemInput = {
  /** Identifier of the inbox item. */
  itemId: string | number;
  /** The answer, checked against the network’s limits. */
  text: string;
};

/** Who forgot their password. */
export type RequestPasswordResetInput = {
  /** The e-mail address of the account (any case). */
  email: string;
};

/** The content item to move, and its new time. */
export type RescheduleContentItemInput = {
  /** The new due time: in the future and at most two years ahead. */
  dueAt: string;
  /** The content item, in status SCHEDULED. */
  itemId: string | number;
};

/** An invitation of the organization (resendInvitation) or of the agency (resendAgencyInvitation). */
export type ResendInvitationInput = {
  /** The invitation id. */
  invitationId: string | number;
  /** Whether to mail the link to the invitee (in the language of the client, or of the inviter for an agency); the link is in the answer either way. */
  sendEmail?: boolean;
};

/** A new password, with the link that allows it. */
export type ResetPasswordInput = {
  /** The new password, by the sign-up rules: at least 12 characters; 3 kinds of characters below 16. */
  password: string;
  /** The `token` parameter of the link in the password-reset mail. */
  token: string;
};

/** How to release what the pause held. */
export type ResumeAfterCrisisPauseInput = {
  /** Publications whose time passed during the pause go out then (else at once). */
  rescheduleOverdueTo?: string | null | undefined;
};

/** The version to return and why. */
export type ReturnPolicyToDraftInput = {
  /** What must change before it can be approved. */
  comment: string;
  /** The version id. */
  versionId: string | number;
};

/** The version to return and what to change. */
export type ReturnStrategyDocumentVersionInput = {
  /** What to change, at most 2,000 characters, not blank. */
  comment: string;
  /** The version id. */
  versionId: string | number;
};

/** The API key to revoke. */
export type RevokeApiKeyInput = {
  /** The key id. */
  id: string | number;
};

/** An invitation of the organization (revokeInvitation) or of the agency (revokeAgencyInvitation). */
export type RevokeInvitationInput = {
  /** The invitation id. */
  invitationId: string | number;
};

/** How often a ritual comes back. */
export type RitualCadence =
  /** Every month, on its day of the month. */
  | 'MONTHLY'
  /** Every week, on its weekday. */
  | 'WEEKLY';

/** The kind of a ritual: WEEKLY_MEETING (weekly), MONTHLY_EXECUTIVE_REPORT and BEST_CONTENT_MAIL (monthly), DIGITAL_TEAMS_MEETING (with the web, SEO and campaign teams, weekly or monthly), OTHER (needs a title). */
export type RitualKind =
  /** The monthly mail of the best content to the staff (always monthly; one per organization). */
  | 'BEST_CONTENT_MAIL'
  /** A meeting with the web, SEO and campaign teams (weekly or monthly; one per organization). */
  | 'DIGITAL_TEAMS_MEETING'
  /** The monthly report to the management (always monthly; one per organization). */
  | 'MONTHLY_EXECUTIVE_REPORT'
  /** Any other ritual; needs a title; several allowed. */
  | 'OTHER'
  /** The weekly task-force meeting (always weekly; one per organization). */
  | 'WEEKLY_MEETING';

/** Where an integration step stands. */
export type RoadmapStepStatus =
  /** Every piece of evidence at its threshold (or set so by hand). */
  | 'DONE'
  /** Some evidence, not all at its threshold. */
  | 'IN_PROGRESS'
  /** No evidence yet (or, for a step set by hand, never set or set so). */
  | 'NOT_STARTED';

/** A new signing secret for an endpoint. */
export type RotateWebhookSecretInput = {
  /** The endpoint’s id. */
  id: string | number;
  /** Hours during which the previous secret still signs (both signatures are sent), 0 to 168; default 24. */
  overlapHours?: number | null | undefined;
};

/** What to schedule and when. */
export type ScheduleContentItemInput = {
  /** The accounts to publish to (each must have a variant); every variant when omitted. */
  accountIds?: Array<string | number> | null | undefined;
  /** When to publish (in the future). */
  dueAt: string;
  /** The content item, in status APPROVED. */
  itemId: string | number;
};

/** The tone of a mention (French and English; null for other languages). */
export type SentimentLabel =
  /** An unfavourable tone. */
  | 'NEGATIVE'
  /** Neither favourable nor unfavourable. */
  | 'NEUTRAL'
  /** A favourable tone. */
  | 'POSITIVE';

/** Where an author leans over the window: average sentiment ≥ 0.25 POSITIVE, ≤ -0.25 NEGATIVE, otherwise (or unscored) NEUTRAL. */
export type SentimentLeaning =
  /** Average sentiment of -0.25 or less. */
  | 'NEGATIVE'
  /** Average sentiment between -0.25 and 0.25, or no scored mention. */
  | 'NEUTRAL'
  /** Average sentiment of 0.25 or more. */
  | 'POSITIVE';

/** The whole brand voice, replacing the previous one. */
export type SetBrandVoiceInput = {
  /** The French form of address; null or left out when not decided. */
  addressForm?: AddressForm | null | undefined;
  /** How the brand speaks, in a few sentences. */
  tone: string;
  /** Read by the content rules; same limits as wordsToUse. */
  wordsToAvoid: Array<string>;
  /** Trimmed and deduplicated ignoring case; each 1 to 100 characters; at most 2000. */
  wordsToUse: Array<string>;
};

/** The comment-handling rules. */
export type SetCommentHandlingRulesInput = {
  /** The whole set (replaces the previous one); one rule per channel and severity. */
  rules: Array<CommentHandlingRuleInput>;
};

/** The content rules. */
export type SetContentRulesInput = {
  /** The whole list of rules (replaces the previous one), at most 200. */
  rules: Array<Record<string, unknown>>;
};

/** The variant of an item for one network account: created, or replaced when the item has one for that account. */
export type SetContentVariantInput = {
  /** The content item. It must be editable (not PUBLISHING, PUBLISHED or CANCELLED). */
  itemId: string | number;
  /** A link to publish with the text: an http or https URL of at most 2,000 characters; null for none. */
  linkUrl?: string | null | undefined;
  /** true makes this variant the item’s long form (a press release’s article, a blog post): once scheduled, the item’s other variants wait until it is published and link to its address. Another variant that was the long form stops being it. false makes it a short form; null or absent keeps its role. */
  longForm?: boolean | null | undefined;
  /** Media library assets, in order (at most 20). */
  mediaIds?: Array<string | number> | null | undefined;
  /** A network account of the organization (see networkAccounts). */
  networkAccountId: string | number;
  /** The network’s own settings for this post (a video’s title, a blog post’s slug): only those its network documents (`Network.options`), each value as text. Replaces the variant’s settings; null or absent keeps none. */
  options?: Array<ContentVariantOptionInput> | null | undefined;
  /** The text to publish, at most 100,000 characters; the network’s own limit is reported as a finding. */
  text: string;
};

/** Turns the crisis pause on or off. */
export type SetCrisisPauseInput = {
  /** true holds every scheduled publication now; false resumes (as resumeAfterCrisisPause without rescheduling). */
  on: boolean;
  /** Why (required to pause), kept with who and when. */
  reason?: string | null | undefined;
};

/** The status of a step set by hand. */
export type SetRoadmapStepStatusInput = {
  /** What was done, or what is missing. */
  note?: string | null | undefined;
  /** Its status. */
  status: RoadmapStepStatus;
  /** A step set by hand: one whose RoadmapStep.manual is true (step 8 in the built-in roadmap; the others are measured). */
  step: number;
};

/** Which side of a share of voice. */
export type ShareOfVoiceSideKind =
  /** The organization’s brand (its BRAND queries). */
  | 'BRAND'
  /** A competitor of the strategy (its COMPETITOR queries). */
  | 'COMPETITOR';

/** A new agency and its owner. */
export type SignUpInput = {
  /** Name of the agency, 1 to 120 characters. */
  agencyName: string;
  /** The owner's name, 1 to 120 characters. */
  displayName: string;
  /** The owner's email address (at most 254 characters), used to sign in. */
  email: string;
  /** The owner's language (default FR). */
  locale?: Locale;
  /** At least 12 characters; 3 kinds of characters below 16. */
  password: string;
};

/** The model version to assess the organisation with. */
export type StartAssessmentInput = {
  /** "default" for the built-in model, or a model of your agency with a published version. */
  modelId: string | number;
  /** A published version (default: the newest). */
  version?: number | null | undefined;
};

/** The network and the server to start an OAuth connection with. */
export type StartNetworkOAuthInput = {
  /** Id of an enabled network that connects with OAuth (see `networks`, authKind oauth2). */
  network: string;
  /** Where the network sends the user back; defaults to this API’s /oauth/callback. */
  redirectUri?: string | null | undefined;
  /** The instance URL. */
  serviceUrl: string;
};

/** The policy to revise. */
export type StartPolicyRevisionInput = {
  /** The policy id. */
  policyId: string | number;
};

/** The strategy version acted on. */
export type StrategyDocumentVersionInput = {
  /** The version id. */
  versionId: string | number;
};

/** DRAFT → IN_REVIEW → APPROVED (by an executive approver) → SUPERSEDED by the next approved version. */
export type StrategyVersionStatus =
  /** Approved: the version in force. */
  | 'APPROVED'
  /** Taken, not yet submitted; may be deleted. */
  | 'DRAFT'
  /** Submitted to the executive approvers. */
  | 'IN_REVIEW'
  /** Was approved, replaced by a later approved version. */
  | 'SUPERSEDED';

/** An idea for the suggestion box. */
export type SuggestContentIdeaInput = {
  /** The idea in a few lines (at most 10,000 characters). */
  brief?: string | null | undefined;
  /** Free-form theme, 1 to 100 characters. */
  theme?: string | null | undefined;
  /** Working title, 1 to 200 characters, not blank. */
  title: string;
};

/** The roles of a social media task force. First the five functions of the task force itself (STRATEGY_LEAD, CONTENT_LEAD, COMMUNITY_MANAGER, ANALYST, COORDINATOR), then the roles around it: web animation (CONTENT_FACILITATOR, FACILITATOR, ADMINISTRATOR), support (DEVELOPER, GRAPHIC_DESIGNER) and promotion (PUBLIC_RELATIONS, MARKETER). One person may hold several. */
export type TaskForceRole =
  /** Web animation: coordinates the social media team and bridges to the top management. */
  | 'ADMINISTRATOR'
  /** Task-force function: measures success with KPIs on the business and brand objectives. */
  | 'ANALYST'
  /** Task-force function: publishes and handles conversations with customers, influencers and the media. */
  | 'COMMUNITY_MANAGER'
  /** Web animation: keeps watch, finds knowledge, sums it up and carries it into social media. */
  | 'CONTENT_FACILITATOR'
  /** Task-force function: runs the content strategy and its deployment, and the suggestion box. */
  | 'CONTENT_LEAD'
  /** Task-force function: eases internal communication (meetings, regular reports to the management). */
  | 'COORDINATOR'
  /** Support: keeps the publishing systems secure, configures the collaboration tools, trains the members. */
  | 'DEVELOPER'
  /** Web animation: builds a network of members, keeps them taking part, starts discussions and rallies influencers. */
  | 'FACILITATOR'
  /** Support: creates the graphics, media kits and visuals of the content. */
  | 'GRAPHIC_DESIGNER'
  /** Promotion: puts distribution and marketing to work to grow the audience and the traffic. */
  | 'MARKETER'
  /** Promotion: develops the communication that carries the company's vision, identity and values. */
  | 'PUBLIC_RELATIONS'
  /** Task-force function: owns the long-term vision and keeps day-to-day operations in line with the objectives. */
  | 'STRATEGY_LEAD';

/** The decision on a suggested idea. */
export type TriageContentIdeaInput = {
  /** Accept or decline the idea. */
  decision: ContentTriageDecision;
  /** The suggested idea (a content item in status IDEA). */
  id: string | number;
  /** Required to decline: the suggester reads it. */
  reason?: string | null | undefined;
};

/** The content item to unschedule. */
export type UnscheduleContentItemInput = {
  /** The content item, in status SCHEDULED. */
  itemId: string | number;
};

/** Fields left out are kept; null empties description, needs and usages. */
export type UpdateAudienceSegmentInput = {
  /** Who they are, at most 5,000 characters. */
  description?: string | null | undefined;
  /** The segment id. */
  id: string | number;
  /** Name, at most 120 characters, not blank, unique in the organization. */
  name?: string | null | undefined;
  /** What they need from us, at most 5,000 characters. */
  needs?: string | null | undefined;
  /** Replaces the usages: up to 3. */
  usages?: Array<AudienceUsage> | null | undefined;
};

/** Fields left out are kept. */
export type UpdateCompetitorInput = {
  /** Replaces the list. */
  handles?: Array<CompetitorHandleInput> | null | undefined;
  /** The competitor id. */
  id: string | number;
  /** Name, at most 120 characters, not blank, unique in the organization. */
  name?: string | null | undefined;
  /** Free notes, at most 5,000 characters; null empties them. */
  notes?: string | null | undefined;
};

/** Fields left out are kept; null clears an optional one. Editing an item in review, approved, scheduled or failed sends it back to DRAFT. */
export type UpdateContentItemInput = {
  /** New brief, at most 10,000 characters; null or an empty string empties it. */
  brief?: string | null | undefined;
  /** New campaign name, 1 to 100 characters; null clears it. */
  campaign?: string | null | undefined;
  /** The content item to edit. */
  id: string | number;
  /** A network plan of the organization; null clears it. */
  networkPlanId?: string | number | null | undefined;
  /** An objective of the organization’s strategy; null clears it. */
  objectiveId?: string | number | null | undefined;
  /** When it is planned for in the calendar, between the years 2000 and 2199; null clears it. */
  plannedFor?: string | null | undefined;
  /** An audience segment of the organization; null clears it. */
  segmentId?: string | number | null | undefined;
  /** New theme, 1 to 100 characters; null clears it. */
  theme?: string | null | undefined;
  /** New working title, 1 to 200 characters, not blank. Null is refused. */
  title?: string | null | undefined;
};

/** Fields left out are kept. */
export type UpdateKpiInput = {
  /** How often it is measured. */
  frequency?: KpiFrequency | null | undefined;
  /** The KPI id. */
  id: string | number;
  /** Absent: unchanged; null: no longer measured. */
  measure?: KpiMeasure | null | undefined;
  /** Metric key or formula, at most 500 characters, not blank. */
  metric?: string | null | undefined;
  /** Name, at most 120 characters, not blank. */
  name?: string | null | undefined;
  /** The value aimed at. */
  target?: number | null | undefined;
  /** Unit, at most 40 characters; null removes it. */
  unit?: string | null | undefined;
};

/** Fields left out are kept. A new text or new sources start the query afresh (cursors and errors are dropped). */
export type UpdateListeningQueryInput = {
  /** Pause (false) or resume (true) the query; null is refused. */
  active?: boolean | null | undefined;
  /** null clears it (the kind must then not be COMPETITOR). */
  competitorId?: string | number | null | undefined;
  /** The listening query to edit. */
  id: string | number;
  /** The new kind; null is refused. */
  kind?: ListeningQueryKind | null | undefined;
  /** The new name, 1 to 100 characters, unique in the organization; null is refused. */
  name?: string | null | undefined;
  /** The query text (at most 2,000 characters): words, "phrases", prefix*, AND, OR, NOT or -word, parentheses, lang:fr, from:handle, source:mastodon. A query the language refuses is BAD_USER_INPUT on input.query with the position in extensions. */
  query?: string | null | undefined;
  /** Networks to read (connector names, at most 20); empty: every connected account that reads mentions. Null is refused. */
  sources?: Array<string> | null | undefined;
};

/** The model and the new content of its draft. */
export type UpdateMaturityModelDraftInput = {
  /** The whole new content of the draft (shape of `model` in the export format). */
  content: Record<string, unknown>;
  /** The model: a UUID of one of the agency’s models (the built-in "default" cannot change). */
  modelId: string | number;
};

/** The signed-in person's own settings; fields left out keep their value. */
export type UpdateMeInput = {
  /** Name shown to others, 1 to 120 characters (not blank). */
  displayName?: string | null | undefined;
  /** The language of the console and of the mails sent to this person. */
  locale?: Locale | null | undefined;
};

/** Fields left out are kept. */
export type UpdateNetworkPlanInput = {
  /** The network plan id. */
  id: string | number;
  /** Planned publications per week, 0 to 100. */
  postsPerWeek?: number | null | undefined;
  /** Why this network, at most 5,000 characters; null empties it. */
  rationale?: string | null | undefined;
  /** null removes it. */
  reservedHandle?: string | null | undefined;
  /** Replaces the segments addressed: at most 50, all of this organization. */
  segmentIds?: Array<string | number> | null | undefined;
};

/** Fields left out are kept. The target must still differ from the baseline, and a new deadline be today or later. */
export type UpdateObjectiveInput = {
  /** The value today. */
  baseline?: number | null | undefined;
  /** Today or later in the organization's time zone. */
  deadline?: string | null | undefined;
  /** Longer explanation, at most 5,000 characters; null empties it. */
  description?: string | null | undefined;
  /** The objective id. */
  id: string | number;
  /** Business or brand. */
  kind?: ObjectiveKind | null | undefined;
  /** What is measured, at most 200 characters, not blank. */
  metric?: string | null | undefined;
  /** The value aimed at. */
  target?: number | null | undefined;
  /** Short title, at most 200 characters, not blank. */
  title?: string | null | undefined;
  /** null removes the unit. */
  unit?: string | null | undefined;
};

/** Fields left out are kept. null empties sector and size, and keeps name, locale and timezone (which always have a value). */
export type UpdateOrganizationInput = {
  /** Language of its mails and generated documents. */
  locale?: Locale | null | undefined;
  /** Name, 1 to 120 characters. */
  name?: string | null | undefined;
  /** Business sector in free text, at most 120 characters; null empties it. */
  sector?: string | null | undefined;
  /** Size by headcount; null empties it. */
  size?: OrganizationSize | null | undefined;
  /** IANA time zone, e.g. Europe/Paris. */
  timezone?: string | null | undefined;
};

/** Give a title, sections or both; what is left out is kept. */
export type UpdatePolicyDraftInput = {
  /** The whole list of sections, in order (replaces the previous one). */
  sections?: Array<PolicySectionInput> | null | undefined;
  /** Title, 1 to 200 characters. */
  title?: string | null | undefined;
  /** The DRAFT version to edit. */
  versionId: string | number;
};

/** Changes to the press room; fields left out keep their value. The first save creates the room and needs `slug` and `title`. */
export type UpdatePressRoomInput = {
  /** Whether the newsletter offers the weekly blog digest. */
  blogDigest?: boolean | null | undefined;
  /** The contacts, replacing the ones the room had (at most 20). */
  contacts?: Array<PressRoomContactInput> | null | undefined;
  /** A custom domain (a host name such as press.example.com: no scheme, port, IP address or localhost); null removes it. Unique across the platform. It serves once verified. */
  customDomain?: string | null | undefined;
  /** Introduction (plain text), at most 5,000 characters. */
  description?: string | null | undefined;
  /** Whether the public pages answer. */
  enabled?: boolean | null | undefined;
  /** Language of the public pages and mails (the organisation’s by default). */
  language?: Locale | null | undefined;
  /** The media kit, replacing the one the room had (at most 50 distinct assets). */
  mediaKit?: Array<PressRoomMediaKitEntryInput> | null | undefined;
  /** Public slug: 3 to 63 lowercase letters, digits and dashes; unique across the platform. */
  slug?: string | null | undefined;
  /** Title, 1 to 200 characters. */
  title?: string | null | undefined;
};

/** Fields left out are kept. The kind cannot change. */
export type UpdateRitualInput = {
  /** Day of the month 1 to 28; makes the ritual monthly where its kind allows it. */
  dayOfMonth?: number | null | undefined;
  /** The ritual id. */
  id: string | number;
  /** In the ritual’s time zone; null is refused. */
  time?: string | null | undefined;
  /** IANA time zone, e.g. Europe/Paris. */
  timezone?: string | null | undefined;
  /** Title, at most 200 characters, not blank. */
  title?: string | null | undefined;
  /** ISO weekday 1 (Monday) to 7 (Sunday); makes the ritual weekly where its kind allows it. */
  weekday?: number | null | undefined;
};

/** Fields left out (or null) keep their value. Enabling an endpoint clears why it was disabled. */
export type UpdateWebhookEndpointInput = {
  /** A new note for people, at most 500 characters. */
  description?: string | null | undefined;
  /** Turns sending on or off; turning it on clears why it was disabled. */
  enabled?: boolean | null | undefined;
  /** The whole new list of event types (1 to 100, no repeats). */
  eventTypes?: Array<string> | null | undefined;
  /** The endpoint to change. */
  id: string | number;
  /** A new URL (8 to 2,000 characters; https, checked as at creation). */
  url?: string | null | undefined;
};

/** The custom domain to check now. */
export type VerifyPressRoomDomainInput = {
  /** The domain the room claims (guards against checking one that changed meanwhile). */
  domain: string;
};

/** A bucket of time in the organization’s time zone: a local day, or an ISO week (Monday to Sunday). */
export type VolumeInterval =
  /** One local day, midnight to midnight. */
  | 'DAY'
  /** One ISO week, Monday 00:00 to the next Monday 00:00, local time. */
  | 'WEEK';

/** Where a delivery stands. */
export type WebhookDeliveryStatus =
  /** An attempt got a 2xx answer in time. */
  | 'DELIVERED'
  /** Every attempt failed; only a replay sends it again. */
  | 'FAILED'
  /** Not delivered yet: an attempt is due (nextAttemptAt) or under way. */
  | 'PENDING';

/** An endpoint, by id. */
export type WebhookEndpointIdInput = {
  /** The endpoint’s id. */
  id: string | number;
};

/** Why an attempt to send an event failed. */
export type WebhookErrorClass =
  /** The endpoint answered with a status other than 2xx. */
  | 'HTTP_STATUS'
  /** The connection failed: name not resolved, refused, reset, or a TLS error. */
  | 'NETWORK'
  /** The endpoint answered with a redirect (3xx), which is never followed. */
  | 'REDIRECT'
  /** The address is private, loopback, link-local or a metadata address, and was not contacted. */
  | 'REFUSED_DESTINATION'
  /** No answer within 10 seconds. */
  | 'TIMEOUT';

/** The release to withdraw. */
export type WithdrawPressReleaseInput = {
  /** Identifier of the release. */
  id: string | number;
};

export type CreateOrganizationMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;

export type CreateOrganizationMutation = { createOrganization: { id: string; name: string } };

export type LogOutMutationVariables = Exact<{ [key: string]: never }>;

export type LogOutMutation = { logOut: boolean };

export type CheckContentQueryVariables = Exact<{
  input: CheckContentInput;
}>;

export type CheckContentQuery = {
  checkContent: {
    blocked: boolean;
    violations: Array<{
      start: number;
      end: number;
      kind: ContentRuleKind;
      message: string;
      ruleId: string;
      severity: ContentRuleSeverity;
    }>;
  };
};

export type WorkspaceQueryVariables = Exact<{ [key: string]: never }>;

export type WorkspaceQuery = {
  me: {
    user: { id: string; displayName: string; email: string; locale: Locale };
    agencies: Array<{ role: AgencyRole; agency: { id: string; name: string } }>;
    organizations: Array<{ roles: Array<OrganizationRole>; organization: { id: string; name: string; timezone: string } }>;
  };
};

export type AgencyOrganizationsQueryVariables = Exact<{ [key: string]: never }>;

export type AgencyOrganizationsQuery = {
  organizations: { edges: Array<{ node: { id: string; name: string; timezone: string; locale: Locale } }> };
};

export type AcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;

export type AcceptInvitationMutation = {
  acceptInvitation: {
    newAccount: boolean;
    userId: string;
    session: { accessToken: string; refreshToken: string; expiresIn: number; userId: string } | null;
  };
};

export type LogInMutationVariables = Exact<{
  input: LogInInput;
}>;

export type LogInMutation = { logIn: { accessToken: string; refreshToken: string; expiresIn: number; userId: string } };

export type OrganizationOverviewQueryVariables = Exact<{ [key: string]: never }>;

export type OrganizationOverviewQuery = {
  organization: { id: string; name: string; timezone: string; createdAt: string } | null;
  maturityRadar: {
    source: MaturityScoreSource;
    at: string;
    overallScore: number | null;
    levelName: string | null;
    axes: Array<{ dimensionKey: string; title: string; score: number | null }>;
  } | null;
};

export type RequestPasswordResetMutationVariables = Exact<{
  input: RequestPasswordResetInput;
}>;

export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;

export type ResetPasswordMutation = { resetPassword: boolean };

export type PortfolioQueryVariables = Exact<{ [key: string]: never }>;

export type PortfolioQuery = {
  portfolio: {
    totalCount: number;
    edges: Array<{
      node: {
        organizationId: string;
        name: string;
        trend: number | null;
        lastAssessment: { score: number | null; level: number | null; levelName: string | null; finalizedAt: string } | null;
        weakestDimension: { key: string; title: string; score: number } | null;
      };
    }>;
  };
};

export type MaturityComparisonQueryVariables = Exact<{
  organizationId: string | number;
}>;

export type MaturityComparisonQuery = {
  maturityComparison: {
    organizationCount: number;
    overall: { score: number | null; agencyAverage: number | null };
    dimensions: Array<{ dimensionKey: string; title: string; score: number | null; agencyAverage: number | null }>;
  } | null;
};

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;

export type SignUpMutation = { signUp: { accessToken: string; refreshToken: string; expiresIn: number; userId: string } };

export type NetworkAccountsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;

export type NetworkAccountsQuery = {
  networkAccounts: {
    edges: Array<{
      node: {
        id: string;
        network: string;
        handle: string;
        displayName: string | null;
        serviceUrl: string;
        status: NetworkAccountStatus;
        lastError: string | null;
        lastCheckedAt: string | null;
        rateLimitedUntil: string | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  networks: Array<{ id: string; displayName: string; authKind: string; defaultServiceUrl: string | null }>;
};

export type ConnectNetworkAccountMutationVariables = Exact<{
  input: ConnectNetworkAccountInput;
}>;

export type ConnectNetworkAccountMutation = { connectNetworkAccount: { id: string; status: NetworkAccountStatus } };

export type StartNetworkOAuthMutationVariables = Exact<{
  input: StartNetworkOAuthInput;
}>;

export type StartNetworkOAuthMutation = { startNetworkOAuth: { authorizationUrl: string } };

export type NetworkAccountChoiceQueryVariables = Exact<{
  id: string | number;
}>;

export type NetworkAccountChoiceQuery = {
  networkAccountChoice: {
    id: string;
    network: string;
    expiresAt: string;
    targets: Array<{ id: string; kind: string; name: string; handle: string | null; url: string | null }>;
  };
};

export type ChooseNetworkAccountTargetMutationVariables = Exact<{
  input: ChooseNetworkAccountTargetInput;
}>;

export type ChooseNetworkAccountTargetMutation = {
  chooseNetworkAccountTarget: { id: string; handle: string; status: NetworkAccountStatus };
};

export type CheckNetworkAccountMutationVariables = Exact<{
  input: CheckNetworkAccountInput;
}>;

export type CheckNetworkAccountMutation = {
  checkNetworkAccount: { id: string; status: NetworkAccountStatus; lastError: string | null; lastCheckedAt: string | null };
};

export type DisconnectNetworkAccountMutationVariables = Exact<{
  input: DisconnectNetworkAccountInput;
}>;

export type DisconnectNetworkAccountMutation = { disconnectNetworkAccount: { id: string } };

export type ApiKeysQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ApiKeysQuery = {
  apiKeys: {
    edges: Array<{
      node: {
        id: string;
        name: string;
        displayPrefix: string;
        scopes: Array<ApiKeyScope>;
        organizationId: string | null;
        createdAt: string;
        expiresAt: string | null;
        revokedAt: string | null;
        lastUsedAt: string | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;

export type CreateApiKeyMutation = { createApiKey: { secret: string; apiKey: { id: string; name: string; displayPrefix: string } } };

export type RevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;

export type RevokeApiKeyMutation = { revokeApiKey: { id: string; revokedAt: string | null } };

export type AgencyMembersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type AgencyMembersQuery = {
  agencyMembers: {
    edges: Array<{
      node: { userId: string; role: AgencyRole; joinedAt: string; user: { id: string; displayName: string; email: string } };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type InviteAgencyMemberMutationVariables = Exact<{
  input: InviteAgencyMemberInput;
}>;

export type InviteAgencyMemberMutation = {
  inviteAgencyMember: {
    acceptUrl: string;
    emailed: boolean;
    invitation: { id: string; email: string; agencyRole: AgencyRole | null; roles: Array<OrganizationRole> | null; expiresAt: string };
  };
};

export type AgencyInvitationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type AgencyInvitationsQuery = {
  agencyInvitations: {
    edges: Array<{
      node: {
        id: string;
        email: string;
        agencyRole: AgencyRole | null;
        status: InvitationStatus;
        expiresAt: string;
        invitedBy: { displayName: string } | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type ResendAgencyInvitationMutationVariables = Exact<{
  input: ResendInvitationInput;
}>;

export type ResendAgencyInvitationMutation = {
  resendAgencyInvitation: {
    acceptUrl: string;
    emailed: boolean;
    invitation: { id: string; email: string; status: InvitationStatus; expiresAt: string };
  };
};

export type RevokeAgencyInvitationMutationVariables = Exact<{
  input: RevokeInvitationInput;
}>;

export type RevokeAgencyInvitationMutation = { revokeAgencyInvitation: { id: string; status: InvitationStatus } };

export type ChangeAgencyMemberRoleMutationVariables = Exact<{
  input: ChangeAgencyMemberRoleInput;
}>;

export type ChangeAgencyMemberRoleMutation = { changeAgencyMemberRole: { userId: string; role: AgencyRole } };

export type RemoveAgencyMemberMutationVariables = Exact<{
  input: RemoveMemberInput;
}>;

export type RemoveAgencyMemberMutation = { removeAgencyMember: { userId: string } };

export type OrganizationMembersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type OrganizationMembersQuery = {
  organization: { id: string; myRoles: Array<OrganizationRole> } | null;
  members: {
    edges: Array<{
      node: { userId: string; roles: Array<OrganizationRole>; joinedAt: string; user: { id: string; displayName: string; email: string } };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type InviteMemberMutationVariables = Exact<{
  input: InviteMemberInput;
}>;

export type InviteMemberMutation = {
  inviteMember: {
    acceptUrl: string;
    emailed: boolean;
    invitation: { id: string; email: string; agencyRole: AgencyRole | null; roles: Array<OrganizationRole> | null; expiresAt: string };
  };
};

export type OrganizationInvitationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type OrganizationInvitationsQuery = {
  invitations: {
    edges: Array<{
      node: {
        id: string;
        email: string;
        roles: Array<OrganizationRole> | null;
        status: InvitationStatus;
        expiresAt: string;
        invitedBy: { displayName: string } | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type ResendInvitationMutationVariables = Exact<{
  input: ResendInvitationInput;
}>;

export type ResendInvitationMutation = {
  resendInvitation: {
    acceptUrl: string;
    emailed: boolean;
    invitation: { id: string; email: string; status: InvitationStatus; expiresAt: string };
  };
};

export type RevokeInvitationMutationVariables = Exact<{
  input: RevokeInvitationInput;
}>;

export type RevokeInvitationMutation = { revokeInvitation: { id: string; status: InvitationStatus } };

export type ChangeMemberRolesMutationVariables = Exact<{
  input: ChangeMemberRolesInput;
}>;

export type ChangeMemberRolesMutation = { changeMemberRoles: { userId: string; roles: Array<OrganizationRole> } };

export type RemoveMemberMutationVariables = Exact<{
  input: RemoveMemberInput;
}>;

export type RemoveMemberMutation = { removeMember: { userId: string } };

export type MaturityModelsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type MaturityModelsQuery = {
  maturityModels: {
    edges: Array<{
      node: {
        id: string;
        name: string;
        builtIn: boolean;
        latestPublishedVersion: number | null;
        draftVersion: number | null;
        updatedAt: string;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type MaturityModelQueryVariables = Exact<{
  id: string | number;
}>;

export type MaturityModelQuery = {
  maturityModel: {
    id: string;
    name: string;
    builtIn: boolean;
    latestPublishedVersion: number | null;
    draftVersion: number | null;
    versions: Array<{
      version: number;
      status: MaturityModelVersionStatus;
      createdAt: string;
      publishedAt: string | null;
      content: Record<string, unknown>;
    }>;
  } | null;
};

export type ExportMaturityModelQueryVariables = Exact<{
  modelId: string | number;
  version?: number | null | undefined;
}>;

export type ExportMaturityModelQuery = { exportMaturityModel: string };

export type CreateMaturityModelMutationVariables = Exact<{
  input: CreateMaturityModelInput;
}>;

export type CreateMaturityModelMutation = { createMaturityModel: { id: string } };

export type ImportMaturityModelMutationVariables = Exact<{
  input: ImportMaturityModelInput;
}>;

export type ImportMaturityModelMutation = { importMaturityModel: { id: string } };

export type UpdateMaturityModelDraftMutationVariables = Exact<{
  input: UpdateMaturityModelDraftInput;
}>;

export type UpdateMaturityModelDraftMutation = { updateMaturityModelDraft: { version: number; status: MaturityModelVersionStatus } };

export type PublishMaturityModelVersionMutationVariables = Exact<{
  input: PublishMaturityModelVersionInput;
}>;

export type PublishMaturityModelVersionMutation = { publishMaturityModelVersion: { version: number; status: MaturityModelVersionStatus } };

export type UpdateMyLocaleMutationVariables = Exact<{
  input: UpdateMeInput;
}>;

export type UpdateMyLocaleMutation = { updateMe: { id: string; locale: Locale } };

export type CommunityChartsQueryVariables = Exact<{
  from: string;
  to: string;
  interval: VolumeInterval;
}>;

export type CommunityChartsQuery = {
  mentionVolume: {
    timeZone: string;
    buckets: Array<{ date: string; total: number; positive: number; neutral: number; negative: number; averageSentiment: number | null }>;
  };
  shareOfVoice: {
    total: number;
    sides: Array<{ kind: ShareOfVoiceSideKind; competitorId: string | null; name: string; mentions: number; share: number }>;
  };
};

export type InboxItemsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  status?: InboxStatus | null | undefined;
  severity?: CommentSeverity | null | undefined;
  overdue?: boolean | null | undefined;
}>;

export type InboxItemsQuery = {
  inboxItems: {
    edges: Array<{
      node: {
        id: string;
        kind: InboxItemKind;
        source: string;
        authorHandle: string;
        authorName: string | null;
        text: string;
        url: string | null;
        receivedAt: string;
        severity: CommentSeverity;
        severityReason: string | null;
        status: InboxStatus;
        dueAt: string;
        overdue: boolean;
        responsibleRole: OrganizationRole;
        assigneeId: string | null;
        version: number;
        replies: Array<{ id: string; text: string; status: string; error: string | null }>;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  members: { edges: Array<{ node: { userId: string; user: { displayName: string } } }> };
};

export type InboxReplyTemplatesQueryVariables = Exact<{
  network?: string | null | undefined;
  severity?: CommentSeverity | null | undefined;
}>;

export type InboxReplyTemplatesQuery = {
  replyTemplates: Array<{ channel: string; language: string; severity: CommentSeverity; text: string }>;
};

export type AssignInboxItemMutationVariables = Exact<{
  input: AssignInboxItemInput;
}>;

export type AssignInboxItemMutation = { assignInboxItem: { id: string; status: InboxStatus; assigneeId: string | null } };

export type ReplyToInboxItemMutationVariables = Exact<{
  input: ReplyToInboxItemInput;
}>;

export type ReplyToInboxItemMutation = { replyToInboxItem: { id: string; status: InboxStatus } };

export type DismissInboxItemMutationVariables = Exact<{
  input: DismissInboxItemInput;
}>;

export type DismissInboxItemMutation = { dismissInboxItem: { id: string; status: InboxStatus } };

export type InfluencersQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  leaning?: SentimentLeaning | null | undefined;
}>;

export type InfluencersQuery = {
  mentionAuthors: {
    edges: Array<{
      node: {
        id: string;
        handle: string;
        name: string | null;
        source: string;
        reach: number | null;
        mentions: number;
        score: number;
        leaning: SentimentLeaning;
        tags: Array<MentionAuthorTag>;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type ListeningQueriesQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;

export type ListeningQueriesQuery = {
  listeningQueries: {
    edges: Array<{
      node: {
        id: string;
        name: string;
        kind: ListeningQueryKind;
        query: string;
        active: boolean;
        sources: Array<string>;
        competitorId: string | null;
        lastRunAt: string | null;
        sourceStates: Array<{ accountId: string; network: string; lastError: string | null; mentionsAdded: number }>;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type ListeningFormChoicesQueryVariables = Exact<{ [key: string]: never }>;

export type ListeningFormChoicesQuery = {
  competitors: { edges: Array<{ node: { id: string; name: string } }> };
  networks: Array<{ id: string; displayName: string; capabilities: Array<string> }>;
};

export type CreateListeningQueryMutationVariables = Exact<{
  input: CreateListeningQueryInput;
}>;

export type CreateListeningQueryMutation = { createListeningQuery: { id: string } };

export type CheckListeningQueryQueryVariables = Exact<{
  query: string;
}>;

export type CheckListeningQueryQuery = { checkListeningQuery: { valid: boolean; message: string | null; position: number | null } };

export type UpdateListeningQueryMutationVariables = Exact<{
  input: UpdateListeningQueryInput;
}>;

export type UpdateListeningQueryMutation = { updateListeningQuery: { id: string } };

export type DeleteListeningQueryMutationVariables = Exact<{
  input: ListeningQueryIdInput;
}>;

export type DeleteListeningQueryMutation = { deleteListeningQuery: { id: string } };

export type MentionStreamQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  source?: string | null | undefined;
  sentiment?: SentimentLabel | null | undefined;
  queryId?: string | number | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  text?: string | null | undefined;
}>;

export type MentionStreamQuery = {
  mentions: {
    edges: Array<{
      node: {
        id: string;
        source: string;
        authorHandle: string;
        authorName: string | null;
        text: string;
        url: string | null;
        publishedAt: string;
        sentiment: SentimentLabel | null;
        reach: number | null;
        language: string | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  mentionFacets: {
    total: number;
    sources: Array<{ value: string | null; label: string | null; count: number }>;
    sentiments: Array<{ value: string | null; label: string | null; count: number }>;
    queries: Array<{ value: string | null; label: string | null; count: number }>;
  };
};

export type CommunityOrganizationQueryVariables = Exact<{ [key: string]: never }>;

export type CommunityOrganizationQuery = { organization: { id: string; name: string; timezone: string } | null };

export type ContentItemPublicationsQueryVariables = Exact<{
  itemId: string | number;
  after?: string | null | undefined;
}>;

export type ContentItemPublicationsQuery = {
  publications: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      node: {
        id: string;
        network: string;
        status: PublicationStatus;
        dueAt: string;
        publishedAt: string | null;
        deletedAt: string | null;
        attempts: number;
        lastError: string | null;
        lastErrorKind: string | null;
        externalUrl: string | null;
        waitsFor: string | null;
        upload: { attachment: number; attachments: number; percent: number } | null;
        attemptLog: Array<{ number: number; outcome: string | null; errorKind: string | null; message: string | null; startedAt: string }>;
      };
    }>;
  };
};

export type ContentRetryPublicationMutationVariables = Exact<{
  input: PublicationIdInput;
}>;

export type ContentRetryPublicationMutation = { retryPublication: { id: string; status: PublicationStatus } };

export type ContentDeletePublishedPostMutationVariables = Exact<{
  input: PublicationIdInput;
}>;

export type ContentDeletePublishedPostMutation = { deletePublishedPost: { id: string; deletedAt: string | null } };

export type ContentUnscheduleItemMutationVariables = Exact<{
  input: UnscheduleContentItemInput;
}>;

export type ContentUnscheduleItemMutation = { unscheduleContentItem: Array<{ id: string; status: PublicationStatus }> };

export type ContentCancelItemMutationVariables = Exact<{
  input: CancelContentItemInput;
}>;

export type ContentCancelItemMutation = { cancelContentItem: { id: string; status: ContentStatus } };

export type ContentOrganizationQueryVariables = Exact<{ [key: string]: never }>;

export type ContentOrganizationQuery = { organization: { id: string; name: string; timezone: string } | null };

export type ContentCalendarQueryVariables = Exact<{
  input: ContentCalendarInput;
}>;

export type ContentCalendarQuery = {
  contentCalendar: {
    truncated: boolean;
    entries: Array<{
      at: string;
      itemId: string;
      itemStatus: ContentStatus;
      title: string;
      network: string | null;
      networkAccountId: string | null;
      publicationId: string | null;
      publicationStatus: PublicationStatus | null;
      theme: string | null;
      campaign: string | null;
      externalUrl: string | null;
    }>;
  };
};

export type RescheduleContentItemMutationVariables = Exact<{
  input: RescheduleContentItemInput;
}>;

export type RescheduleContentItemMutation = { rescheduleContentItem: Array<{ id: string; dueAt: string; status: PublicationStatus }> };

export type ScheduleContentItemMutationVariables = Exact<{
  input: ScheduleContentItemInput;
}>;

export type ScheduleContentItemMutation = { scheduleContentItem: Array<{ id: string; dueAt: string; status: PublicationStatus }> };

export type ContentItemsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  status?: ContentStatus | null | undefined;
  source?: ContentSource | null | undefined;
}>;

export type ContentItemsQuery = {
  contentItems: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      node: {
        id: string;
        title: string;
        brief: string;
        theme: string | null;
        campaign: string | null;
        plannedFor: string | null;
        status: ContentStatus;
        source: ContentSource;
        revision: number;
        triage: ContentTriage | null;
        triageReason: string | null;
        createdAt: string;
        variants: Array<{ id: string; network: string }>;
      };
    }>;
  };
};

export type ContentItemQueryVariables = Exact<{
  id: string | number;
}>;

export type ContentItemQuery = {
  contentItem: {
    id: string;
    title: string;
    brief: string;
    theme: string | null;
    campaign: string | null;
    objectiveId: string | null;
    segmentId: string | null;
    plannedFor: string | null;
    status: ContentStatus;
    source: ContentSource;
    revision: number;
    variants: Array<{
      id: string;
      network: string;
      networkAccountId: string | null;
      text: string;
      linkUrl: string | null;
      mediaIds: Array<string>;
      longForm: boolean;
      blocked: boolean;
      options: Array<{ name: string; value: string }>;
      findings: Array<{ severity: ContentFindingSeverity; rule: string; message: string; spans: Array<{ start: number; end: number }> }>;
    }>;
  } | null;
};

export type ContentEditorChoicesQueryVariables = Exact<{ [key: string]: never }>;

export type ContentEditorChoicesQuery = {
  networks: Array<{
    id: string;
    displayName: string;
    textMaxLength: number;
    textCounting: string;
    options: Array<{
      name: string;
      type: NetworkOptionType;
      label: string;
      description: string | null;
      values: Array<string>;
      maxLength: number | null;
      required: boolean;
    }>;
  }>;
  networkAccounts: {
    edges: Array<{ node: { id: string; network: string; handle: string; displayName: string | null; status: NetworkAccountStatus } }>;
  };
  objectives: { edges: Array<{ node: { id: string; title: string } }> };
  audienceSegments: { edges: Array<{ node: { id: string; name: string } }> };
};

export type CreateContentItemMutationVariables = Exact<{
  input: CreateContentItemInput;
}>;

export type CreateContentItemMutation = { createContentItem: { id: string } };

export type UpdateContentItemMutationVariables = Exact<{
  input: UpdateContentItemInput;
}>;

export type UpdateContentItemMutation = { updateContentItem: { id: string; status: ContentStatus; revision: number } };

export type SetContentVariantMutationVariables = Exact<{
  input: SetContentVariantInput;
}>;

export type SetContentVariantMutation = { setVariant: { id: string; longForm: boolean; blocked: boolean } };

export type SubmitContentItemMutationVariables = Exact<{
  input: ContentItemInput;
}>;

export type SubmitContentItemMutation = { submitContentItem: { id: string; status: ContentStatus } };

export type MediaAssetsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;

export type MediaAssetsQuery = {
  mediaAssets: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      node: {
        id: string;
        fileName: string | null;
        contentType: string;
        byteSize: number;
        width: number;
        height: number;
        downloadUrl: string;
        createdAt: string;
      };
    }>;
  };
};

export type ApproveContentItemMutationVariables = Exact<{
  input: ApproveContentItemInput;
}>;

export type ApproveContentItemMutation = { approveContentItem: { itemId: string; status: string; complete: boolean } };

export type RejectContentItemMutationVariables = Exact<{
  input: RejectContentItemInput;
}>;

export type RejectContentItemMutation = { rejectContentItem: { itemId: string; status: string; complete: boolean } };

export type CreateApprovalLinkMutationVariables = Exact<{
  input: CreateApprovalLinkInput;
}>;

export type CreateApprovalLinkMutation = {
  createApprovalLink: { id: string; url: string; emailed: boolean; recipientEmail: string; expiresAt: string; recipientName: string };
};

export type CrisisPauseQueryVariables = Exact<{ [key: string]: never }>;

export type CrisisPauseQuery = {
  crisisPause: {
    active: boolean;
    reason: string | null;
    pausedAt: string | null;
    resumedAt: string | null;
    held: Array<{ id: string; itemId: string; network: string; dueAt: string; status: PublicationStatus }>;
    publishing: Array<{ id: string; itemId: string; network: string; dueAt: string; status: PublicationStatus }>;
  };
};

export type SetCrisisPauseMutationVariables = Exact<{
  input: SetCrisisPauseInput;
}>;

export type SetCrisisPauseMutation = { setCrisisPause: { active: boolean } };

export type ResumeAfterCrisisPauseMutationVariables = Exact<{
  input: ResumeAfterCrisisPauseInput;
}>;

export type ResumeAfterCrisisPauseMutation = {
  resumeAfterCrisisPause: { released: Array<{ id: string }>; crisisPause: { active: boolean } };
};

export type SuggestContentIdeaMutationVariables = Exact<{
  input: SuggestContentIdeaInput;
}>;

export type SuggestContentIdeaMutation = { suggestContentIdea: { id: string } };

export type TriageContentIdeaMutationVariables = Exact<{
  input: TriageContentIdeaInput;
}>;

export type TriageContentIdeaMutation = { triageContentIdea: { id: string; triage: ContentTriage | null } };

export type EvaluationAssessmentQueryVariables = Exact<{
  id: string | number;
}>;

export type EvaluationAssessmentQuery = {
  assessment: {
    id: string;
    status: AssessmentStatus;
    startedAt: string;
    assessedAt: string | null;
    answeredCount: number;
    questionCount: number;
    overallScore: number | null;
    previousOverallScore: number | null;
    model: { name: string; version: number };
    level: { number: number; name: string; description: string } | null;
    dimensions: Array<{
      key: string;
      title: string;
      description: string;
      score: number | null;
      criteria: Array<{
        key: string;
        kind: CriterionKind;
        title: string;
        question: string | null;
        answerValue: number | null;
        detail: string | null;
        evidenceKey: string | null;
        score: number | null;
        scale: Array<{ value: number; label: string; meaning: string }>;
      }>;
    }>;
    answers: Array<{ criterionKey: string; value: number; comment: string | null }>;
    evidence: Array<{ key: string; value: string | null; explanation: string; score: number }>;
    recommendations: Array<{
      criterionKey: string;
      criterionTitle: string;
      dimensionTitle: string;
      gain: number;
      text: string;
      roadmapStep: { number: number; title: string } | null;
    }>;
    trend: Array<{ dimensionKey: string; delta: number | null }>;
  } | null;
};

export type EvaluationAnswerMutationVariables = Exact<{
  input: AnswerAssessmentCriterionInput;
}>;

export type EvaluationAnswerMutation = { answerAssessmentCriterion: { id: string; answeredCount: number } };

export type EvaluationFinalizeMutationVariables = Exact<{
  input: FinalizeAssessmentInput;
}>;

export type EvaluationFinalizeMutation = { finalizeAssessment: { id: string; status: AssessmentStatus } };

export type EvaluationReportLinkQueryVariables = Exact<{
  input: AssessmentReportInput;
}>;

export type EvaluationReportLinkQuery = { assessmentReportLink: { url: string; filename: string } };

export type EvaluationAssessmentsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;

export type EvaluationAssessmentsQuery = {
  assessments: {
    edges: Array<{
      node: {
        id: string;
        status: AssessmentStatus;
        startedAt: string;
        assessedAt: string | null;
        overallScore: number | null;
        answeredCount: number;
        questionCount: number;
        level: { number: number; name: string } | null;
        model: { id: string; name: string; version: number };
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type EvaluationScoreHistoryQueryVariables = Exact<{ [key: string]: never }>;

export type EvaluationScoreHistoryQuery = {
  assessments: { edges: Array<{ node: { id: string; status: AssessmentStatus; assessedAt: string | null; overallScore: number | null } }> };
  maturityRadar: { at: string; overallScore: number | null; level: number | null; levelName: string | null } | null;
};

export type EvaluationModelsQueryVariables = Exact<{ [key: string]: never }>;

export type EvaluationModelsQuery = {
  maturityModels: { edges: Array<{ node: { id: string; name: string; builtIn: boolean; latestPublishedVersion: number | null } }> };
};

export type EvaluationStartMutationVariables = Exact<{
  input: StartAssessmentInput;
}>;

export type EvaluationStartMutation = { startAssessment: { id: string } };

export type EvaluationRecomputeLiveScoreMutationVariables = Exact<{ [key: string]: never }>;

export type EvaluationRecomputeLiveScoreMutation = {
  recomputeLiveScore: {
    computedAt: string;
    overallScore: number | null;
    measuredScore: number | null;
    level: number | null;
    measuredLevel: number | null;
    levelCapped: boolean;
    coverage: { evidence: number; assessment: number; unknown: number } | null;
  };
};

export type EvaluationLiveHistoryQueryVariables = Exact<{
  organizationId: string | number;
  from: string;
  after?: string | null | undefined;
}>;

export type EvaluationLiveHistoryQuery = {
  liveScoreHistory: {
    edges: Array<{
      node: {
        computedAt: string;
        overallScore: number | null;
        level: number | null;
        coverage: { evidence: number; assessment: number; unknown: number } | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type PoliciesListQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;

export type PoliciesListQuery = {
  policies: {
    edges: Array<{
      node: {
        id: string;
        kind: PolicyKind;
        language: Locale;
        status: PolicyVersionStatus;
        updatedAt: string;
        latestVersion: { id: string; number: number; title: string } | null;
        publishedVersion: { id: string; number: number } | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type PoliciesToAcknowledgeQueryVariables = Exact<{ [key: string]: never }>;

export type PoliciesToAcknowledgeQuery = {
  policiesToAcknowledge: Array<{ id: string; policyId: string; number: number; title: string; publishedAt: string | null }>;
};

export type PoliciesCreateMutationVariables = Exact<{
  input: CreatePolicyInput;
}>;

export type PoliciesCreateMutation = { createPolicy: { id: string } };

export type PoliciesAcknowledgeMutationVariables = Exact<{
  input: PolicyVersionInput;
}>;

export type PoliciesAcknowledgeMutation = { acknowledgePolicyVersion: { versionId: string; acknowledgedAt: string } };

export type PolicyDetailQueryVariables = Exact<{
  id: string | number;
}>;

export type PolicyDetailQuery = {
  policy: {
    id: string;
    kind: PolicyKind;
    language: Locale;
    status: PolicyVersionStatus;
    createdAt: string;
    latestVersion: { id: string; number: number; status: PolicyVersionStatus } | null;
    publishedVersion: { id: string; number: number } | null;
  } | null;
};

export type PolicyVersionListQueryVariables = Exact<{
  policyId: string | number;
  first: number;
  after?: string | null | undefined;
}>;

export type PolicyVersionListQuery = {
  policyVersions: {
    edges: Array<{
      node: {
        id: string;
        number: number;
        status: PolicyVersionStatus;
        title: string;
        createdAt: string;
        submittedAt: string | null;
        approvedAt: string | null;
        publishedAt: string | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type PolicyVersionTextQueryVariables = Exact<{
  id: string | number;
}>;

export type PolicyVersionTextQuery = {
  policyVersion: {
    id: string;
    number: number;
    status: PolicyVersionStatus;
    title: string;
    editable: boolean;
    returnComment: string | null;
    sections: Array<{ key: string; title: string; body: string }>;
    review: { kind: PolicyReviewKind; verdict: PolicyReviewVerdict | null; comment: string | null } | null;
  } | null;
};

export type PolicyHistoryListQueryVariables = Exact<{
  policyId: string | number;
  first: number;
  after?: string | null | undefined;
}>;

export type PolicyHistoryListQuery = {
  policyHistory: {
    edges: Array<{
      node: {
        id: string;
        action: PolicyEventAction;
        actorType: ActorType;
        comment: string | null;
        fromStatus: PolicyVersionStatus | null;
        toStatus: PolicyVersionStatus;
        occurredAt: string;
        versionNumber: number;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type PolicyAcknowledgementListQueryVariables = Exact<{
  policyId: string | number;
  first: number;
  after?: string | null | undefined;
}>;

export type PolicyAcknowledgementListQuery = {
  policyAcknowledgements: {
    acknowledgedCount: number;
    pendingCount: number;
    memberCount: number;
    share: number;
    version: { id: string; number: number } | null;
    pending: {
      edges: Array<{ node: { userId: string; displayName: string; joinedAt: string } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
};

export type PolicyUpdateDraftMutationVariables = Exact<{
  input: UpdatePolicyDraftInput;
}>;

export type PolicyUpdateDraftMutation = { updatePolicyDraft: { id: string } };

export type PolicySubmitMutationVariables = Exact<{
  input: PolicyVersionInput;
}>;

export type PolicySubmitMutation = { submitPolicyForReview: { id: string; status: PolicyVersionStatus } };

export type PolicyApproveMutationVariables = Exact<{
  input: ApprovePolicyVersionInput;
}>;

export type PolicyApproveMutation = { approvePolicyVersion: { id: string; status: PolicyVersionStatus } };

export type PolicyReturnToDraftMutationVariables = Exact<{
  input: ReturnPolicyToDraftInput;
}>;

export type PolicyReturnToDraftMutation = { returnPolicyToDraft: { id: string; status: PolicyVersionStatus } };

export type PolicyPublishMutationVariables = Exact<{
  input: PolicyVersionInput;
}>;

export type PolicyPublishMutation = { publishPolicyVersion: { id: string; status: PolicyVersionStatus } };

export type PolicyStartRevisionMutationVariables = Exact<{
  input: StartPolicyRevisionInput;
}>;

export type PolicyStartRevisionMutation = { startPolicyRevision: { id: string } };

export type PoliciesCommentRulesQueryVariables = Exact<{ [key: string]: never }>;

export type PoliciesCommentRulesQuery = {
  commentHandlingRules: {
    updatedAt: string | null;
    rules: Array<{
      channel: string;
      severity: CommentSeverity;
      responseMinutes: number;
      businessHours: boolean;
      responsibleRole: OrganizationRole;
      escalate: boolean;
      replyTemplates: Array<{ language: Locale; text: string }>;
    }>;
  };
};

export type PoliciesSetCommentRulesMutationVariables = Exact<{
  input: SetCommentHandlingRulesInput;
}>;

export type PoliciesSetCommentRulesMutation = {
  setCommentHandlingRules: {
    updatedAt: string | null;
    rules: Array<{
      channel: string;
      severity: CommentSeverity;
      responseMinutes: number;
      businessHours: boolean;
      responsibleRole: OrganizationRole;
      escalate: boolean;
      replyTemplates: Array<{ language: Locale; text: string }>;
    }>;
  };
};

export type PoliciesContentRulesQueryVariables = Exact<{ [key: string]: never }>;

export type PoliciesContentRulesQuery = {
  contentRules: {
    version: number;
    updatedAt: string | null;
    rules: Array<Record<string, unknown>>;
    brandVoiceRules: Array<Record<string, unknown>>;
  };
};

export type PoliciesSetContentRulesMutationVariables = Exact<{
  input: SetContentRulesInput;
}>;

export type PoliciesSetContentRulesMutation = {
  setContentRules: {
    version: number;
    updatedAt: string | null;
    rules: Array<Record<string, unknown>>;
    brandVoiceRules: Array<Record<string, unknown>>;
  };
};

export type PoliciesRuleNetworksQueryVariables = Exact<{ [key: string]: never }>;

export type PoliciesRuleNetworksQuery = { networks: Array<{ id: string; displayName: string }> };

export type PressRoomFieldsFragment = {
  id: string;
  slug: string;
  title: string;
  description: string;
  enabled: boolean;
  language: Locale;
  blogDigest: boolean;
  url: string;
  updatedAt: string;
  customDomain: {
    id: string;
    host: string;
    status: PressRoomDomainStatus;
    recordName: string;
    recordValue: string;
    claimedAt: string;
    verifiedAt: string | null;
    checkedAt: string | null;
    checkError: string | null;
  } | null;
  contacts: Array<{ id: string; name: string; role: string; email: string | null; phone: string | null }>;
  mediaKit: Array<{ id: string; mediaAssetId: string; caption: string; credit: string; publicUrl: string }>;
};

export type PressRoomPageQueryVariables = Exact<{ [key: string]: never }>;

export type PressRoomPageQuery = {
  organization: { id: string; name: string; timezone: string; myRoles: Array<OrganizationRole> } | null;
  pressRoom: {
    id: string;
    slug: string;
    title: string;
    description: string;
    enabled: boolean;
    language: Locale;
    blogDigest: boolean;
    url: string;
    updatedAt: string;
    customDomain: {
      id: string;
      host: string;
      status: PressRoomDomainStatus;
      recordName: string;
      recordValue: string;
      claimedAt: string;
      verifiedAt: string | null;
      checkedAt: string | null;
      checkError: string | null;
    } | null;
    contacts: Array<{ id: string; name: string; role: string; email: string | null; phone: string | null }>;
    mediaKit: Array<{ id: string; mediaAssetId: string; caption: string; credit: string; publicUrl: string }>;
  } | null;
};

export type UpdatePressRoomMutationVariables = Exact<{
  input: UpdatePressRoomInput;
}>;

export type UpdatePressRoomMutation = {
  updatePressRoom: {
    id: string;
    slug: string;
    title: string;
    description: string;
    enabled: boolean;
    language: Locale;
    blogDigest: boolean;
    url: string;
    updatedAt: string;
    customDomain: {
      id: string;
      host: string;
      status: PressRoomDomainStatus;
      recordName: string;
      recordValue: string;
      claimedAt: string;
      verifiedAt: string | null;
      checkedAt: string | null;
      checkError: string | null;
    } | null;
    contacts: Array<{ id: string; name: string; role: string; email: string | null; phone: string | null }>;
    mediaKit: Array<{ id: string; mediaAssetId: string; caption: string; credit: string; publicUrl: string }>;
  };
};

export type VerifyPressRoomDomainMutationVariables = Exact<{
  input: VerifyPressRoomDomainInput;
}>;

export type VerifyPressRoomDomainMutation = {
  verifyPressRoomDomain: {
    id: string;
    slug: string;
    title: string;
    description: string;
    enabled: boolean;
    language: Locale;
    blogDigest: boolean;
    url: string;
    updatedAt: string;
    customDomain: {
      id: string;
      host: string;
      status: PressRoomDomainStatus;
      recordName: string;
      recordValue: string;
      claimedAt: string;
      verifiedAt: string | null;
      checkedAt: string | null;
      checkError: string | null;
    } | null;
    contacts: Array<{ id: string; name: string; role: string; email: string | null; phone: string | null }>;
    mediaKit: Array<{ id: string; mediaAssetId: string; caption: string; credit: string; publicUrl: string }>;
  };
};

export type PressMediaAssetQueryVariables = Exact<{
  id: string | number;
}>;

export type PressMediaAssetQuery = {
  mediaAsset: { id: string; fileName: string | null; contentType: string; width: number; height: number } | null;
};

export type PressReleasesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: PressReleaseStatus | null | undefined;
}>;

export type PressReleasesQuery = {
  pressReleases: {
    totalCount: number;
    edges: Array<{
      node: {
        id: string;
        itemId: string;
        slug: string;
        title: string;
        summary: string;
        publishAt: string;
        withdrawnAt: string | null;
        status: PressReleaseStatus;
        isPublic: boolean;
        url: string;
        newsletterSentAt: string | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type PressReleaseCandidatesQueryVariables = Exact<{ [key: string]: never }>;

export type PressReleaseCandidatesQuery = {
  approved: { edges: Array<{ node: { id: string; title: string; status: ContentStatus } }> };
  scheduled: { edges: Array<{ node: { id: string; title: string; status: ContentStatus } }> };
  published: { edges: Array<{ node: { id: string; title: string; status: ContentStatus } }> };
};

export type PublishPressReleaseMutationVariables = Exact<{
  input: PublishPressReleaseInput;
}>;

export type PublishPressReleaseMutation = {
  publishPressRelease: { id: string; slug: string; title: string; status: PressReleaseStatus; url: string };
};

export type WithdrawPressReleaseMutationVariables = Exact<{
  input: WithdrawPressReleaseInput;
}>;

export type WithdrawPressReleaseMutation = { withdrawPressRelease: { id: string; status: PressReleaseStatus; withdrawnAt: string | null } };

export type NewsletterSubscribersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  state?: NewsletterSubscriberState | null | undefined;
}>;

export type NewsletterSubscribersQuery = {
  newsletterSubscriberCounts: { pending: number; confirmed: number; unsubscribed: number };
  newsletterSubscribers: {
    totalCount: number;
    edges: Array<{
      node: {
        id: string;
        email: string | null;
        name: string | null;
        state: NewsletterSubscriberState;
        lists: Array<NewsletterList>;
        createdAt: string;
        confirmedAt: string | null;
        unsubscribedAt: string | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type OrganizationSettingsQueryVariables = Exact<{ [key: string]: never }>;

export type OrganizationSettingsQuery = {
  organization: {
    id: string;
    name: string;
    timezone: string;
    locale: Locale;
    sector: string | null;
    size: OrganizationSize | null;
    status: OrganizationStatus;
    deletionRequestedAt: string | null;
    myRoles: Array<OrganizationRole>;
  } | null;
};

export type UpdateOrganizationSettingsMutationVariables = Exact<{
  input: UpdateOrganizationInput;
}>;

export type UpdateOrganizationSettingsMutation = {
  updateOrganization: { id: string; name: string; timezone: string; locale: Locale; sector: string | null; size: OrganizationSize | null };
};

export type DeleteOrganizationMutationVariables = Exact<{
  input: DeleteOrganizationInput;
}>;

export type DeleteOrganizationMutation = {
  deleteOrganization: { id: string; status: OrganizationStatus; deletionRequestedAt: string | null };
};

export type PendingDeletionsQueryVariables = Exact<{ [key: string]: never }>;

export type PendingDeletionsQuery = { organizations: { edges: Array<{ node: { id: string } }> } };

export type StrategyDocumentVersionsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type StrategyDocumentVersionsQuery = {
  strategyDocumentVersions: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      node: {
        id: string;
        number: number;
        status: StrategyVersionStatus;
        note: string | null;
        createdAt: string;
        submittedAt: string | null;
        approvedAt: string | null;
        approverName: string | null;
        approvalComment: string | null;
        returnedAt: string | null;
        returnComment: string | null;
        markdown: string;
      };
    }>;
  };
};

export type StrategyCreateDocumentVersionMutationVariables = Exact<{
  input: CreateStrategyDocumentVersionInput;
}>;

export type StrategyCreateDocumentVersionMutation = { createStrategyDocumentVersion: { id: string; number: number } };

export type StrategySubmitDocumentVersionMutationVariables = Exact<{
  input: StrategyDocumentVersionInput;
}>;

export type StrategySubmitDocumentVersionMutation = { submitStrategyDocumentVersion: { id: string; status: StrategyVersionStatus } };

export type StrategyApproveDocumentVersionMutationVariables = Exact<{
  input: ApproveStrategyDocumentVersionInput;
}>;

export type StrategyApproveDocumentVersionMutation = { approveStrategyDocumentVersion: { id: string; status: StrategyVersionStatus } };

export type StrategyReturnDocumentVersionMutationVariables = Exact<{
  input: ReturnStrategyDocumentVersionInput;
}>;

export type StrategyReturnDocumentVersionMutation = { returnStrategyDocumentVersion: { id: string; status: StrategyVersionStatus } };

export type StrategyDeleteDocumentVersionMutationVariables = Exact<{
  input: StrategyDocumentVersionInput;
}>;

export type StrategyDeleteDocumentVersionMutation = { deleteStrategyDocumentVersion: { id: string } };

export type StrategyImportKpiValuesMutationVariables = Exact<{
  input: ImportKpiValuesInput;
}>;

export type StrategyImportKpiValuesMutation = { importKpiValues: { importId: string; imported: number } };

export type StrategySetRoadmapStepStatusMutationVariables = Exact<{
  input: SetRoadmapStepStatusInput;
}>;

export type StrategySetRoadmapStepStatusMutation = {
  setRoadmapStepStatus: { key: string; status: RoadmapStepStatus; note: string | null };
};

export type StrategyTaskForceMembersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type StrategyTaskForceMembersQuery = {
  taskForceMembers: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      node: {
        id: string;
        name: string;
        role: TaskForceRole;
        roleLabel: string;
        department: string | null;
        external: boolean;
        externalContact: string | null;
      };
    }>;
  };
};

export type StrategyTaskForceChoicesQueryVariables = Exact<{ [key: string]: never }>;

export type StrategyTaskForceChoicesQuery = {
  members: { edges: Array<{ node: { userId: string; user: { displayName: string; email: string } } }> };
};

export type StrategyAddTaskForceMemberMutationVariables = Exact<{
  input: AddTaskForceMemberInput;
}>;

export type StrategyAddTaskForceMemberMutation = { addTaskForceMember: { id: string } };

export type StrategyRemoveTaskForceMemberMutationVariables = Exact<{
  input: RemoveTaskForceMemberInput;
}>;

export type StrategyRemoveTaskForceMemberMutation = { removeTaskForceMember: { id: string } };

export type StrategyRitualsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type StrategyRitualsQuery = {
  rituals: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      node: {
        id: string;
        kind: RitualKind;
        title: string;
        cadence: RitualCadence;
        weekday: number | null;
        dayOfMonth: number | null;
        time: string;
        timezone: string;
        nextOccurrence: string;
      };
    }>;
  };
};

export type StrategyCreateRitualMutationVariables = Exact<{
  input: CreateRitualInput;
}>;

export type StrategyCreateRitualMutation = { createRitual: { id: string } };

export type StrategyUpdateRitualMutationVariables = Exact<{
  input: UpdateRitualInput;
}>;

export type StrategyUpdateRitualMutation = { updateRitual: { id: string } };

export type StrategyDeleteRitualMutationVariables = Exact<{
  input: DeleteRitualInput;
}>;

export type StrategyDeleteRitualMutation = { deleteRitual: { id: string } };

export type StrategyCreateAudienceSegmentMutationVariables = Exact<{
  input: CreateAudienceSegmentInput;
}>;

export type StrategyCreateAudienceSegmentMutation = { createAudienceSegment: { id: string } };

export type StrategyUpdateAudienceSegmentMutationVariables = Exact<{
  input: UpdateAudienceSegmentInput;
}>;

export type StrategyUpdateAudienceSegmentMutation = { updateAudienceSegment: { id: string } };

export type StrategyDeleteAudienceSegmentMutationVariables = Exact<{
  input: DeleteAudienceSegmentInput;
}>;

export type StrategyDeleteAudienceSegmentMutation = { deleteAudienceSegment: { id: string } };

export type StrategyCreateNetworkPlanMutationVariables = Exact<{
  input: CreateNetworkPlanInput;
}>;

export type StrategyCreateNetworkPlanMutation = { createNetworkPlan: { id: string } };

export type StrategyUpdateNetworkPlanMutationVariables = Exact<{
  input: UpdateNetworkPlanInput;
}>;

export type StrategyUpdateNetworkPlanMutation = { updateNetworkPlan: { id: string } };

export type StrategyDeleteNetworkPlanMutationVariables = Exact<{
  input: DeleteNetworkPlanInput;
}>;

export type StrategyDeleteNetworkPlanMutation = { deleteNetworkPlan: { id: string } };

export type StrategyCreateCompetitorMutationVariables = Exact<{
  input: CreateCompetitorInput;
}>;

export type StrategyCreateCompetitorMutation = { createCompetitor: { id: string } };

export type StrategyUpdateCompetitorMutationVariables = Exact<{
  input: UpdateCompetitorInput;
}>;

export type StrategyUpdateCompetitorMutation = { updateCompetitor: { id: string } };

export type StrategyDeleteCompetitorMutationVariables = Exact<{
  input: DeleteCompetitorInput;
}>;

export type StrategyDeleteCompetitorMutation = { deleteCompetitor: { id: string } };

export type StrategySetBrandVoiceMutationVariables = Exact<{
  input: SetBrandVoiceInput;
}>;

export type StrategySetBrandVoiceMutation = {
  setBrandVoice: {
    tone: string;
    addressForm: AddressForm | null;
    wordsToUse: Array<string>;
    wordsToAvoid: Array<string>;
    updatedAt: string;
  };
};

export type StrategyNetworkChoicesQueryVariables = Exact<{ [key: string]: never }>;

export type StrategyNetworkChoicesQuery = { networks: Array<{ id: string; displayName: string }> };

export type StrategyPlanChoicesQueryVariables = Exact<{ [key: string]: never }>;

export type StrategyPlanChoicesQuery = {
  networks: Array<{ id: string; displayName: string }>;
  audienceSegments: { pageInfo: { hasNextPage: boolean }; edges: Array<{ node: { id: string; name: string } }> };
};

export type StrategyRoadmapQueryVariables = Exact<{ [key: string]: never }>;

export type StrategyRoadmapQuery = {
  roadmap: {
    doneCount: number;
    progress: number;
    steps: Array<{
      number: number;
      key: string;
      title: string;
      description: string;
      status: RoadmapStepStatus;
      manual: boolean;
      note: string | null;
      updatedAt: string | null;
      evidence: Array<{ key: string; explanation: string; measured: boolean; score: number }>;
    }>;
  };
};

export type StrategyObjectivesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type StrategyObjectivesQuery = {
  objectives: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      node: {
        id: string;
        kind: ObjectiveKind;
        title: string;
        description: string;
        metric: string;
        baseline: number;
        target: number;
        unit: string | null;
        deadline: string;
        createdAt: string;
        kpis: Array<{
          id: string;
          objectiveId: string;
          name: string;
          metric: string;
          measure: KpiMeasure | null;
          frequency: KpiFrequency;
          target: number;
          unit: string | null;
        }>;
      };
    }>;
  };
};

export type StrategyCreateObjectiveMutationVariables = Exact<{
  input: CreateObjectiveInput;
}>;

export type StrategyCreateObjectiveMutation = { createObjective: { id: string } };

export type StrategyUpdateObjectiveMutationVariables = Exact<{
  input: UpdateObjectiveInput;
}>;

export type StrategyUpdateObjectiveMutation = { updateObjective: { id: string } };

export type StrategyCreateKpiMutationVariables = Exact<{
  input: CreateKpiInput;
}>;

export type StrategyCreateKpiMutation = { createKpi: { id: string } };

export type StrategyUpdateKpiMutationVariables = Exact<{
  input: UpdateKpiInput;
}>;

export type StrategyUpdateKpiMutation = { updateKpi: { id: string } };

export type StrategyRecordKpiValueMutationVariables = Exact<{
  input: RecordKpiValueInput;
}>;

export type StrategyRecordKpiValueMutation = { recordKpiValue: { id: string } };

export type StrategyKpiProgressQueryVariables = Exact<{
  kpiId: string | number;
  from: string;
  to: string;
}>;

export type StrategyKpiProgressQuery = {
  kpiProgress: {
    kpiId: string;
    status: KpiProgressStatus;
    reason: string | null;
    target: number;
    baseline: number | null;
    periods: Array<{
      start: string;
      end: string;
      value: number | null;
      target: number;
      progress: number | null;
      onTrack: boolean | null;
      origin: KpiValueOrigin | null;
    }>;
  };
};

export type StrategyKpiValuesQueryVariables = Exact<{
  kpiId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type StrategyKpiValuesQuery = {
  kpiValues: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      node: { id: string; date: string; value: number; note: string | null; source: KpiValueSource; current: boolean; createdAt: string };
    }>;
  };
};

export type StrategyAudienceSegmentsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type StrategyAudienceSegmentsQuery = {
  audienceSegments: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { id: string; name: string; description: string; needs: string; usages: Array<AudienceUsage> } }>;
  };
};

export type StrategyNetworkPlansQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type StrategyNetworkPlansQuery = {
  networkPlans: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      node: {
        id: string;
        network: string;
        postsPerWeek: number;
        rationale: string;
        reservedHandle: string | null;
        segments: Array<{ id: string; name: string }>;
      };
    }>;
  };
};

export type StrategyCompetitorsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type StrategyCompetitorsQuery = {
  competitors: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { id: string; name: string; notes: string; handles: Array<{ network: string; handle: string }> } }>;
  };
};

export type StrategyBrandVoiceQueryVariables = Exact<{ [key: string]: never }>;

export type StrategyBrandVoiceQuery = {
  brandVoice: {
    tone: string;
    addressForm: AddressForm | null;
    wordsToUse: Array<string>;
    wordsToAvoid: Array<string>;
    updatedAt: string;
  } | null;
};

export type StrategyTaskForceQueryVariables = Exact<{ [key: string]: never }>;

export type StrategyTaskForceQuery = {
  taskForcePeople: Array<{
    name: string;
    department: string | null;
    userId: string | null;
    memberIds: Array<string>;
    roles: Array<TaskForceRole>;
    roleLabels: Array<string>;
  }>;
  nextWeeklyMeeting: {
    ritualId: string;
    localDate: string;
    time: string;
    timezone: string;
    startsAt: string;
    endsAt: string;
    durationMinutes: number;
    isoWeek: number;
    brainstormTheme: BrainstormTheme;
    agenda: Array<{
      kind: AgendaSlotKind;
      title: string;
      name: string | null;
      roles: Array<TaskForceRole>;
      theme: BrainstormTheme | null;
      startsAt: string;
      endsAt: string;
      startOffsetMinutes: number;
      endOffsetMinutes: number;
    }>;
  } | null;
};

export type StrategyDocumentViewQueryVariables = Exact<{ [key: string]: never }>;

export type StrategyDocumentViewQuery = {
  strategyDocument: { organizationName: string; language: Locale; generatedAt: string; markdown: string };
  approvedStrategy: {
    changedSinceApproval: boolean;
    version: {
      id: string;
      number: number;
      approvedAt: string | null;
      approverName: string | null;
      approvalComment: string | null;
      markdown: string;
    } | null;
  };
};

export type WebhookEventTypesQueryVariables = Exact<{ [key: string]: never }>;

export type WebhookEventTypesQuery = { webhookEventTypes: Array<{ type: string; description: string }> };

export type AgencyWebhookEndpointsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type AgencyWebhookEndpointsQuery = {
  agencyWebhookEndpoints: {
    edges: Array<{
      node: {
        id: string;
        url: string;
        description: string;
        eventTypes: Array<string>;
        enabled: boolean;
        disabledReason: string | null;
        disabledAt: string | null;
        previousSecretUntil: string | null;
        createdAt: string;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type OrganizationWebhookEndpointsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type OrganizationWebhookEndpointsQuery = {
  webhookEndpoints: {
    edges: Array<{
      node: {
        id: string;
        url: string;
        description: string;
        eventTypes: Array<string>;
        enabled: boolean;
        disabledReason: string | null;
        disabledAt: string | null;
        previousSecretUntil: string | null;
        createdAt: string;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type AgencyWebhookDeliveriesQueryVariables = Exact<{
  endpointId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type AgencyWebhookDeliveriesQuery = {
  agencyWebhookDeliveries: {
    edges: Array<{
      node: {
        id: string;
        eventType: string;
        organizationId: string;
        status: WebhookDeliveryStatus;
        attemptCount: number;
        createdAt: string;
        deliveredAt: string | null;
        nextAttemptAt: string | null;
        attempts: Array<{
          id: string;
          attemptedAt: string;
          httpStatus: number | null;
          latencyMs: number;
          responseExcerpt: string;
          errorClass: WebhookErrorClass | null;
          errorMessage: string | null;
        }>;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type OrganizationWebhookDeliveriesQueryVariables = Exact<{
  endpointId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type OrganizationWebhookDeliveriesQuery = {
  webhookDeliveries: {
    edges: Array<{
      node: {
        id: string;
        eventType: string;
        organizationId: string;
        status: WebhookDeliveryStatus;
        attemptCount: number;
        createdAt: string;
        deliveredAt: string | null;
        nextAttemptAt: string | null;
        attempts: Array<{
          id: string;
          attemptedAt: string;
          httpStatus: number | null;
          latencyMs: number;
          responseExcerpt: string;
          errorClass: WebhookErrorClass | null;
          errorMessage: string | null;
        }>;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type CreateAgencyWebhookEndpointMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;

export type CreateAgencyWebhookEndpointMutation = {
  createAgencyWebhookEndpoint: { secret: string; endpoint: { id: string; url: string } };
};

export type CreateOrganizationWebhookEndpointMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;

export type CreateOrganizationWebhookEndpointMutation = {
  createWebhookEndpoint: { secret: string; endpoint: { id: string; url: string } };
};

export type UpdateAgencyWebhookEndpointMutationVariables = Exact<{
  input: UpdateWebhookEndpointInput;
}>;

export type UpdateAgencyWebhookEndpointMutation = {
  updateAgencyWebhookEndpoint: {
    id: string;
    url: string;
    description: string;
    eventTypes: Array<string>;
    enabled: boolean;
    disabledReason: string | null;
    disabledAt: string | null;
  };
};

export type UpdateOrganizationWebhookEndpointMutationVariables = Exact<{
  input: UpdateWebhookEndpointInput;
}>;

export type UpdateOrganizationWebhookEndpointMutation = {
  updateWebhookEndpoint: {
    id: string;
    url: string;
    description: string;
    eventTypes: Array<string>;
    enabled: boolean;
    disabledReason: string | null;
    disabledAt: string | null;
  };
};

export type RotateAgencyWebhookSecretMutationVariables = Exact<{
  input: RotateWebhookSecretInput;
}>;

export type RotateAgencyWebhookSecretMutation = {
  rotateAgencyWebhookSecret: { secret: string; endpoint: { id: string; url: string; previousSecretUntil: string | null } };
};

export type RotateOrganizationWebhookSecretMutationVariables = Exact<{
  input: RotateWebhookSecretInput;
}>;

export type RotateOrganizationWebhookSecretMutation = {
  rotateWebhookSecret: { secret: string; endpoint: { id: string; url: string; previousSecretUntil: string | null } };
};

export type SendAgencyTestWebhookMutationVariables = Exact<{
  input: WebhookEndpointIdInput;
}>;

export type SendAgencyTestWebhookMutation = {
  sendAgencyTestWebhook: {
    ok: boolean;
    httpStatus: number | null;
    latencyMs: number;
    responseExcerpt: string;
    errorClass: WebhookErrorClass | null;
    errorMessage: string | null;
    webhookId: string;
  };
};

export type SendOrganizationTestWebhookMutationVariables = Exact<{
  input: WebhookEndpointIdInput;
}>;

export type SendOrganizationTestWebhookMutation = {
  sendTestWebhook: {
    ok: boolean;
    httpStatus: number | null;
    latencyMs: number;
    responseExcerpt: string;
    errorClass: WebhookErrorClass | null;
    errorMessage: string | null;
    webhookId: string;
  };
};

export type DeleteAgencyWebhookEndpointMutationVariables = Exact<{
  input: WebhookEndpointIdInput;
}>;

export type DeleteAgencyWebhookEndpointMutation = { deleteAgencyWebhookEndpoint: { id: string } };

export type DeleteOrganizationWebhookEndpointMutationVariables = Exact<{
  input: WebhookEndpointIdInput;
}>;

export type DeleteOrganizationWebhookEndpointMutation = { deleteWebhookEndpoint: { id: string } };

export type ReplayAgencyWebhookDeliveryMutationVariables = Exact<{
  input: ReplayWebhookDeliveryInput;
}>;

export type ReplayAgencyWebhookDeliveryMutation = {
  replayAgencyWebhookDelivery: { id: string; status: WebhookDeliveryStatus; attemptCount: number; nextAttemptAt: string | null };
};

export type ReplayOrganizationWebhookDeliveryMutationVariables = Exact<{
  input: ReplayWebhookDeliveryInput;
}>;

export type ReplayOrganizationWebhookDeliveryMutation = {
  replayWebhookDelivery: { id: string; status: WebhookDeliveryStatus; attemptCount: number; nextAttemptAt: string | null };
};

export const PressRoomFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PressRoomFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'PressRoom' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'language' } },
          { kind: 'Field', name: { kind: 'Name', value: 'blogDigest' } },
          { kind: 'Field', name: { kind: 'Name', value: 'url' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'customDomain' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'host' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordValue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'claimedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'verifiedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'checkedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'checkError' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'contacts' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'phone' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'mediaKit' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mediaAssetId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'caption' } },
                { kind: 'Field', name: { kind: 'Name', value: 'credit' } },
                { kind: 'Field', name: { kind: 'Name', value: 'publicUrl' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PressRoomFieldsFragment, unknown>;
export const CreateOrganizationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateOrganization' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateOrganizationInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createOrganization' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateOrganizationMutation, CreateOrganizationMutationVariables>;
export const LogOutDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'LogOut' },
      selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'logOut' } }] },
    },
  ],
} as unknown as DocumentNode<LogOutMutation, LogOutMutationVariables>;
export const CheckContentDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CheckContent' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CheckContentInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'checkContent' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'blocked' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'violations' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'start' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'end' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ruleId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CheckContentQuery, CheckContentQueryVariables>;
export const WorkspaceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Workspace' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'me' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'user' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'locale' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'agencies' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'agency' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'organizations' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'roles' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'organization' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WorkspaceQuery, WorkspaceQueryVariables>;
export const AgencyOrganizationsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AgencyOrganizations' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'organizations' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '100' } }],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'locale' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AgencyOrganizationsQuery, AgencyOrganizationsQueryVariables>;
export const AcceptInvitationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AcceptInvitation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'AcceptInvitationInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'acceptInvitation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'newAccount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'userId' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'session' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'accessToken' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'refreshToken' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'expiresIn' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'userId' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const LogInDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'LogIn' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'LogInInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'logIn' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'accessToken' } },
                { kind: 'Field', name: { kind: 'Name', value: 'refreshToken' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresIn' } },
                { kind: 'Field', name: { kind: 'Name', value: 'userId' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LogInMutation, LogInMutationVariables>;
export const OrganizationOverviewDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OrganizationOverview' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'organization' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'maturityRadar' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'overallScore' } },
                { kind: 'Field', name: { kind: 'Name', value: 'levelName' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'axes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'dimensionKey' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'score' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OrganizationOverviewQuery, OrganizationOverviewQueryVariables>;
export const RequestPasswordResetDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RequestPasswordReset' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'RequestPasswordResetInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'requestPasswordReset' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ResetPassword' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ResetPasswordInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'resetPassword' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const PortfolioDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Portfolio' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'portfolio' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '100' } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'sort' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    { kind: 'ObjectField', name: { kind: 'Name', value: 'field' }, value: { kind: 'EnumValue', value: 'SCORE' } },
                    { kind: 'ObjectField', name: { kind: 'Name', value: 'direction' }, value: { kind: 'EnumValue', value: 'DESC' } },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'organizationId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'trend' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'lastAssessment' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'score' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'level' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'levelName' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'finalizedAt' } },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'weakestDimension' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'key' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'score' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PortfolioQuery, PortfolioQueryVariables>;
export const MaturityComparisonDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MaturityComparison' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'organizationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'maturityComparison' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'organizationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'organizationId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'organizationCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'overall' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'score' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'agencyAverage' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'dimensions' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'dimensionKey' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'score' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'agencyAverage' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MaturityComparisonQuery, MaturityComparisonQueryVariables>;
export const SignUpDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SignUp' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'SignUpInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signUp' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'accessToken' } },
                { kind: 'Field', name: { kind: 'Name', value: 'refreshToken' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresIn' } },
                { kind: 'Field', name: { kind: 'Name', value: 'userId' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const NetworkAccountsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'NetworkAccounts' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'networkAccounts' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'network' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'handle' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'serviceUrl' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'lastError' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'lastCheckedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'rateLimitedUntil' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'networks' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'authKind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'defaultServiceUrl' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<NetworkAccountsQuery, NetworkAccountsQueryVariables>;
export const ConnectNetworkAccountDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ConnectNetworkAccount' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ConnectNetworkAccountInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'connectNetworkAccount' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConnectNetworkAccountMutation, ConnectNetworkAccountMutationVariables>;
export const StartNetworkOAuthDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StartNetworkOAuth' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'StartNetworkOAuthInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'startNetworkOAuth' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'authorizationUrl' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StartNetworkOAuthMutation, StartNetworkOAuthMutationVariables>;
export const NetworkAccountChoiceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'NetworkAccountChoice' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'networkAccountChoice' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'network' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'targets' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'handle' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<NetworkAccountChoiceQuery, NetworkAccountChoiceQueryVariables>;
export const ChooseNetworkAccountTargetDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ChooseNetworkAccountTarget' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ChooseNetworkAccountTargetInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'chooseNetworkAccountTarget' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'handle' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ChooseNetworkAccountTargetMutation, ChooseNetworkAccountTargetMutationVariables>;
export const CheckNetworkAccountDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CheckNetworkAccount' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CheckNetworkAccountInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'checkNetworkAccount' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastError' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastCheckedAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CheckNetworkAccountMutation, CheckNetworkAccountMutationVariables>;
export const DisconnectNetworkAccountDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DisconnectNetworkAccount' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DisconnectNetworkAccountInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'disconnectNetworkAccount' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DisconnectNetworkAccountMutation, DisconnectNetworkAccountMutationVariables>;
export const ApiKeysDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ApiKeys' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'apiKeys' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'displayPrefix' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'scopes' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'organizationId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'revokedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateApiKey' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateApiKeyInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createApiKey' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'secret' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'apiKey' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'displayPrefix' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RevokeApiKey' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'RevokeApiKeyInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'revokeApiKey' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revokedAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const AgencyMembersDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AgencyMembers' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'agencyMembers' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'userId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'joinedAt' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'user' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AgencyMembersQuery, AgencyMembersQueryVariables>;
export const InviteAgencyMemberDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'InviteAgencyMember' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'InviteAgencyMemberInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'inviteAgencyMember' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'acceptUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'emailed' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'invitation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'agencyRole' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'roles' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<InviteAgencyMemberMutation, InviteAgencyMemberMutationVariables>;
export const AgencyInvitationsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AgencyInvitations' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'agencyInvitations' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'agencyRole' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'invitedBy' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [{ kind: 'Field', name: { kind: 'Name', value: 'displayName' } }],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AgencyInvitationsQuery, AgencyInvitationsQueryVariables>;
export const ResendAgencyInvitationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ResendAgencyInvitation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ResendInvitationInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'resendAgencyInvitation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'acceptUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'emailed' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'invitation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResendAgencyInvitationMutation, ResendAgencyInvitationMutationVariables>;
export const RevokeAgencyInvitationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RevokeAgencyInvitation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'RevokeInvitationInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'revokeAgencyInvitation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RevokeAgencyInvitationMutation, RevokeAgencyInvitationMutationVariables>;
export const ChangeAgencyMemberRoleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ChangeAgencyMemberRole' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ChangeAgencyMemberRoleInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'changeAgencyMemberRole' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'userId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'role' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ChangeAgencyMemberRoleMutation, ChangeAgencyMemberRoleMutationVariables>;
export const RemoveAgencyMemberDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RemoveAgencyMember' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'RemoveMemberInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'removeAgencyMember' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'userId' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RemoveAgencyMemberMutation, RemoveAgencyMemberMutationVariables>;
export const OrganizationMembersDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OrganizationMembers' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'organization' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'myRoles' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'members' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'userId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'roles' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'joinedAt' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'user' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OrganizationMembersQuery, OrganizationMembersQueryVariables>;
export const InviteMemberDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'InviteMember' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'InviteMemberInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'inviteMember' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'acceptUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'emailed' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'invitation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'agencyRole' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'roles' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<InviteMemberMutation, InviteMemberMutationVariables>;
export const OrganizationInvitationsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OrganizationInvitations' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'invitations' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'roles' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'invitedBy' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [{ kind: 'Field', name: { kind: 'Name', value: 'displayName' } }],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OrganizationInvitationsQuery, OrganizationInvitationsQueryVariables>;
export const ResendInvitationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ResendInvitation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ResendInvitationInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'resendInvitation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'acceptUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'emailed' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'invitation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResendInvitationMutation, ResendInvitationMutationVariables>;
export const RevokeInvitationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RevokeInvitation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'RevokeInvitationInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'revokeInvitation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
export const ChangeMemberRolesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ChangeMemberRoles' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ChangeMemberRolesInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'changeMemberRoles' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'userId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'roles' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ChangeMemberRolesMutation, ChangeMemberRolesMutationVariables>;
export const RemoveMemberDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RemoveMember' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'RemoveMemberInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'removeMember' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'userId' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const MaturityModelsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MaturityModels' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'maturityModels' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'builtIn' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'latestPublishedVersion' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'draftVersion' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MaturityModelsQuery, MaturityModelsQueryVariables>;
export const MaturityModelDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MaturityModel' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'maturityModel' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'builtIn' } },
                { kind: 'Field', name: { kind: 'Name', value: 'latestPublishedVersion' } },
                { kind: 'Field', name: { kind: 'Name', value: 'draftVersion' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'versions' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'publishedAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'content' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MaturityModelQuery, MaturityModelQueryVariables>;
export const ExportMaturityModelDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ExportMaturityModel' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'modelId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'version' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'exportMaturityModel' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'modelId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'modelId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'version' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'version' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ExportMaturityModelQuery, ExportMaturityModelQueryVariables>;
export const CreateMaturityModelDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateMaturityModel' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateMaturityModelInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createMaturityModel' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateMaturityModelMutation, CreateMaturityModelMutationVariables>;
export const ImportMaturityModelDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ImportMaturityModel' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ImportMaturityModelInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'importMaturityModel' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ImportMaturityModelMutation, ImportMaturityModelMutationVariables>;
export const UpdateMaturityModelDraftDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateMaturityModelDraft' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateMaturityModelDraftInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateMaturityModelDraft' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateMaturityModelDraftMutation, UpdateMaturityModelDraftMutationVariables>;
export const PublishMaturityModelVersionDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PublishMaturityModelVersion' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'PublishMaturityModelVersionInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'publishMaturityModelVersion' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PublishMaturityModelVersionMutation, PublishMaturityModelVersionMutationVariables>;
export const UpdateMyLocaleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateMyLocale' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateMeInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateMe' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'locale' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateMyLocaleMutation, UpdateMyLocaleMutationVariables>;
export const CommunityChartsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CommunityCharts' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTime' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTime' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'interval' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'VolumeInterval' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'mentionVolume' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'interval' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'interval' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'to' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'timeZone' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'buckets' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'date' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'total' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'positive' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'neutral' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'negative' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'averageSentiment' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'shareOfVoice' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'to' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'total' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'sides' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'competitorId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'mentions' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'share' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CommunityChartsQuery, CommunityChartsQueryVariables>;
export const InboxItemsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'InboxItems' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'InboxStatus' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'severity' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'CommentSeverity' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'overdue' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'inboxItems' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'status' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'severity' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'severity' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'overdue' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'overdue' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'authorHandle' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'authorName' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'text' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'receivedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'severityReason' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'dueAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'overdue' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'responsibleRole' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'assigneeId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'replies' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'text' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'error' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'members' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '100' } }],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'userId' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'user' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [{ kind: 'Field', name: { kind: 'Name', value: 'displayName' } }],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<InboxItemsQuery, InboxItemsQueryVariables>;
export const InboxReplyTemplatesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'InboxReplyTemplates' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'network' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'severity' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'CommentSeverity' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'replyTemplates' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'network' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'network' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'severity' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'severity' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
                { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
                { kind: 'Field', name: { kind: 'Name', value: 'text' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<InboxReplyTemplatesQuery, InboxReplyTemplatesQueryVariables>;
export const AssignInboxItemDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AssignInboxItem' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'AssignInboxItemInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'assignInboxItem' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'assigneeId' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AssignInboxItemMutation, AssignInboxItemMutationVariables>;
export const ReplyToInboxItemDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ReplyToInboxItem' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReplyToInboxItemInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'replyToInboxItem' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReplyToInboxItemMutation, ReplyToInboxItemMutationVariables>;
export const DismissInboxItemDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DismissInboxItem' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DismissInboxItemInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'dismissInboxItem' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DismissInboxItemMutation, DismissInboxItemMutationVariables>;
export const InfluencersDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Influencers' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'leaning' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'SentimentLeaning' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'mentionAuthors' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'leaning' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'leaning' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'handle' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'reach' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'mentions' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'score' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'leaning' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<InfluencersQuery, InfluencersQueryVariables>;
export const ListeningQueriesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ListeningQueries' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'listeningQueries' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'query' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'active' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'sources' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'competitorId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'lastRunAt' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'sourceStates' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'accountId' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'network' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'lastError' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'mentionsAdded' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ListeningQueriesQuery, ListeningQueriesQueryVariables>;
export const ListeningFormChoicesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ListeningFormChoices' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'competitors' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '100' } }],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'networks' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'capabilities' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ListeningFormChoicesQuery, ListeningFormChoicesQueryVariables>;
export const CreateListeningQueryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateListeningQuery' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateListeningQueryInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createListeningQuery' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateListeningQueryMutation, CreateListeningQueryMutationVariables>;
export const CheckListeningQueryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CheckListeningQuery' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'query' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'checkListeningQuery' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'query' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'query' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'valid' } },
                { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                { kind: 'Field', name: { kind: 'Name', value: 'position' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CheckListeningQueryQuery, CheckListeningQueryQueryVariables>;
export const UpdateListeningQueryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateListeningQuery' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateListeningQueryInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateListeningQuery' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateListeningQueryMutation, UpdateListeningQueryMutationVariables>;
export const DeleteListeningQueryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeleteListeningQuery' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ListeningQueryIdInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteListeningQuery' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteListeningQueryMutation, DeleteListeningQueryMutationVariables>;
export const MentionStreamDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MentionStream' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'source' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'sentiment' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'SentimentLabel' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'queryId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTime' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTime' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'text' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'mentions' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'source' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'source' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'sentiment' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'sentiment' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'queryId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'queryId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'to' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'text' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'text' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'authorHandle' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'authorName' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'text' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'publishedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'sentiment' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'reach' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'mentionFacets' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'source' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'source' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'sentiment' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'sentiment' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'queryId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'queryId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'to' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'text' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'text' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'total' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'sources' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'sentiments' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'queries' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MentionStreamQuery, MentionStreamQueryVariables>;
export const CommunityOrganizationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CommunityOrganization' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'organization' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CommunityOrganizationQuery, CommunityOrganizationQueryVariables>;
export const ContentItemPublicationsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ContentItemPublications' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'itemId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'publications' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'itemId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'itemId' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '50' } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'network' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'dueAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'publishedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'deletedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'attempts' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'lastError' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'lastErrorKind' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'externalUrl' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'waitsFor' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'upload' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'attachment' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'attachments' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'percent' } },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'attemptLog' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'errorKind' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ContentItemPublicationsQuery, ContentItemPublicationsQueryVariables>;
export const ContentRetryPublicationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ContentRetryPublication' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'PublicationIdInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'retryPublication' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ContentRetryPublicationMutation, ContentRetryPublicationMutationVariables>;
export const ContentDeletePublishedPostDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ContentDeletePublishedPost' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'PublicationIdInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deletePublishedPost' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'deletedAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ContentDeletePublishedPostMutation, ContentDeletePublishedPostMutationVariables>;
export const ContentUnscheduleItemDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ContentUnscheduleItem' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UnscheduleContentItemInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'unscheduleContentItem' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ContentUnscheduleItemMutation, ContentUnscheduleItemMutationVariables>;
export const ContentCancelItemDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ContentCancelItem' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CancelContentItemInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'cancelContentItem' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ContentCancelItemMutation, ContentCancelItemMutationVariables>;
export const ContentOrganizationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ContentOrganization' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'organization' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ContentOrganizationQuery, ContentOrganizationQueryVariables>;
export const ContentCalendarDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ContentCalendar' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ContentCalendarInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'contentCalendar' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'truncated' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'entries' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'itemId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'itemStatus' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'network' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'networkAccountId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'publicationId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'publicationStatus' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'theme' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'campaign' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'externalUrl' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ContentCalendarQuery, ContentCalendarQueryVariables>;
export const RescheduleContentItemDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RescheduleContentItem' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'RescheduleContentItemInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'rescheduleContentItem' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dueAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RescheduleContentItemMutation, RescheduleContentItemMutationVariables>;
export const ScheduleContentItemDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ScheduleContentItem' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ScheduleContentItemInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'scheduleContentItem' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dueAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ScheduleContentItemMutation, ScheduleContentItemMutationVariables>;
export const ContentItemsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ContentItems' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ContentStatus' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'source' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ContentSource' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'contentItems' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'status' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'source' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'source' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'brief' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'theme' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'campaign' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'plannedFor' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'triage' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'triageReason' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'variants' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'network' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ContentItemsQuery, ContentItemsQueryVariables>;
export const ContentItemDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ContentItem' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'contentItem' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                { kind: 'Field', name: { kind: 'Name', value: 'brief' } },
                { kind: 'Field', name: { kind: 'Name', value: 'theme' } },
                { kind: 'Field', name: { kind: 'Name', value: 'campaign' } },
                { kind: 'Field', name: { kind: 'Name', value: 'objectiveId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'segmentId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'plannedFor' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'variants' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'network' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'networkAccountId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'text' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'linkUrl' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'mediaIds' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'options' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'longForm' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'blocked' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'findings' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'rule' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'spans' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'start' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'end' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ContentItemQuery, ContentItemQueryVariables>;
export const ContentEditorChoicesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ContentEditorChoices' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'networks' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'textMaxLength' } },
                { kind: 'Field', name: { kind: 'Name', value: 'textCounting' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'options' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'values' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'maxLength' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'required' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'networkAccounts' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '100' } }],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'network' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'handle' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'objectives' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '100' } }],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'audienceSegments' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '100' } }],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ContentEditorChoicesQuery, ContentEditorChoicesQueryVariables>;
export const CreateContentItemDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateContentItem' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateContentItemInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createContentItem' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateContentItemMutation, CreateContentItemMutationVariables>;
export const UpdateContentItemDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateContentItem' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateContentItemInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateContentItem' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateContentItemMutation, UpdateContentItemMutationVariables>;
export const SetContentVariantDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetContentVariant' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'SetContentVariantInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setVariant' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'longForm' } },
                { kind: 'Field', name: { kind: 'Name', value: 'blocked' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetContentVariantMutation, SetContentVariantMutationVariables>;
export const SubmitContentItemDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SubmitContentItem' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ContentItemInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submitContentItem' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SubmitContentItemMutation, SubmitContentItemMutationVariables>;
export const MediaAssetsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MediaAssets' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'mediaAssets' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'fileName' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'contentType' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'byteSize' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'width' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'height' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'downloadUrl' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MediaAssetsQuery, MediaAssetsQueryVariables>;
export const ApproveContentItemDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ApproveContentItem' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ApproveContentItemInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'approveContentItem' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'itemId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'complete' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ApproveContentItemMutation, ApproveContentItemMutationVariables>;
export const RejectContentItemDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RejectContentItem' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'RejectContentItemInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'rejectContentItem' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'itemId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'complete' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RejectContentItemMutation, RejectContentItemMutationVariables>;
export const CreateApprovalLinkDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateApprovalLink' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateApprovalLinkInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createApprovalLink' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                { kind: 'Field', name: { kind: 'Name', value: 'emailed' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recipientEmail' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recipientName' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateApprovalLinkMutation, CreateApprovalLinkMutationVariables>;
export const CrisisPauseDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CrisisPause' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'crisisPause' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'active' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'pausedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'resumedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'held' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'itemId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'network' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'dueAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'publishing' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'itemId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'network' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'dueAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CrisisPauseQuery, CrisisPauseQueryVariables>;
export const SetCrisisPauseDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetCrisisPause' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'SetCrisisPauseInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setCrisisPause' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'active' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetCrisisPauseMutation, SetCrisisPauseMutationVariables>;
export const ResumeAfterCrisisPauseDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ResumeAfterCrisisPause' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ResumeAfterCrisisPauseInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'resumeAfterCrisisPause' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'released' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'crisisPause' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'active' } }] },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResumeAfterCrisisPauseMutation, ResumeAfterCrisisPauseMutationVariables>;
export const SuggestContentIdeaDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SuggestContentIdea' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'SuggestContentIdeaInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'suggestContentIdea' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SuggestContentIdeaMutation, SuggestContentIdeaMutationVariables>;
export const TriageContentIdeaDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'TriageContentIdea' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'TriageContentIdeaInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'triageContentIdea' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'triage' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TriageContentIdeaMutation, TriageContentIdeaMutationVariables>;
export const EvaluationAssessmentDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'EvaluationAssessment' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'assessment' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'assessedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'answeredCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'questionCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'overallScore' } },
                { kind: 'Field', name: { kind: 'Name', value: 'previousOverallScore' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'model' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'level' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'dimensions' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'key' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'score' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'criteria' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'key' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'question' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'answerValue' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'detail' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'evidenceKey' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'score' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'scale' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'meaning' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'answers' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'criterionKey' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'evidence' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'key' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'explanation' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'score' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'recommendations' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'criterionKey' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'criterionTitle' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'dimensionTitle' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'gain' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'text' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'roadmapStep' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'trend' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'dimensionKey' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'delta' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EvaluationAssessmentQuery, EvaluationAssessmentQueryVariables>;
export const EvaluationAnswerDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'EvaluationAnswer' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'AnswerAssessmentCriterionInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'answerAssessmentCriterion' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'answeredCount' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EvaluationAnswerMutation, EvaluationAnswerMutationVariables>;
export const EvaluationFinalizeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'EvaluationFinalize' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'FinalizeAssessmentInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'finalizeAssessment' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EvaluationFinalizeMutation, EvaluationFinalizeMutationVariables>;
export const EvaluationReportLinkDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'EvaluationReportLink' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'AssessmentReportInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'assessmentReportLink' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                { kind: 'Field', name: { kind: 'Name', value: 'filename' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EvaluationReportLinkQuery, EvaluationReportLinkQueryVariables>;
export const EvaluationAssessmentsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'EvaluationAssessments' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'assessments' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'assessedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'overallScore' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'answeredCount' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'questionCount' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'level' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'model' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EvaluationAssessmentsQuery, EvaluationAssessmentsQueryVariables>;
export const EvaluationScoreHistoryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'EvaluationScoreHistory' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'assessments' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '100' } }],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'assessedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'overallScore' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'maturityRadar' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'source' }, value: { kind: 'EnumValue', value: 'LIVE' } }],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'overallScore' } },
                { kind: 'Field', name: { kind: 'Name', value: 'level' } },
                { kind: 'Field', name: { kind: 'Name', value: 'levelName' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EvaluationScoreHistoryQuery, EvaluationScoreHistoryQueryVariables>;
export const EvaluationModelsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'EvaluationModels' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'maturityModels' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '100' } }],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'builtIn' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'latestPublishedVersion' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EvaluationModelsQuery, EvaluationModelsQueryVariables>;
export const EvaluationStartDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'EvaluationStart' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'StartAssessmentInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'startAssessment' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EvaluationStartMutation, EvaluationStartMutationVariables>;
export const EvaluationRecomputeLiveScoreDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'EvaluationRecomputeLiveScore' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'recomputeLiveScore' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'computedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'overallScore' } },
                { kind: 'Field', name: { kind: 'Name', value: 'measuredScore' } },
                { kind: 'Field', name: { kind: 'Name', value: 'level' } },
                { kind: 'Field', name: { kind: 'Name', value: 'measuredLevel' } },
                { kind: 'Field', name: { kind: 'Name', value: 'levelCapped' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'coverage' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'evidence' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'assessment' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'unknown' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EvaluationRecomputeLiveScoreMutation, EvaluationRecomputeLiveScoreMutationVariables>;
export const EvaluationLiveHistoryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'EvaluationLiveHistory' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'organizationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTime' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'liveScoreHistory' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'organizationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'organizationId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '100' } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'granularity' }, value: { kind: 'EnumValue', value: 'DAY' } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'computedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'overallScore' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'level' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'coverage' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'evidence' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'assessment' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'unknown' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EvaluationLiveHistoryQuery, EvaluationLiveHistoryQueryVariables>;
export const PoliciesListDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PoliciesList' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'policies' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'latestVersion' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'publishedVersion' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PoliciesListQuery, PoliciesListQueryVariables>;
export const PoliciesToAcknowledgeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PoliciesToAcknowledge' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'policiesToAcknowledge' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'policyId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                { kind: 'Field', name: { kind: 'Name', value: 'publishedAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PoliciesToAcknowledgeQuery, PoliciesToAcknowledgeQueryVariables>;
export const PoliciesCreateDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PoliciesCreate' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreatePolicyInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createPolicy' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PoliciesCreateMutation, PoliciesCreateMutationVariables>;
export const PoliciesAcknowledgeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PoliciesAcknowledge' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'PolicyVersionInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'acknowledgePolicyVersion' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'versionId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'acknowledgedAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PoliciesAcknowledgeMutation, PoliciesAcknowledgeMutationVariables>;
export const PolicyDetailDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PolicyDetail' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'policy' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'latestVersion' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'publishedVersion' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PolicyDetailQuery, PolicyDetailQueryVariables>;
export const PolicyVersionListDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PolicyVersionList' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'policyId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'policyVersions' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'policyId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'policyId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'approvedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'publishedAt' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PolicyVersionListQuery, PolicyVersionListQueryVariables>;
export const PolicyVersionTextDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PolicyVersionText' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'policyVersion' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                { kind: 'Field', name: { kind: 'Name', value: 'editable' } },
                { kind: 'Field', name: { kind: 'Name', value: 'returnComment' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'sections' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'key' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'body' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'review' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'verdict' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PolicyVersionTextQuery, PolicyVersionTextQueryVariables>;
export const PolicyHistoryListDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PolicyHistoryList' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'policyId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'policyHistory' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'policyId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'policyId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'action' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'actorType' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'fromStatus' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'toStatus' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'versionNumber' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PolicyHistoryListQuery, PolicyHistoryListQueryVariables>;
export const PolicyAcknowledgementListDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PolicyAcknowledgementList' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'policyId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'policyAcknowledgements' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'policyId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'policyId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'acknowledgedCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'pendingCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memberCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'share' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'version' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pending' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'after' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'edges' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'node' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'userId' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'joinedAt' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'pageInfo' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PolicyAcknowledgementListQuery, PolicyAcknowledgementListQueryVariables>;
export const PolicyUpdateDraftDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PolicyUpdateDraft' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdatePolicyDraftInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updatePolicyDraft' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PolicyUpdateDraftMutation, PolicyUpdateDraftMutationVariables>;
export const PolicySubmitDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PolicySubmit' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'PolicyVersionInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submitPolicyForReview' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PolicySubmitMutation, PolicySubmitMutationVariables>;
export const PolicyApproveDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PolicyApprove' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ApprovePolicyVersionInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'approvePolicyVersion' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PolicyApproveMutation, PolicyApproveMutationVariables>;
export const PolicyReturnToDraftDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PolicyReturnToDraft' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReturnPolicyToDraftInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'returnPolicyToDraft' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PolicyReturnToDraftMutation, PolicyReturnToDraftMutationVariables>;
export const PolicyPublishDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PolicyPublish' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'PolicyVersionInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'publishPolicyVersion' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PolicyPublishMutation, PolicyPublishMutationVariables>;
export const PolicyStartRevisionDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PolicyStartRevision' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'StartPolicyRevisionInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'startPolicyRevision' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PolicyStartRevisionMutation, PolicyStartRevisionMutationVariables>;
export const PoliciesCommentRulesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PoliciesCommentRules' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'commentHandlingRules' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'rules' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'responseMinutes' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'businessHours' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'responsibleRole' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'escalate' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'replyTemplates' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'text' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PoliciesCommentRulesQuery, PoliciesCommentRulesQueryVariables>;
export const PoliciesSetCommentRulesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PoliciesSetCommentRules' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'SetCommentHandlingRulesInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setCommentHandlingRules' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'rules' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'responseMinutes' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'businessHours' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'responsibleRole' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'escalate' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'replyTemplates' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'text' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PoliciesSetCommentRulesMutation, PoliciesSetCommentRulesMutationVariables>;
export const PoliciesContentRulesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PoliciesContentRules' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'contentRules' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'rules' } },
                { kind: 'Field', name: { kind: 'Name', value: 'brandVoiceRules' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PoliciesContentRulesQuery, PoliciesContentRulesQueryVariables>;
export const PoliciesSetContentRulesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PoliciesSetContentRules' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'SetContentRulesInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setContentRules' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'rules' } },
                { kind: 'Field', name: { kind: 'Name', value: 'brandVoiceRules' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PoliciesSetContentRulesMutation, PoliciesSetContentRulesMutationVariables>;
export const PoliciesRuleNetworksDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PoliciesRuleNetworks' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'networks' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PoliciesRuleNetworksQuery, PoliciesRuleNetworksQueryVariables>;
export const PressRoomPageDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PressRoomPage' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'organization' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
                { kind: 'Field', name: { kind: 'Name', value: 'myRoles' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'pressRoom' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'PressRoomFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PressRoomFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'PressRoom' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'language' } },
          { kind: 'Field', name: { kind: 'Name', value: 'blogDigest' } },
          { kind: 'Field', name: { kind: 'Name', value: 'url' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'customDomain' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'host' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordValue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'claimedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'verifiedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'checkedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'checkError' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'contacts' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'phone' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'mediaKit' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mediaAssetId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'caption' } },
                { kind: 'Field', name: { kind: 'Name', value: 'credit' } },
                { kind: 'Field', name: { kind: 'Name', value: 'publicUrl' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PressRoomPageQuery, PressRoomPageQueryVariables>;
export const UpdatePressRoomDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdatePressRoom' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdatePressRoomInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updatePressRoom' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'PressRoomFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PressRoomFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'PressRoom' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'language' } },
          { kind: 'Field', name: { kind: 'Name', value: 'blogDigest' } },
          { kind: 'Field', name: { kind: 'Name', value: 'url' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'customDomain' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'host' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordValue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'claimedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'verifiedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'checkedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'checkError' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'contacts' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'phone' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'mediaKit' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mediaAssetId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'caption' } },
                { kind: 'Field', name: { kind: 'Name', value: 'credit' } },
                { kind: 'Field', name: { kind: 'Name', value: 'publicUrl' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdatePressRoomMutation, UpdatePressRoomMutationVariables>;
export const VerifyPressRoomDomainDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'VerifyPressRoomDomain' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'VerifyPressRoomDomainInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'verifyPressRoomDomain' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'PressRoomFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PressRoomFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'PressRoom' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'language' } },
          { kind: 'Field', name: { kind: 'Name', value: 'blogDigest' } },
          { kind: 'Field', name: { kind: 'Name', value: 'url' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'customDomain' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'host' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recordValue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'claimedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'verifiedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'checkedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'checkError' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'contacts' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'phone' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'mediaKit' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mediaAssetId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'caption' } },
                { kind: 'Field', name: { kind: 'Name', value: 'credit' } },
                { kind: 'Field', name: { kind: 'Name', value: 'publicUrl' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<VerifyPressRoomDomainMutation, VerifyPressRoomDomainMutationVariables>;
export const PressMediaAssetDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PressMediaAsset' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'mediaAsset' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fileName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'contentType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'width' } },
                { kind: 'Field', name: { kind: 'Name', value: 'height' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PressMediaAssetQuery, PressMediaAssetQueryVariables>;
export const PressReleasesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PressReleases' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'PressReleaseStatus' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'pressReleases' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'status' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'itemId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'summary' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'publishAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'withdrawnAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'isPublic' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'newsletterSentAt' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PressReleasesQuery, PressReleasesQueryVariables>;
export const PressReleaseCandidatesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PressReleaseCandidates' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'approved' },
            name: { kind: 'Name', value: 'contentItems' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '100' } },
              { kind: 'Argument', name: { kind: 'Name', value: 'status' }, value: { kind: 'EnumValue', value: 'APPROVED' } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'scheduled' },
            name: { kind: 'Name', value: 'contentItems' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '100' } },
              { kind: 'Argument', name: { kind: 'Name', value: 'status' }, value: { kind: 'EnumValue', value: 'SCHEDULED' } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'published' },
            name: { kind: 'Name', value: 'contentItems' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '100' } },
              { kind: 'Argument', name: { kind: 'Name', value: 'status' }, value: { kind: 'EnumValue', value: 'PUBLISHED' } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PressReleaseCandidatesQuery, PressReleaseCandidatesQueryVariables>;
export const PublishPressReleaseDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PublishPressRelease' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'PublishPressReleaseInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'publishPressRelease' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PublishPressReleaseMutation, PublishPressReleaseMutationVariables>;
export const WithdrawPressReleaseDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WithdrawPressRelease' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'WithdrawPressReleaseInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'withdrawPressRelease' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'withdrawnAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WithdrawPressReleaseMutation, WithdrawPressReleaseMutationVariables>;
export const NewsletterSubscribersDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'NewsletterSubscribers' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'state' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'NewsletterSubscriberState' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'newsletterSubscriberCounts' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'pending' } },
                { kind: 'Field', name: { kind: 'Name', value: 'confirmed' } },
                { kind: 'Field', name: { kind: 'Name', value: 'unsubscribed' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'newsletterSubscribers' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'state' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'state' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'lists' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'confirmedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'unsubscribedAt' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<NewsletterSubscribersQuery, NewsletterSubscribersQueryVariables>;
export const OrganizationSettingsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OrganizationSettings' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'organization' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
                { kind: 'Field', name: { kind: 'Name', value: 'locale' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sector' } },
                { kind: 'Field', name: { kind: 'Name', value: 'size' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'deletionRequestedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'myRoles' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OrganizationSettingsQuery, OrganizationSettingsQueryVariables>;
export const UpdateOrganizationSettingsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateOrganizationSettings' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateOrganizationInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateOrganization' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
                { kind: 'Field', name: { kind: 'Name', value: 'locale' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sector' } },
                { kind: 'Field', name: { kind: 'Name', value: 'size' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateOrganizationSettingsMutation, UpdateOrganizationSettingsMutationVariables>;
export const DeleteOrganizationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeleteOrganization' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DeleteOrganizationInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteOrganization' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'deletionRequestedAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteOrganizationMutation, DeleteOrganizationMutationVariables>;
export const PendingDeletionsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PendingDeletions' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'organizations' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '100' } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'status' },
                      value: { kind: 'EnumValue', value: 'DELETION_PENDING' },
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PendingDeletionsQuery, PendingDeletionsQueryVariables>;
export const StrategyDocumentVersionsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'StrategyDocumentVersions' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'strategyDocumentVersions' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'note' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'approvedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'approverName' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'approvalComment' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'returnedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'returnComment' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'markdown' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyDocumentVersionsQuery, StrategyDocumentVersionsQueryVariables>;
export const StrategyCreateDocumentVersionDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyCreateDocumentVersion' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateStrategyDocumentVersionInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createStrategyDocumentVersion' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'number' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyCreateDocumentVersionMutation, StrategyCreateDocumentVersionMutationVariables>;
export const StrategySubmitDocumentVersionDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategySubmitDocumentVersion' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'StrategyDocumentVersionInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submitStrategyDocumentVersion' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategySubmitDocumentVersionMutation, StrategySubmitDocumentVersionMutationVariables>;
export const StrategyApproveDocumentVersionDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyApproveDocumentVersion' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ApproveStrategyDocumentVersionInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'approveStrategyDocumentVersion' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyApproveDocumentVersionMutation, StrategyApproveDocumentVersionMutationVariables>;
export const StrategyReturnDocumentVersionDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyReturnDocumentVersion' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReturnStrategyDocumentVersionInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'returnStrategyDocumentVersion' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyReturnDocumentVersionMutation, StrategyReturnDocumentVersionMutationVariables>;
export const StrategyDeleteDocumentVersionDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyDeleteDocumentVersion' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'StrategyDocumentVersionInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteStrategyDocumentVersion' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyDeleteDocumentVersionMutation, StrategyDeleteDocumentVersionMutationVariables>;
export const StrategyImportKpiValuesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyImportKpiValues' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ImportKpiValuesInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'importKpiValues' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'importId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'imported' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyImportKpiValuesMutation, StrategyImportKpiValuesMutationVariables>;
export const StrategySetRoadmapStepStatusDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategySetRoadmapStepStatus' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'SetRoadmapStepStatusInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setRoadmapStepStatus' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'key' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'note' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategySetRoadmapStepStatusMutation, StrategySetRoadmapStepStatusMutationVariables>;
export const StrategyTaskForceMembersDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'StrategyTaskForceMembers' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'taskForceMembers' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'roleLabel' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'department' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'external' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'externalContact' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyTaskForceMembersQuery, StrategyTaskForceMembersQueryVariables>;
export const StrategyTaskForceChoicesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'StrategyTaskForceChoices' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'members' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '100' } }],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'userId' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'user' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyTaskForceChoicesQuery, StrategyTaskForceChoicesQueryVariables>;
export const StrategyAddTaskForceMemberDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyAddTaskForceMember' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'AddTaskForceMemberInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'addTaskForceMember' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyAddTaskForceMemberMutation, StrategyAddTaskForceMemberMutationVariables>;
export const StrategyRemoveTaskForceMemberDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyRemoveTaskForceMember' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'RemoveTaskForceMemberInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'removeTaskForceMember' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyRemoveTaskForceMemberMutation, StrategyRemoveTaskForceMemberMutationVariables>;
export const StrategyRitualsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'StrategyRituals' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'rituals' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'cadence' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'weekday' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'dayOfMonth' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'time' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'nextOccurrence' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyRitualsQuery, StrategyRitualsQueryVariables>;
export const StrategyCreateRitualDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyCreateRitual' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateRitualInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createRitual' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyCreateRitualMutation, StrategyCreateRitualMutationVariables>;
export const StrategyUpdateRitualDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyUpdateRitual' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateRitualInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateRitual' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyUpdateRitualMutation, StrategyUpdateRitualMutationVariables>;
export const StrategyDeleteRitualDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyDeleteRitual' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DeleteRitualInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteRitual' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyDeleteRitualMutation, StrategyDeleteRitualMutationVariables>;
export const StrategyCreateAudienceSegmentDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyCreateAudienceSegment' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateAudienceSegmentInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createAudienceSegment' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyCreateAudienceSegmentMutation, StrategyCreateAudienceSegmentMutationVariables>;
export const StrategyUpdateAudienceSegmentDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyUpdateAudienceSegment' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateAudienceSegmentInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateAudienceSegment' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyUpdateAudienceSegmentMutation, StrategyUpdateAudienceSegmentMutationVariables>;
export const StrategyDeleteAudienceSegmentDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyDeleteAudienceSegment' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DeleteAudienceSegmentInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteAudienceSegment' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyDeleteAudienceSegmentMutation, StrategyDeleteAudienceSegmentMutationVariables>;
export const StrategyCreateNetworkPlanDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyCreateNetworkPlan' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateNetworkPlanInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createNetworkPlan' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyCreateNetworkPlanMutation, StrategyCreateNetworkPlanMutationVariables>;
export const StrategyUpdateNetworkPlanDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyUpdateNetworkPlan' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateNetworkPlanInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateNetworkPlan' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyUpdateNetworkPlanMutation, StrategyUpdateNetworkPlanMutationVariables>;
export const StrategyDeleteNetworkPlanDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyDeleteNetworkPlan' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DeleteNetworkPlanInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteNetworkPlan' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyDeleteNetworkPlanMutation, StrategyDeleteNetworkPlanMutationVariables>;
export const StrategyCreateCompetitorDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyCreateCompetitor' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateCompetitorInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createCompetitor' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyCreateCompetitorMutation, StrategyCreateCompetitorMutationVariables>;
export const StrategyUpdateCompetitorDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyUpdateCompetitor' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateCompetitorInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateCompetitor' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyUpdateCompetitorMutation, StrategyUpdateCompetitorMutationVariables>;
export const StrategyDeleteCompetitorDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyDeleteCompetitor' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DeleteCompetitorInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteCompetitor' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyDeleteCompetitorMutation, StrategyDeleteCompetitorMutationVariables>;
export const StrategySetBrandVoiceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategySetBrandVoice' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'SetBrandVoiceInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setBrandVoice' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'tone' } },
                { kind: 'Field', name: { kind: 'Name', value: 'addressForm' } },
                { kind: 'Field', name: { kind: 'Name', value: 'wordsToUse' } },
                { kind: 'Field', name: { kind: 'Name', value: 'wordsToAvoid' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategySetBrandVoiceMutation, StrategySetBrandVoiceMutationVariables>;
export const StrategyNetworkChoicesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'StrategyNetworkChoices' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'networks' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyNetworkChoicesQuery, StrategyNetworkChoicesQueryVariables>;
export const StrategyPlanChoicesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'StrategyPlanChoices' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'networks' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'audienceSegments' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '100' } }],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } }] },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyPlanChoicesQuery, StrategyPlanChoicesQueryVariables>;
export const StrategyRoadmapDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'StrategyRoadmap' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'roadmap' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'doneCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'progress' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'steps' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'key' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'manual' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'note' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'evidence' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'key' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'explanation' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'measured' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'score' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyRoadmapQuery, StrategyRoadmapQueryVariables>;
export const StrategyObjectivesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'StrategyObjectives' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'objectives' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'baseline' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'target' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'deadline' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'kpis' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'objectiveId' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'metric' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'measure' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'frequency' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'target' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyObjectivesQuery, StrategyObjectivesQueryVariables>;
export const StrategyCreateObjectiveDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyCreateObjective' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateObjectiveInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createObjective' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyCreateObjectiveMutation, StrategyCreateObjectiveMutationVariables>;
export const StrategyUpdateObjectiveDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyUpdateObjective' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateObjectiveInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateObjective' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyUpdateObjectiveMutation, StrategyUpdateObjectiveMutationVariables>;
export const StrategyCreateKpiDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyCreateKpi' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateKpiInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createKpi' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyCreateKpiMutation, StrategyCreateKpiMutationVariables>;
export const StrategyUpdateKpiDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyUpdateKpi' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateKpiInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateKpi' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyUpdateKpiMutation, StrategyUpdateKpiMutationVariables>;
export const StrategyRecordKpiValueDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StrategyRecordKpiValue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'RecordKpiValueInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'recordKpiValue' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyRecordKpiValueMutation, StrategyRecordKpiValueMutationVariables>;
export const StrategyKpiProgressDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'StrategyKpiProgress' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'kpiId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTime' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTime' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'kpiProgress' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'kpiId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'kpiId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'to' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'kpiId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'target' } },
                { kind: 'Field', name: { kind: 'Name', value: 'baseline' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'periods' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'start' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'end' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'target' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'progress' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'onTrack' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'origin' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyKpiProgressQuery, StrategyKpiProgressQueryVariables>;
export const StrategyKpiValuesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'StrategyKpiValues' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'kpiId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'kpiValues' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'kpiId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'kpiId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'date' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'note' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'current' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyKpiValuesQuery, StrategyKpiValuesQueryVariables>;
export const StrategyAudienceSegmentsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'StrategyAudienceSegments' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'audienceSegments' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'needs' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'usages' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyAudienceSegmentsQuery, StrategyAudienceSegmentsQueryVariables>;
export const StrategyNetworkPlansDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'StrategyNetworkPlans' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'networkPlans' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'network' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'postsPerWeek' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'rationale' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'reservedHandle' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'segments' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyNetworkPlansQuery, StrategyNetworkPlansQueryVariables>;
export const StrategyCompetitorsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'StrategyCompetitors' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'competitors' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'notes' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'handles' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'network' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'handle' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyCompetitorsQuery, StrategyCompetitorsQueryVariables>;
export const StrategyBrandVoiceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'StrategyBrandVoice' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'brandVoice' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'tone' } },
                { kind: 'Field', name: { kind: 'Name', value: 'addressForm' } },
                { kind: 'Field', name: { kind: 'Name', value: 'wordsToUse' } },
                { kind: 'Field', name: { kind: 'Name', value: 'wordsToAvoid' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyBrandVoiceQuery, StrategyBrandVoiceQueryVariables>;
export const StrategyTaskForceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'StrategyTaskForce' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'taskForcePeople' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'department' } },
                { kind: 'Field', name: { kind: 'Name', value: 'userId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'memberIds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'roles' } },
                { kind: 'Field', name: { kind: 'Name', value: 'roleLabels' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'nextWeeklyMeeting' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ritualId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'localDate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'time' } },
                { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
                { kind: 'Field', name: { kind: 'Name', value: 'startsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'endsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'durationMinutes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'isoWeek' } },
                { kind: 'Field', name: { kind: 'Name', value: 'brainstormTheme' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'agenda' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'roles' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'theme' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'startsAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endsAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'startOffsetMinutes' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endOffsetMinutes' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyTaskForceQuery, StrategyTaskForceQueryVariables>;
export const StrategyDocumentViewDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'StrategyDocumentView' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'strategyDocument' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'organizationName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                { kind: 'Field', name: { kind: 'Name', value: 'generatedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'markdown' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'approvedStrategy' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'changedSinceApproval' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'version' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'approvedAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'approverName' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'approvalComment' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'markdown' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StrategyDocumentViewQuery, StrategyDocumentViewQueryVariables>;
export const WebhookEventTypesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'WebhookEventTypes' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'webhookEventTypes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebhookEventTypesQuery, WebhookEventTypesQueryVariables>;
export const AgencyWebhookEndpointsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AgencyWebhookEndpoints' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'agencyWebhookEndpoints' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'eventTypes' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'disabledReason' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'disabledAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'previousSecretUntil' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AgencyWebhookEndpointsQuery, AgencyWebhookEndpointsQueryVariables>;
export const OrganizationWebhookEndpointsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OrganizationWebhookEndpoints' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'webhookEndpoints' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'eventTypes' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'disabledReason' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'disabledAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'previousSecretUntil' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OrganizationWebhookEndpointsQuery, OrganizationWebhookEndpointsQueryVariables>;
export const AgencyWebhookDeliveriesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AgencyWebhookDeliveries' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'endpointId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'agencyWebhookDeliveries' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'endpointId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'endpointId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'eventType' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'organizationId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'attemptCount' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'deliveredAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'nextAttemptAt' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'attempts' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'attemptedAt' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'httpStatus' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'latencyMs' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'responseExcerpt' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'errorClass' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'errorMessage' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AgencyWebhookDeliveriesQuery, AgencyWebhookDeliveriesQueryVariables>;
export const OrganizationWebhookDeliveriesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OrganizationWebhookDeliveries' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'endpointId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'webhookDeliveries' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'endpointId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'endpointId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'eventType' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'organizationId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'attemptCount' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'deliveredAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'nextAttemptAt' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'attempts' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'attemptedAt' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'httpStatus' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'latencyMs' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'responseExcerpt' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'errorClass' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'errorMessage' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OrganizationWebhookDeliveriesQuery, OrganizationWebhookDeliveriesQueryVariables>;
export const CreateAgencyWebhookEndpointDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateAgencyWebhookEndpoint' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateWebhookEndpointInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createAgencyWebhookEndpoint' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'secret' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'endpoint' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateAgencyWebhookEndpointMutation, CreateAgencyWebhookEndpointMutationVariables>;
export const CreateOrganizationWebhookEndpointDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateOrganizationWebhookEndpoint' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateWebhookEndpointInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createWebhookEndpoint' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'secret' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'endpoint' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateOrganizationWebhookEndpointMutation, CreateOrganizationWebhookEndpointMutationVariables>;
export const UpdateAgencyWebhookEndpointDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateAgencyWebhookEndpoint' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateWebhookEndpointInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateAgencyWebhookEndpoint' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                { kind: 'Field', name: { kind: 'Name', value: 'eventTypes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
                { kind: 'Field', name: { kind: 'Name', value: 'disabledReason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'disabledAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateAgencyWebhookEndpointMutation, UpdateAgencyWebhookEndpointMutationVariables>;
export const UpdateOrganizationWebhookEndpointDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateOrganizationWebhookEndpoint' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateWebhookEndpointInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateWebhookEndpoint' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                { kind: 'Field', name: { kind: 'Name', value: 'eventTypes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
                { kind: 'Field', name: { kind: 'Name', value: 'disabledReason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'disabledAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateOrganizationWebhookEndpointMutation, UpdateOrganizationWebhookEndpointMutationVariables>;
export const RotateAgencyWebhookSecretDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RotateAgencyWebhookSecret' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'RotateWebhookSecretInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'rotateAgencyWebhookSecret' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'secret' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'endpoint' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'previousSecretUntil' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RotateAgencyWebhookSecretMutation, RotateAgencyWebhookSecretMutationVariables>;
export const RotateOrganizationWebhookSecretDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RotateOrganizationWebhookSecret' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'RotateWebhookSecretInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'rotateWebhookSecret' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'secret' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'endpoint' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'previousSecretUntil' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RotateOrganizationWebhookSecretMutation, RotateOrganizationWebhookSecretMutationVariables>;
export const SendAgencyTestWebhookDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SendAgencyTestWebhook' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'WebhookEndpointIdInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'sendAgencyTestWebhook' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ok' } },
                { kind: 'Field', name: { kind: 'Name', value: 'httpStatus' } },
                { kind: 'Field', name: { kind: 'Name', value: 'latencyMs' } },
                { kind: 'Field', name: { kind: 'Name', value: 'responseExcerpt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'errorClass' } },
                { kind: 'Field', name: { kind: 'Name', value: 'errorMessage' } },
                { kind: 'Field', name: { kind: 'Name', value: 'webhookId' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SendAgencyTestWebhookMutation, SendAgencyTestWebhookMutationVariables>;
export const SendOrganizationTestWebhookDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SendOrganizationTestWebhook' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'WebhookEndpointIdInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'sendTestWebhook' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ok' } },
                { kind: 'Field', name: { kind: 'Name', value: 'httpStatus' } },
                { kind: 'Field', name: { kind: 'Name', value: 'latencyMs' } },
                { kind: 'Field', name: { kind: 'Name', value: 'responseExcerpt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'errorClass' } },
                { kind: 'Field', name: { kind: 'Name', value: 'errorMessage' } },
                { kind: 'Field', name: { kind: 'Name', value: 'webhookId' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SendOrganizationTestWebhookMutation, SendOrganizationTestWebhookMutationVariables>;
export const DeleteAgencyWebhookEndpointDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeleteAgencyWebhookEndpoint' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'WebhookEndpointIdInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteAgencyWebhookEndpoint' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteAgencyWebhookEndpointMutation, DeleteAgencyWebhookEndpointMutationVariables>;
export const DeleteOrganizationWebhookEndpointDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeleteOrganizationWebhookEndpoint' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'WebhookEndpointIdInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteWebhookEndpoint' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteOrganizationWebhookEndpointMutation, DeleteOrganizationWebhookEndpointMutationVariables>;
export const ReplayAgencyWebhookDeliveryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ReplayAgencyWebhookDelivery' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReplayWebhookDeliveryInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'replayAgencyWebhookDelivery' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attemptCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nextAttemptAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReplayAgencyWebhookDeliveryMutation, ReplayAgencyWebhookDeliveryMutationVariables>;
export const ReplayOrganizationWebhookDeliveryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ReplayOrganizationWebhookDelivery' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReplayWebhookDeliveryInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'replayWebhookDelivery' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attemptCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nextAttemptAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReplayOrganizationWebhookDeliveryMutation, ReplayOrganizationWebhookDeliveryMutationVariables>;
