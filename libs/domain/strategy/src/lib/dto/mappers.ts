import { derivedId } from '@socle/platform-graphql';
import type { BrandVoice } from '../brand-voice/brand-voice.reader';
import { Locale } from '../i18n';
import type { CompetitorRecord, NetworkPlanRecord, RitualRecord, SegmentRecord, TaskForceMemberRecord } from '../repositories';
import type { RoadmapStepView } from '../roadmap/roadmap.service';
import { AgendaSlot } from '../task-force/agenda';
import { nextOccurrence } from '../task-force/calendar';
import { isTaskForceFunction, TASK_FORCE_ROLE_LABELS } from '../task-force/roles';
import { cadenceOf, WeeklyMeeting } from '../task-force/task-force.service';
import {
  AddressFormEnum,
  AgendaSlotKindEnum,
  AudienceUsageEnum,
  BrainstormThemeEnum,
  RitualCadenceEnum,
  RitualKindEnum,
  RoadmapStepStatusEnum,
  TaskForceRoleEnum,
} from './enums';
import {
  AgendaSlotObject,
  AudienceSegmentObject,
  BrandVoiceObject,
  CompetitorObject,
  NetworkPlanObject,
  RitualObject,
  RoadmapStepObject,
  TaskForceMemberObject,
  WeeklyMeetingObject,
} from './objects';

export const RITUAL_KIND_LABELS: Record<string, { fr: string; en: string }> = {
  WEEKLY_MEETING: { fr: 'Réunion hebdomadaire de la task force', en: 'Weekly task-force meeting' },
  MONTHLY_EXECUTIVE_REPORT: { fr: 'Rapport mensuel à la direction', en: 'Monthly executive report' },
  BEST_CONTENT_MAIL: { fr: 'Mail mensuel des meilleurs contenus', en: 'Monthly best-content mail' },
  DIGITAL_TEAMS_MEETING: { fr: 'Rencontre avec les équipes digitales', en: 'Meeting with the digital teams' },
  OTHER: { fr: 'Rituel', en: 'Ritual' },
};

export const toSegment = (s: SegmentRecord): AudienceSegmentObject => ({ ...s, usages: s.usages as AudienceUsageEnum[] });

export const toPlan = (p: NetworkPlanRecord): NetworkPlanObject => ({ ...p, segments: p.segments.map(toSegment) });

export const toCompetitor = (c: CompetitorRecord): CompetitorObject => ({ ...c });

export const toBrandVoice = (organizationId: string, v: BrandVoice): BrandVoiceObject => ({
  id: derivedId('BrandVoice', organizationId),
  ...v,
  addressForm: v.addressForm as AddressFormEnum | null,
});

export function toTaskForceMember(m: TaskForceMemberRecord, locale: Locale): TaskForceMemberObject {
  return {
    id: m.id,
    role: m.role as TaskForceRoleEnum,
    roleLabel: TASK_FORCE_ROLE_LABELS[m.role][locale],
    userId: m.userId,
    name: m.name,
    external: m.userId === null,
    externalContact: m.externalContact,
    department: m.department ?? null,
    taskForceFunction: isTaskForceFunction(m.role),
    createdAt: m.createdAt,
  };
}

export function toRitual(r: RitualRecord, locale: Locale, now = new Date()): RitualObject {
  return {
    id: r.id,
    kind: r.kind as RitualKindEnum,
    title: r.title ?? RITUAL_KIND_LABELS[r.kind][locale],
    cadence: r.cadence as RitualCadenceEnum,
    weekday: r.weekday,
    dayOfMonth: r.dayOfMonth,
    time: r.time,
    timezone: r.timezone,
    nextOccurrence: nextOccurrence(cadenceOf(r), r.timezone, now).startsAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function toSlot(s: AgendaSlot, startsAt: Date, locale: Locale): AgendaSlotObject {
  return {
    kind: s.kind as AgendaSlotKindEnum,
    title: s.title[locale],
    memberIds: s.memberIds,
    name: s.name,
    roles: s.roles as TaskForceRoleEnum[],
    theme: s.theme as BrainstormThemeEnum | null,
    startOffsetMinutes: s.startOffsetMinutes,
    endOffsetMinutes: s.endOffsetMinutes,
    startsAt: new Date(startsAt.getTime() + s.startOffsetMinutes * 60_000),
    endsAt: new Date(startsAt.getTime() + s.endOffsetMinutes * 60_000),
  };
}

export function toWeeklyMeeting(m: WeeklyMeeting, locale: Locale): WeeklyMeetingObject {
  return {
    ritualId: m.ritual.id,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    localDate: m.localDate,
    time: m.ritual.time,
    timezone: m.ritual.timezone,
    isoWeek: m.isoWeek,
    brainstormTheme: m.brainstormTheme as BrainstormThemeEnum,
    durationMinutes: Math.round((m.endsAt.getTime() - m.startsAt.getTime()) / 60_000),
    agenda: m.agenda.map((s) => toSlot(s, m.startsAt, locale)),
  };
}

export function toRoadmapStep(v: RoadmapStepView, locale: Locale): RoadmapStepObject {
  return {
    number: v.step.number,
    key: v.step.key,
    title: v.step.title[locale],
    description: v.step.description[locale],
    status: v.status as RoadmapStepStatusEnum,
    manual: v.step.evidenceKeys.length === 0,
    note: v.note,
    updatedAt: v.updatedAt,
    evidence: v.evidence,
  };
}
