/**
 * Comment-handling rules as data (seed 002 step 5 C: how, delay, by whom,
 * content of the answer, crisis structure) and the due time of one comment.
 * Pure: the community inbox calls `responseDue` with the organisation's rules.
 */
import { ORGANIZATION_ROLES, type OrganizationRole } from '@socle/platform-auth';
import { addBusinessDuration, type BusinessCalendar } from '../business-calendar/business-calendar';

export const COMMENT_SEVERITIES = ['LOW', 'NORMAL', 'HIGH', 'CRISIS'] as const;
export type CommentSeverity = (typeof COMMENT_SEVERITIES)[number];

/** A rule for every channel the organisation has no rule for. */
export const ANY_CHANNEL = '*';

export interface ReplyTemplate {
  language: 'fr' | 'en';
  text: string;
}

export interface CommentHandlingRule {
  /** A network id (e.g. "mastodon") or "*" for every other channel. */
  channel: string;
  severity: CommentSeverity;
  /** Minutes from reception to the first answer: calendar minutes, or business minutes with `businessHours`. */
  responseMinutes: number;
  /**
   * Count `responseMinutes` in the organisation's business hours only (its business
   * calendar: working hours, public holidays, closed days), not round the clock.
   */
  businessHours: boolean;
  responsibleRole: OrganizationRole;
  /** Hand the comment to crisis handling (alert, suggested pause). */
  escalate: boolean;
  replyTemplates: readonly ReplyTemplate[];
}

/**
 * What applies when the organisation has no rule for a channel and severity:
 * the community manager answers within two days (LOW), one day (NORMAL), four
 * hours (HIGH) or one hour (CRISIS, escalated).
 */
export const DEFAULT_COMMENT_RULES: Readonly<
  Record<CommentSeverity, Omit<CommentHandlingRule, 'channel' | 'severity' | 'replyTemplates'>>
> = {
  LOW: { responseMinutes: 2880, responsibleRole: 'COMMUNITY_MANAGER', escalate: false, businessHours: false },
  NORMAL: { responseMinutes: 1440, responsibleRole: 'COMMUNITY_MANAGER', escalate: false, businessHours: false },
  HIGH: { responseMinutes: 240, responsibleRole: 'COMMUNITY_MANAGER', escalate: false, businessHours: false },
  CRISIS: { responseMinutes: 60, responsibleRole: 'COMMUNITY_MANAGER', escalate: true, businessHours: false },
};

export interface ResponseDue {
  dueAt: Date;
  responseMinutes: number;
  /** Whether `responseMinutes` were counted in business hours (false also when no calendar was given). */
  businessHours: boolean;
  responsibleRole: OrganizationRole;
  escalate: boolean;
  templates: readonly ReplyTemplate[];
  /** RULE when one of the organisation's rules applied, DEFAULT otherwise. */
  source: 'RULE' | 'DEFAULT';
  /** The channel of the rule that applied ("*" or the network), null for the default. */
  channel: string | null;
}

/**
 * When a comment must be answered, and by whom. The most specific rule wins:
 * the rule of the comment's network over the "*" rule, for its severity; with
 * neither, `DEFAULT_COMMENT_RULES`. A rule counted in business hours needs the
 * organisation's `calendar` (`CommentRulesService.get` returns it with the rules);
 * without one its minutes count round the clock, and the answer says so.
 */
export function responseDue(
  rules: readonly CommentHandlingRule[],
  comment: { network: string; severity: CommentSeverity; receivedAt: Date },
  calendar: BusinessCalendar | null = null,
): ResponseDue {
  const forSeverity = rules.filter((r) => r.severity === comment.severity);
  const rule = forSeverity.find((r) => r.channel === comment.network) ?? forSeverity.find((r) => r.channel === ANY_CHANNEL);
  const applied = rule ?? DEFAULT_COMMENT_RULES[comment.severity];
  const businessHours = applied.businessHours === true && calendar !== null;
  return {
    dueAt:
      businessHours && calendar
        ? addBusinessDuration(comment.receivedAt, applied.responseMinutes, calendar)
        : new Date(comment.receivedAt.getTime() + applied.responseMinutes * 60_000),
    responseMinutes: applied.responseMinutes,
    businessHours,
    responsibleRole: applied.responsibleRole,
    escalate: applied.escalate,
    templates: rule?.replyTemplates ?? [],
    source: rule ? 'RULE' : 'DEFAULT',
    channel: rule?.channel ?? null,
  };
}

export const MAX_RESPONSE_MINUTES = 30 * 24 * 60;
const CHANNEL = /^(\*|[a-z0-9-]{1,40})$/;

/** Every problem of a rule set, with its path (`[2].responseMinutes`). Never throws. */
export function validateCommentRules(rules: readonly CommentHandlingRule[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const seen = new Map<string, number>();
  rules.forEach((rule, index) => {
    const at = `[${index}]`;
    if (!CHANNEL.test(rule.channel))
      problems.push({ path: `${at}.channel`, message: 'must be a network id such as mastodon, or * for every channel' });
    if (!(COMMENT_SEVERITIES as readonly string[]).includes(rule.severity))
      problems.push({ path: `${at}.severity`, message: `must be one of ${COMMENT_SEVERITIES.join(', ')}` });
    if (!Number.isInteger(rule.responseMinutes) || rule.responseMinutes <= 0 || rule.responseMinutes > MAX_RESPONSE_MINUTES) {
      problems.push({
        path: `${at}.responseMinutes`,
        message: `must be a whole number of minutes above 0 and at most ${MAX_RESPONSE_MINUTES} (30 days)`,
      });
    }
    if (typeof rule.businessHours !== 'boolean') problems.push({ path: `${at}.businessHours`, message: 'must be true or false' });
    if (!(ORGANIZATION_ROLES as readonly string[]).includes(rule.responsibleRole)) {
      problems.push({ path: `${at}.responsibleRole`, message: `must be one of ${ORGANIZATION_ROLES.join(', ')}` });
    }
    rule.replyTemplates.forEach((t, i) => {
      if (t.text.trim() === '') problems.push({ path: `${at}.replyTemplates[${i}].text`, message: 'must not be empty' });
    });
    const key = `${rule.channel}|${rule.severity}`;
    const first = seen.get(key);
    if (first !== undefined)
      problems.push({ path: `${at}`, message: `repeats channel ${rule.channel} and severity ${rule.severity} of rule [${first}]` });
    else seen.set(key, index);
  });
  return problems;
}
