import { CSV_BOM, Cell, csvSeparator, escapeCell } from '../report/render-csv';
import { formatDate, isoDay } from '../report/report-format';
import type { CommunityReport } from './community-report';
import { communityLabelsFor, formatDecimal } from './community-report-labels';

/**
 * The community report as CSV, one block per section: a line naming the
 * section, its header, its rows, and an empty line. Same dialect as the
 * assessment report's CSV (BOM, ';' and decimal comma in French, ',' and a
 * point in English, formula-looking text neutralised), so a spreadsheet opens
 * either the same way. A section without data keeps its name and says why.
 */
export function renderCommunityReportCsv(report: CommunityReport): string {
  const locale = report.locale;
  const l = communityLabelsFor(locale);
  const separator = csvSeparator(locale);
  const text = (value: string | null | undefined): Cell => (value ? { text: value } : null);
  const num = (value: number | null | undefined, digits = 1): Cell =>
    value === null || value === undefined ? null : { number: formatDecimal(value, locale, digits) };
  const rows: Cell[][] = [];
  const block = (title: string, header: string[], body: Cell[][], empty: string) => {
    rows.push([text(title)]);
    if (body.length === 0) rows.push([text(empty)]);
    else rows.push(header.map(text), ...body);
    rows.push([]);
  };

  rows.push([text(l.title[report.kind]), text(l.subtitle(report.period.label, report.organizationName))]);
  rows.push([text(l.preparedBy(report.agencyName)), text(`${report.period.firstDay} — ${report.period.lastDay}`), text(report.timeZone)]);
  if (!report.period.complete) rows.push([text(l.inProgress(formatDate(report.generatedAt, locale, report.timeZone)))]);
  rows.push([]);

  const v = report.volume;
  block(
    l.volumeAndSentiment,
    [l.volumeChart[v.interval], l.mentions, l.positive, l.neutral, l.negative, l.averageSentiment],
    v.totals.total === 0 && v.previousTotals.total === 0
      ? []
      : [
          ...v.points.map((p) => [
            text(p.date),
            num(p.total, 0),
            num(p.positive, 0),
            num(p.neutral, 0),
            num(p.negative, 0),
            num(p.averageSentiment, 3),
          ]),
          [
            text(l.thisPeriod),
            num(v.totals.total, 0),
            num(v.totals.positive, 0),
            num(v.totals.neutral, 0),
            num(v.totals.negative, 0),
            num(v.totals.averageSentiment, 3),
          ],
          [
            text(`${l.previousPeriod} (${report.previousPeriod.label})`),
            num(v.previousTotals.total, 0),
            num(v.previousTotals.positive, 0),
            num(v.previousTotals.neutral, 0),
            num(v.previousTotals.negative, 0),
            num(v.previousTotals.averageSentiment, 3),
          ],
        ],
    l.noMentions,
  );
  block(
    l.topAuthors,
    [l.author, l.mentions],
    report.topAuthors.map((a) => [text(a.handle), num(a.mentions, 0)]),
    l.noAuthors,
  );
  block(
    l.topTopics,
    [l.term, l.mentions],
    report.topTopics.terms.map((t) => [text(t.term), num(t.mentions, 0)]),
    l.noTopics,
  );
  if (report.topTopics.queries.length > 0) {
    block(
      l.topicQueries,
      [l.topicQuery, l.mentions, l.previous],
      report.topTopics.queries.map((q) => [text(q.name), num(q.mentions, 0), num(q.previousMentions, 0)]),
      l.noTopics,
    );
  }
  block(
    l.shareOfVoice,
    [l.author, l.mentions, l.share],
    report.shareOfVoice.total === 0 ? [] : report.shareOfVoice.sides.map((s) => [text(s.name), num(s.mentions, 0), num(s.share, 1)]),
    l.noShareOfVoice,
  );
  const i = report.inbox;
  block(
    l.inbox,
    [l.received, l.answered, l.breaches, `${l.medianFirstResponse} (min)`, `${l.sla} (min)`],
    i.received === 0
      ? []
      : [[num(i.received, 0), num(i.answered, 0), num(i.breaches, 0), num(i.medianFirstResponseMinutes, 0), num(i.slaMinutes, 0)]],
    l.noInbox,
  );
  block(
    l.kpis,
    [l.kpi, l.value, l.target, l.progress, l.onTrack],
    report.kpis.map((k) => [
      text(k.unit ? `${k.name} (${k.unit})` : k.name),
      k.status === 'MEASURED' ? num(k.value, 2) : text(l.notMeasured),
      num(k.target, 2),
      k.progress === null ? null : num(k.progress * 100, 0),
      k.onTrack === null ? null : text(k.onTrack ? l.yes : l.no),
    ]),
    l.noKpis,
  );
  block(
    l.alerts,
    [l.alertWindow, l.alertCount, l.status],
    (report.alerts ?? []).map((a) => [
      text(isoDay(a.windowStart, report.timeZone)),
      num(a.observedCount, 0),
      text(l.alertStatus[a.status] ?? a.status),
    ]),
    report.alerts === null ? l.alertsUnavailable : l.noAlerts,
  );
  if (report.feedbackActions) {
    const f = report.feedbackActions;
    const fl = l.feedbackActions;
    block(
      fl.title,
      [fl.recordedOn, fl.decision, l.status, fl.followUp, fl.linked],
      f.items.map((a) => [
        text(isoDay(a.recordedAt, report.timeZone)),
        text(a.decision),
        text(fl.status[a.status] ?? a.status),
        text(a.followUp),
        num(a.mentions + a.inboxItems, 0),
      ]),
      fl.none,
    );
  }
  if (report.topPublications !== null) {
    block(
      l.topPublications,
      [l.publication, l.network, l.publishedOn, l.engagement, 'URL'],
      report.topPublications.map((p) => [
        text(p.title),
        text(p.network),
        text(isoDay(p.publishedAt, report.timeZone)),
        p.engagement === null ? text(l.notMeasuredYet) : num(p.engagement, 0),
        text(p.url),
      ]),
      l.noTopPublications,
    );
  }
  if (report.publications !== null) {
    block(
      l.publications,
      [l.network, l.published, l.planned],
      report.publications.map((p) => [text(p.network), num(p.published, 0), p.planned === null ? text(l.notPlanned) : num(p.planned, 0)]),
      l.noPublications,
    );
  }
  return CSV_BOM + rows.map((row) => row.map((cell) => escapeCell(cell, separator)).join(separator)).join('\r\n') + '\r\n';
}
