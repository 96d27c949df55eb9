import { formatDate } from '../report/report-format';
import { A4, REPORT_MARGIN, renderReportDocument, stampFooters } from '../report/pdf-document';
import { toWinAnsi } from '../report/win-ansi';
import { barHeight, gridValues, niceMaximum } from './chart-scale';
import type { CommunityReport } from './community-report';
import {
  CommunityReportLabels,
  communityLabelsFor,
  formatChange,
  formatCount,
  formatDecimal,
  formatMinutes,
  formatPercent,
} from './community-report-labels';

/**
 * The community report as a PDF for the client's executives: key figures, then
 * each section with its chart or table — mentions per week (quarter) or day
 * (month) as bars split by sentiment with the previous period as a dashed line,
 * the average sentiment as a line, share of voice as horizontal bars, KPI
 * progress and publications against the plan as bars. Drawn with pdfkit's
 * vector primitives, like the assessment report's radar; Helvetica (WinAnsi)
 * only. A section without data says so in words instead of drawing an empty
 * chart. Deterministic: the document dates are the report's generation time.
 */

const MARGIN = REPORT_MARGIN;
const WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BOTTOM = A4.height - MARGIN.bottom;

const COLOR = {
  text: '#1d232b',
  muted: '#5f6b7a',
  accent: '#1f5fa0',
  positive: '#3a9a5b',
  neutral: '#b7c0ca',
  negative: '#c8483f',
  previous: '#7a7a7a',
  grid: '#dde3ea',
  band: '#eef2f6',
  competitor: '#8fa9c4',
};

type Doc = PDFKit.PDFDocument;
type Column = { title: string; width: number; align?: 'left' | 'right' };

class CommunityReportWriter {
  private readonly l: CommunityReportLabels;

  constructor(
    private readonly doc: Doc,
    private readonly r: CommunityReport,
  ) {
    this.l = communityLabelsFor(r.locale);
  }

  private count(value: number): string {
    return formatCount(value, this.r.locale);
  }

  private write(
    text: string,
    font: string,
    size: number,
    color: string,
    x = MARGIN.left,
    width = WIDTH,
    options: PDFKit.Mixins.TextOptions = {},
  ) {
    this.doc.font(font).fontSize(size).fillColor(color);
    this.doc.text(toWinAnsi(text), x, this.doc.y, { width, ...options });
  }

  private room(height: number): void {
    if (this.doc.y + height > BOTTOM) {
      this.doc.addPage();
      this.doc.y = MARGIN.top;
    }
  }

  private section(title: string, height: number): void {
    this.room(height + 40);
    this.doc.moveDown(0.8);
    this.doc.outline.addItem(toWinAnsi(title));
    this.write(title, 'Helvetica-Bold', 14, COLOR.accent);
    const y = this.doc.y + 2;
    this.doc
      .moveTo(MARGIN.left, y)
      .lineTo(MARGIN.left + WIDTH, y)
      .lineWidth(0.8)
      .strokeColor(COLOR.grid)
      .stroke();
    this.doc.y = y + 8;
  }

  private none(text: string): void {
    this.write(text, 'Helvetica-Oblique', 10, COLOR.muted);
  }

  private table(columns: Column[], rows: string[][]): void {
    const line = (cells: string[], header: boolean) => {
      this.room(18);
      const top = this.doc.y;
      let x = MARGIN.left;
      cells.forEach((cell, i) => {
        this.doc.y = top;
        this.write(cell, header ? 'Helvetica-Bold' : 'Helvetica', 9.5, header ? COLOR.muted : COLOR.text, x + 4, columns[i].width - 8, {
          align: columns[i].align ?? 'left',
          // One line per cell: a long title is cut with an ellipsis rather than running into the next row.
          height: 12,
          ellipsis: true,
        });
        x += columns[i].width;
      });
      this.doc.y = top + 16;
      this.doc
        .moveTo(MARGIN.left, this.doc.y - 2)
        .lineTo(MARGIN.left + WIDTH, this.doc.y - 2)
        .lineWidth(0.4)
        .strokeColor(COLOR.grid)
        .stroke();
    };
    // A table of labelled figures has no header.
    if (columns.some((c) => c.title))
      line(
        columns.map((c) => c.title),
        true,
      );
    for (const row of rows) line(row, false);
  }

