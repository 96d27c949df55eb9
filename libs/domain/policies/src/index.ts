export * from './lib/content-rules';
export { CommentSeverityEnum } from './lib/dto/objects';
export { PoliciesModule, PoliciesModuleOptions } from './lib/policies.module';
export { POLICIES_ENTITIES } from './lib/entities';
export {
  POLICY_KINDS,
  PolicyKind,
  POLICY_VERSION_STATUSES,
  PolicyVersionStatus,
  FOUR_STEP5_KINDS,
  PolicySection,
  nextStatus,
  isEditable,
} from './lib/documents/policy-model';
export { PolicyService } from './lib/documents/policy.service';
export { POLICY_TEMPLATES, PolicyTemplate, policyTemplate, policyTemplates } from './lib/templates/policy-templates';
export {
  COMMENT_SEVERITIES,
  CommentSeverity,
  CommentHandlingRule,
  DEFAULT_COMMENT_RULES,
  ReplyTemplate,
  ResponseDue,
  responseDue,
  ANY_CHANNEL,
} from './lib/comment-rules/response-due';
export { CommentRulesService, CommentHandlingRuleSet } from './lib/comment-rules/comment-rules.service';
export {
  addBusinessDuration,
  BusinessCalendar,
  defaultBusinessCalendar,
  isOpenDay,
  NoBusinessTimeError,
  WorkingPeriod,
} from './lib/business-calendar/business-calendar';
export { HOLIDAY_COUNTRIES, HolidayCountry, PublicHoliday, publicHolidays, easterSunday } from './lib/business-calendar/holidays';
export { BusinessCalendarService, readBusinessCalendar } from './lib/business-calendar/business-calendar.service';
export { ContentRulesService, brandVoiceRules, effectiveRules } from './lib/content-rules-store/content-rules.service';
export {
  NETWORK_TEXT_LIMITS,
  NetworkTextLimitsSource,
  networkTextLimitsFromManifests,
  NO_NETWORK_TEXT_LIMITS,
} from './lib/content-rules-store/network-text-limits';
export { POLICIES_EVIDENCE, policiesEvidenceProvider } from './lib/evidence/policies.evidence';
import { MAIL_MIGRATIONS } from '@socle/platform-mail';
import { Policies1764400000000 } from './lib/migrations/1764400000000-policies';
import { BusinessCalendar1765000001200 } from './lib/migrations/1765000001200-business-calendar';
import { StaffAcknowledgementsReview1765000001010 } from './lib/migrations/1765000001010-staff-acknowledgements-review';

/** The mail outbox comes with the policies: their acknowledgement links are the platform's first mails. */
export const POLICIES_MIGRATIONS = [
  Policies1764400000000,
  ...MAIL_MIGRATIONS,
  StaffAcknowledgementsReview1765000001010,
  BusinessCalendar1765000001200,
];
