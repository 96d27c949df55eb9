import { mailLine, type OutgoingMail } from '@socle/platform-mail';

export interface PasswordResetMailFacts {
  email: string;
  name: string;
  locale: 'fr' | 'en';
  url: string;
  validMinutes: number;
  resetId: string;
}

/** The mail with a password-reset link, in the person's language: the link, how long it works, what to do if unasked. */
export function passwordResetMail(facts: PasswordResetMailFacts): OutgoingMail {
  const name = mailLine(facts.name);
  const fr = facts.locale === 'fr';
  const text = fr
    ? [
        `Bonjour ${name},`,
        '',
        'Vous avez demandé à choisir un nouveau mot de passe pour votre compte Socle.',
        '',
        `Choisir un nouveau mot de passe : ${facts.url}`,
        '',
        `Ce lien fonctionne pendant ${facts.validMinutes} minutes et une seule fois. Choisir un nouveau mot de passe ferme vos autres sessions.`,
        'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.',
      ].join('\n')
    : [
        `Hello ${name},`,
        '',
        'You asked to choose a new password for your Socle account.',
        '',
        `Choose a new password: ${facts.url}`,
        '',
        `This link works for ${facts.validMinutes} minutes and only once. Choosing a new password signs you out everywhere else.`,
        'If you did not ask for this, ignore this mail: your password stays as it is.',
      ].join('\n');
  return {
    to: facts.email,
    subject: fr ? 'Votre nouveau mot de passe Socle' : 'Your new Socle password',
    text,
    purpose: 'accounts.password_reset',
    reference: facts.resetId,
  };
}
