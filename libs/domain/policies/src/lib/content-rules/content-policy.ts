/**
 * Compile an organisation's content rules once (one automaton for every word, phrase,
 * disclosure and pronoun of every rule), then check drafts against the compiled policy.
 */
import { findHashtags, findLinks, normaliseHost } from './links';
import {
  addressFormMessage,
  avoidWordMessage,
  bytesMessage,
  disclosureMessage,
  forbiddenDomainMessage,
  hashtagsMessage,
  lengthMessage,
} from './messages';
import { accentVariants, normaliseForMatching, normaliseInto } from './normalise';
import { measureText, measureUtf8 } from './text-length';
import type {
  AddressFormRule,
  CheckOptions,
  ContentLocale,
  ContentOrganisation,
  ContentRule,
  MaxHashtagsRule,
  NetworkLimitsRule,
  NetworkTextLimits,
  RequiredDisclosureRule,
  RuleProblem,
  Violation,
} from './types';
import { validateRules } from './validate-rules';
import { StemMatcher, WordAutomaton, type RawMatch } from './word-matcher';

/** Pronouns flagged by an ADDRESS_FORM rule, by the form the brand voice uses. */
export const OTHER_FORM_PRONOUNS: Readonly<Record<'tu' | 'vous', readonly string[]>> = {
  vous: ['tu', 'toi', 'te', "t'", 'ton', 'ta', 'tes'],
  tu: ['vous', 'votre', 'vos', 'vôtre', 'vôtres'],
};

export class InvalidContentRulesError extends Error {
  constructor(readonly problems: RuleProblem[]) {
    super(`Invalid content rules: ${problems.map((p) => `${p.path || '(rules)'}: ${p.message}`).join('; ')}`);
    this.name = 'InvalidContentRulesError';
  }
}

/** What a pattern of the automaton stands for, in one rule. */
interface Target {
  rule: number;
  /** The word, phrase or term as the rule lists it (shown in messages). */
  label: string;
}

/** An organisation's rules, compiled for checking. Build with `compileContentPolicy`; immutable, cacheable. */
export class CompiledContentPolicy {
  /** @internal */ readonly automaton: WordAutomaton | null;
  /** @internal Words to avoid in their inflected forms (entry i stands for `stemTargets[i]`). */
  readonly stems: StemMatcher | null;
  /** @internal */ readonly stemTargets: readonly Target[];
  /** @internal */ readonly targets: readonly (readonly Target[])[];
  /** @internal */ readonly domains: ReadonlyMap<string, readonly number[]>;
  /** @internal */ readonly hashtagRules: readonly number[];
  /** @internal */ readonly networkRules: readonly number[];
  /** @internal */ readonly disclosureRules: readonly number[];
  /** @internal */ readonly wordRules: readonly number[];
  /** @internal */ readonly order: ReadonlyMap<string, number>;

  /** @internal */
  constructor(
    readonly locale: ContentLocale,
    readonly rules: readonly ContentRule[],
  ) {
    const patternIndex = new Map<string, number>();
    const targets: Target[][] = [];
    const add = (term: string, rule: number) => {
      const normalised = normaliseForMatching(term).trim();
      if (!normalised) return;
      for (const variant of accentVariants(normalised)) {
        let index = patternIndex.get(variant);
        if (index === undefined) {
          index = targets.length;
          patternIndex.set(variant, index);
          targets.push([]);
        }
        if (!targets[index].some((t) => t.rule === rule)) targets[index].push({ rule, label: term.trim() });
      }
    };
    const domains = new Map<string, number[]>();
    const hashtagRules: number[] = [];
    const networkRules: number[] = [];
    const disclosureRules: number[] = [];
    const wordRules: number[] = [];
    const stemEntries: string[] = [];
    const stemTargets: Target[] = [];
    rules.forEach((rule, index) => {
      switch (rule.kind) {
        case 'AVOID_WORDS':
          wordRules.push(index);
          for (const word of rule.words) {
            add(word, index);
            const normalised = normaliseForMatching(word).trim();
            if (normalised) {
              stemEntries.push(normalised);
              stemTargets.push({ rule: index, label: word.trim() });
            }
          }
          break;
        case 'ADDRESS_FORM':
          wordRules.push(index);
          for (const word of OTHER_FORM_PRONOUNS[rule.form]) add(word, index);
          break;
        case 'REQUIRED_DISCLOSURE':
          disclosureRules.push(index);
          for (const term of rule.anyOf) add(term, index);
          break;
        case 'FORBIDDEN_LINK_DOMAINS':
          for (const domain of rule.domains) {
            const host = normaliseHost(domain.trim());
            const list = domains.get(host) ?? [];
            if (!list.includes(index)) list.push(index);
            domains.set(host, list);
          }
          break;
        case 'MAX_HASHTAGS':
          hashtagRules.push(index);
          break;
        case 'NETWORK_LIMITS':
          networkRules.push(index);
          break;
      }
    });
    this.automaton = targets.length > 0 ? new WordAutomaton([...patternIndex.keys()]) : null;
    const stems = new StemMatcher(stemEntries);
    this.stems = stems.empty ? null : stems;
    this.stemTargets = stemTargets;
    this.targets = targets;
    this.domains = domains;
    this.hashtagRules = hashtagRules;
    this.networkRules = networkRules;
    this.disclosureRules = disclosureRules;
    this.wordRules = wordRules;
    this.order = new Map(rules.map((rule, index) => [rule.id, index]));
  }
}

