import type { ReportLocale } from '../report/assessment-report';
import type { CommunityReportKind } from './period';

/**
 * The words of the community reports, French and English. The quarterly report
 * answers the question the agency's client is asked in the seeds ("have you
 * ever held a report of what people said about you on social media over the
 * last quarter?"); the monthly one is the short executive mail of the analyst
 * and coordinator: what is said, how fast we answer, where the KPIs stand, what
 * we published against the plan.
 */
export interface CommunityReportLabels {
  title: Record<CommunityReportKind, string>;
  subtitle: (period: string, organization: string) => string;
  preparedBy: (agency: string) => string;
  inProgress: (date: string) => string;
  generatedOn: (date: string) => string;
  keyFigures: string;
  mentions: string;
  versus: (previous: string) => string;
  sentiment: string;
  positive: string;
  neutral: string;
  negative: string;
  averageSentiment: string;
  volumeAndSentiment: string;
  volumeChart: Record<'WEEK' | 'DAY', string>;
  thisPeriod: string;
  previousPeriod: string;
  noMentions: string;
  topAuthors: string;
  author: string;
  noAuthors: string;
  topTopics: string;
  term: string;
  topicQueries: string;
  topicQuery: string;
  previous: string;
  noTopics: string;
  shareOfVoice: string;
  share: string;
  noShareOfVoice: string;
  inbox: string;
  received: string;
  answered: string;
  breaches: string;
  medianFirstResponse: string;
  sla: string;
  slaNote: (duration: string) => string;
  noInbox: string;
  kpis: string;
  kpi: string;
  target: string;
  value: string;
  progress: string;
  onTrack: string;
  yes: string;
  no: string;
  notMeasured: string;
  noKpis: string;
  alerts: string;
  alertWindow: string;
  alertCount: string;
  status: string;
  alertStatus: Record<string, string>;
  noAlerts: string;
  alertsUnavailable: string;
  feedbackActions: {
    title: string;
    summary: (recorded: number, followedUp: number, done: number, open: number) => string;
    decision: string;
    followUp: string;
    linked: string;
    recordedOn: string;
    status: Record<string, string>;
    none: string;
  };
  topPublications: string;
  publication: string;
  engagement: string;
  publishedOn: string;
  notMeasuredYet: string;
  noTopPublications: string;
  publications: string;
  network: string;
  published: string;
  planned: string;
  notPlanned: string;
  noPublications: string;
  section: string;
  page: (n: number, total: number) => string;
}

const NBSP = '\u00a0';

