import { Injectable } from '@nestjs/common';
import { EvidenceRegistry } from '@socle/platform-evidence';
import { badInput } from '@socle/platform-errors';
import type { Actor } from '@socle/platform-auth';
import { asLocale, Locale } from '../i18n';
import { StrategyCtx, StrategyRepository } from '../repositories';
import {
  isManualStep,
  NOT_MEASURED_YET,
  ROADMAP_EVIDENCE_KEYS,
  ROADMAP_STEPS,
  roadmapStep,
  RoadmapStep,
  RoadmapStepStatus,
  stepStatus,
} from './roadmap-steps';

export interface RoadmapStepView {
  step: RoadmapStep;
  status: RoadmapStepStatus;
  note: string | null;
  updatedAt: Date | null;
  evidence: { key: string; score: number; measured: boolean; explanation: string }[];
}

/**
 * The ten integration steps with their status: measured steps from the
 * evidence registry (a key no running module provides counts 0, "not measured
 * yet"), manual steps from what the task force recorded.
 */
@Injectable()
export class RoadmapService {
  constructor(
    private readonly repo: StrategyRepository,
    private readonly registry: EvidenceRegistry,
  ) {}

  async locale(ctx: StrategyCtx): Promise<Locale> {
    return asLocale((await this.repo.organization(ctx)).locale);
  }

  async roadmap(ctx: StrategyCtx, at = new Date()): Promise<{ locale: Locale; steps: RoadmapStepView[] }> {
    const locale = asLocale((await this.repo.organization(ctx)).locale);
    const keys = ROADMAP_EVIDENCE_KEYS.filter((k) => this.registry.has(k));
    const results = await this.registry.compute({ uow: ctx.uow, organizationId: ctx.organizationId, at }, keys);
    const stored = new Map((await this.repo.roadmapStatuses(ctx)).map((s) => [s.step, s]));
    const manual = new Map([...stored.values()].map((s) => [s.step, s.status]));
    const steps = ROADMAP_STEPS.map((step): RoadmapStepView => {
      const record = isManualStep(step) ? stored.get(step.number) : undefined;
      return {
        step,
        status: stepStatus(step, (k) => results.get(k)?.score, manual),
        note: record?.note ?? null,
        updatedAt: record?.updatedAt ?? null,
        evidence: step.evidenceKeys.map((key) => {
          const r = results.get(key);
          return r
            ? { key, score: r.score, measured: true, explanation: r.explanation[locale] }
            : { key, score: 0, measured: false, explanation: NOT_MEASURED_YET[locale] };
        }),
      };
    });
    return { locale, steps };
  }

  /** Records the status of a manual step; a measured step refuses, changing nothing. */
  async setStepStatus(
    ctx: StrategyCtx & { actor: Actor },
    input: { step: number; status: RoadmapStepStatus; note?: string | null },
  ): Promise<RoadmapStepView> {
    const step = roadmapStep(input.step);
    if (!step) throw badInput('input.step', 'must be a step number from 1 to 10');
    if (!isManualStep(step)) {
      throw badInput(
        'input.step',
        `step ${step.number} (${step.title.en}) is computed from ${step.evidenceKeys.join(', ')}: it cannot be set by hand; nothing was changed`,
      );
    }
    const note = input.note?.trim() ?? '';
    await this.repo.setRoadmapStatus(ctx, {
      step: step.number,
      status: input.status,
      note,
      updatedBy: ctx.actor.type === 'USER' ? ctx.actor.id : null,
    });
    return { step, status: input.status, note, updatedAt: new Date(), evidence: [] };
  }
}