  render(): void {
    this.title();
    this.keyFigures();
    this.volume();
    this.shareOfVoice();
    this.topics();
    this.authors();
    this.inbox();
    this.kpis();
    this.alerts();
    if (this.r.feedbackActions) this.feedbackActions();
    if (this.r.topPublications !== null) this.topPublications();
    if (this.r.publications !== null) this.publications();
    this.footers();
  }

  private title(): void {
    const { r, l } = this;
    this.doc.outline.addItem(toWinAnsi(l.title[r.kind]));
    this.write(l.title[r.kind].toUpperCase(), 'Helvetica-Bold', 9, COLOR.muted);
    this.doc.moveDown(0.4);
    this.write(r.organizationName, 'Helvetica-Bold', 24, COLOR.text);
    this.write(r.period.label, 'Helvetica-Bold', 16, COLOR.accent);
    this.doc.moveDown(0.3);
    const date = formatDate(r.generatedAt, r.locale, r.timeZone);
    this.write(l.preparedBy(r.agencyName), 'Helvetica', 11, COLOR.muted);
    this.write(r.period.complete ? l.generatedOn(date) : l.inProgress(date), 'Helvetica', 11, COLOR.muted);
  }

  private keyFigures(): void {
    const { r, l } = this;
    const t = r.volume.totals;
    const brand = r.shareOfVoice.sides.find((s) => s.kind === 'BRAND');
    const change = formatChange(t.total, r.volume.previousTotals.total, r.locale);
    const boxes: [string, string, string][] = [
      [
        l.mentions,
        this.count(t.total),
        change ? `${change} vs ${r.previousPeriod.label}` : l.versus(this.count(r.volume.previousTotals.total)),
      ],
      [
        l.negative,
        t.total === 0 ? '—' : formatPercent((100 * t.negative) / t.total, r.locale),
        `${this.count(t.negative)} / ${this.count(t.total)}`,
      ],
      [l.shareOfVoice, brand && r.shareOfVoice.total > 0 ? formatPercent(brand.share, r.locale) : '—', r.organizationName],
      [
        l.medianFirstResponse,
        r.inbox.medianFirstResponseMinutes === null ? '—' : formatMinutes(r.inbox.medianFirstResponseMinutes, r.locale),
        r.inbox.slaMinutes === null ? '' : l.slaNote(formatMinutes(r.inbox.slaMinutes, r.locale)),
      ],
    ];
    this.section(l.keyFigures, 70);
    const gap = 10;
    const width = (WIDTH - 3 * gap) / 4;
    const top = this.doc.y;
    boxes.forEach(([label, value, note], i) => {
      const x = MARGIN.left + i * (width + gap);
      this.doc.roundedRect(x, top, width, 66, 5).fillColor(COLOR.band).fill();
      this.doc.y = top + 8;
      this.write(label.toUpperCase(), 'Helvetica-Bold', 7, COLOR.muted, x + 8, width - 16, { height: 9, ellipsis: true });
      this.doc.y = top + 22;
      this.write(value, 'Helvetica-Bold', 17, COLOR.accent, x + 8, width - 16, { lineBreak: false, ellipsis: true });
      this.doc.y = top + 46;
      this.write(note, 'Helvetica', 7, COLOR.muted, x + 8, width - 16, { lineBreak: false, ellipsis: true });
    });
    this.doc.y = top + 74;
  }

