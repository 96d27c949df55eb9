import { Injectable } from '@nestjs/common';
import type { UnitOfWork } from '@socle/platform-database';
import type { EvidenceContext, EvidenceDefinition, EvidenceProvider, EvidenceResult } from '@socle/platform-evidence';

export const RECENT_ASSESSMENT_KEY = 'evaluation.recentAssessment';

const FRESH_DAYS = 90;
const STALE_DAYS = 365;
const DAY_MS = 24 * 3600 * 1000;

/**
 * 1 while the latest finalised assessment is less than 90 days old, then
 * decreasing linearly to 0 at 365 days (seed 002, step 10: evaluation is a
 * recurring step, not a one-off). No finalised assessment: 0.
 */
export function recentAssessmentScore(daysSince: number | null): number {
  if (daysSince === null) return 0;
  if (daysSince < FRESH_DAYS) return 1;
  if (daysSince >= STALE_DAYS) return 0;
  return Math.round(((STALE_DAYS - daysSince) / (STALE_DAYS - FRESH_DAYS)) * 1000) / 1000;
}

export function recentAssessmentEvidence(lastAssessedAt: Date | null, at: Date): EvidenceResult {
  if (!lastAssessedAt) {
    return {
      value: null,
      score: 0,
      explanation: { en: 'No maturity assessment has been finalised yet.', fr: 'Aucune évaluation de maturité n’a encore été finalisée.' },
    };
  }
  const days = Math.max(0, Math.floor((at.getTime() - lastAssessedAt.getTime()) / DAY_MS));
  const score = recentAssessmentScore(days);
  const when = {
    en: days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`,
    fr: days === 0 ? 'aujourd’hui' : days === 1 ? 'il y a 1 jour' : `il y a ${days} jours`,
  };
  const advice =
    score >= 1
      ? { en: '', fr: '' }
      : {
          en: ' Assess again: the method asks for a regular evaluation.',
          fr: ' Évaluez de nouveau : la méthode demande une évaluation régulière.',
        };
  return {
    value: days,
    score,
    explanation: {
      en: `Last maturity assessment made ${when.en}.${advice.en}`,
      fr: `Dernière évaluation de maturité réalisée ${when.fr}.${advice.fr}`,
    },
  };
}

const DEFINITION: EvidenceDefinition = {
  key: RECENT_ASSESSMENT_KEY,
  title: { en: 'Recent maturity assessment', fr: 'Évaluation de maturité récente' },
  description: {
    en: 'A maturity assessment was finalised in the last 90 days (full score), decreasing to nothing at one year.',
    fr: 'Une évaluation de maturité a été finalisée dans les 90 derniers jours (score plein), puis de moins en moins jusqu’à un an.',
  },
  source: 'seed 002, step 10',
};

/**
 * One indexed statement per organisation, whatever the number of assessments —
 * or none when the caller's unit of work already read the latest finalised
 * assessment and said so with `prime` (the live score does: it saves one round
 * trip per organisation in the nightly run).
 */
@Injectable()
export class RecentAssessmentEvidence implements EvidenceProvider {
  readonly module = 'evaluation';
  readonly definitions = [DEFINITION];
  private readonly known = new WeakMap<UnitOfWork, { organizationId: string; lastAssessedAt: Date | null }>();

  /** Records what this unit of work read: the organisation's latest finalised assessment's date (null: none). */
  prime(uow: UnitOfWork, organizationId: string, lastAssessedAt: Date | null): void {
    this.known.set(uow, { organizationId, lastAssessedAt });
  }

  async compute(ctx: EvidenceContext): Promise<Record<string, EvidenceResult>> {
    const known = this.known.get(ctx.uow);
    if (known?.organizationId === ctx.organizationId && (!known.lastAssessedAt || known.lastAssessedAt <= ctx.at)) {
      return { [RECENT_ASSESSMENT_KEY]: recentAssessmentEvidence(known.lastAssessedAt, ctx.at) };
    }
    const [row] = await ctx.uow.prepared<{ last: Date | null }>(
      'evaluation_recent_assessment_dated',
      `SELECT max(assessed_at) AS last FROM maturity_assessments WHERE organization_id = $1 AND status = 'FINALIZED' AND assessed_at <= $2`,
      [ctx.organizationId, ctx.at],
    );
    return { [RECENT_ASSESSMENT_KEY]: recentAssessmentEvidence(row?.last ?? null, ctx.at) };
  }
}