/** Compiles validated rules; throws `InvalidContentRulesError` listing every problem otherwise. */
export function compileContentPolicy(organisation: ContentOrganisation): CompiledContentPolicy {
  const problems = validateRules(organisation.rules, { unknownFields: 'ignore' });
  if (problems.length > 0) throw new InvalidContentRulesError(problems);
  return new CompiledContentPolicy(organisation.locale, organisation.rules);
}

function violation(rule: ContentRule, start: number, end: number, message: string): Violation {
  return { ruleId: rule.id, kind: rule.kind, severity: rule.severity, start, end, message };
}

const found: RawMatch[] = [];

function checkWords(policy: CompiledContentPolicy, text: string, options: CheckOptions, out: Violation[]): void {
  const automaton = policy.automaton;
  if (automaton === null) return;
  const normalised = normaliseInto(text);
  found.length = 0;
  automaton.scan(normalised.units, normalised.length, found);
  const disclosed = new Set<number>();
  // Per word rule: matches as [start, end, label], in original offsets.
  const hits = new Map<number, { start: number; end: number; label: string }[]>();
  // Inflected forms of the words to avoid (same text, same spans): added to the rule's hits below.
  const inflected: RawMatch[] = [];
  policy.stems?.scan(normalised.units, normalised.length, inflected);
  for (const match of inflected) {
    const target = policy.stemTargets[match.pattern];
    let list = hits.get(target.rule);
    if (!list) hits.set(target.rule, (list = []));
    list.push({ start: normalised.starts[match.start], end: normalised.ends[match.end - 1], label: target.label });
  }
  for (const match of found) {
    const start = normalised.starts[match.start];
    const end = normalised.ends[match.end - 1];
    for (const target of policy.targets[match.pattern]) {
      const rule = policy.rules[target.rule];
      if (rule.kind === 'REQUIRED_DISCLOSURE') disclosed.add(target.rule);
      else {
        let list = hits.get(target.rule);
        if (!list) hits.set(target.rule, (list = []));
        list.push({ start, end, label: target.label });
      }
    }
  }
  for (const [ruleIndex, list] of hits) {
    const rule = policy.rules[ruleIndex];
    // Overlapping matches of one rule: the leftmost, then the longest, wins ("prix imbattable" over "prix").
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    let reachedTo = -1;
    for (const hit of list) {
      if (hit.start < reachedTo) continue;
      reachedTo = hit.end;
      const message =
        rule.kind === 'ADDRESS_FORM'
          ? addressFormMessage(policy.locale, text.slice(hit.start, hit.end), (rule as AddressFormRule).form)
          : avoidWordMessage(policy.locale, hit.label);
      out.push(violation(rule, hit.start, hit.end, message));
    }
  }
  const contentKind = options.contentKind;
  if (contentKind === undefined) return;
  for (const ruleIndex of policy.disclosureRules) {
    const rule = policy.rules[ruleIndex] as RequiredDisclosureRule;
    if (!rule.contentKinds.includes(contentKind) || disclosed.has(ruleIndex)) continue;
    // Nothing to highlight: an empty span where the disclosure could be added.
    out.push(violation(rule, text.length, text.length, disclosureMessage(policy.locale, contentKind, rule.anyOf)));
  }
}

