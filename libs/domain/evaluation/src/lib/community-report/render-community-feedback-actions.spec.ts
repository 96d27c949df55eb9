import { extractPdfText, flat } from '../report/testing/pdf-inspect';
import type { CommunityReport } from './community-report';
import { renderCommunityReportCsv } from './render-community-csv';
import { renderCommunityReportPdf } from './render-community-pdf';
import { quarterlyReport } from './testing/sample-community-reports';

const withActions = (locale: 'fr' | 'en'): CommunityReport => ({
  ...quarterlyReport(locale),
  feedbackActions: {
    recorded: 3,
    followedUp: 2,
    done: 1,
    open: 2,
    items: [
      {
        decision: 'Proposer un pain sans gluten',
        status: 'DONE',
        followUp: 'Testé le samedi',
        mentions: 2,
        inboxItems: 1,
        recordedAt: new Date('2026-08-10T08:00:00Z'),
      },
      {
        decision: 'Expliquer les prix',
        status: 'IN_PROGRESS',
        followUp: null,
        mentions: 1,
        inboxItems: 0,
        recordedAt: new Date('2026-07-02T08:00:00Z'),
      },
    ],
  },
});

describe('community report: actions taken on feedback', () => {
  it('shows the section in the PDF, with the counts and the latest actions', async () => {
    const text = flat(extractPdfText(await renderCommunityReportPdf(withActions('fr'))).pages.join('\n'));
    for (const phrase of [
      'Actions menées suite aux retours',
      '3 actions décidées, 2 suivies, 1 terminée, 2 en cours.',
      'Proposer un pain sans gluten',
      'Terminée',
      'Testé le samedi',
      'En cours',
    ])
      expect(text).toContain(phrase);
    const en = flat(extractPdfText(await renderCommunityReportPdf(withActions('en'))).pages.join('\n'));
    expect(en).toContain('Actions taken on feedback');
    expect(en).toContain('3 actions decided, 2 followed up, 1 done, 2 under way.');
  });

  it('says when no action was decided, and leaves the section out when the log is not installed', async () => {
    const none = { ...withActions('en'), feedbackActions: { recorded: 0, followedUp: 0, done: 0, open: 0, items: [] } };
    const text = flat(extractPdfText(await renderCommunityReportPdf(none)).pages.join('\n'));
    expect(text).toContain('No action decided from feedback in the period.');
    const absent = flat(extractPdfText(await renderCommunityReportPdf({ ...withActions('en'), feedbackActions: null })).pages.join('\n'));
    expect(absent).not.toContain('Actions taken on feedback');
  });

  it('writes one CSV row per action, with the feedback linked', () => {
    const csv = renderCommunityReportCsv(withActions('en'));
    const lines = csv.split('\r\n');
    const start = lines.findIndex((l) => l.includes('Actions taken on feedback'));
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 2]).toContain('Proposer un pain sans gluten');
    expect(lines[start + 2]).toContain('Done');
    expect(lines[start + 2]).toMatch(/3$/);
    expect(lines[start + 3]).toContain('Expliquer les prix');
    expect(renderCommunityReportCsv({ ...withActions('en'), feedbackActions: null })).not.toContain('Actions taken on feedback');
  });
});
