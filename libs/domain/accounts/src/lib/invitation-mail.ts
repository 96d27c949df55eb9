import { mailLine, mailMoment, type OutgoingMail } from '@socle/platform-mail';

type Locale = 'fr' | 'en';

/** The roles as the console names them, in both languages. */
const ROLE_NAMES: Record<string, Record<Locale, string>> = {
  ADMIN: { en: 'Administrator', fr: 'Administrateur·rice' },
  MEMBER: { en: 'Member', fr: 'Membre' },
  STRATEGY_LEAD: { en: 'Strategy lead', fr: 'Responsable stratégie' },
  CONTENT_LEAD: { en: 'Content lead', fr: 'Responsable contenus' },
  COMMUNITY_MANAGER: { en: 'Community manager', fr: 'Community manager' },
  ANALYST: { en: 'Analyst', fr: 'Analyste' },
  COORDINATOR: { en: 'Coordinator', fr: 'Coordinateur·rice' },
  EXECUTIVE_APPROVER: { en: 'Executive approver', fr: 'Validation de la direction' },
  CONTRIBUTOR: { en: 'Contributor', fr: 'Contributeur·rice' },
  VIEWER: { en: 'Viewer', fr: 'Lecture seule' },
};

export interface InvitationMailFacts {
  email: string;
  /** The client organisation or the agency the invitation is into. */
  place: string;
  kind: 'organization' | 'agency';
  inviterName: string | null;
  roles: readonly string[];
  locale: Locale;
  timeZone: string;
  url: string;
  expiresAt: Date;
  invitationId: string;
}

/**
 * The mail that carries an invitation: who invites, into which client or agency, with which roles, the link (it
 * creates the account, or joins with an existing one) and until when it works. Plain text.
 */
export function invitationMail(facts: InvitationMailFacts): OutgoingMail {
  const fr = facts.locale === 'fr';
  const place = mailLine(facts.place);
  const inviter = facts.inviterName ? mailLine(facts.inviterName) : null;
  const roles = facts.roles.map((role) => ROLE_NAMES[role]?.[facts.locale] ?? role).join(', ');
  const when = mailMoment(facts.expiresAt, facts.locale, facts.timeZone);
  const who = inviter ?? place;
  const subject = fr ? `${who} vous invite sur Socle : ${place}` : `${who} invites you to ${place} on Socle`;
  const into = facts.kind === 'agency' ? (fr ? `l’agence ${place}` : `the agency ${place}`) : place;
  const text = fr
    ? [
        'Bonjour,',
        '',
        `${inviter ? `${inviter} vous invite` : 'Vous êtes invité·e'} à rejoindre ${into} sur Socle, avec ${facts.roles.length > 1 ? 'les rôles' : 'le rôle'} : ${roles}.`,
        '',
        `Accepter l’invitation (créer votre compte, ou utiliser celui que vous avez déjà) : ${facts.url}`,
        '',
        `Ce lien personnel fonctionne jusqu’au ${when} et une seule fois. Si vous ne vous attendiez pas à cette invitation, ignorez ce message.`,
      ].join('\n')
    : [
        'Hello,',
        '',
        `${inviter ? `${inviter} invites you` : 'You are invited'} to join ${into} on Socle, as ${roles}.`,
        '',
        `Accept the invitation (create your account, or use the one you already have): ${facts.url}`,
        '',
        `This personal link works until ${when} and only once. If you did not expect this invitation, ignore this mail.`,
      ].join('\n');
  return { to: facts.email, subject: subject.slice(0, 300), text, purpose: 'accounts.invitation', reference: facts.invitationId };
}
