import { Inject, Injectable, Optional } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { badInput } from '@socle/platform-errors';
import { BrandVoice, BrandVoiceReader } from '@socle/strategy';
import {
  check,
  compileContentPolicy,
  CompiledContentPolicy,
  ContentLocale,
  ContentRule,
  normaliseForMatching,
  validateRules,
  Violation,
} from '../content-rules';
import type { TenantCtx } from '../documents/policy.repository';
import { NETWORK_TEXT_LIMITS, NetworkTextLimitsSource, NO_NETWORK_TEXT_LIMITS } from './network-text-limits';

/** Ids of the rules the platform adds; an organisation's own rules may not use them. */
export const BRAND_VOICE_RULE_ID = 'brand-voice';
export const BRAND_VOICE_ADDRESS_RULE_ID = 'brand-voice-address-form';
export const NETWORK_LIMITS_RULE_ID = 'network-limits';
const RESERVED_IDS = [BRAND_VOICE_RULE_ID, BRAND_VOICE_ADDRESS_RULE_ID, NETWORK_LIMITS_RULE_ID];

/** Rules derived from the brand voice: words to avoid and the form of address, as warnings. */
export function brandVoiceRules(voice: Pick<BrandVoice, 'wordsToAvoid' | 'addressForm'> | null): ContentRule[] {
  if (!voice) return [];
  const rules: ContentRule[] = [];
  const words = [...new Set(voice.wordsToAvoid.map((w) => w.trim()).filter((w) => normaliseForMatching(w).trim() !== ''))];
  if (words.length > 0) rules.push({ id: BRAND_VOICE_RULE_ID, kind: 'AVOID_WORDS', severity: 'WARN', words });
  if (voice.addressForm)
    rules.push({
      id: BRAND_VOICE_ADDRESS_RULE_ID,
      kind: 'ADDRESS_FORM',
      severity: 'WARN',
      form: voice.addressForm === 'TU' ? 'tu' : 'vous',
    });
  return rules;
}

/**
 * Everything a check applies: the organisation's rules, the brand voice's, and
 * the connector's text limits (BLOCK: the network would refuse the post)
 * unless the organisation wrote its own NETWORK_LIMITS rule.
 */
export function effectiveRules(own: readonly ContentRule[], voice: Pick<BrandVoice, 'wordsToAvoid' | 'addressForm'> | null): ContentRule[] {
  const implicitLimits: ContentRule[] = own.some((r) => r.kind === 'NETWORK_LIMITS')
    ? []
    : [{ id: NETWORK_LIMITS_RULE_ID, kind: 'NETWORK_LIMITS', severity: 'BLOCK' }];
  return [...own, ...brandVoiceRules(voice), ...implicitLimits];
}

export interface ContentRuleSet {
  rules: ContentRule[];
  version: number;
  updatedAt: Date | null;
}

interface CacheEntry {
  version: number;
  rules: ContentRule[];
  key: string;
  compiled: CompiledContentPolicy;
}

const MAX_CACHED_ORGANIZATIONS = 2000;

/**
 * Content rules stored as one JSON list per organisation (validated on write,
 * with the path of every problem), and checks against them. Compiled policies
 * are cached per organisation under the rules' version, the brand voice's
 * update time and the language: a check reads the version (and the rules only
 * when they changed) and the brand voice, and recompiles only when one moved.
 */
@Injectable()
export class ContentRulesService {
  private readonly cache = new Map<string, CacheEntry>();
  /** Compilations since start (tests and the benchmark read it). */
  compilations = 0;

  constructor(
    private readonly brandVoices: BrandVoiceReader,
    private readonly audit: AuditRepository,
    @Optional() @Inject(NETWORK_TEXT_LIMITS) private readonly networks: NetworkTextLimitsSource | null,
  ) {}

  async get(ctx: TenantCtx): Promise<ContentRuleSet> {
    const [row] = await ctx.uow.query<{ rules: ContentRule[]; version: number; updated_at: Date }>(
      'SELECT rules, version, updated_at FROM content_rule_sets WHERE organization_id = $1',
      [ctx.organizationId],
    );
    return row ? { rules: row.rules, version: row.version, updatedAt: row.updated_at } : { rules: [], version: 0, updatedAt: null };
  }

