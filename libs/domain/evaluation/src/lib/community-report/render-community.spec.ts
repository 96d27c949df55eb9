import { contentStreams, extractPdfText, flat } from '../report/testing/pdf-inspect';
import { barHeight, gridValues, niceMaximum } from './chart-scale';
import { communityReportFilename } from './community-report-file';
import { renderCommunityReportCsv } from './render-community-csv';
import { renderCommunityReportPdf } from './render-community-pdf';
import { emptyMonthlyReport, monthlyReport, quarterlyReport } from './testing/sample-community-reports';

/** Filled rectangles (x y w h re, then f) of the content streams. */
function filledRects(streams: string): { x: number; y: number; w: number; h: number }[] {
  const rects: { x: number; y: number; w: number; h: number }[] = [];
  const lines = streams.split('\n');
  lines.forEach((line, i) => {
    const m = /^(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re$/.exec(line);
    // pdfkit sets the fill colour between the path and its painting: "x y w h re", "/DeviceRGB cs", "r g b scn", "f".
    if (m && lines.slice(i + 1, i + 4).find((l) => /^[fSnBb]\*?$/.test(l)) === 'f')
      rects.push({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) });
  });
  return rects;
}

describe('chart scale', () => {
  it('rounds the axis up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 10, 11, 24, 26, 480, 0.3].map(niceMaximum)).toEqual([1, 1, 5, 10, 10, 20, 25, 50, 500, 0.5]);
    expect(gridValues(20)).toEqual([0, 5, 10, 15, 20]);
    expect(barHeight(5, 20, 100)).toBe(25);
    expect(barHeight(40, 20, 100)).toBe(100);
    expect(barHeight(-1, 20, 100)).toBe(0);
    expect(barHeight(3, 0, 100)).toBe(0);
  });
});

describe('community report PDF', () => {
  it('shows every section of a French quarterly report, with its charts', async () => {
    const report = quarterlyReport('fr');
    const pdf = await renderCommunityReportPdf(report);
    const { pages, info } = extractPdfText(pdf);
    const text = flat(pages.join('\n'));
    expect(info.Title).toBe('Ce qui se dit de vous — rapport trimestriel — Boulangerie Lefèvre & Fils — T3 2026');
    for (const phrase of [
      'CE QUI SE DIT DE VOUS',
      'Boulangerie Lefèvre & Fils',
      'T3 2026',
      'Préparé par Agence Horizon',
      'Chiffres clés',
      'Volume et tonalité des mentions',
      'Mentions par semaine',
      'Période précédente (T2 2026)',
      'Part de voix',
      'Fournil du Coin',
      '75 %',
      'Sujets principaux',
      'croissant',
      'Veilles thématiques',
      'Pain au levain',
      'Auteurs les plus actifs',
      'marie.dupont',
      'Messagerie et délai de réponse',
      '95 min',
      'Délai des règles : 4 h',
      'Avancement des indicateurs (KPI)',
      'Abonnés',
      'Non mesuré',
      'Alertes de la période',
      'Résolue',
    ]) {
      expect(text).toContain(phrase);
    }
    // No English heading slipped in, and the monthly-only section is absent.
    expect(text).not.toContain('Share of voice');
    expect(text).not.toContain('Publications par réseau');
    // The volume bars: one stack per week with mentions, and the sentiment colours used.
    const streams = contentStreams(pdf);
    expect(filledRects(streams).length).toBeGreaterThan(14 * 3);
    expect(streams).toContain('0.22745098039215686 0.6039215686274509 0.3568627450980392 scn'); // positive green
    expect(streams).toContain('0.7843137254901961 0.2823529411764706 0.24705882352941178 scn'); // negative red
    expect(streams).toMatch(/\[3 2\] 0 d/); // the previous period's dashed line
  });

  it('writes an English report in English', async () => {
    const text = flat(extractPdfText(await renderCommunityReportPdf(quarterlyReport('en'))).pages.join('\n'));
    for (const phrase of [
      'WHAT IS SAID ABOUT YOU',
      'Q3 2026',
      'Share of voice',
      'Most active authors',
      'KPI progress',
      'Not measured',
      'Resolved',
    ]) {
      expect(text).toContain(phrase);
    }
    expect(text).not.toContain('Chiffres clés');
  });

  it('says so in words where a section has no data, never an empty chart', async () => {
    for (const locale of ['fr', 'en'] as const) {
      const pdf = await renderCommunityReportPdf(emptyMonthlyReport(locale));
      const text = flat(extractPdfText(pdf).pages.join('\n'));
      const expected =
        locale === 'fr'
          ? [
              'Rapport mensuel à la direction',
              'août 2026',
              'Aucune mention sur la période.',
              'Aucune mention de la marque ni des concurrents',
              'Aucun sujet sur la période.',
              'Aucun auteur sur la période.',
              'Aucun message reçu sur la période.',
              'Aucun indicateur défini.',
              'Les alertes ne sont pas activées.',
              'Aucune publication ni plan de publication',
              'Aucune publication sur la période.',
            ]
          : [
              'Monthly executive report',
              'August 2026',
              'No mention in the period.',
              'No KPI set.',
              'Alerts are not enabled.',
              'No publication and no publishing plan',
            ];
      for (const phrase of expected) expect(text).toContain(phrase);
      // No chart axis was drawn: the only filled rectangles are the four key-figure boxes' backgrounds (rounded, not "re").
      expect(filledRects(contentStreams(pdf))).toEqual([]);
    }
  });
});