  /** Bars per bucket split by sentiment, the previous period's totals as a dashed line, then the average sentiment as a line. */
  private volume(): void {
    const { r, l } = this;
    const v = r.volume;
    const chartHeight = 150;
    this.section(l.volumeAndSentiment, chartHeight + 150);
    if (v.totals.total === 0 && v.previousTotals.total === 0) return this.none(l.noMentions);
    this.write(l.volumeChart[v.interval], 'Helvetica-Bold', 9, COLOR.muted);
    const doc = this.doc;
    const left = MARGIN.left + 30;
    const width = WIDTH - 30;
    const top = doc.y + 6;
    const base = top + chartHeight;
    const buckets = Math.max(v.points.length, v.previousPoints.length, 1);
    const slot = width / buckets;
    const max = niceMaximum(Math.max(...v.points.map((p) => p.total), ...v.previousPoints.map((p) => p.total)));
    doc.font('Helvetica').fontSize(7).fillColor(COLOR.muted);
    for (const value of gridValues(max))
      this.gridLine(left, width, base - barHeight(value, max, chartHeight), formatDecimal(value, r.locale));
    v.points.forEach((p, i) => {
      const x = left + i * slot + slot * 0.15;
      let y = base;
      for (const [count, color] of [
        [p.negative, COLOR.negative],
        [p.neutral, COLOR.neutral],
        [p.positive, COLOR.positive],
        [p.total - p.negative - p.neutral - p.positive, COLOR.competitor],
      ] as [number, string][]) {
        const h = barHeight(count, max, chartHeight);
        if (h <= 0) continue;
        doc
          .rect(x, y - h, slot * 0.7, h)
          .fillColor(color)
          .fill();
        y -= h;
      }
    });
    if (v.previousPoints.length > 0) {
      doc.save().lineWidth(1.2).strokeColor(COLOR.previous).dash(3, { space: 2 });
      v.previousPoints.forEach((p, i) => {
        const x = left + (i + 0.5) * slot;
        const y = base - barHeight(p.total, max, chartHeight);
        if (i === 0) doc.moveTo(x, y);
        else doc.lineTo(x, y);
      });
      doc.stroke().undash().restore();
    }
    // Bucket dates under the axis, thinned so they never overlap.
    const every = Math.ceil(buckets / 8);
    doc.font('Helvetica').fontSize(6.5).fillColor(COLOR.muted);
    v.points.forEach((p, i) => {
      if (i % every === 0) doc.text(p.date.slice(5), left + i * slot, base + 3, { width: slot * every, lineBreak: false });
    });
    doc.y = base + 14;
    this.legend([
      [l.positive, COLOR.positive, false],
      [l.neutral, COLOR.neutral, false],
      [l.negative, COLOR.negative, false],
      [`${l.previousPeriod} (${r.previousPeriod.label})`, COLOR.previous, true],
    ]);
    this.sentimentLine(left, width, slot);
  }

  private sentimentLine(left: number, width: number, slot: number): void {
    const { r, l } = this;
    const doc = this.doc;
    const height = 60;
    doc.moveDown(0.6);
    this.write(l.averageSentiment, 'Helvetica-Bold', 9, COLOR.muted);
    const top = doc.y + 4;
    const middle = top + height / 2;
    doc.font('Helvetica').fontSize(7).fillColor(COLOR.muted);
    for (const [value, y] of [
      [1, top],
      [0, middle],
      [-1, top + height],
    ] as [number, number][])
      this.gridLine(left, width, y, String(value));
    doc.save().lineWidth(1.4).strokeColor(COLOR.accent);
    let open = false;
    r.volume.points.forEach((p, i) => {
      if (p.averageSentiment === null) {
        open = false;
        return;
      }
      const x = left + (i + 0.5) * slot;
      const y = middle - (Math.max(-1, Math.min(1, p.averageSentiment)) * height) / 2;
      if (open) doc.lineTo(x, y);
      else doc.moveTo(x, y);
      open = true;
      doc.circle(x, y, 1.2);
    });
    doc.stroke().restore();
    doc.y = top + height + 8;
  }

