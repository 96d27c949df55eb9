import { approvalLinkMail, ApprovalLinkMailFacts } from './approval-link-mail';

const facts: ApprovalLinkMailFacts = {
  recipientName: 'Claire Martin',
  recipientEmail: 'claire@client.example',
  organizationName: 'Boulangerie Dupont',
  locale: 'fr',
  timeZone: 'Europe/Paris',
  itemTitle: 'Nouvelle baguette',
  step: 2,
  stepCount: 2,
  url: 'https://socle.example/links/approvals/abc',
  expiresAt: new Date('2026-12-05T16:30:00Z'),
  linkId: '0b0f6a52-56a8-4a43-9a3a-6b0f6e0c1f10',
};

describe('the mail of an approval link', () => {
  it('speaks French with the date in the organisation’s time zone, the link and the step', () => {
    const mail = approvalLinkMail(facts);
    expect(mail).toMatchObject({
      to: 'claire@client.example',
      subject: 'À valider pour Boulangerie Dupont : Nouvelle baguette',
      purpose: 'content.approval_link',
      reference: facts.linkId,
    });
    expect(mail.text).toContain('Bonjour Claire Martin,');
    expect(mail.text).toContain('(étape 2 sur 2 de sa validation)');
    expect(mail.text).toContain(`: ${facts.url}`);
    // 16:30 UTC is 17:30 in Paris in December
    expect(mail.text).toContain('5 décembre 2026 à 17:30 (Europe/Paris)');
  });

  it('speaks English, says nothing of steps for a one-step chain, and keeps names on one line', () => {
    const mail = approvalLinkMail({
      ...facts,
      locale: 'en',
      timeZone: 'Pacific/Auckland',
      stepCount: 1,
      step: 1,
      itemTitle: 'Launch\r\nBcc: victim@example.test',
      recipientName: 'Sam\u0000 Lee',
    });
    expect(mail.subject).toBe('For your approval at Boulangerie Dupont: Launch Bcc: victim@example.test');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).toContain('Hello Sam Lee,');
    expect(mail.text).not.toContain('step 1 of 1');
    expect(mail.text).toContain('6 December 2026 at 05:30 (Pacific/Auckland)');
  });

  it('falls back to UTC for a time zone the runtime does not know', () => {
    expect(approvalLinkMail({ ...facts, timeZone: 'Mars/Olympus' }).text).toContain('5 décembre 2026 à 16:30 (UTC)');
  });
});
