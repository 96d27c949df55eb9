import type { CommunityReport, VolumePoint } from '../community-report';
import { periodLabel, previousPeriod, reportPeriod } from '../period';

const ZONE = 'Europe/Paris';

function points(firstDay: string, count: number, stepDays: number, scale: number): VolumePoint[] {
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.parse(`${firstDay}T00:00:00Z`) + i * stepDays * 86_400_000).toISOString().slice(0, 10);
    const positive = (i * 3 + 2) % 7;
    const negative = i === 5 ? 9 : i % 3;
    const neutral = 4 + (i % 4);
    const total = (positive + negative + neutral) * scale;
    return {
      date,
      total,
      positive: positive * scale,
      neutral: neutral * scale,
      negative: negative * scale,
      averageSentiment: (positive - negative) / 10,
    };
  });
}

/** A French quarterly report with every section filled (Q3 2026 of a bakery). */
export function quarterlyReport(locale: 'fr' | 'en' = 'fr'): CommunityReport {
  const period = reportPeriod('QUARTERLY', '2026-07-01', ZONE, new Date('2026-12-01T00:00:00Z'));
  const previous = previousPeriod(period, ZONE);
  const current = points('2026-06-29', 14, 7, 2);
  const before = points('2026-03-30', 14, 7, 1);
  const sum = (list: VolumePoint[], key: 'total' | 'positive' | 'neutral' | 'negative') => list.reduce((s, p) => s + p[key], 0);
  const totals = (list: VolumePoint[]) => ({
    total: sum(list, 'total'),
    positive: sum(list, 'positive'),
    neutral: sum(list, 'neutral'),
    negative: sum(list, 'negative'),
    averageSentiment: 0.12,
  });
  return {
    kind: 'QUARTERLY',
    locale,
    organizationName: 'Boulangerie Lefèvre & Fils',
    agencyName: 'Agence Horizon',
    timeZone: ZONE,
    period: { ...period, label: periodLabel(period, locale), complete: true },
    previousPeriod: { ...previous, label: periodLabel(previous, locale) },
    generatedAt: new Date('2026-10-02T08:00:00Z'),
    volume: { interval: 'WEEK', points: current, totals: totals(current), previousPoints: before, previousTotals: totals(before) },
    topAuthors: [
      { handle: 'marie.dupont', mentions: 14 },
      { handle: '=cmd|calc', mentions: 3 },
    ],
    topTopics: {
      terms: [
        { term: 'croissant', mentions: 42 },
        { term: 'levain', mentions: 17 },
      ],
      queries: [{ name: 'Pain au levain', mentions: 17, previousMentions: 9 }],
    },
    shareOfVoice: {
      total: 200,
      sides: [
        { kind: 'BRAND', name: 'Boulangerie Lefèvre & Fils', mentions: 150, share: 75 },
        { kind: 'COMPETITOR', name: 'Fournil du Coin', mentions: 50, share: 25 },
      ],
    },
    inbox: { received: 40, answered: 36, breaches: 5, medianFirstResponseMinutes: 95, slaMinutes: 240 },
    kpis: [
      { name: 'Abonnés', measure: 'FOLLOWERS', unit: null, target: 5000, status: 'MEASURED', value: 3200, progress: 0.55, onTrack: true },
      {
        name: 'Part de voix',
        measure: 'SHARE_OF_VOICE',
        unit: '%',
        target: 60,
        status: 'NOT_MEASURED_YET',
        value: null,
        progress: null,
        onTrack: null,
      },
    ],
    alerts: [{ windowStart: new Date('2026-08-03T12:00:00Z'), observedCount: 12, ratio: 3.4, status: 'RESOLVED' }],
    topPublications: null,
    publications: null,
  };
}

/** A monthly report of an organisation with no data at all: every section must say so. */
export function emptyMonthlyReport(locale: 'fr' | 'en'): CommunityReport {
  const period = reportPeriod('MONTHLY', '2026-08-01', ZONE, new Date('2026-12-01T00:00:00Z'));
  const previous = previousPeriod(period, ZONE);
  const zero = { total: 0, positive: 0, neutral: 0, negative: 0, averageSentiment: null };
  return {
    kind: 'MONTHLY',
    locale,
    organizationName: 'Acme',
    agencyName: 'Agence Horizon',
    timeZone: ZONE,
    period: { ...period, label: periodLabel(period, locale), complete: true },
    previousPeriod: { ...previous, label: periodLabel(previous, locale) },
    generatedAt: new Date('2026-09-01T08:00:00Z'),
    volume: { interval: 'DAY', points: [], totals: zero, previousPoints: [], previousTotals: zero },
    topAuthors: [],
    topTopics: { terms: [], queries: [] },
    shareOfVoice: { total: 0, sides: [{ kind: 'BRAND', name: 'Acme', mentions: 0, share: 0 }] },
    inbox: { received: 0, answered: 0, breaches: 0, medianFirstResponseMinutes: null, slaMinutes: null },
    kpis: [],
    alerts: null,
    topPublications: [],
    publications: [],
  };
}

/** A French monthly report: the quarterly one's data for August, with its posts and the plan. */
export function monthlyReport(locale: 'fr' | 'en' = 'fr'): CommunityReport {
  const empty = emptyMonthlyReport(locale);
  const full = quarterlyReport(locale);
  return {
    ...full,
    kind: 'MONTHLY',
    period: empty.period,
    previousPeriod: empty.previousPeriod,
    topPublications: [
      {
        title: 'Le pain du lundi',
        network: 'mastodon',
        publishedAt: new Date('2026-08-10T07:00:00Z'),
        url: 'https://m.example/1',
        engagement: 42,
      },
      { title: '=HYPERLINK("x")', network: 'bluesky', publishedAt: new Date('2026-08-12T07:00:00Z'), url: null, engagement: null },
    ],
    publications: [
      { network: 'bluesky', published: 1, planned: null },
      { network: 'mastodon', published: 3, planned: 9 },
    ],
  };
}
