/**
 * Content rules are plain data (JSON-serialisable) that an organisation edits;
 * the engine compiles them once into a matcher and checks drafts against it.
 */

export type Severity = 'BLOCK' | 'WARN';

/** Language of the organisation: the language of every violation message. */
export type ContentLocale = 'fr' | 'en';

interface RuleBase {
  /** Unique within the organisation's rules; reported on each violation. */
  id: string;
  severity: Severity;
}

/** Words and phrases to avoid (brand voice), matched as whole words, case- and accent-insensitive. */
export interface AvoidWordsRule extends RuleBase {
  kind: 'AVOID_WORDS';
  words: string[];
}

/** Content of one of `contentKinds` must carry one of `anyOf` (e.g. "#pub", "#ad", "partenariat rémunéré"). */
export interface RequiredDisclosureRule extends RuleBase {
  kind: 'REQUIRED_DISCLOSURE';
  contentKinds: string[];
  anyOf: string[];
}

/** Links to these domains, or to any of their subdomains, are not allowed. */
export interface ForbiddenLinkDomainsRule extends RuleBase {
  kind: 'FORBIDDEN_LINK_DOMAINS';
  domains: string[];
}

export interface MaxHashtagsRule extends RuleBase {
  kind: 'MAX_HASHTAGS';
  max: number;
}

/**
 * The text must fit the target network's limits, supplied by the caller (from the
 * connector's manifest). `networks` restricts the rule to these network ids.
 */
export interface NetworkLimitsRule extends RuleBase {
  kind: 'NETWORK_LIMITS';
  networks?: string[];
}

/**
 * French form of address of the brand voice: with `vous`, the informal pronouns
 * (tu, toi, te, t', ton, ta, tes) are flagged; with `tu`, the formal ones (vous, votre, vos, vôtre, vôtres).
 */
export interface AddressFormRule extends RuleBase {
  kind: 'ADDRESS_FORM';
  form: 'tu' | 'vous';
}

export type ContentRule =
  AvoidWordsRule | RequiredDisclosureRule | ForbiddenLinkDomainsRule | MaxHashtagsRule | NetworkLimitsRule | AddressFormRule;

export type ContentRuleKind = ContentRule['kind'];

export const CONTENT_RULE_KINDS: readonly ContentRuleKind[] = [
  'AVOID_WORDS',
  'REQUIRED_DISCLOSURE',
  'FORBIDDEN_LINK_DOMAINS',
  'MAX_HASHTAGS',
  'NETWORK_LIMITS',
  'ADDRESS_FORM',
];

/** How a network counts text length (same values as the connector manifest's `text.counting`). */
export type LengthCounting = 'graphemes' | 'code-points-urls-as-23' | 'code-points';

/** A network's text limits: the connector manifest's `text` field plus the network's id and name. */
export interface NetworkTextLimits {
  /** Network id, e.g. "mastodon"; matched against `NetworkLimitsRule.networks`. */
  network: string;
  /** Name shown in messages; defaults to `network`. */
  displayName?: string;
  maxLength: number;
  counting: LengthCounting;
  /** Upper bound in UTF-8 bytes, when the network has one besides the length. */
  maxBytes?: number;
}

export interface CheckOptions {
  network?: NetworkTextLimits;
  /** Kind of content (e.g. "sponsored"), for REQUIRED_DISCLOSURE rules. */
  contentKind?: string;
}

export interface Violation {
  ruleId: string;
  kind: ContentRuleKind;
  severity: Severity;
  /** UTF-16 offsets into the checked text: `text.slice(start, end)` is the offending part (empty when nothing is there to highlight). */
  start: number;
  end: number;
  /** Readable message in the organisation's language. */
  message: string;
}

export interface ContentOrganisation {
  locale: ContentLocale;
  rules: readonly ContentRule[];
}

export interface RuleProblem {
  /** Where in the rules data, e.g. `[2].words[4]`. */
  path: string;
  message: string;
}
