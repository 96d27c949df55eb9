import { registerEnumType } from '@nestjs/graphql';

export enum ObjectiveKindEnum {
  BUSINESS = 'BUSINESS',
  BRAND = 'BRAND',
}
registerEnumType(ObjectiveKindEnum, {
  name: 'ObjectiveKind',
  description: 'BUSINESS (e.g. +10 % revenue) or BRAND (e.g. better customer relations), seed 001 §1.',
});

export enum KpiFrequencyEnum {
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  YEARLY = 'YEARLY',
}
registerEnumType(KpiFrequencyEnum, { name: 'KpiFrequency', description: 'How often the KPI is measured.' });

/** What the platform measures for a KPI from its own data (the free-text `metric` says it for people). */
export enum KpiMeasureEnum {
  FOLLOWERS = 'FOLLOWERS',
  POSTS_PUBLISHED = 'POSTS_PUBLISHED',
  ENGAGEMENT = 'ENGAGEMENT',
  ENGAGEMENT_RATE = 'ENGAGEMENT_RATE',
  MENTIONS = 'MENTIONS',
  NEGATIVE_MENTION_SHARE = 'NEGATIVE_MENTION_SHARE',
  FIRST_RESPONSE_MINUTES = 'FIRST_RESPONSE_MINUTES',
  SHARE_OF_VOICE = 'SHARE_OF_VOICE',
  MANUAL = 'MANUAL',
}
registerEnumType(KpiMeasureEnum, {
  name: 'KpiMeasure',
  description:
    'What the platform measures for the KPI, per period of its frequency: FOLLOWERS (all connected accounts, at the end of the period), POSTS_PUBLISHED, ENGAGEMENT (likes + reposts + replies on the posts published in the period), ENGAGEMENT_RATE (engagement per post per 1,000 followers), MENTIONS (of the brand queries), NEGATIVE_MENTION_SHARE (percent of the brand mentions with a sentiment that are negative), FIRST_RESPONSE_MINUTES (median, inbox), SHARE_OF_VOICE (percent), MANUAL (read from the values people record: recordKpiValue, importKpiValues). Absent: the KPI is measured only from recorded values.',
});

export enum AudienceUsageEnum {
  PR = 'PR',
  ADVERTISING_MARKETING = 'ADVERTISING_MARKETING',
  CUSTOMER_SERVICE = 'CUSTOMER_SERVICE',
}
registerEnumType(AudienceUsageEnum, {
  name: 'AudienceUsage',
  description: 'Why the organisation addresses a segment (seed 002): public relations, advertising and marketing, customer service.',
});

export enum AddressFormEnum {
  TU = 'TU',
  VOUS = 'VOUS',
}
registerEnumType(AddressFormEnum, {
  name: 'AddressForm',
  description: 'French form of address of the brand: TU (informal) or VOUS (formal).',
});

export enum TaskForceRoleEnum {
  STRATEGY_LEAD = 'STRATEGY_LEAD',
  CONTENT_LEAD = 'CONTENT_LEAD',
  COMMUNITY_MANAGER = 'COMMUNITY_MANAGER',
  ANALYST = 'ANALYST',
  COORDINATOR = 'COORDINATOR',
  CONTENT_FACILITATOR = 'CONTENT_FACILITATOR',
  FACILITATOR = 'FACILITATOR',
  ADMINISTRATOR = 'ADMINISTRATOR',
  DEVELOPER = 'DEVELOPER',
  GRAPHIC_DESIGNER = 'GRAPHIC_DESIGNER',
  PUBLIC_RELATIONS = 'PUBLIC_RELATIONS',
  MARKETER = 'MARKETER',
}
registerEnumType(TaskForceRoleEnum, {
  name: 'TaskForceRole',
  description:
    'The five task-force functions of seed 001 §2 (STRATEGY_LEAD … COORDINATOR), then the roles of seed 000: web animators ' +
    '(CONTENT_FACILITATOR "animateur de contenu", FACILITATOR, ADMINISTRATOR), support (DEVELOPER "programmeur", GRAPHIC_DESIGNER ' +
    '"infographe") and promotion (PUBLIC_RELATIONS "relationniste", MARKETER). One person may hold several.',
});

export enum RitualKindEnum {
  WEEKLY_MEETING = 'WEEKLY_MEETING',
  MONTHLY_EXECUTIVE_REPORT = 'MONTHLY_EXECUTIVE_REPORT',
  BEST_CONTENT_MAIL = 'BEST_CONTENT_MAIL',
  DIGITAL_TEAMS_MEETING = 'DIGITAL_TEAMS_MEETING',
  OTHER = 'OTHER',
}
registerEnumType(RitualKindEnum, {
  name: 'RitualKind',
  description:
    'WEEKLY_MEETING (weekly, seed 001 §4); MONTHLY_EXECUTIVE_REPORT and BEST_CONTENT_MAIL (monthly, seed 001 §2 and §6); DIGITAL_TEAMS_MEETING (with the web, SEO and campaign teams, seed 001 §3); OTHER (needs a title).',
});

export enum RitualCadenceEnum {
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
}
registerEnumType(RitualCadenceEnum, { name: 'RitualCadence' });

export enum RoadmapStepStatusEnum {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}
registerEnumType(RoadmapStepStatusEnum, { name: 'RoadmapStepStatus' });

export enum BrainstormThemeEnum {
  STRATEGY = 'STRATEGY',
  CONTENT = 'CONTENT',
}
registerEnumType(BrainstormThemeEnum, { name: 'BrainstormTheme', description: 'Odd ISO weeks: STRATEGY; even ISO weeks: CONTENT ideas.' });

export enum AgendaSlotKindEnum {
  MEMBER_UPDATE = 'MEMBER_UPDATE',
  BRAINSTORM = 'BRAINSTORM',
}
registerEnumType(AgendaSlotKindEnum, { name: 'AgendaSlotKind' });
