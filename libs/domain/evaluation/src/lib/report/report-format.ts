import type { ReportCriterion, ReportLocale } from './assessment-report';

/**
 * The renderers' own words and number/date formats, per report language. The
 * report's content (titles, answers, explanations) arrives already localised;
 * these are only the headings and labels around it.
 */
export interface ReportLabels {
  documentTitle: string;
  preparedBy: (agency: string) => string;
  model: (name: string, version: number) => string;
  finalizedOn: (date: string) => string;
  notFinalized: string;
  overallScore: string;
  level: string;
  levelValue: (level: { number: number; name: string }) => string;
  trend: (delta: string, since: string | null) => string;
  keyPoints: string;
  strongest: (dimension: string, score: string) => string;
  weakest: (dimension: string, score: string) => string;
  firstAction: (text: string) => string;
  profile: string;
  legendCurrent: string;
  legendPrevious: string;
  scoresByDimension: string;
  dimension: string;
  weight: string;
  score: string;
  previous: string;
  change: string;
  criteriaInDetail: string;
  kind: Record<ReportCriterion['kind'], string>;
  unanswered: string;
  comment: string;
  recommendations: string;
  roadmapStep: (step: { number: number; title: string }) => string;
  noRecommendations: string;
  noDimensions: string;
  page: (n: number, total: number) => string;
  /** CSV only. */
  csv: {
    rowType: string;
    overallRow: string;
    dimensionRow: string;
    criterionRow: string;
    criterionKey: string;
    criterion: string;
    kindColumn: string;
    scoreColumn: string;
    previousColumn: string;
    detail: string;
  };
}

// French typography puts a no-break space before ':' and around guillemets.
const NBSP = '\u00a0';

export const REPORT_LABELS: Record<ReportLocale, ReportLabels> = {
  fr: {
    documentTitle: 'Rapport de maturité social media',
    preparedBy: (agency) => `Préparé par ${agency}`,
    model: (name, version) => `Modèle${NBSP}: ${name} (version ${version})`,
    finalizedOn: (date) => `Évaluation réalisée le ${date}`,
    notFinalized: 'Évaluation en cours (brouillon, non finalisée)',
    overallScore: 'Score global',
    level: 'Niveau',
    levelValue: (level) => `${level.number} — ${level.name}`,
    trend: (delta, since) => (since ? `${delta} points depuis l’évaluation du ${since}` : `${delta} points depuis l’évaluation précédente`),
    keyPoints: 'Points clés',
    strongest: (dimension, score) => `Point fort${NBSP}: ${dimension} (${score})`,
    weakest: (dimension, score) => `Priorité${NBSP}: ${dimension} (${score})`,
    firstAction: (text) => `Première action${NBSP}: ${text}`,
    profile: 'Profil par dimension',
    legendCurrent: 'Cette évaluation',
    legendPrevious: 'Évaluation précédente',
    scoresByDimension: 'Scores par dimension',
    dimension: 'Dimension',
    weight: 'Poids',
    score: 'Score',
    previous: 'Précédent',
    change: 'Évolution',
    criteriaInDetail: 'Détail des critères',
    kind: { DECLARATIVE: 'Déclaratif', EVIDENCE: 'Preuve mesurée' },
    unanswered: 'Sans réponse',
    comment: 'Commentaire',
    recommendations: 'Recommandations',
    roadmapStep: (step) => `Étape ${step.number} de la feuille de route${NBSP}: ${step.title}`,
    noRecommendations: `Aucune recommandation${NBSP}: tous les critères sont au plus haut.`,
    noDimensions: 'Ce modèle ne comporte aucune dimension.',
    page: (n, total) => `Page ${n} / ${total}`,
    csv: {
      rowType: 'Type de ligne',
      overallRow: 'Global',
      dimensionRow: 'Dimension',
      criterionRow: 'Critère',
      criterionKey: 'Clé du critère',
      criterion: 'Critère',
      kindColumn: 'Nature',
      scoreColumn: 'Score (0-100)',
      previousColumn: 'Score précédent (0-100)',
      detail: 'Détail',
    },
  },
  en: {
    documentTitle: 'Social media maturity report',
    preparedBy: (agency) => `Prepared by ${agency}`,
    model: (name, version) => `Model: ${name} (version ${version})`,
    finalizedOn: (date) => `Assessment made on ${date}`,
    notFinalized: 'Assessment in progress (draft, not finalized)',
    overallScore: 'Overall score',
    level: 'Level',
    levelValue: (level) => `${level.number} — ${level.name}`,
    trend: (delta, since) => (since ? `${delta} points since the assessment of ${since}` : `${delta} points since the previous assessment`),
    keyPoints: 'Key points',
    strongest: (dimension, score) => `Strongest: ${dimension} (${score})`,
    weakest: (dimension, score) => `Priority: ${dimension} (${score})`,
    firstAction: (text) => `First action: ${text}`,
    profile: 'Profile by dimension',
    legendCurrent: 'This assessment',
    legendPrevious: 'Previous assessment',
    scoresByDimension: 'Scores by dimension',
    dimension: 'Dimension',
    weight: 'Weight',
    score: 'Score',
    previous: 'Previous',
    change: 'Change',
    criteriaInDetail: 'Criteria in detail',
    kind: { DECLARATIVE: 'Declarative', EVIDENCE: 'Measured evidence' },
    unanswered: 'Unanswered',
    comment: 'Comment',
    recommendations: 'Recommendations',
    roadmapStep: (step) => `Roadmap step ${step.number}: ${step.title}`,
    noRecommendations: 'No recommendation: every criterion is at its best.',
    noDimensions: 'This model has no dimension.',
    page: (n, total) => `Page ${n} of ${total}`,
    csv: {
      rowType: 'Row type',
      overallRow: 'Overall',
      dimensionRow: 'Dimension',
      criterionRow: 'Criterion',
      criterionKey: 'Criterion key',
      criterion: 'Criterion',
      kindColumn: 'Kind',
      scoreColumn: 'Score (0-100)',
      previousColumn: 'Previous score (0-100)',
      detail: 'Detail',
    },
  },
};

