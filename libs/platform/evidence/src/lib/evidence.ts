import { Global, Injectable, Module } from '@nestjs/common';
import type { UnitOfWork } from '@socle/platform-database';

/** Words shown to people, in both product languages. */
export interface LocalisedText {
  en: string;
  fr: string;
}

export type EvidenceValue = number | boolean | string | null;

/** One piece of evidence about one organisation at one point in time. */
export interface EvidenceResult {
  /** The raw observation (a count, a share, a flag). */
  value: EvidenceValue;
  /** Normalised 0..1: how far the organisation is towards what the method asks. */
  score: number;
  /** A sentence a client executive understands ("3 of 4 policy kinds approved; …"). */
  explanation: LocalisedText;
}

/** What a provider computes: its key (`module.name`), what it measures, which seed it comes from. */
export interface EvidenceDefinition {
  key: string;
  title: LocalisedText;
  description: LocalisedText;
  /** The source document(s) of the method the evidence comes from, e.g. "seed 002, step 5". */
  source: string;
}

export interface EvidenceContext {
  /** The unit of work of the caller, already scoped to `organizationId` (row-level security applies). */
  readonly uow: UnitOfWork;
  readonly organizationId: string;
  readonly at: Date;
  /** Results of the evidence computed earlier in this run (the keys a provider `dependsOn`). */
  readonly earlier: ReadonlyMap<string, EvidenceResult>;
}

/**
 * A module's contribution to the registry: several evidence keys computed
 * together, so a provider can read what it needs in one or two statements
 * whatever the amount of data (the live-score job runs it for every client).
 */
export interface EvidenceProvider {
  readonly module: string;
  readonly definitions: readonly EvidenceDefinition[];
  /** Keys of other providers this one reads from `ctx.earlier`. */
  readonly dependsOn?: readonly string[];
  compute(ctx: EvidenceContext): Promise<Record<string, EvidenceResult>>;
}

export function clampScore(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.min(1, Math.max(0, score));
}

/**
 * The evidence extension point: each domain module registers its providers at
 * start-up (in `onModuleInit`); the roadmap and the maturity assessments read
 * evidence by key without knowing which module computes it.
 */
@Injectable()
export class EvidenceRegistry {
  private readonly providers: EvidenceProvider[] = [];
  private readonly byKey = new Map<string, { definition: EvidenceDefinition; provider: EvidenceProvider }>();
  private ordered?: EvidenceProvider[];

  register(provider: EvidenceProvider): void {
    for (const definition of provider.definitions) {
      if (!/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/.test(definition.key))
        throw new Error(`evidence key "${definition.key}" must look like module.name`);
      if (this.byKey.has(definition.key)) throw new Error(`evidence key "${definition.key}" is registered twice`);
    }
    for (const definition of provider.definitions) this.byKey.set(definition.key, { definition, provider });
    this.providers.push(provider);
    this.ordered = undefined;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  definition(key: string): EvidenceDefinition | undefined {
    return this.byKey.get(key)?.definition;
  }

  definitions(): EvidenceDefinition[] {
    return [...this.byKey.values()].map((v) => v.definition).sort((a, b) => a.key.localeCompare(b.key));
  }

  /**
   * Computes the providers that yield `keys` (and what they depend on), in
   * dependency order, inside the caller's unit of work. Without `keys`, all.
   */
  async compute(ctx: Omit<EvidenceContext, 'earlier'>, keys?: readonly string[]): Promise<Map<string, EvidenceResult>> {
    const wanted = keys ? this.closure(keys) : this.order();
    const results = new Map<string, EvidenceResult>();
    for (const provider of wanted) {
      const out = await provider.compute({ ...ctx, earlier: results });
      for (const definition of provider.definitions) {
        const result = out[definition.key];
        if (!result) throw new Error(`evidence provider ${provider.module} did not compute ${definition.key}`);
        results.set(definition.key, { ...result, score: clampScore(result.score) });
      }
    }
    return results;
  }

  private closure(keys: readonly string[]): EvidenceProvider[] {
    const needed = new Set<EvidenceProvider>();
    const visit = (key: string, asked: boolean): void => {
      const entry = this.byKey.get(key);
      if (!entry) {
        if (asked) throw new Error(`unknown evidence key "${key}"`);
        return; // a dependency no module provides in this process reads as absent from ctx.earlier
      }
      if (needed.has(entry.provider)) return;
      needed.add(entry.provider);
      (entry.provider.dependsOn ?? []).forEach((k) => visit(k, false));
    };
    keys.forEach((k) => visit(k, true));
    return this.order().filter((p) => needed.has(p));
  }

  private order(): EvidenceProvider[] {
    if (this.ordered) return this.ordered;
    const done = new Set<EvidenceProvider>();
    const visiting = new Set<EvidenceProvider>();
    const out: EvidenceProvider[] = [];
    const visit = (provider: EvidenceProvider): void => {
      if (done.has(provider)) return;
      if (visiting.has(provider)) throw new Error(`evidence providers depend on each other in a cycle (${provider.module})`);
      visiting.add(provider);
      for (const key of provider.dependsOn ?? []) {
        const entry = this.byKey.get(key);
        if (entry) visit(entry.provider); // a missing dependency reads as absent from ctx.earlier
      }
      visiting.delete(provider);
      done.add(provider);
      out.push(provider);
    };
    this.providers.forEach(visit);
    this.ordered = out;
    return out;
  }
}

/** One registry per process; domain modules inject it to register their providers. */
@Global()
@Module({ providers: [EvidenceRegistry], exports: [EvidenceRegistry] })
export class EvidenceModule {}
