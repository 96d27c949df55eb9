/**
 * Employee advocacy (seed 001 §6: bring the whole company in): the monthly
 * mail of the best-performing content with posts ready to copy, an e-mail
 * signature with the organisation's social links, and the launch message from
 * the management. Pure functions: the text is built here, the data read by
 * the repository.
 */
export type AdvocacyLocale = 'fr' | 'en';

export interface DigestPost {
  network: string;
  title: string;
  /** The text as published, to copy and share. */
  text: string;
  url: string | null;
  publishedAt: Date;
  engagement: number | null;
}

export interface Digest {
  subject: string;
  /** Plain text, ready for the mail outbox or to paste into a mail. */
  text: string;
  posts: DigestPost[];
}

export interface SignatureLink {
  label: string;
  url: string | null;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Only absolute http(s) URLs become links (no javascript:, data: or relative ones). */
export function safeHttpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

const MONTHS: Record<AdvocacyLocale, string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export function monthLabel(month: string, locale: AdvocacyLocale): string {
  const [year, m] = month.split('-').map(Number);
  return `${MONTHS[locale][m - 1]} ${year}`;
}

/** The monthly mail: the best posts of the month, each with its text to copy and its link. */
export function advocacyDigest(locale: AdvocacyLocale, organization: string, month: string, posts: DigestPost[]): Digest {
  const label = monthLabel(month, locale);
  const fr = locale === 'fr';
  const subject = fr ? `${organization} — nos meilleures publications de ${label}` : `${organization} — our best posts of ${label}`;
  const lines: string[] = [
    fr ? 'Bonjour,' : 'Hello,',
    '',
    posts.length === 0
      ? fr
        ? `Aucune publication en ${label}. Rendez-vous le mois prochain !`
        : `No post in ${label}. See you next month!`
      : fr
        ? `Voici les publications qui ont le mieux marché en ${label}. Copiez le texte et partagez-le sur vos propres comptes : c'est le meilleur moyen de faire connaître ${organization}.`
        : `Here are the posts that did best in ${label}. Copy the text and share it on your own accounts: it is the best way to make ${organization} known.`,
  ];
  posts.forEach((p, i) => {
    lines.push('', `${i + 1}. ${p.title} (${p.network}${p.engagement === null ? '' : `, ${p.engagement} interactions`})`);
    lines.push(fr ? '   Texte à copier :' : '   Text to copy:');
    for (const line of p.text.split('\n')) lines.push(`   ${line}`);
    if (p.url) lines.push(fr ? `   Lien : ${p.url}` : `   Link: ${p.url}`);
  });
  lines.push('', fr ? 'Merci de votre relais !' : 'Thank you for sharing!');
  return { subject, text: lines.join('\n'), posts };
}

/** An HTML snippet for an e-mail signature: name, function, organisation and its social links, every value escaped. */
export function signatureHtml(
  person: { name: string; jobTitle?: string | null; phone?: string | null },
  organization: string,
  links: SignatureLink[],
): string {
  const parts = [`<strong>${escapeHtml(person.name)}</strong>`];
  if (person.jobTitle) parts.push(escapeHtml(person.jobTitle));
  parts.push(escapeHtml(organization));
  if (person.phone) parts.push(escapeHtml(person.phone));
  const social = links.map((l) => {
    const url = l.url ? safeHttpUrl(l.url) : null;
    return url ? `<a href="${escapeHtml(url)}">${escapeHtml(l.label)}</a>` : escapeHtml(l.label);
  });
  if (social.length) parts.push(social.join(' · '));
  return `<p style="font-family:Arial,sans-serif;font-size:12px;line-height:1.4;margin:0">${parts.join('<br>')}</p>`;
}

/** The launch message from the management, inviting everyone to take part (a template to adapt). */
export function launchMessage(
  locale: AdvocacyLocale,
  organization: string,
  signer: { name: string; jobTitle?: string | null },
): { subject: string; text: string } {
  const signature = signer.jobTitle ? `${signer.name}\n${signer.jobTitle}` : signer.name;
  if (locale === 'fr') {
    return {
      subject: `${organization} sur les médias sociaux : nous comptons sur vous`,
      text: [
        'Bonjour à toutes et à tous,',
        '',
        `${organization} s'engage sur les médias sociaux, avec des objectifs clairs et une équipe dédiée. Vous êtes nos meilleurs ambassadeurs : vous connaissez nos métiers, nos clients et nos réussites mieux que quiconque.`,
        '',
        'Concrètement :',
        '- chaque mois, vous recevrez nos meilleures publications, avec un texte prêt à partager ;',
        '- vous pouvez proposer des idées de contenu dans la boîte à idées ;',
        '- une signature de courriel avec nos comptes est à votre disposition ;',
        "- notre charte d'utilisation vous dit ce que vous pouvez partager, et comment.",
        '',
        'Merci de votre participation.',
        '',
        signature,
      ].join('\n'),
    };
  }
  return {
    subject: `${organization} on social media: we count on you`,
    text: [
      'Hello everyone,',
      '',
      `${organization} is committing to social media, with clear goals and a dedicated team. You are our best ambassadors: you know our work, our customers and our successes better than anyone.`,
      '',
      'In practice:',
      '- every month you will receive our best posts, with a text ready to share;',
      '- you can suggest content ideas in the suggestion box;',
      '- an e-mail signature with our accounts is ready for you;',
      '- our usage guide tells you what you may share, and how.',
      '',
      'Thank you for taking part.',
      '',
      signature,
    ].join('\n'),
  };
}