export function labelsFor(locale: ReportLocale): ReportLabels {
  return REPORT_LABELS[locale] ?? REPORT_LABELS.en;
}

function decimal(value: number, digits: number, locale: ReportLocale): string {
  const factor = 10 ** digits;
  // Rounding first avoids toFixed's binary surprises (62.45 → "62.4").
  const rounded = Math.round((value + Number.EPSILON) * factor) / factor + 0;
  const text = rounded.toFixed(digits);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/** A 0..100 score with one decimal: "62,5" in French, "62.5" in English. No digit grouping (scores stay ≤ 100). */
export function formatScore(value: number, locale: ReportLocale): string {
  return decimal(value, 1, locale);
}

/** A signed change of score: "+5,0", "-3,2", "0,0". Plain hyphen-minus, which every viewer and Excel reads. */
export function formatDelta(current: number, previous: number, locale: ReportLocale): string {
  const delta = Math.round((current - previous) * 10) / 10 + 0;
  return `${delta > 0 ? '+' : ''}${decimal(delta, 1, locale)}`;
}

/** A weight with at most two decimals and no trailing zeros: "2", "1,5". */
export function formatWeight(value: number, locale: ReportLocale): string {
  const text = String(Math.round(value * 100) / 100);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/** A criterion score (0..1) on the report's 0..100 scale. */
export function criterionScore100(score: number): number {
  return Math.round(score * 1000) / 10;
}

function validTimeZone(timeZone: string | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** A day in words, in the report's language and the organisation's time zone: "12 mars 2025", "12 March 2025". */
export function formatDate(date: Date, locale: ReportLocale, timeZone?: string): string {
  const format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: validTimeZone(timeZone),
  });
  return format.format(date);
}

/** The day as YYYY-MM-DD in the organisation's time zone (file names). */
export function isoDay(date: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: validTimeZone(timeZone),
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