export const COMMUNITY_REPORT_LABELS: Record<ReportLocale, CommunityReportLabels> = {
  fr: {
    title: { QUARTERLY: 'Ce qui se dit de vous — rapport trimestriel', MONTHLY: 'Rapport mensuel à la direction' },
    subtitle: (period, organization) => `${organization} · ${period}`,
    preparedBy: (agency) => `Préparé par ${agency}`,
    inProgress: (date) => `Période en cours${NBSP}: chiffres arrêtés au ${date}`,
    generatedOn: (date) => `Produit le ${date}`,
    keyFigures: 'Chiffres clés',
    mentions: 'Mentions',
    versus: (previous) => `contre ${previous} sur la période précédente`,
    sentiment: 'Tonalité',
    positive: 'Positives',
    neutral: 'Neutres',
    negative: 'Négatives',
    averageSentiment: 'Tonalité moyenne (-1 à 1)',
    volumeAndSentiment: 'Volume et tonalité des mentions',
    volumeChart: { WEEK: 'Mentions par semaine', DAY: 'Mentions par jour' },
    thisPeriod: 'Cette période',
    previousPeriod: 'Période précédente',
    noMentions: 'Aucune mention sur la période.',
    topAuthors: 'Auteurs les plus actifs',
    author: 'Auteur',
    noAuthors: 'Aucun auteur sur la période.',
    topTopics: 'Sujets principaux',
    term: 'Mot',
    topicQueries: 'Veilles thématiques',
    topicQuery: 'Veille',
    previous: 'Précédente',
    noTopics: 'Aucun sujet sur la période.',
    shareOfVoice: 'Part de voix',
    share: 'Part (%)',
    noShareOfVoice: 'Aucune mention de la marque ni des concurrents sur la période.',
    inbox: 'Messagerie et délai de réponse',
    received: 'Messages reçus',
    answered: 'Répondus',
    breaches: 'Hors délai',
    medianFirstResponse: 'Première réponse (médiane)',
    sla: 'Délai des règles (médiane)',
    slaNote: (duration) => `Délai des règles${NBSP}: ${duration}`,
    noInbox: 'Aucun message reçu sur la période.',
    kpis: 'Avancement des indicateurs (KPI)',
    kpi: 'Indicateur',
    target: 'Cible',
    value: 'Valeur',
    progress: 'Avancement',
    onTrack: 'Dans les temps',
    yes: 'Oui',
    no: 'Non',
    notMeasured: 'Non mesuré',
    noKpis: 'Aucun indicateur défini.',
    alerts: 'Alertes de la période',
    alertWindow: 'Début',
    alertCount: 'Mentions négatives',
    status: 'Statut',
    alertStatus: { OPEN: 'Ouverte', ACKNOWLEDGED: 'Prise en compte', RESOLVED: 'Résolue' },
    noAlerts: 'Aucune alerte sur la période.',
    alertsUnavailable: 'Les alertes ne sont pas activées.',
    feedbackActions: {
      title: 'Actions menées suite aux retours',
      summary: (recorded, followedUp, done, open) =>
        `${recorded} action${recorded > 1 ? 's' : ''} décidée${recorded > 1 ? 's' : ''}, ${followedUp} suivie${followedUp > 1 ? 's' : ''}, ${done} terminée${done > 1 ? 's' : ''}, ${open} en cours.`,
      decision: 'Décision',
      followUp: 'Suivi',
      linked: 'Retours liés',
      recordedOn: 'Le',
      status: { OPEN: 'Ouverte', IN_PROGRESS: 'En cours', DONE: 'Terminée', DROPPED: 'Abandonnée' },
      none: 'Aucune action décidée à partir des retours sur la période.',
    },
    topPublications: 'Publications les plus performantes',
    publication: 'Publication',
    engagement: 'Interactions',
    publishedOn: 'Publiée le',
    notMeasuredYet: 'Pas encore mesurée',
    noTopPublications: 'Aucune publication sur la période.',
    publications: 'Publications par réseau',
    network: 'Réseau',
    published: 'Publiées',
    planned: 'Prévues',
    notPlanned: 'Hors plan',
    noPublications: 'Aucune publication ni plan de publication sur la période.',
    section: 'Section',
    page: (n, total) => `Page ${n} / ${total}`,
  },
  en: {
    title: { QUARTERLY: 'What is said about you — quarterly report', MONTHLY: 'Monthly executive report' },
    subtitle: (period, organization) => `${organization} · ${period}`,
    preparedBy: (agency) => `Prepared by ${agency}`,
    inProgress: (date) => `Period in progress: figures as of ${date}`,
    generatedOn: (date) => `Produced on ${date}`,
    keyFigures: 'Key figures',
    mentions: 'Mentions',
    versus: (previous) => `against ${previous} in the previous period`,
    sentiment: 'Sentiment',
    positive: 'Positive',
    neutral: 'Neutral',
    negative: 'Negative',
    averageSentiment: 'Average sentiment (-1 to 1)',
    volumeAndSentiment: 'Volume and sentiment of mentions',
    volumeChart: { WEEK: 'Mentions per week', DAY: 'Mentions per day' },
    thisPeriod: 'This period',
    previousPeriod: 'Previous period',
    noMentions: 'No mention in the period.',
    topAuthors: 'Most active authors',
    author: 'Author',
    noAuthors: 'No author in the period.',
    topTopics: 'Top topics',
    term: 'Word',
    topicQueries: 'Topic listening',
    topicQuery: 'Query',
    previous: 'Previous',
    noTopics: 'No topic in the period.',
    shareOfVoice: 'Share of voice',
    share: 'Share (%)',
    noShareOfVoice: 'No mention of the brand or its competitors in the period.',
    inbox: 'Inbox and response time',
    received: 'Messages received',
    answered: 'Answered',
    breaches: 'Late',
    medianFirstResponse: 'First response (median)',
    sla: "Rules' delay (median)",
    slaNote: (duration) => `Rules' delay: ${duration}`,
    noInbox: 'No message received in the period.',
    kpis: 'KPI progress',
    kpi: 'KPI',
    target: 'Target',
    value: 'Value',
    progress: 'Progress',
    onTrack: 'On track',
    yes: 'Yes',
    no: 'No',
    notMeasured: 'Not measured',
    noKpis: 'No KPI set.',
    alerts: 'Alerts of the period',
    alertWindow: 'Start',
    alertCount: 'Negative mentions',
    status: 'Status',
    alertStatus: { OPEN: 'Open', ACKNOWLEDGED: 'Acknowledged', RESOLVED: 'Resolved' },
    noAlerts: 'No alert in the period.',
    alertsUnavailable: 'Alerts are not enabled.',
    feedbackActions: {
      title: 'Actions taken on feedback',
      summary: (recorded, followedUp, done, open) =>
        `${recorded} action${recorded === 1 ? '' : 's'} decided, ${followedUp} followed up, ${done} done, ${open} under way.`,
      decision: 'Decision',
      followUp: 'Follow-up',
      linked: 'Feedback linked',
      recordedOn: 'On',
      status: { OPEN: 'Open', IN_PROGRESS: 'In progress', DONE: 'Done', DROPPED: 'Dropped' },
      none: 'No action decided from feedback in the period.',
    },
    topPublications: 'Best-performing posts',
    publication: 'Post',
    engagement: 'Interactions',
    publishedOn: 'Published on',
    notMeasuredYet: 'Not measured yet',
    noTopPublications: 'No post in the period.',
    publications: 'Publications per network',
    network: 'Network',
    published: 'Published',
    planned: 'Planned',
    notPlanned: 'Not planned',
    noPublications: 'No publication and no publishing plan in the period.',
    section: 'Section',
    page: (n, total) => `Page ${n} of ${total}`,
  },
};

