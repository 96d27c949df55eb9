import type { AssessmentReport } from './assessment-report';
import { renderAssessmentReportPdf } from './render-pdf';
import { contentStreams, extractPdfText, flat } from './testing/pdf-inspect';
import { ENGLISH_REPORT, FRENCH_REPORT, longReport } from './testing/sample-reports';

interface DrawnPolygon {
  points: { x: number; y: number }[];
  paint: string;
  dashed: boolean;
}

/** Closed straight-line paths (m, l…, h) of the content streams, with how they are painted and whether dashed. */
function polygonsIn(streams: string): DrawnPolygon[] {
  const polygons: DrawnPolygon[] = [];
  let dashed = false;
  let current: { x: number; y: number }[] | null = null;
  let closed = false;
  const lines = streams.split('\n');
  for (const line of lines) {
    const dash = /^\[(.*)\] \S+ d$/.exec(line);
    if (dash) {
      dashed = dash[1].trim().length > 0;
      continue;
    }
    const point = /^(-?[\d.]+) (-?[\d.]+) ([ml])$/.exec(line);
    if (point) {
      if (point[3] === 'm') current = [];
      if (current && !closed) current.push({ x: Number(point[1]), y: Number(point[2]) });
      closed = false;
      continue;
    }
    if (line === 'h' && current) {
      closed = true;
      continue;
    }
    if (/^(S|B|f|b)$/.test(line) && current && closed) polygons.push({ points: current, paint: line, dashed });
    if (!/^[\d.\- ]+(c|v|y)$/.test(line)) {
      if (/^(S|B|f|b|n)$/.test(line)) {
        current = null;
        closed = false;
      }
    }
  }
  return polygons;
}

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('renderAssessmentReportPdf', () => {
  describe('a French report', () => {
    let pdf: Buffer;
    let text: string;
    let pages: string[];
    let info: Record<string, unknown>;

    beforeAll(async () => {
      pdf = await renderAssessmentReportPdf(FRENCH_REPORT);
      ({ pages, info } = extractPdfText(pdf));
      text = flat(pages.join('\n'));
    });

    it('is a PDF that a reader opens', () => {
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
      expect(pages.length).toBeGreaterThanOrEqual(2);
    });

    it('shows the title block: organisation, agency, model and version, date in French, overall score with a decimal comma, level', () => {
      expect(text).toContain('Boulangerie Lefèvre & Fils');
      expect(text).toContain('Préparé par Agence Côté Réseaux');
      expect(text).toContain('Modèle : Modèle Socle par défaut (version 3)');
      // 23:30 UTC on 12 March is already the 13th in Paris.
      expect(text).toContain('Évaluation réalisée le 13 mars 2025');
      expect(text).toContain('SCORE GLOBAL');
      expect(text).toContain('58,4 / 100');
      expect(text).toContain('3 — Défini');
      expect(text).toContain('+8,9 points depuis l’évaluation du 2 décembre 2024');
    });

    it('has the French headings and no English ones', () => {
      for (const heading of [
        'Points clés',
        'Profil par dimension',
        'Scores par dimension',
        'Détail des critères',
        'Recommandations',
        'Évolution',
        'Précédent',
      ]) {
        expect(text).toContain(heading);
      }
      for (const english of ['Overall score', 'Recommendations', 'Previous', 'Key points']) expect(text).not.toContain(english);
    });

    it('lists every dimension with its score, previous score and change', () => {
      for (const d of FRENCH_REPORT.dimensions) expect(text).toContain(d.title);
      expect(text).toMatch(/Équipe et rituels 2 45,0 50,0 -5,0/);
      expect(text).toMatch(/Politiques et chartes 2 38,3 20,0 \+18,3/);
    });

    it('details each criterion: evidence explanation, chosen answer, comment, unanswered', () => {
      expect(text).toContain('3 objectifs sur 4 ont un indicateur chiffré et une échéance.');
      expect(text).toContain('Partiellement : mots à employer listés, mots à éviter à compléter.');
      expect(text).toContain('reste la « charte » à diffuser.');
      expect(text).toContain('Voir le "compte-rendu" du comité.');
      expect(text).toMatch(/Réunion hebdomadaire Sans réponse/);
      expect(text).toContain('75,0 / 100');
    });

    it('writes œ and guillemets, and replaces what WinAnsi cannot show instead of garbling the line', () => {
      expect(text).toContain('— œuvre en cours, ? Osz');
    });

    it('lists the recommendations with their roadmap step', () => {
      expect(text).toContain(
        'Faire approuver la politique de gestion des commentaires et la politique d’usage personnel par la direction générale.',
      );
      expect(text).toContain('Étape 5 de la feuille de route : Créer des politiques');
      expect(text).toContain('Instaurer une réunion hebdomadaire');
    });

    it('draws the radar with vector paths: five rings, the score polygon and the previous one dashed', () => {
      const n = FRENCH_REPORT.dimensions.length;
      const polygons = polygonsIn(contentStreams(pdf)).filter((p) => p.points.length === n);
      const rings = polygons.filter((p) => p.paint === 'S' && !p.dashed);
      const previous = polygons.filter((p) => p.dashed);
      const current = polygons.filter((p) => p.paint === 'B');
      expect(rings).toHaveLength(5);
      expect(previous).toHaveLength(1);
      expect(current).toHaveLength(1);

      // The outer ring is the 100 mark: its centre and radius give each vertex's score back.
      const outer = rings[4].points;
      const center = { x: outer.reduce((s, p) => s + p.x, 0) / n, y: outer.reduce((s, p) => s + p.y, 0) / n };
      const radius = distance(outer[0], center);
      const scoresOf = (points: { x: number; y: number }[]) => points.map((p) => Math.round((distance(p, center) / radius) * 1000) / 10);
      expect(scoresOf(current[0].points)).toEqual(FRENCH_REPORT.dimensions.map((d) => d.score));
      expect(scoresOf(previous[0].points)).toEqual(FRENCH_REPORT.dimensions.map((d) => d.previousScore));
      // The first axis points up (smaller y on the page, which pdfkit writes top-down).
      expect(current[0].points[0].x).toBeCloseTo(center.x, 1);
      expect(current[0].points[0].y).toBeLessThan(center.y);
    });

    it('labels the radar axes and the legend', () => {
      expect(flat(pages[0])).toContain('Stratégie et objectifs (72,5)');
      expect(flat(pages[0])).toContain('Cette évaluation');
      expect(flat(pages[0])).toContain('Évaluation précédente');
    });

    it('numbers the pages in the footer', () => {
      pages.forEach((page, i) => expect(flat(page)).toContain(`Page ${i + 1} / ${pages.length}`));
    });

    it('gives the same bytes for the same report, dated from the finalisation', async () => {
      const again = await renderAssessmentReportPdf(FRENCH_REPORT);
      expect(again.equals(pdf)).toBe(true);
      expect(info.CreationDate).toMatch(/^D:20250312233000Z/);
      expect(info.Title).toBe('Rapport de maturité social media — Boulangerie Lefèvre & Fils');
      const other = await renderAssessmentReportPdf({ ...FRENCH_REPORT, overallScore: 60 });
      expect(other.equals(pdf)).toBe(false);
    });
  });

  describe('an English report', () => {
    let pdf: Buffer;
    let text: string;

    beforeAll(async () => {
      pdf = await renderAssessmentReportPdf(ENGLISH_REPORT);
      text = flat(extractPdfText(pdf).pages.join('\n'));
    });

    it('uses English labels, a decimal point and an English date', () => {
      expect(text).toContain('Northwind Outfitters');
      expect(text).toContain('Prepared by Harbour Digital');
      expect(text).toContain('Assessment made on 30 June 2025');
      expect(text).toContain('OVERALL SCORE');
      expect(text).toContain('41.3 / 100');
      expect(text).toContain('2 — Emerging');
      for (const heading of ['Key points', 'Profile by dimension', 'Scores by dimension', 'Criteria in detail', 'Recommendations']) {
        expect(text).toContain(heading);
      }
      for (const french of ['Score global', 'Recommandations', 'Précédent']) expect(text).not.toContain(french);
    });

    it('shows every dimension, an evidence explanation and the recommendation with its roadmap step', () => {
      for (const d of ENGLISH_REPORT.dimensions) expect(text).toContain(d.title);
      expect(text).toContain('2 of 4 objectives have a figure and a deadline.');
      expect(text).toContain('Name a content lead and a community manager in the task force.');
      expect(text).toContain('Roadmap step 6: Training and mobilisation');
      expect(text).toMatch(/Team and rituals 1 20\.0 — —/);
    });

    it('draws no previous polygon and no trend when there is no previous assessment', () => {
      const polygons = polygonsIn(contentStreams(pdf)).filter((p) => p.points.length === 3);
      expect(polygons.filter((p) => p.dashed)).toHaveLength(0);
      expect(polygons.filter((p) => p.paint === 'B')).toHaveLength(1);
      expect(text).not.toContain('Previous assessment');
      expect(text).not.toContain('points since');
    });
  });

  it('breaks a long report over pages without losing or cutting a criterion', async () => {
    const report = longReport(9, 8);
    const pdf = await renderAssessmentReportPdf(report);
    const pages = extractPdfText(pdf).pages.map(flat);
    expect(pages.length).toBeGreaterThan(5);
    const all = pages.join(' ');
    for (const d of report.dimensions) {
      for (const c of d.criteria) {
        // Each criterion title appears once, whole, on one page.
        expect(pages.filter((p) => p.includes(c.title))).toHaveLength(1);
      }
    }
    for (let i = 1; i <= 12; i++) expect(all).toContain(`Recommandation ${i} :`);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} / ${pages.length}`));
  });

  it('renders a draft with no dimension and no recommendation, saying so', async () => {
    const empty: AssessmentReport = {
      ...FRENCH_REPORT,
      assessedAt: null,
      dimensions: [],
      recommendations: [],
      previousOverallScore: undefined,
      previousAssessedAt: undefined,
    };
    const pdf = await renderAssessmentReportPdf(empty);
    const text = flat(extractPdfText(pdf).pages.join('\n'));
    expect(text).toContain('Évaluation en cours (brouillon, non finalisée)');
    expect(text).toContain('Ce modèle ne comporte aucune dimension.');
    expect(text).toContain('Aucune recommandation : tous les critères sont au plus haut.');
    expect((await renderAssessmentReportPdf(empty)).equals(pdf)).toBe(true);
  });
});
