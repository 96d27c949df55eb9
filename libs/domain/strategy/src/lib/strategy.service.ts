import { Injectable } from '@nestjs/common';
import { badInput, FieldProblem, notFound } from '@socle/platform-errors';
import { BrandVoice, BrandVoiceReader } from './brand-voice/brand-voice.reader';
import { uniqueOr } from './errors';
import {
  CompetitorRecord,
  KpiRecord,
  NetworkPlanRecord,
  ObjectiveRecord,
  SegmentRecord,
  StrategyCtx,
  StrategyRepository,
} from './repositories';
import { cleanText, contradictoryWords, normaliseWords, objectiveProblems } from './validation';
import type { KeysetPage } from '@socle/platform-graphql';
import type {
  CreateAudienceSegmentInput,
  CreateCompetitorInput,
  CreateKpiInput,
  CreateNetworkPlanInput,
  CreateObjectiveInput,
  SetBrandVoiceInput,
  UpdateAudienceSegmentInput,
  UpdateCompetitorInput,
  UpdateKpiInput,
  UpdateNetworkPlanInput,
  UpdateObjectiveInput,
} from './dto/inputs';

const given = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

/** A required column cannot be set to null by an update. */
function notNull(input: object, fields: string[]): FieldProblem[] {
  return fields
    .filter((f) => (input as Record<string, unknown>)[f] === null)
    .map((f) => ({ field: `input.${f}`, message: 'cannot be removed (null): leave it out to keep it' }));
}

function throwIf(problems: FieldProblem[]): void {
  if (problems.length) throw badInput(problems);
}

/**
 * Objectives and KPIs, audience segments, network plans, competitors and the
 * brand voice. Every method takes the caller's organisation context first;
 * any refusal happens before a write, and a failed mutation stores nothing.
 */
@Injectable()
export class StrategyService {
  constructor(
    private readonly repo: StrategyRepository,
    private readonly brandVoices: BrandVoiceReader,
  ) {}

  // ------------------------------------------------------------------ objectives

  pageObjectives(ctx: StrategyCtx, keyset: KeysetPage): Promise<ObjectiveRecord[]> {
    return this.repo.pageObjectives(ctx, keyset);
  }

  countObjectives(ctx: StrategyCtx): Promise<number> {
    return this.repo.countObjectives(ctx);
  }

  async objective(ctx: StrategyCtx, id: string): Promise<ObjectiveRecord> {
    const o = await this.repo.findObjective(ctx, id);
    if (!o) throw notFound('Objective', id);
    return o;
  }

  async createObjective(ctx: StrategyCtx, input: CreateObjectiveInput): Promise<ObjectiveRecord> {
    const { timezone } = await this.repo.organization(ctx);
    throwIf(objectiveProblems({ baseline: input.baseline, target: input.target, deadline: input.deadline }, new Date(), timezone));
    return this.repo.insertObjective(ctx, {
      kind: input.kind,
      title: input.title.trim(),
      description: input.description?.trim() ?? '',
      metric: input.metric.trim(),
      baseline: input.baseline,
      target: input.target,
      unit: cleanText(input.unit),
      deadline: input.deadline,
    });
  }

  async updateObjective(ctx: StrategyCtx, input: UpdateObjectiveInput): Promise<ObjectiveRecord> {
    const current = await this.objective(ctx, input.id);
    const { timezone } = await this.repo.organization(ctx);
    const problems = notNull(input, ['kind', 'title', 'metric', 'baseline', 'target', 'deadline']);
    problems.push(
      ...objectiveProblems(
        {
          baseline: input.baseline ?? current.baseline,
          target: input.target ?? current.target,
          deadline: input.deadline ?? undefined,
        },
        new Date(),
        timezone,
      ),
    );
    throwIf(problems);
    const updated = await this.repo.updateObjective(ctx, input.id, {
      kind: input.kind ?? undefined,
      title: input.title?.trim(),
      description: input.description === null ? '' : input.description?.trim(),
      metric: input.metric?.trim(),
      baseline: input.baseline ?? undefined,
      target: input.target ?? undefined,
      unit: input.unit === undefined ? undefined : cleanText(input.unit),
      deadline: input.deadline ?? undefined,
    });
    if (!updated) throw notFound('Objective', input.id);
    return updated;
  }

  /** Deletes the objective and its KPIs. */
  async deleteObjective(ctx: StrategyCtx, id: string): Promise<string> {
    if ((await this.repo.deleteObjective(ctx, id)) === 0) throw notFound('Objective', id);
    return id;
  }