  /** A horizontal gridline of a chart with its value in the left margin. */
  private gridLine(left: number, width: number, y: number, label: string): void {
    this.doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.4)
      .strokeColor(COLOR.grid)
      .stroke();
    this.doc.font('Helvetica').fontSize(7).fillColor(COLOR.muted);
    this.doc.text(toWinAnsi(label), MARGIN.left, y - 3, { width: 26, align: 'right', lineBreak: false });
  }

  private legend(items: [string, string, boolean][]): void {
    const doc = this.doc;
    const y = doc.y;
    let x = MARGIN.left + 30;
    doc.font('Helvetica').fontSize(8);
    for (const [label, color, dashed] of items) {
      if (dashed)
        doc
          .save()
          .lineWidth(1.2)
          .strokeColor(color)
          .dash(3, { space: 2 })
          .moveTo(x, y + 4)
          .lineTo(x + 14, y + 4)
          .stroke()
          .undash()
          .restore();
      else doc.rect(x, y, 10, 8).fillColor(color).fill();
      doc.fillColor(COLOR.muted).text(toWinAnsi(label), x + 18, y, { lineBreak: false });
      x += 18 + doc.widthOfString(toWinAnsi(label)) + 14;
    }
    doc.x = MARGIN.left;
    doc.y = y + 14;
  }

  /** One horizontal bar per side: the label, the bar to its share, the figures. */
  /** `mark`: a target drawn as a dark tick across the bar (the plan). */
  private bars(rows: { label: string; value: number; max: number; note: string; color: string; mark?: number }[]): void {
    const doc = this.doc;
    const labelWidth = 150;
    const noteWidth = 90;
    const barWidth = WIDTH - labelWidth - noteWidth - 16;
    for (const row of rows) {
      this.room(18);
      const top = doc.y;
      this.write(row.label, 'Helvetica', 9.5, COLOR.text, MARGIN.left, labelWidth - 6, { height: 12, ellipsis: true });
      doc
        .rect(MARGIN.left + labelWidth, top + 1, barWidth, 9)
        .fillColor(COLOR.band)
        .fill();
      const w = barHeight(row.value, row.max, barWidth);
      if (w > 0)
        doc
          .rect(MARGIN.left + labelWidth, top + 1, w, 9)
          .fillColor(row.color)
          .fill();
      if (row.mark !== undefined) {
        const x = MARGIN.left + labelWidth + barHeight(row.mark, row.max, barWidth);
        doc
          .moveTo(x, top - 1)
          .lineTo(x, top + 12)
          .lineWidth(1.5)
          .strokeColor(COLOR.text)
          .stroke();
      }
      doc.y = top;
      this.write(row.note, 'Helvetica', 9, COLOR.muted, MARGIN.left + labelWidth + barWidth + 8, noteWidth, {
        align: 'right',
        lineBreak: false,
      });
      doc.y = top + 16;
    }
  }

  private shareOfVoice(): void {
    const { r, l } = this;
    const sov = r.shareOfVoice;
    this.section(l.shareOfVoice, 18 * Math.max(1, sov.sides.length));
    if (sov.total === 0) return this.none(l.noShareOfVoice);
    this.bars(
      sov.sides.map((s) => ({
        label: s.name,
        value: s.share,
        max: 100,
        note: `${formatPercent(s.share, r.locale)} (${this.count(s.mentions)})`,
        color: s.kind === 'BRAND' ? COLOR.accent : COLOR.competitor,
      })),
    );
  }

  private topics(): void {
    const { r, l } = this;
    const { terms, queries } = r.topTopics;
    this.section(l.topTopics, 60);
    if (terms.length === 0 && queries.length === 0) return this.none(l.noTopics);
    const top = terms[0]?.mentions ?? 0;
    this.bars(terms.map((t) => ({ label: t.term, value: t.mentions, max: top, note: this.count(t.mentions), color: COLOR.accent })));
    if (queries.length > 0) {
      this.doc.moveDown(0.5);
      this.write(l.topicQueries, 'Helvetica-Bold', 10, COLOR.muted);
      this.table(
        [
          { title: l.topicQuery, width: WIDTH - 180 },
          { title: l.mentions, width: 90, align: 'right' },
          { title: l.previous, width: 90, align: 'right' },
        ],
        queries.map((q) => [q.name, this.count(q.mentions), this.count(q.previousMentions)]),
      );
    }
  }

  private authors(): void {
    const { l } = this;
    this.section(l.topAuthors, 60);
    if (this.r.topAuthors.length === 0) return this.none(l.noAuthors);
    this.table(
      [
        { title: l.author, width: WIDTH - 120 },
        { title: l.mentions, width: 120, align: 'right' },
      ],
      this.r.topAuthors.map((a) => [a.handle, this.count(a.mentions)]),
    );
  }

  private inbox(): void {
    const { r, l } = this;
    const i = r.inbox;
    this.section(l.inbox, 40);
    if (i.received === 0) return this.none(l.noInbox);
    const minutes = (value: number | null) => (value === null ? '—' : formatMinutes(value, r.locale));
    // One figure per row: the headings are sentences, too long for columns side by side.
    this.table(
      [
        { title: '', width: WIDTH - 120 },
        { title: '', width: 120, align: 'right' },
      ],
      [
        [l.received, this.count(i.received)],
        [l.answered, this.count(i.answered)],
        [l.breaches, this.count(i.breaches)],
        [l.medianFirstResponse, minutes(i.medianFirstResponseMinutes)],
        [l.sla, minutes(i.slaMinutes)],
      ],
    );
  }

  private kpis(): void {
    const { r, l } = this;
    this.section(l.kpis, 40);
    if (r.kpis.length === 0) return this.none(l.noKpis);
    this.bars(
      r.kpis.map((k) => ({
        label: k.unit ? `${k.name} (${k.unit})` : k.name,
        value: k.progress === null ? 0 : Math.max(0, k.progress) * 100,
        max: 100,
        note:
          k.status !== 'MEASURED' || k.value === null
            ? l.notMeasured
            : `${formatDecimal(k.value, r.locale)} / ${formatDecimal(k.target, r.locale)}`,
        color: k.onTrack === false ? COLOR.negative : COLOR.positive,
      })),
    );
  }

  private alerts(): void {
    const { r, l } = this;
    this.section(l.alerts, 40);
    if (r.alerts === null) return this.none(l.alertsUnavailable);
    if (r.alerts.length === 0) return this.none(l.noAlerts);
    this.table(
      [
        { title: l.alertWindow, width: WIDTH - 240 },
        { title: l.alertCount, width: 120, align: 'right' },
        { title: l.status, width: 120, align: 'right' },
      ],
      r.alerts.map((a) => [
        formatDate(a.windowStart, r.locale, r.timeZone),
        this.count(a.observedCount),
        l.alertStatus[a.status] ?? a.status,
      ]),
    );
  }

  private feedbackActions(): void {
    const { r, l } = this;
    const f = r.feedbackActions;
    if (!f) return;
    this.section(l.feedbackActions.title, 40);
    if (f.recorded === 0) return this.none(l.feedbackActions.none);
    this.write(l.feedbackActions.summary(f.recorded, f.followedUp, f.done, f.open), 'Helvetica', 9, COLOR.muted);
    this.table(
      [
        { title: l.feedbackActions.recordedOn, width: 80 },
        { title: l.feedbackActions.decision, width: WIDTH - 340 },
        { title: l.status, width: 80 },
        { title: l.feedbackActions.followUp, width: 180 },
      ],
      f.items.map((a) => [
        formatDate(a.recordedAt, r.locale, r.timeZone),
        a.decision,
        l.feedbackActions.status[a.status] ?? a.status,
        a.followUp ?? '',
      ]),
    );
  }

  private topPublications(): void {
    const { r, l } = this;
    const rows = r.topPublications ?? [];
    this.section(l.topPublications, 40);
    if (rows.length === 0) return this.none(l.noTopPublications);
    this.table(
      [
        { title: l.publication, width: WIDTH - 280 },
        { title: l.network, width: 80 },
        { title: l.publishedOn, width: 100 },
        { title: l.engagement, width: 100, align: 'right' },
      ],
      rows.map((p) => [
        p.title,
        p.network,
        formatDate(p.publishedAt, r.locale, r.timeZone),
        p.engagement === null ? l.notMeasuredYet : this.count(p.engagement),
      ]),
    );
  }

  private publications(): void {
    const { r, l } = this;
    const rows = r.publications ?? [];
    this.section(l.publications, 18 * Math.max(1, rows.length));
    if (rows.length === 0) return this.none(l.noPublications);
    const max = Math.max(...rows.map((p) => Math.max(p.published, p.planned ?? 0)), 1);
    this.bars(
      rows.map((p) => ({
        label: p.network,
        value: p.published,
        max,
        note: `${this.count(p.published)} / ${p.planned === null ? l.notPlanned : this.count(p.planned)}`,
        color: p.planned !== null && p.published < p.planned ? COLOR.negative : COLOR.accent,
        ...(p.planned !== null ? { mark: p.planned } : {}),
      })),
    );
  }

  private footers(): void {
    stampFooters(this.doc, `${this.r.organizationName} · ${this.l.title[this.r.kind]} · ${this.r.period.label}`, this.l.page, COLOR.muted);
  }
}

export function renderCommunityReportPdf(report: CommunityReport): Promise<Buffer> {
  const l = communityLabelsFor(report.locale);
  const info = {
    locale: report.locale,
    title: `${l.title[report.kind]} — ${report.organizationName} — ${report.period.label}`,
    author: report.agencyName,
    date: report.generatedAt,
  };
  return renderReportDocument(info, (doc) => new CommunityReportWriter(doc, report).render());
}
