/**
 * Validation of content rules data (as an organisation edits it): every problem,
 * with its path in the data and a readable message. Never throws.
 */
import { normaliseForMatching } from './normalise';
import { CONTENT_RULE_KINDS, type ContentRule, type RuleProblem } from './types';

const LABEL = /^(?!-)[\p{L}\p{N}\p{M}-]{1,63}(?<!-)$/u;
const TLD = /^(?:[\p{L}\p{M}]{2,63}|xn--[a-z0-9-]{1,59})$/u;

/** Why `domain` is not a bare host name like "spam.example", or null when it is one. */
export function domainProblem(domain: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(domain) || /[/?#@:\s]/.test(domain)) {
    return `"${domain}" is not a bare domain: write the host name only, like "spam.example" (no "https://", path, port or spaces)`;
  }
  const labels = domain.replace(/\.$/, '').split('.');
  if (labels.length < 2) return `"${domain}" is not a domain: it needs at least one dot, like "spam.example"`;
  if (domain.length > 253) return `"${domain}" is longer than 253 characters`;
  for (const label of labels) {
    if (!LABEL.test(label)) return `"${domain}" has an invalid part "${label}": letters, digits and inner hyphens only, 1 to 63 characters`;
  }
  if (!TLD.test(labels[labels.length - 1])) return `"${domain}" does not end with a valid top-level domain`;
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkStrings(
  rule: Record<string, unknown>,
  field: string,
  at: string,
  problems: RuleProblem[],
  each: (value: string, path: string) => void = () => undefined,
): void {
  const values = rule[field];
  if (!Array.isArray(values)) {
    problems.push({ path: `${at}.${field}`, message: `${field} must be a list of strings` });
    return;
  }
  if (values.length === 0) problems.push({ path: `${at}.${field}`, message: `${field} must not be empty` });
  values.forEach((value, index) => {
    const path = `${at}.${field}[${index}]`;
    if (typeof value !== 'string') problems.push({ path, message: `must be a string` });
    else if (value.trim() === '') problems.push({ path, message: `must not be empty` });
    else each(value, path);
  });
}

function checkMatchable(value: string, path: string, problems: RuleProblem[]): void {
  if (normaliseForMatching(value).trim() === '')
    problems.push({ path, message: `"${value}" has nothing left to match once accents and invisible characters are removed` });
}

/** The fields each kind of rule has: anything else is refused, so nothing unknown is stored. */
const FIELDS: Record<ContentRule['kind'], readonly string[]> = {
  AVOID_WORDS: ['words'],
  REQUIRED_DISCLOSURE: ['contentKinds', 'anyOf'],
  FORBIDDEN_LINK_DOMAINS: ['domains'],
  MAX_HASHTAGS: ['max'],
  NETWORK_LIMITS: ['networks'],
  ADDRESS_FORM: ['form'],
};
const COMMON_FIELDS = ['id', 'kind', 'severity'];

/**
 * Every problem of a list of rules. `unknownFields: 'ignore'` is for rules
 * already stored (compiled for checks), which were written before unknown
 * fields were refused: they must keep working.
 */
export function validateRules(rules: unknown, options: { unknownFields?: 'refuse' | 'ignore' } = {}): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!Array.isArray(rules)) return [{ path: '', message: 'rules must be a list' }];
  const ids = new Map<string, number>();
  rules.forEach((rule: unknown, index) => {
    const at = `[${index}]`;
    if (!isRecord(rule)) {
      problems.push({ path: at, message: 'a rule must be an object' });
      return;
    }
    if (typeof rule['id'] !== 'string' || rule['id'].trim() === '')
      problems.push({ path: `${at}.id`, message: 'id must be a non-empty string' });
    else {
      const first = ids.get(rule['id']);
      if (first !== undefined)
        problems.push({ path: `${at}.id`, message: `duplicate id "${rule['id']}" (already used by rule [${first}])` });
      else ids.set(rule['id'], index);
    }
    if (rule['severity'] !== 'BLOCK' && rule['severity'] !== 'WARN')
      problems.push({ path: `${at}.severity`, message: 'severity must be BLOCK or WARN' });
    const kind = rule['kind'];
    if (typeof kind !== 'string' || !(CONTENT_RULE_KINDS as readonly string[]).includes(kind)) {
      problems.push({ path: `${at}.kind`, message: `kind must be one of ${CONTENT_RULE_KINDS.join(', ')}` });
      return;
    }
    if (options.unknownFields !== 'ignore') {
      const known = new Set([...COMMON_FIELDS, ...FIELDS[kind as ContentRule['kind']]]);
      for (const field of Object.keys(rule).filter((f) => !known.has(f))) {
        const path = /^[A-Za-z_$][\w$]*$/.test(field) ? `${at}.${field}` : `${at}[${JSON.stringify(field.slice(0, 50))}]`;
        problems.push({ path, message: `is not a field of a ${kind} rule (fields: ${[...known].join(', ')})` });
      }
    }
    switch (kind as ContentRule['kind']) {
      case 'AVOID_WORDS':
        checkStrings(rule, 'words', at, problems, (word, path) => checkMatchable(word, path, problems));
        break;
      case 'REQUIRED_DISCLOSURE':
        checkStrings(rule, 'contentKinds', at, problems);
        checkStrings(rule, 'anyOf', at, problems, (term, path) => checkMatchable(term, path, problems));
        break;
      case 'FORBIDDEN_LINK_DOMAINS':
        checkStrings(rule, 'domains', at, problems, (domain, path) => {
          const problem = domainProblem(domain.trim());
          if (problem) problems.push({ path, message: problem });
        });
        break;
      case 'MAX_HASHTAGS': {
        const max = rule['max'];
        if (typeof max !== 'number' || !Number.isInteger(max) || max < 0) {
          problems.push({ path: `${at}.max`, message: 'max must be a whole number, 0 or more' });
        }
        break;
      }
      case 'NETWORK_LIMITS':
        if (rule['networks'] !== undefined) checkStrings(rule, 'networks', at, problems);
        break;
      case 'ADDRESS_FORM':
        if (rule['form'] !== 'tu' && rule['form'] !== 'vous') problems.push({ path: `${at}.form`, message: 'form must be "tu" or "vous"' });
        break;
    }
  });
  return problems;
}