  // ------------------------------------------------------------------ KPIs

  kpisOf(ctx: StrategyCtx, objectiveIds: readonly string[]): Promise<KpiRecord[]> {
    return this.repo.kpisOf(ctx, objectiveIds);
  }

  async createKpi(ctx: StrategyCtx, input: CreateKpiInput): Promise<KpiRecord> {
    if (!(await this.repo.findObjective(ctx, input.objectiveId))) throw notFound('Objective', input.objectiveId);
    return this.repo.insertKpi(ctx, {
      objectiveId: input.objectiveId,
      name: input.name.trim(),
      metric: input.metric.trim(),
      unit: cleanText(input.unit),
      target: input.target,
      frequency: input.frequency,
      measure: input.measure ?? null,
    });
  }

  async updateKpi(ctx: StrategyCtx, input: UpdateKpiInput): Promise<KpiRecord> {
    throwIf(notNull(input, ['name', 'metric', 'target', 'frequency']));
    const updated = await this.repo.updateKpi(ctx, input.id, {
      name: input.name?.trim(),
      metric: input.metric?.trim(),
      unit: input.unit === undefined ? undefined : cleanText(input.unit),
      target: input.target ?? undefined,
      frequency: input.frequency ?? undefined,
      measure: input.measure,
    });
    if (!updated) throw notFound('KPI', input.id);
    return updated;
  }

  async deleteKpi(ctx: StrategyCtx, id: string): Promise<string> {
    if ((await this.repo.deleteKpi(ctx, id)) === 0) throw notFound('KPI', id);
    return id;
  }

  // ------------------------------------------------------------------ audience segments

  pageSegments(ctx: StrategyCtx, keyset: KeysetPage): Promise<SegmentRecord[]> {
    return this.repo.pageSegments(ctx, keyset);
  }

  countSegments(ctx: StrategyCtx): Promise<number> {
    return this.repo.countSegments(ctx);
  }

  createSegment(ctx: StrategyCtx, input: CreateAudienceSegmentInput): Promise<SegmentRecord> {
    return uniqueOr(
      () =>
        this.repo.insertSegment(ctx, {
          name: input.name.trim(),
          description: input.description?.trim() ?? '',
          needs: input.needs?.trim() ?? '',
          usages: [...new Set(input.usages ?? [])],
        }),
      'audience_segments_name_key',
      'input.name',
      'An audience segment with this name already exists.',
    );
  }

  async updateSegment(ctx: StrategyCtx, input: UpdateAudienceSegmentInput): Promise<SegmentRecord> {
    throwIf(notNull(input, ['name']));
    const updated = await uniqueOr(
      () =>
        this.repo.updateSegment(ctx, input.id, {
          name: input.name?.trim(),
          description: input.description === null ? '' : input.description?.trim(),
          needs: input.needs === null ? '' : input.needs?.trim(),
          usages: input.usages === undefined ? undefined : [...new Set(input.usages ?? [])],
        }),
      'audience_segments_name_key',
      'input.name',
      'An audience segment with this name already exists.',
    );
    if (!updated) throw notFound('Audience segment', input.id);
    return updated;
  }

  /** Deletes the segment; the network plans that addressed it no longer do. */
  async deleteSegment(ctx: StrategyCtx, id: string): Promise<string> {
    if ((await this.repo.deleteSegment(ctx, id)) === 0) throw notFound('Audience segment', id);
    return id;
  }

  // ------------------------------------------------------------------ network plans

  pagePlans(ctx: StrategyCtx, keyset: KeysetPage): Promise<NetworkPlanRecord[]> {
    return this.repo.pagePlans(ctx, keyset);
  }

  countPlans(ctx: StrategyCtx): Promise<number> {
    return this.repo.countPlans(ctx);
  }

