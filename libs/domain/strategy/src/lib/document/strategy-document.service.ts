import { Injectable } from '@nestjs/common';
import { BrandVoiceReader } from '../brand-voice/brand-voice.reader';
import { RITUAL_KIND_LABELS } from '../dto/mappers';
import { asLocale } from '../i18n';
import { StrategyCtx, StrategyRepository } from '../repositories';
import { nextOccurrence } from '../task-force/calendar';
import { cadenceOf } from '../task-force/task-force.service';
import { StrategyDocumentData, strategyMarkdown } from './strategy-document';

/** Assembles the written strategy of one organisation (a fixed number of statements, whatever its size). */
@Injectable()
export class StrategyDocumentService {
  constructor(
    private readonly repo: StrategyRepository,
    private readonly brandVoices: BrandVoiceReader,
  ) {}

  async document(ctx: StrategyCtx, now = new Date()): Promise<{ data: StrategyDocumentData; markdown: string }> {
    const org = await this.repo.organization(ctx);
    const locale = asLocale(org.locale);
    const objectives = await this.repo.allObjectives(ctx);
    const kpis = objectives.length
      ? await this.repo.kpisOf(
          ctx,
          objectives.map((o) => o.id),
        )
      : [];
    const data: StrategyDocumentData = {
      organizationName: org.name,
      locale,
      generatedAt: now,
      objectives,
      kpis,
      segments: await this.repo.allSegments(ctx),
      plans: await this.repo.allPlans(ctx),
      brandVoice: await this.brandVoices.read(ctx.uow, ctx.organizationId),
      competitors: await this.repo.allCompetitors(ctx),
      taskForce: await this.repo.allTaskForce(ctx),
      rituals: (await this.repo.allRituals(ctx)).map((r) => ({
        ...r,
        displayTitle: r.title ?? RITUAL_KIND_LABELS[r.kind][locale],
        next: nextOccurrence(cadenceOf(r), r.timezone, now).startsAt,
      })),
    };
    return { data, markdown: strategyMarkdown(data) };
  }
}
