import { registerEnumType } from '@nestjs/graphql';

export enum ObjectiveKindEnum {
  BUSINESS = 'BUSINESS',
  BRAND = 'BRAND',
}
registerEnumType(ObjectiveKindEnum, {
  name: 'ObjectiveKind',
  description: 'What an objective aims at: BUSINESS (e.g. +10 % revenue) or BRAND (e.g. better customer relations).',
  valuesMap: {
    BUSINESS: { description: 'A business result, e.g. revenue or leads.' },
    BRAND: { description: 'A brand result, e.g. reputation or customer relations.' },
  },
});

export enum KpiFrequencyEnum {
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  YEARLY = 'YEARLY',
}
registerEnumType(KpiFrequencyEnum, {
  name: 'KpiFrequency',
  description: 'How often the KPI is measured.',
  valuesMap: {
    DAILY: { description: 'Every day.' },
    WEEKLY: { description: 'Every week.' },
    MONTHLY: { description: 'Every month.' },
    QUARTERLY: { description: 'Every quarter.' },
    YEARLY: { description: 'Every year.' },
  },
});

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
  valuesMap: {
    FOLLOWERS: { description: 'Followers of all connected accounts at the end of the period.' },
    POSTS_PUBLISHED: { description: 'Publications published in the period.' },
    ENGAGEMENT: { description: 'Likes + reposts + replies on the posts published in the period.' },
    ENGAGEMENT_RATE: { description: 'Engagement per post per 1,000 followers.' },
    MENTIONS: { description: 'Mentions found by the brand listening queries.' },
    NEGATIVE_MENTION_SHARE: { description: 'Percent of the brand mentions with a sentiment that are negative.' },
    FIRST_RESPONSE_MINUTES: { description: 'Median minutes before the first answer to an inbox item.' },
    SHARE_OF_VOICE: { description: 'Percent of the mentions of the brand and its competitors that are about the brand.' },
    MANUAL: { description: 'The values people record (recordKpiValue, importKpiValues).' },
  },
});

export enum AudienceUsageEnum {
  PR = 'PR',
  ADVERTISING_MARKETING = 'ADVERTISING_MARKETING',
  CUSTOMER_SERVICE = 'CUSTOMER_SERVICE',
}
registerEnumType(AudienceUsageEnum, {
  name: 'AudienceUsage',
  description: 'Why the organization addresses a segment: public relations, advertising and marketing, customer service.',
  valuesMap: {
    PR: { description: 'Public relations.' },
    ADVERTISING_MARKETING: { description: 'Advertising and marketing.' },
    CUSTOMER_SERVICE: { description: 'Customer service.' },
  },
});

export enum AddressFormEnum {
  TU = 'TU',
  VOUS = 'VOUS',
}
registerEnumType(AddressFormEnum, {
  name: 'AddressForm',
  description: 'French form of address of the brand: TU (informal) or VOUS (formal).',
  valuesMap: { TU: { description: 'Informal "tu".' }, VOUS: { description: 'Formal "vous".' } },
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
    'The roles of a social media task force. First the five functions of the task force itself (STRATEGY_LEAD, CONTENT_LEAD, COMMUNITY_MANAGER, ANALYST, COORDINATOR), then the roles around it: web animation (CONTENT_FACILITATOR, FACILITATOR, ADMINISTRATOR), support (DEVELOPER, GRAPHIC_DESIGNER) and promotion (PUBLIC_RELATIONS, MARKETER). One person may hold several.',
  valuesMap: {
    STRATEGY_LEAD: {
      description: 'Task-force function: owns the long-term vision and keeps day-to-day operations in line with the objectives.',
    },
    CONTENT_LEAD: { description: 'Task-force function: runs the content strategy and its deployment, and the suggestion box.' },
    COMMUNITY_MANAGER: {
      description: 'Task-force function: publishes and handles conversations with customers, influencers and the media.',
    },
    ANALYST: { description: 'Task-force function: measures success with KPIs on the business and brand objectives.' },
    COORDINATOR: { description: 'Task-force function: eases internal communication (meetings, regular reports to the management).' },
    CONTENT_FACILITATOR: { description: 'Web animation: keeps watch, finds knowledge, sums it up and carries it into social media.' },
    FACILITATOR: {
      description: 'Web animation: builds a network of members, keeps them taking part, starts discussions and rallies influencers.',
    },
    ADMINISTRATOR: { description: 'Web animation: coordinates the social media team and bridges to the top management.' },
    DEVELOPER: { description: 'Support: keeps the publishing systems secure, configures the collaboration tools, trains the members.' },
    GRAPHIC_DESIGNER: { description: 'Support: creates the graphics, media kits and visuals of the content.' },
    PUBLIC_RELATIONS: { description: "Promotion: develops the communication that carries the company's vision, identity and values." },
    MARKETER: { description: 'Promotion: puts distribution and marketing to work to grow the audience and the traffic.' },
  },
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
    'The kind of a ritual: WEEKLY_MEETING (weekly), MONTHLY_EXECUTIVE_REPORT and BEST_CONTENT_MAIL (monthly), DIGITAL_TEAMS_MEETING (with the web, SEO and campaign teams, weekly or monthly), OTHER (needs a title).',
  valuesMap: {
    WEEKLY_MEETING: { description: 'The weekly task-force meeting (always weekly; one per organization).' },
    MONTHLY_EXECUTIVE_REPORT: { description: 'The monthly report to the management (always monthly; one per organization).' },
    BEST_CONTENT_MAIL: { description: 'The monthly mail of the best content to the staff (always monthly; one per organization).' },
    DIGITAL_TEAMS_MEETING: { description: 'A meeting with the web, SEO and campaign teams (weekly or monthly; one per organization).' },
    OTHER: { description: 'Any other ritual; needs a title; several allowed.' },
  },
});

export enum RitualCadenceEnum {
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
}
registerEnumType(RitualCadenceEnum, {
  description: 'How often a ritual comes back.',
  name: 'RitualCadence',
  valuesMap: { WEEKLY: { description: 'Every week, on its weekday.' }, MONTHLY: { description: 'Every month, on its day of the month.' } },
});

export enum RoadmapStepStatusEnum {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}
registerEnumType(RoadmapStepStatusEnum, {
  description: 'Where an integration step stands.',
  name: 'RoadmapStepStatus',
  valuesMap: {
    NOT_STARTED: { description: 'No evidence yet (or, for a step set by hand, never set or set so).' },
    IN_PROGRESS: { description: 'Some evidence, not all at its threshold.' },
    DONE: { description: 'Every piece of evidence at its threshold (or set so by hand).' },
  },
});

export enum BrainstormThemeEnum {
  STRATEGY = 'STRATEGY',
  CONTENT = 'CONTENT',
}
registerEnumType(BrainstormThemeEnum, {
  name: 'BrainstormTheme',
  description: 'Odd ISO weeks: STRATEGY; even ISO weeks: CONTENT ideas.',
  valuesMap: { STRATEGY: { description: 'Strategy ideas (odd ISO weeks).' }, CONTENT: { description: 'Content ideas (even ISO weeks).' } },
});

export enum AgendaSlotKindEnum {
  MEMBER_UPDATE = 'MEMBER_UPDATE',
  BRAINSTORM = 'BRAINSTORM',
}
registerEnumType(AgendaSlotKindEnum, {
  description: 'What an agenda slot of the weekly meeting is for.',
  name: 'AgendaSlotKind',
  valuesMap: {
    MEMBER_UPDATE: { description: 'Ten minutes for one person of the task force.' },
    BRAINSTORM: { description: "Twenty minutes of brainstorming on the week's theme." },
  },
});
