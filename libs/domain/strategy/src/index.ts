export { StrategyModule } from './lib/strategy.module';
export { KpiMeasureEnum } from './lib/dto/enums';
export { FeedbackActionStatusEnum } from './lib/actions/feedback-action.resolver';
export { AddressForm, BrandVoice, BrandVoiceReader } from './lib/brand-voice/brand-voice.reader';
export { STRATEGY_ENTITIES } from './lib/entities';
export { ROADMAP_STEPS, ROADMAP_EVIDENCE_KEYS, RoadmapStep, RoadmapStepStatus } from './lib/roadmap/roadmap-steps';
export { STRATEGY_EVIDENCE_KEYS, STRATEGY_EVIDENCE_DEFINITIONS } from './lib/evidence/strategy-evidence';
export { GOVERNANCE_EVIDENCE_KEYS, GOVERNANCE_EVIDENCE_DEFINITIONS } from './lib/governance/governance-evidence';
export {
  TASK_FORCE_ROLES,
  TASK_FORCE_ROLE_LABELS,
  TaskForceRole,
  TaskForceFunction,
  TEAM_ROLES,
  TeamRole,
  TASK_FORCE_MEMBER_ROLES,
  ROLE_FAMILIES,
  RoleFamily,
  isTaskForceFunction,
  taskForcePeople,
  TaskForcePerson,
} from './lib/task-force/roles';
import { Strategy1764300000000 } from './lib/migrations/1764300000000-strategy';
import { KpiMeasure1765000000310 } from './lib/migrations/1765000000310-kpi-measure';
import { Governance1765000001100 } from './lib/migrations/1765000001100-governance';
import { TaskForceRoles1765000001210 } from './lib/migrations/1765000001210-task-force-roles';
import { AdvocacyDigestSchedule1765000001600 } from './lib/migrations/1765000001600-advocacy-digest-schedule';

export const STRATEGY_MIGRATIONS = [
  Strategy1764300000000,
  KpiMeasure1765000000310,
  Governance1765000001100,
  TaskForceRoles1765000001210,
  AdvocacyDigestSchedule1765000001600,
];
export { SendAdvocacyDigestJob, SEND_ADVOCACY_DIGEST_JOB, AdvocacyDigestPayload } from './lib/governance/advocacy/advocacy.jobs';
export { MonthlyMailContext, MonthlyMailJob, MonthlyMailPayload } from './lib/governance/advocacy/monthly-mail-job';
export { digestDueAt, dueDigest, firstBusinessDay, nextDigestAt } from './lib/governance/advocacy/advocacy-schedule';
// Calendar arithmetic in an IANA time zone (Intl only), shared with the modules that count in local days.
export { LocalDate, isValidTimeZone, wallClock, localDateOf, addDays, isoWeekday, formatDate, parseDate } from './lib/task-force/calendar';