export function communityLabelsFor(locale: ReportLocale): CommunityReportLabels {
  return COMMUNITY_REPORT_LABELS[locale] ?? COMMUNITY_REPORT_LABELS.en;
}

/** An integer with the locale's digit grouping: "12 345" (no-break space) / "12,345". */
export function formatCount(value: number, locale: ReportLocale): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 0 }).format(value).replace(/\u202f/g, NBSP);
}

/** A number with at most `digits` decimals, the locale's decimal mark, no grouping (CSV cells and small figures). */
export function formatDecimal(value: number, locale: ReportLocale, digits = 1): string {
  const factor = 10 ** digits;
  const text = String(Math.round((value + Number.EPSILON) * factor) / factor + 0);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/** Minutes as "45 min" or "3,5 h". */
export function formatMinutes(minutes: number, locale: ReportLocale): string {
  if (minutes < 120) return `${Math.round(minutes)} min`;
  return `${formatDecimal(minutes / 60, locale)} h`;
}

/** A signed change in percent against the previous period ("+12 %", "-5 %"); null when there was nothing before. */
export function formatChange(current: number, previous: number, locale: ReportLocale): string | null {
  if (previous === 0) return null;
  const change = Math.round(((current - previous) / previous) * 100);
  return `${change > 0 ? '+' : ''}${change}${locale === 'fr' ? `${NBSP}%` : '%'}`;
}

/** A percentage with one decimal: "14,6 %" (no-break space) / "14.6%". */
export function formatPercent(value: number, locale: ReportLocale): string {
  return `${formatDecimal(value, locale)}${locale === 'fr' ? `${NBSP}%` : '%'}`;
}
