import { mailLine, mailMoment, type OutgoingMail } from '@socle/platform-mail';

/** What the mail to an approver without an account says, in the organisation's language and time zone. */
export interface ApprovalLinkMailFacts {
  recipientName: string;
  recipientEmail: string;
  organizationName: string;
  locale: 'fr' | 'en';
  timeZone: string;
  itemTitle: string;
  step: number;
  stepCount: number;
  url: string;
  expiresAt: Date;
  linkId: string;
}

/**
 * The mail that carries an approval link to its recipient: who asks, what to approve, the link, until when it works
 * (in the organisation's time zone) and that it works once. Plain text: the link is the only thing to click.
 */
export function approvalLinkMail(facts: ApprovalLinkMailFacts): OutgoingMail {
  const name = mailLine(facts.recipientName);
  const organization = mailLine(facts.organizationName);
  const title = mailLine(facts.itemTitle);
  const when = mailMoment(facts.expiresAt, facts.locale, facts.timeZone);
  const step = facts.stepCount > 1 ? facts.step : null;
  const fr = facts.locale === 'fr';
  const subject = fr ? `À valider pour ${organization} : ${title}` : `For your approval at ${organization}: ${title}`;
  const text = fr
    ? [
        `Bonjour ${name},`,
        '',
        `${organization} vous demande de valider le contenu « ${title} »${step ? ` (étape ${step} sur ${facts.stepCount} de sa validation)` : ''}.`,
        '',
        `Voir le contenu et décider (valider ou refuser, avec un commentaire) : ${facts.url}`,
        '',
        `Ce lien personnel fonctionne jusqu’au ${when} et une seule fois. Aucun compte n’est nécessaire. Ne le transférez pas.`,
      ].join('\n')
    : [
        `Hello ${name},`,
        '',
        `${organization} asks you to approve the content "${title}"${step ? ` (step ${step} of ${facts.stepCount} of its approval)` : ''}.`,
        '',
        `See the content and decide (approve or reject, with a comment): ${facts.url}`,
        '',
        `This personal link works until ${when} and only once. No account is needed. Do not forward it.`,
      ].join('\n');
  return { to: facts.recipientEmail, subject: subject.slice(0, 300), text, purpose: 'content.approval_link', reference: facts.linkId };
}
