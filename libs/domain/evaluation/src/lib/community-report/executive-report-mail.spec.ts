import {
  EXECUTIVE_REPORT_MAIL_PURPOSE,
  executiveReportFigures,
  executiveReportMail,
  executiveReportReference,
} from './executive-report-mail';
import { emptyMonthlyReport, monthlyReport } from './testing/sample-community-reports';

const URL = 'https://socle.example/reports/signed-link';
const CONSOLE = 'https://socle.example/organizations/0b0b0b0b-0000-4000-8000-000000000001';
const REFERENCE = executiveReportReference('0b0b0b0b-0000-4000-8000-000000000001', '2026-08');

const mail = (locale: 'fr' | 'en', report = monthlyReport(locale), name = 'Philippe Morel') =>
  executiveReportMail({
    email: 'dg@example.test',
    name,
    locale,
    report,
    url: URL,
    expiresAt: new Date('2026-09-15T07:00:00Z'),
    consoleUrl: CONSOLE,
    reference: REFERENCE,
  });

describe('the monthly executive report mail', () => {
  it('says the month, its key figures and the personal link in French', () => {
    const m = mail('fr');
    expect(m).toMatchObject({ to: 'dg@example.test', purpose: EXECUTIVE_REPORT_MAIL_PURPOSE, reference: REFERENCE });
    expect(m.subject).toBe('Rapport mensuel de direction — août 2026 — Boulangerie Lefèvre & Fils');
    expect(m.text).toContain('Bonjour Philippe Morel,');
    expect(m.text).toContain('Période : du 1 août 2026 au 31 août 2026 (fuseau Europe/Paris).');
    // Mentions against July, with the change.
    const report = monthlyReport('fr');
    const now = report.volume.totals.total;
    const before = report.volume.previousTotals.total;
    const change = Math.round(((now - before) / before) * 100);
    expect(m.text).toContain(`- Mentions\u00a0: ${now} (+${change}\u00a0% par rapport à juillet 2026, ${before})`);
    expect(m.text).toContain('- Messagerie\u00a0: 40 messages reçus, 36 répondus, première réponse en 95 min (médiane)');
    expect(m.text).toContain('- Indicateurs (KPI)\u00a0: 1 dans les temps sur 1 mesuré');
    expect(m.text).toContain(
      '- Publication la plus performante\u00a0: « Le pain du lundi » (mastodon, 42 interactions, publiée le 10 août 2026)',
    );
    expect(m.text).toContain('  https://m.example/1');
    expect(m.text).toContain(`Le rapport complet, avec ses graphiques (PDF) : ${URL}`);
    expect(m.text).toContain('fonctionne 14 jours, jusqu’au 15 septembre 2026 à 09:00 (Europe/Paris)');
    expect(m.text).toContain(`La page du client sur la plateforme : ${CONSOLE}`);
  });

  it('says the same in English for an English-speaking recipient', () => {
    const m = mail('en');
    expect(m.subject).toBe('Monthly executive report — August 2026 — Boulangerie Lefèvre & Fils');
    expect(m.text).toContain('Hello Philippe Morel,');
    expect(m.text).toContain('Period: 1 August 2026 to 31 August 2026 (Europe/Paris time).');
    expect(m.text).toMatch(/- Mentions: \d+ \(\+\d+% against July 2026, \d+\)/);
    expect(m.text).toContain('- Inbox: 40 messages received, 36 answered, median first response 95 min');
    expect(m.text).toContain('- KPIs: 1 on track out of 1 measured');
    expect(m.text).toContain('- Best-performing post: "Le pain du lundi" (mastodon, 42 interactions, published on 10 August 2026)');
    expect(m.text).toContain(`The full report, with its charts (PDF): ${URL}`);
    expect(m.text).toContain('works for 14 days, until 15 September 2026 at 09:00 (Europe/Paris)');
    expect(m.text).toContain(`The client’s page on the platform: ${CONSOLE}`);
    expect(m.text).not.toMatch(/Bonjour|Rapport mensuel/);
  });

  it('says when a month has nothing to show, without a best post', () => {
    const fr = executiveReportFigures(emptyMonthlyReport('fr'), 'fr');
    expect(fr).toEqual([
      '- Mentions\u00a0: 0 (0 en juillet 2026)',
      '- Messagerie\u00a0: aucun message reçu',
      '- Indicateurs (KPI)\u00a0: aucun indicateur défini',
    ]);
    const en = executiveReportFigures(emptyMonthlyReport('en'), 'en');
    expect(en).toEqual(['- Mentions: 0 (0 in July 2026)', '- Inbox: no message received', '- KPIs: none set']);
  });

  it('keeps names and titles on one line (no header or line injected)', () => {
    const report = { ...monthlyReport('en'), organizationName: 'Acme\r\nBcc: thief@example.test' };
    report.topPublications = (report.topPublications ?? []).map((p) => ({ ...p, title: 'Title\n\nInjected paragraph' }));
    const m = mail('en', report, 'Eve\nBcc: x@example.test');
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.subject).toContain('Acme Bcc: thief@example.test');
    expect(m.text).toContain('Hello Eve Bcc: x@example.test,');
    expect(m.text).toContain('"Title Injected paragraph"');
  });

  it('gives each organisation and month one reference', () => {
    expect(executiveReportReference('a', '2026-08')).toBe(executiveReportReference('a', '2026-08'));
    expect(executiveReportReference('a', '2026-08')).not.toBe(executiveReportReference('a', '2026-09'));
    expect(executiveReportReference('a', '2026-08')).not.toBe(executiveReportReference('b', '2026-08'));
    expect(REFERENCE).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
