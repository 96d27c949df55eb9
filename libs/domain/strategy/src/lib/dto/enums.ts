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
}
registerEnumType(TaskForceRoleEnum, { name: 'TaskForceRole', description: 'The task-force functions of seed 001 §2.' });

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
