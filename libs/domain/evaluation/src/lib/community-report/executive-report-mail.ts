import { createHash } from 'node:crypto';
import { mailLine, mailMoment, type OutgoingMail } from '@socle/platform-mail';
import type { ReportLocale } from '../report/assessment-report';
import { formatDate } from '../report/report-format';
import { EXECUTIVE_REPORT_LINK_TTL_MS } from '../report/report-links';
import type { CommunityReport } from './community-report';
import { formatChange, formatCount, formatMinutes } from './community-report-labels';

/** How many days the mailed link works, as the mail says it. */
const LINK_DAYS = Math.round(EXECUTIVE_REPORT_LINK_TTL_MS / 86_400_000);

/** What the mailed executive report is for, in the outbox. */
export const EXECUTIVE_REPORT_MAIL_PURPOSE = 'evaluation.executive-report';

/** The same organisation and month always give the same outbox reference: a second send of a month is found by it. */
export function executiveReportReference(organizationId: string, month: string): string {
  const h = createHash('sha256').update(`executive-report:${organizationId}:${month}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface ExecutiveReportMailFacts {
  email: string;
  /** The recipient's name, as their account gives it. */
  name: string;
  /** The recipient's language; the report was built in it. */
  locale: ReportLocale;
  /** The MONTHLY community report of the month. */
  report: CommunityReport;
  /** The recipient's own download link to the PDF. */
  url: string;
  expiresAt: Date;
  /** The organisation's page in the console. */
  consoleUrl: string;
  /** The organisation's and month's outbox reference (a month is mailed once). */
  reference: string;
}

/** The period's first and last days as the reader says them: "1 novembre 2026 – 30 novembre 2026". */
function days(report: CommunityReport, locale: ReportLocale): [string, string] {
  const day = (iso: string) => formatDate(new Date(`${iso}T12:00:00Z`), locale, 'UTC');
  return [day(report.period.firstDay), day(report.period.lastDay)];
}

/** The key figures of the month, one line each, in the recipient's language. */
export function executiveReportFigures(report: CommunityReport, locale: ReportLocale): string[] {
  const fr = locale === 'fr';
  const count = (n: number) => formatCount(n, locale);
  const colon = fr ? '\u00a0:' : ':';
  const lines: string[] = [];

  const total = report.volume.totals.total;
  const before = report.volume.previousTotals.total;
  const previous = mailLine(report.previousPeriod.label);
  const change = formatChange(total, before, locale);
  lines.push(
    fr
      ? `- Mentions${colon} ${count(total)} (${change ? `${change} par rapport à ${previous}, ${count(before)}` : `${count(before)} en ${previous}`})`
      : `- Mentions${colon} ${count(total)} (${change ? `${change} against ${previous}, ${count(before)}` : `${count(before)} in ${previous}`})`,
  );

  const { received, answered, medianFirstResponseMinutes: median } = report.inbox;
  if (received === 0) {
    lines.push(fr ? `- Messagerie${colon} aucun message reçu` : `- Inbox${colon} no message received`);
  } else {
    const response =
      median === null
        ? fr
          ? 'aucune première réponse mesurée'
          : 'no first response measured'
        : fr
          ? `première réponse en ${formatMinutes(median, locale)} (médiane)`
          : `median first response ${formatMinutes(median, locale)}`;
    lines.push(
      fr
        ? `- Messagerie${colon} ${count(received)} message${received > 1 ? 's' : ''} reçu${received > 1 ? 's' : ''}, ${count(answered)} répondu${answered > 1 ? 's' : ''}, ${response}`
        : `- Inbox${colon} ${count(received)} message${received === 1 ? '' : 's'} received, ${count(answered)} answered, ${response}`,
    );
  }

  const measured = report.kpis.filter((k) => k.onTrack !== null);
  const onTrack = measured.filter((k) => k.onTrack === true).length;
  if (report.kpis.length === 0) {
    lines.push(fr ? `- Indicateurs (KPI)${colon} aucun indicateur défini` : `- KPIs${colon} none set`);
  } else if (measured.length === 0) {
    lines.push(fr ? `- Indicateurs (KPI)${colon} aucun mesuré ce mois-ci` : `- KPIs${colon} none measured this month`);
  } else {
    lines.push(
      fr
        ? `- Indicateurs (KPI)${colon} ${onTrack} dans les temps sur ${measured.length} mesuré${measured.length > 1 ? 's' : ''}`
        : `- KPIs${colon} ${onTrack} on track out of ${measured.length} measured`,
    );
  }

  const best = report.topPublications?.[0];
  if (best) {
    const facts = [
      mailLine(best.network),
      ...(best.engagement === null ? [] : [`${count(best.engagement)} interactions`]),
      fr
        ? `publiée le ${formatDate(best.publishedAt, locale, report.timeZone)}`
        : `published on ${formatDate(best.publishedAt, locale, report.timeZone)}`,
    ].join(', ');
    lines.push(
      fr
        ? `- Publication la plus performante${colon} « ${mailLine(best.title)} » (${facts})`
        : `- Best-performing post${colon} "${mailLine(best.title)}" (${facts})`,
    );
    if (best.url) lines.push(`  ${mailLine(best.url)}`);
  }
  return lines;
}

/**
 * The monthly executive report as a plain-text mail to one member of the management: the month, its key
 * figures (mentions against the month before, the inbox, the KPIs, the best post), the recipient's own link
 * to the PDF, how long it works and where else the report is.
 */
export function executiveReportMail(facts: ExecutiveReportMailFacts): OutgoingMail {
  const { report, locale } = facts;
  const fr = locale === 'fr';
  const organization = mailLine(report.organizationName);
  const month = mailLine(report.period.label);
  const name = mailLine(facts.name);
  const [first, last] = days(report, locale);
  const until = mailMoment(facts.expiresAt, locale, report.timeZone);
  const zone = mailLine(report.timeZone);
  const subject = fr
    ? `Rapport mensuel de direction — ${month} — ${organization}`
    : `Monthly executive report — ${month} — ${organization}`;
  const text = fr
    ? [
        name ? `Bonjour ${name},` : 'Bonjour,',
        '',
        `Voici le rapport mensuel de direction de ${organization} pour ${month}.`,
        `Période : du ${first} au ${last} (fuseau ${zone}).`,
        '',
        'Chiffres clés',
        ...executiveReportFigures(report, locale),
        '',
        `Le rapport complet, avec ses graphiques (PDF) : ${facts.url}`,
        '',
        `Ce lien vous est personnel et fonctionne ${LINK_DAYS} jours, jusqu’au ${until}. La page du client sur la plateforme : ${facts.consoleUrl}`,
        '',
        'Vous recevez ce message parce que vous faites partie de la direction ou portez la stratégie de cette organisation.',
      ].join('\n')
    : [
        name ? `Hello ${name},` : 'Hello,',
        '',
        `Here is the monthly executive report of ${organization} for ${month}.`,
        `Period: ${first} to ${last} (${zone} time).`,
        '',
        'Key figures',
        ...executiveReportFigures(report, locale),
        '',
        `The full report, with its charts (PDF): ${facts.url}`,
        '',
        `This link is yours and works for ${LINK_DAYS} days, until ${until}. The client’s page on the platform: ${facts.consoleUrl}`,
        '',
        'You receive this mail as a member of the management or the owner of the strategy of this organization.',
      ].join('\n');
  return { to: facts.email, subject: subject.slice(0, 300), text, purpose: EXECUTIVE_REPORT_MAIL_PURPOSE, reference: facts.reference };
}
