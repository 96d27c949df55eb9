import type { AssessmentReport, ReportCriterion, ReportDimension } from './assessment-report';
import { radarGeometry, radarPolygon, type Point } from './radar-geometry';
import { criterionScore100, formatDate, formatDelta, formatScore, formatWeight, labelsFor, type ReportLabels } from './report-format';
import { A4, REPORT_MARGIN, renderReportDocument, stampFooters } from './pdf-document';
import { toWinAnsi } from './win-ansi';

/**
 * The assessment report as a PDF for a client's executives: a title page with
 * the overall score, level, key points and the radar of dimensions, then the
 * table of dimension scores, each criterion in detail and the recommendations.
 *
 * Only the PDF standard Helvetica is used (no font to embed; WinAnsi covers
 * French). The output is deterministic for a given report: the document dates
 * come from the finalisation date, so the same report gives the same bytes.
 */

const PAGE = A4; // in points
const MARGIN = REPORT_MARGIN;
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const COLOR = {
  text: '#1d232b',
  muted: '#5f6b7a',
  accent: '#1f5fa0',
  accentFill: '#3f83c8',
  previous: '#7a7a7a',
  grid: '#c9d0d8',
  band: '#eef2f6',
  rule: '#d5dbe2',
};

const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };

/** When a report has no finalisation date (a draft), the document dates are fixed rather than "now", to stay reproducible. */
const EPOCH = new Date(Date.UTC(2000, 0, 1));

type Doc = PDFKit.PDFDocument;

class ReportWriter {
  private readonly l: ReportLabels;

  constructor(
    private readonly doc: Doc,
    private readonly report: AssessmentReport,
  ) {
    this.l = labelsFor(report.locale);
  }

  private score(value: number): string {
    return formatScore(value, this.report.locale);
  }