  private async checkSegments(ctx: StrategyCtx, ids: readonly string[]): Promise<void> {
    const found = await this.repo.existingSegmentIds(ctx, ids);
    const problems = ids
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !found.has(id))
      .map(({ id, i }) => ({ field: `input.segmentIds[${i}]`, message: `${id} is not an audience segment of this organization` }));
    throwIf(problems);
  }

  async createPlan(ctx: StrategyCtx, input: CreateNetworkPlanInput): Promise<NetworkPlanRecord> {
    await this.checkSegments(ctx, input.segmentIds);
    const id = await uniqueOr(
      () =>
        this.repo.insertPlan(ctx, {
          network: input.network,
          rationale: input.rationale?.trim() ?? '',
          postsPerWeek: input.postsPerWeek,
          reservedHandle: cleanText(input.reservedHandle),
        }),
      'network_plans_organization_id_network_key',
      'input.network',
      `There is already a plan for ${input.network}: update it instead.`,
    );
    await this.repo.setPlanSegments(ctx, id, input.segmentIds);
    return (await this.repo.findPlan(ctx, id)) as NetworkPlanRecord;
  }

  async updatePlan(ctx: StrategyCtx, input: UpdateNetworkPlanInput): Promise<NetworkPlanRecord> {
    throwIf(notNull(input, ['postsPerWeek']));
    if (!(await this.repo.findPlan(ctx, input.id))) throw notFound('Network plan', input.id);
    if (given(input.segmentIds)) await this.checkSegments(ctx, input.segmentIds);
    await this.repo.updatePlan(ctx, input.id, {
      rationale: input.rationale === null ? '' : input.rationale?.trim(),
      posts_per_week: input.postsPerWeek ?? undefined,
      reserved_handle: input.reservedHandle === undefined ? undefined : cleanText(input.reservedHandle),
    });
    if (input.segmentIds !== undefined) await this.repo.setPlanSegments(ctx, input.id, input.segmentIds ?? []);
    return (await this.repo.findPlan(ctx, input.id)) as NetworkPlanRecord;
  }

  async deletePlan(ctx: StrategyCtx, id: string): Promise<string> {
    if ((await this.repo.deletePlan(ctx, id)) === 0) throw notFound('Network plan', id);
    return id;
  }

  // ------------------------------------------------------------------ competitors

  pageCompetitors(ctx: StrategyCtx, keyset: KeysetPage): Promise<CompetitorRecord[]> {
    return this.repo.pageCompetitors(ctx, keyset);
  }

  countCompetitors(ctx: StrategyCtx): Promise<number> {
    return this.repo.countCompetitors(ctx);
  }

  private handles(list: { network: string; handle: string }[]): { network: string; handle: string }[] {
    const seen = new Set<string>();
    return list
      .map((h) => ({ network: h.network, handle: h.handle.trim() }))
      .filter((h) => {
        const key = `${h.network}\u0000${h.handle.toLowerCase()}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  }

  createCompetitor(ctx: StrategyCtx, input: CreateCompetitorInput): Promise<CompetitorRecord> {
    return uniqueOr(
      () =>
        this.repo.insertCompetitor(ctx, {
          name: input.name.trim(),
          handles: this.handles(input.handles ?? []),
          notes: input.notes?.trim() ?? '',
        }),
      'competitors_name_key',
      'input.name',
      'A competitor with this name already exists.',
    );
  }

  async updateCompetitor(ctx: StrategyCtx, input: UpdateCompetitorInput): Promise<CompetitorRecord> {
    throwIf(notNull(input, ['name']));
    const updated = await uniqueOr(
      () =>
        this.repo.updateCompetitor(ctx, input.id, {
          name: input.name?.trim(),
          handles: input.handles === undefined ? undefined : this.handles(input.handles ?? []),
          notes: input.notes === null ? '' : input.notes?.trim(),
        }),
      'competitors_name_key',
      'input.name',
      'A competitor with this name already exists.',
    );
    if (!updated) throw notFound('Competitor', input.id);
    return updated;
  }

  async deleteCompetitor(ctx: StrategyCtx, id: string): Promise<string> {
    if ((await this.repo.deleteCompetitor(ctx, id)) === 0) throw notFound('Competitor', id);
    return id;
  }

  // ------------------------------------------------------------------ brand voice

  brandVoice(ctx: StrategyCtx): Promise<BrandVoice | null> {
    return this.brandVoices.read(ctx.uow, ctx.organizationId);
  }

  async setBrandVoice(ctx: StrategyCtx, input: SetBrandVoiceInput): Promise<BrandVoice> {
    const use = normaliseWords(input.wordsToUse, 'input.wordsToUse');
    const avoid = normaliseWords(input.wordsToAvoid, 'input.wordsToAvoid');
    const problems = [...use.problems, ...avoid.problems];
    const both = contradictoryWords(use.words, avoid.words);
    if (both.length) problems.push({ field: 'input.wordsToAvoid', message: `also listed in wordsToUse: ${both.slice(0, 5).join(', ')}` });
    throwIf(problems);
    await this.repo.upsertBrandVoice(ctx, {
      tone: input.tone.trim(),
      wordsToUse: use.words,
      wordsToAvoid: avoid.words,
      addressForm: input.addressForm ?? null,
    });
    return (await this.brandVoice(ctx)) as BrandVoice;
  }
}