describe('community report CSV', () => {
  it('writes one block per section, French dialect', () => {
    const csv = renderCommunityReportCsv(quarterlyReport('fr'));
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Ce qui se dit de vous — rapport trimestriel;Boulangerie Lefèvre & Fils · T3 2026');
    expect(lines).toContain('Part de voix');
    expect(lines).toContain('Boulangerie Lefèvre & Fils;150;75');
    expect(lines).toContain('Messages reçus;Répondus;Hors délai;Première réponse (médiane) (min);Délai des règles (médiane) (min)');
    expect(lines).toContain('40;36;5;95;240');
    expect(lines).toContain('Abonnés;3200;5000;55;Oui');
    expect(lines).toContain('Part de voix (%);Non mesuré;60;;');
    expect(lines).toContain('2026-08-03;12;Résolue');
    // A handle that looks like a formula is neutralised.
    expect(lines).toContain("'=cmd|calc;3");
    // The week rows: the average sentiment with a decimal comma.
    expect(lines.find((l) => l.startsWith('2026-06-29;'))).toMatch(/^2026-06-29;\d+;\d+;\d+;\d+;-?\d+(,\d+)?$/);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('uses commas and decimal points in English, and names empty sections', () => {
    const full = renderCommunityReportCsv(quarterlyReport('en')).slice(1).split('\r\n');
    expect(full).toContain('Abonnés,3200,5000,55,Yes');
    expect(full).toContain('Pain au levain,17,9');
    const empty = renderCommunityReportCsv(emptyMonthlyReport('en')).slice(1).split('\r\n');
    for (const line of [
      'No mention in the period.',
      'No author in the period.',
      'No message received in the period.',
      'Alerts are not enabled.',
    ]) {
      expect(empty).toContain(line);
    }
    expect(empty).toContain('Publications per network');
  });

  it('names files by kind, organisation and period', () => {
    expect(communityReportFilename(quarterlyReport('fr'), 'PDF')).toBe('rapport-trimestriel-boulangerie-lefevre-fils-2026-t3.pdf');
    expect(communityReportFilename(quarterlyReport('en'), 'CSV')).toBe('quarterly-report-boulangerie-lefevre-fils-2026-q3.csv');
    expect(communityReportFilename(emptyMonthlyReport('fr'), 'CSV')).toBe('rapport-mensuel-acme-2026-08.csv');
  });
});

describe('the monthly executive report', () => {
  it('shows the best-performing posts and the publications against the plan, in the PDF and the CSV', async () => {
    const text = flat(extractPdfText(await renderCommunityReportPdf(monthlyReport('fr'))).pages.join('\n'));
    for (const phrase of [
      'Rapport mensuel à la direction',
      'août 2026',
      'Publications les plus performantes',
      'Le pain du lundi',
      '10 août 2026',
      'Pas encore mesurée',
      'Publications par réseau',
      '3 / 9',
      '1 / Hors plan',
    ]) {
      expect(text).toContain(phrase);
    }
    const lines = renderCommunityReportCsv(monthlyReport('en')).slice(1).split('\r\n');
    expect(lines).toContain('Best-performing posts');
    expect(lines).toContain('Post,Network,Published on,Interactions,URL');
    expect(lines).toContain('Le pain du lundi,mastodon,2026-08-10,42,https://m.example/1');
    expect(lines).toContain(`"'=HYPERLINK(""x"")",bluesky,2026-08-12,Not measured yet,`);
    expect(lines).toContain('mastodon,3,9');
  });
});