  private get bottom(): number {
    return PAGE.height - MARGIN.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  private newPage(): void {
    this.doc.addPage();
    this.doc.x = MARGIN.left;
    this.doc.y = MARGIN.top;
  }

  private font(name: keyof typeof FONT, size: number, color = COLOR.text): Doc {
    return this.doc.font(FONT[name]).fontSize(size).fillColor(color);
  }

  /** Text at the left margin (or `x`), flowing onto the next page when it is longer than what is left. */
  private para(text: string, options: PDFKit.Mixins.TextOptions & { x?: number } = {}): void {
    const { x = MARGIN.left, ...rest } = options;
    this.doc.text(toWinAnsi(text), x, this.doc.y, { width: CONTENT_WIDTH - (x - MARGIN.left), ...rest });
  }

  private heightOf(text: string, width: number): number {
    return this.doc.heightOfString(toWinAnsi(text), { width });
  }

  private heading(text: string, size = 16): void {
    this.ensureSpace(size * 4);
    this.doc.moveDown(0.6);
    this.font('bold', size, COLOR.accent);
    this.para(text);
    const y = this.doc.y + 2;
    this.doc
      .moveTo(MARGIN.left, y)
      .lineTo(MARGIN.left + CONTENT_WIDTH, y)
      .lineWidth(0.8)
      .strokeColor(COLOR.rule)
      .stroke();
    this.doc.y = y + 8;
  }

  render(): void {
    this.titleBlock();
    this.keyPoints();
    this.radar();
    this.newPage();
    this.dimensionTable();
    this.criteria();
    this.recommendations();
    this.footers();
  }

  private titleBlock(): void {
    const r = this.report;
    const l = this.l;
    this.doc.outline.addItem(toWinAnsi(l.documentTitle));
    this.font('bold', 9, COLOR.muted);
    this.para(l.documentTitle.toUpperCase());
    this.doc.moveDown(0.4);
    this.font('bold', 24);
    this.para(r.organizationName);
    this.doc.moveDown(0.3);
    this.font('regular', 11, COLOR.muted);
    this.para(l.preparedBy(r.agencyName));
    this.para(l.model(r.modelName, r.modelVersion));
    this.para(r.assessedAt ? l.finalizedOn(formatDate(r.assessedAt, r.locale, r.timeZone)) : l.notFinalized);
    this.doc.moveDown(1);

    // Two key figures side by side.
    const boxWidth = (CONTENT_WIDTH - 16) / 2;
    const boxHeight = 74;
    const top = this.doc.y;
    const boxes: [string, string][] = [
      [l.overallScore, `${this.score(r.overallScore)} / 100`],
      [l.level, l.levelValue(r.level)],
    ];
    boxes.forEach(([label, value], i) => {
      const x = MARGIN.left + i * (boxWidth + 16);
      this.doc.roundedRect(x, top, boxWidth, boxHeight, 6).fillColor(COLOR.band).fill();
      this.font('bold', 9, COLOR.muted);
      this.doc.text(toWinAnsi(label.toUpperCase()), x + 14, top + 12, { width: boxWidth - 28 });
      this.font('bold', i === 0 ? 26 : 18, COLOR.accent);
      this.doc.text(toWinAnsi(value), x + 14, top + (i === 0 ? 30 : 34), { width: boxWidth - 28, height: boxHeight - 36, ellipsis: true });
    });
    this.doc.x = MARGIN.left;
    this.doc.y = top + boxHeight + 8;
    if (r.previousOverallScore !== undefined) {
      const since = r.previousAssessedAt ? formatDate(r.previousAssessedAt, r.locale, r.timeZone) : null;
      this.font('regular', 10, COLOR.muted);
      this.para(l.trend(formatDelta(r.overallScore, r.previousOverallScore, r.locale), since));
    }
  }

  private keyPoints(): void {
    const r = this.report;
    const l = this.l;
    const points: string[] = [];
    if (r.dimensions.length > 0) {
      // Ties go to the first dimension in model order, so the sentence is stable.
      const strongest = r.dimensions.reduce((best, d) => (d.score > best.score ? d : best));
      const weakest = r.dimensions.reduce((worst, d) => (d.score < worst.score ? d : worst));
      points.push(l.strongest(strongest.title, `${this.score(strongest.score)} / 100`));
      if (weakest !== strongest) points.push(l.weakest(weakest.title, `${this.score(weakest.score)} / 100`));
    }
    if (r.recommendations[0]) points.push(l.firstAction(r.recommendations[0].text));
    if (points.length === 0) return;
    this.heading(l.keyPoints, 13);
    for (const point of points) {
      this.font('regular', 10.5);
      this.ensureSpace(this.heightOf(point, CONTENT_WIDTH - 14) + 4);
      const y = this.doc.y;
      this.doc
        .circle(MARGIN.left + 3, y + 5, 2)
        .fillColor(COLOR.accent)
        .fill();
      this.font('regular', 10.5);
      this.para(point, { x: MARGIN.left + 14 });
      this.doc.moveDown(0.25);
    }
  }

  private radar(): void {
    const r = this.report;
    const l = this.l;
    const dims = r.dimensions;
    const radius = 115;
    const labelWidth = 118;
    const chartHeight = 2 * radius + 2 * 40 + 24; // circle, labels above and below, legend
    this.ensureSpace(chartHeight + 50);
    this.heading(l.profile, 13);
    if (dims.length === 0) {
      this.font('italic', 10, COLOR.muted);
      this.para(l.noDimensions);
      return;
    }
    this.doc.outline.addItem(toWinAnsi(l.profile));
    const center: Point = { x: MARGIN.left + CONTENT_WIDTH / 2, y: this.doc.y + 40 + radius };
    const g = radarGeometry({ center, radius, axisCount: dims.length, rings: 5, labelGap: 8 });
    const doc = this.doc;
    const path = (points: Point[]) => doc.polygon(...points.map((p): [number, number] => [p.x, p.y]));

    doc.save();
    doc.lineWidth(0.6).strokeColor(COLOR.grid);
    for (const ring of g.rings) path(ring).stroke();
    for (const axis of g.axes) doc.moveTo(center.x, center.y).lineTo(axis.end.x, axis.end.y).stroke();

    const previous = dims.map((d) => d.previousScore);
    const hasPrevious = previous.some((s) => s !== undefined);
    if (hasPrevious) {
      doc.lineWidth(1.2).strokeColor(COLOR.previous).dash(4, { space: 3 });
      if (previous.every((s) => s !== undefined)) {
        path(radarPolygon(g, previous)).stroke();
      } else {
        // A dimension new in this model version has no previous score: mark only the ones that have one.
        radarPolygon(g, previous).forEach((p, i) => {
          if (previous[i] !== undefined) doc.circle(p.x, p.y, 3).stroke();
        });
      }
      doc.undash();
    }
    const current = radarPolygon(
      g,
      dims.map((d) => d.score),
    );
    doc.lineWidth(1.6).strokeColor(COLOR.accent).fillColor(COLOR.accentFill).fillOpacity(0.22);
    path(current).fillAndStroke();
    doc.fillOpacity(1).fillColor(COLOR.accent);
    for (const p of current) doc.circle(p.x, p.y, 2.2).fill();
    doc.restore();
    // Ring values along the first axis, over the polygon so they stay readable.
    this.font('regular', 6.5, COLOR.muted);
    g.rings.forEach((ring, k) => doc.text(String(((k + 1) * 100) / g.rings.length), ring[0].x + 3, ring[0].y - 3, { lineBreak: false }));

    // Axis labels: the dimension and its score, growing away from the chart.
    g.axes.forEach((axis, i) => {
      const text = toWinAnsi(`${dims[i].title} (${this.score(dims[i].score)})`);
      this.font('bold', 8.5);
      const height = doc.heightOfString(text, { width: labelWidth, align: axis.align });
      const x = axis.align === 'left' ? axis.label.x : axis.align === 'right' ? axis.label.x - labelWidth : axis.label.x - labelWidth / 2;
      const sin = Math.sin(axis.angle);
      const y = sin < -0.1 ? axis.label.y - height : sin > 0.1 ? axis.label.y : axis.label.y - height / 2;
      doc.text(text, x, y, { width: labelWidth, align: axis.align });
    });

    // Legend.
    const legendY = center.y + radius + 36;
    let x = MARGIN.left + CONTENT_WIDTH / 2 - (hasPrevious ? 150 : 60);
    doc
      .save()
      .lineWidth(1.6)
      .strokeColor(COLOR.accent)
      .moveTo(x, legendY + 4)
      .lineTo(x + 22, legendY + 4)
      .stroke()
      .restore();
    this.font('regular', 9, COLOR.muted);
    doc.text(toWinAnsi(l.legendCurrent), x + 28, legendY, { lineBreak: false });
    if (hasPrevious) {
      x += 150;
      doc
        .save()
        .lineWidth(1.2)
        .strokeColor(COLOR.previous)
        .dash(4, { space: 3 })
        .moveTo(x, legendY + 4)
        .lineTo(x + 22, legendY + 4)
        .stroke()
        .undash()
        .restore();
      doc.text(toWinAnsi(l.legendPrevious), x + 28, legendY, { lineBreak: false });
    }
    doc.x = MARGIN.left;
    doc.y = legendY + 20;
  }

  private dimensionTable(): void {
    const r = this.report;
    const l = this.l;
    this.doc.outline.addItem(toWinAnsi(l.scoresByDimension));
    this.heading(l.scoresByDimension);
    const columns = [
      { title: l.dimension, width: CONTENT_WIDTH - 4 * 72, align: 'left' as const },
      { title: l.weight, width: 72, align: 'right' as const },
      { title: l.score, width: 72, align: 'right' as const },
      { title: l.previous, width: 72, align: 'right' as const },
      { title: l.change, width: 72, align: 'right' as const },
    ];
    const pad = 6;
    const drawRow = (cells: string[], bold: boolean, shaded: boolean) => {
      this.font(bold ? 'bold' : 'regular', 9.5, bold ? COLOR.muted : COLOR.text);
      const height = Math.max(...cells.map((c, i) => this.heightOf(c, columns[i].width - 2 * pad))) + 2 * pad;
      if (this.doc.y + height > this.bottom) {
        this.newPage();
        if (!bold)
          drawRow(
            columns.map((c) => c.title),
            true,
            false,
          );
        this.font(bold ? 'bold' : 'regular', 9.5, bold ? COLOR.muted : COLOR.text);
      }
      const top = this.doc.y;
      if (shaded) this.doc.rect(MARGIN.left, top, CONTENT_WIDTH, height).fillColor(COLOR.band).fill();
      this.font(bold ? 'bold' : 'regular', 9.5, bold ? COLOR.muted : COLOR.text);
      let x = MARGIN.left;
      cells.forEach((cell, i) => {
        this.doc.text(toWinAnsi(cell), x + pad, top + pad, { width: columns[i].width - 2 * pad, align: columns[i].align });
        x += columns[i].width;
      });
      this.doc
        .moveTo(MARGIN.left, top + height)
        .lineTo(MARGIN.left + CONTENT_WIDTH, top + height)
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .stroke();
      this.doc.x = MARGIN.left;
      this.doc.y = top + height;
    };
    drawRow(
      columns.map((c) => c.title),
      true,
      false,
    );
    r.dimensions.forEach((d, i) => {
      drawRow(
        [
          d.title,
          formatWeight(d.weight, r.locale),
          this.score(d.score),
          d.previousScore === undefined ? '—' : this.score(d.previousScore),
          d.previousScore === undefined ? '—' : formatDelta(d.score, d.previousScore, r.locale),
        ],
        false,
        i % 2 === 1,
      );
    });
    drawRow(
      [
        l.overallScore,
        '',
        this.score(r.overallScore),
        r.previousOverallScore === undefined ? '—' : this.score(r.previousOverallScore),
        r.previousOverallScore === undefined ? '—' : formatDelta(r.overallScore, r.previousOverallScore, r.locale),
      ],
      true,
      false,
    );
  }

  private criteria(): void {
    const l = this.l;
    if (this.report.dimensions.length === 0) return;
    this.doc.outline.addItem(toWinAnsi(l.criteriaInDetail));
    this.heading(l.criteriaInDetail);
    for (const d of this.report.dimensions) this.dimensionDetail(d);
  }

  private dimensionDetail(d: ReportDimension): void {
    const title = `${d.title} — ${this.score(d.score)} / 100`;
    this.font('bold', 12.5, COLOR.accent);
    // Keep a dimension's heading with (the start of) its first criterion.
    this.ensureSpace(this.heightOf(title, CONTENT_WIDTH) + 70);
    this.doc.moveDown(0.5);
    this.para(title);
    this.doc.moveDown(0.3);
    for (const c of d.criteria) this.criterionBlock(c);
  }

  private criterionBlock(c: ReportCriterion): void {
    const l = this.l;
    const locale = this.report.locale;
    const scoreWidth = 84;
    const titleWidth = CONTENT_WIDTH - scoreWidth - 12;
    const scoreText = c.score === null ? l.unanswered : `${formatScore(criterionScore100(c.score), locale)} / 100`;
    const meta = `${l.kind[c.kind]} · ${l.weight.toLowerCase()} ${formatWeight(c.weight, locale)}`;
    const comment = c.comment ? `${l.comment}${locale === 'fr' ? '\u00a0' : ''}: ${c.comment}` : '';

    this.font('bold', 10.5);
    const titleHeight = this.heightOf(c.title, titleWidth);
    this.font('regular', 9.5);
    const blockHeight =
      titleHeight +
      14 +
      (c.detail ? this.heightOf(c.detail, CONTENT_WIDTH - 10) : 0) +
      (comment ? this.heightOf(comment, CONTENT_WIDTH - 10) + 4 : 0) +
      10;
    // A block that fits on a page is kept together; a longer one (a very long comment) flows over.
    this.ensureSpace(Math.min(blockHeight, this.bottom - MARGIN.top));

    const top = this.doc.y;
    this.font('bold', 10.5);
    this.doc.text(toWinAnsi(c.title), MARGIN.left, top, { width: titleWidth });
    const afterTitle = this.doc.y;
    this.font('bold', 10.5, c.score === null ? COLOR.muted : COLOR.accent);
    this.doc.text(toWinAnsi(scoreText), MARGIN.left + CONTENT_WIDTH - scoreWidth, top, { width: scoreWidth, align: 'right' });
    // Score bar under the score.
    const barY = top + 15;
    this.doc
      .rect(MARGIN.left + CONTENT_WIDTH - scoreWidth, barY, scoreWidth, 3.5)
      .fillColor(COLOR.band)
      .fill();
    if (c.score !== null && c.score > 0) {
      this.doc
        .rect(MARGIN.left + CONTENT_WIDTH - scoreWidth, barY, scoreWidth * Math.min(1, c.score), 3.5)
        .fillColor(COLOR.accentFill)
        .fill();
    }
    this.doc.x = MARGIN.left;
    this.doc.y = Math.max(afterTitle, barY + 5);
    this.font('regular', 8.5, COLOR.muted);
    this.para(meta, { width: titleWidth });
    if (c.detail) {
      this.doc.moveDown(0.15);
      this.font('regular', 9.5);
      this.para(c.detail, { x: MARGIN.left + 10 });
    }
    if (comment) {
      this.doc.moveDown(0.15);
      this.font('italic', 9.5, COLOR.muted);
      this.para(comment, { x: MARGIN.left + 10 });
    }
    this.doc.moveDown(0.7);
  }

  private recommendations(): void {
    const r = this.report;
    const l = this.l;
    this.doc.outline.addItem(toWinAnsi(l.recommendations));
    this.heading(l.recommendations);
    if (r.recommendations.length === 0) {
      this.font('italic', 10, COLOR.muted);
      this.para(l.noRecommendations);
      return;
    }
    r.recommendations.forEach((rec, i) => {
      const number = `${i + 1}.`;
      const meta = [rec.dimensionTitle, rec.roadmapStep ? l.roadmapStep(rec.roadmapStep) : null].filter(Boolean).join(' · ');
      this.font('regular', 10.5);
      const height = this.heightOf(rec.text, CONTENT_WIDTH - 22) + 20;
      this.ensureSpace(Math.min(height, this.bottom - MARGIN.top));
      const top = this.doc.y;
      this.font('bold', 10.5, COLOR.accent);
      this.doc.text(number, MARGIN.left, top, { width: 20 });
      this.doc.y = top;
      this.font('regular', 10.5);
      this.para(rec.text, { x: MARGIN.left + 22 });
      this.font('regular', 8.5, COLOR.muted);
      this.para(meta, { x: MARGIN.left + 22 });
      this.doc.moveDown(0.6);
    });
  }

  /** Organisation, title and "page n / N" at the bottom of every page (pages are buffered until now). */
  private footers(): void {
    stampFooters(this.doc, `${this.report.organizationName} · ${this.l.documentTitle}`, this.l.page, COLOR.muted);
  }
}

export function renderAssessmentReportPdf(report: AssessmentReport): Promise<Buffer> {
  const l = labelsFor(report.locale);
  const info = {
    locale: report.locale,
    title: `${l.documentTitle} — ${report.organizationName}`,
    author: report.agencyName,
    subject: `${report.modelName} (version ${report.modelVersion})`,
    date: report.assessedAt ?? EPOCH,
  };
  return renderReportDocument(info, (doc) => new ReportWriter(doc, report).render());
}