function checkLinks(policy: CompiledContentPolicy, text: string, out: Violation[]): void {
  if (policy.domains.size === 0) return;
  for (const link of findLinks(text)) {
    // The host, then each parent domain: "ads.spam.example", "spam.example", "example".
    for (let host = link.host; host;) {
      const rules = policy.domains.get(host);
      if (rules) {
        for (const ruleIndex of rules)
          out.push(violation(policy.rules[ruleIndex], link.start, link.end, forbiddenDomainMessage(policy.locale, host, link.host)));
      }
      const dot = host.indexOf('.');
      host = dot < 0 ? '' : host.slice(dot + 1);
    }
  }
}

function checkHashtags(policy: CompiledContentPolicy, text: string, out: Violation[]): void {
  if (policy.hashtagRules.length === 0) return;
  const hashtags = findHashtags(text);
  for (const ruleIndex of policy.hashtagRules) {
    const rule = policy.rules[ruleIndex] as MaxHashtagsRule;
    if (hashtags.length <= rule.max) continue;
    // The span runs over the hashtags beyond the limit.
    out.push(
      violation(
        rule,
        hashtags[rule.max].start,
        hashtags[hashtags.length - 1].end,
        hashtagsMessage(policy.locale, hashtags.length, rule.max),
      ),
    );
  }
}

function checkNetwork(policy: CompiledContentPolicy, text: string, network: NetworkTextLimits | undefined, out: Violation[]): void {
  if (network === undefined || policy.networkRules.length === 0) return;
  const rules = policy.networkRules
    .map((index) => policy.rules[index] as NetworkLimitsRule)
    .filter((rule) => rule.networks === undefined || rule.networks.includes(network.network));
  if (rules.length === 0) return;
  const name = network.displayName ?? network.network;
  const length = measureText(text, network.counting, network.maxLength);
  const bytes = network.maxBytes === undefined ? undefined : measureUtf8(text, network.maxBytes);
  for (const rule of rules) {
    if (length.overflowAt >= 0) {
      // The span is the part beyond the limit.
      out.push(
        violation(
          rule,
          length.overflowAt,
          text.length,
          lengthMessage(policy.locale, name, length.length, network.maxLength, network.counting),
        ),
      );
    }
    if (bytes !== undefined && network.maxBytes !== undefined && bytes.overflowAt >= 0) {
      out.push(violation(rule, bytes.overflowAt, text.length, bytesMessage(policy.locale, name, bytes.length, network.maxBytes)));
    }
  }
}

/**
 * Every violation of the compiled rules in `text`, sorted by position (then by rule
 * order). Offsets are UTF-16 indexes into `text`.
 */
export function check(policy: CompiledContentPolicy, text: string, options: CheckOptions = {}): Violation[] {
  const out: Violation[] = [];
  checkWords(policy, text, options, out);
  checkLinks(policy, text, out);
  checkHashtags(policy, text, out);
  checkNetwork(policy, text, options.network, out);
  if (out.length > 1) {
    const order = policy.order;
    out.sort((a, b) => a.start - b.start || a.end - b.end || (order.get(a.ruleId) ?? 0) - (order.get(b.ruleId) ?? 0));
  }
  return out;
}

// Compiled policies by rules list and locale: rules are treated as immutable data
// (an edit produces a new list, hence a new compilation).
const cache = new WeakMap<readonly ContentRule[], Map<ContentLocale, CompiledContentPolicy>>();

/** Compiles (once per rules list and locale) and checks. Throws `InvalidContentRulesError` on invalid rules. */
export function checkContent(
  organisation: ContentOrganisation,
  text: string,
  network?: NetworkTextLimits,
  options: { contentKind?: string } = {},
): Violation[] {
  let byLocale = cache.get(organisation.rules);
  if (!byLocale) cache.set(organisation.rules, (byLocale = new Map()));
  let policy = byLocale.get(organisation.locale);
  if (!policy) byLocale.set(organisation.locale, (policy = compileContentPolicy(organisation)));
  return check(policy, text, { network, contentKind: options.contentKind });
}