  async brandVoiceRules(ctx: TenantCtx): Promise<ContentRule[]> {
    return brandVoiceRules(await this.brandVoices.read(ctx.uow, ctx.organizationId));
  }

  async set(ctx: TenantCtx, rules: unknown[]): Promise<ContentRuleSet> {
    const problems = validateRules(rules).map((p) => ({ field: `input.rules${p.path}`, message: p.message }));
    rules.forEach((rule, index) => {
      const id = (rule as { id?: unknown }).id;
      if (typeof id === 'string' && RESERVED_IDS.includes(id)) {
        problems.push({
          field: `input.rules[${index}].id`,
          message: `"${id}" is reserved for the rules the platform adds (${RESERVED_IDS.join(', ')})`,
        });
      }
    });
    if (problems.length > 0) throw badInput(problems);
    const [row] = await ctx.uow.query<{ version: number; updated_at: Date }>(
      `INSERT INTO content_rule_sets (organization_id, rules, version, updated_by) VALUES ($1, $2::jsonb, 1, $3)
       ON CONFLICT (organization_id) DO UPDATE SET rules = EXCLUDED.rules, version = content_rule_sets.version + 1,
         updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING version, updated_at`,
      [ctx.organizationId, JSON.stringify(rules), ctx.actor.type === 'USER' ? ctx.actor.id : null],
    );
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'content_rules.updated',
        targetType: 'ContentRuleSet',
        targetId: ctx.organizationId,
        metadata: { version: row.version, rules: rules.length },
      },
      ctx.requestId,
    );
    return { rules: rules as ContentRule[], version: row.version, updatedAt: row.updated_at };
  }

  /** Violations of `text`, sorted by position, with messages in the organisation's language. */
  async check(
    ctx: TenantCtx,
    input: { text: string; network?: string; contentKind?: string },
  ): Promise<{ blocked: boolean; violations: Violation[] }> {
    const source = this.networks ?? NO_NETWORK_TEXT_LIMITS;
    const limits = input.network === undefined ? undefined : source.limits(input.network);
    if (input.network !== undefined && !limits) {
      throw badInput('input.network', `is not an enabled network that publishes text (enabled: ${source.networks().join(', ') || 'none'})`);
    }
    const policy = await this.compiled(ctx);
    const violations = check(policy, input.text, { network: limits ?? undefined, contentKind: input.contentKind });
    return { blocked: violations.some((v) => v.severity === 'BLOCK'), violations };
  }

  /** The organisation's compiled policy, from the cache when neither its rules, its brand voice nor its language changed. */
  async compiled(ctx: TenantCtx): Promise<CompiledContentPolicy> {
    const cached = this.cache.get(ctx.organizationId);
    const [row] = await ctx.uow.query<{ locale: ContentLocale; version: number | null; rules: ContentRule[] | null }>(
      `SELECT o.locale, s.version, CASE WHEN s.version IS DISTINCT FROM $2 THEN s.rules END AS rules
         FROM organizations o LEFT JOIN content_rule_sets s ON s.organization_id = o.id WHERE o.id = $1`,
      [ctx.organizationId, cached?.version ?? null],
    );
    const voice = await this.brandVoices.read(ctx.uow, ctx.organizationId);
    const version = row?.version ?? 0;
    const rules = version === 0 ? [] : (row?.rules ?? cached?.rules ?? []);
    const key = `${version}|${voice?.updatedAt?.toISOString() ?? '-'}|${row?.locale ?? 'fr'}`;
    if (cached && cached.key === key) {
      // Most recently used last, so eviction drops the coldest organisation.
      this.cache.delete(ctx.organizationId);
      this.cache.set(ctx.organizationId, cached);
      return cached.compiled;
    }
    const compiled = compileContentPolicy({ locale: row?.locale ?? 'fr', rules: effectiveRules(rules, voice) });
    this.compilations += 1;
    this.cache.delete(ctx.organizationId);
    this.cache.set(ctx.organizationId, { version, rules, key, compiled });
    if (this.cache.size > MAX_CACHED_ORGANIZATIONS) this.cache.delete(this.cache.keys().next().value as string);
    return compiled;
  }
}
