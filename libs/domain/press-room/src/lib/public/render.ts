import { createHash } from 'node:crypto';
import { escapeHtml as h, escapeXml as x, xmlChars } from '../html';

export type Lang = 'fr' | 'en';

/** The page's only style, inline and allowed by its hash: no script, no external resource, nothing from a CDN. */
const STYLE = `body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;background:#fafafa;margin:0}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem}header{border-bottom:1px solid #ddd;margin-bottom:1.5rem}
h1{font-size:1.9rem;line-height:1.2;margin:.5rem 0}h2{font-size:1.3rem;margin-top:2rem}a{color:#0b57d0}
.meta,.muted{color:#5f6368;font-size:.9rem}ul.releases{list-style:none;padding:0}ul.releases li{margin:0 0 1.2rem}
figure{margin:1rem 0}figure img,figure video{max-width:100%;height:auto;background:#eee}figcaption{font-size:.9rem;color:#444}
.kit{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:1rem}form{display:grid;gap:.5rem;max-width:24rem}
input{font:inherit;padding:.4rem}button{font:inherit;padding:.45rem .9rem}nav.pages{display:flex;justify-content:space-between;margin-top:2rem}
.body blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1rem;color:#444}`;
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** Nothing runs; images, videos and the style come from the page's own origin; forms post back to it. */
export const PAGE_CSP = `default-src 'none'; img-src 'self'; media-src 'self'; style-src ${STYLE_HASH}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

const WORDS = {
  fr: {
    pressRoom: 'Salle de presse',
    latest: 'Derniers communiqués',
    none: 'Aucun communiqué publié pour l’instant.',
    archive: 'Tous les communiqués',
    kit: 'Kit média',
    contacts: 'Contacts presse',
    newsletter: 'Recevoir les communiqués par courriel',
    newsletterHint: 'Un lien de confirmation vous sera envoyé. Désabonnement en un clic dans chaque message.',
    email: 'Adresse électronique',
    name: 'Nom (facultatif)',
    subscribe: 'S’abonner',
    lists: 'Recevoir',
    listReleases: 'les communiqués de presse',
    listBlog: 'le résumé hebdomadaire du blog',
    back: 'Retour à la salle de presse',
    published: 'Publié le',
    older: 'Plus anciens',
    newer: 'Plus récents',
    page: 'Page',
    of: 'sur',
    credit: 'Crédit',
    download: 'Télécharger',
    feeds: 'Flux',
    checkInbox: 'Vérifiez votre boîte de réception',
    checkInboxText:
      'Si cette adresse peut recevoir du courrier, un lien de confirmation vient de lui être envoyé. L’abonnement commence quand vous l’ouvrez.',
    confirmed: 'Abonnement confirmé',
    confirmedText: 'Vous recevrez les prochains communiqués. Chaque message contient un lien pour vous désabonner en un clic.',
    unsubscribed: 'Désabonnement effectué',
    unsubscribedText: 'Vous ne recevrez plus les communiqués de cette salle de presse.',
    linkInvalid: 'Lien non valable',
    linkInvalidText: 'Ce lien n’est pas (ou plus) valable. Pour vous abonner, inscrivez-vous à nouveau depuis la salle de presse.',
    badRequest: 'Demande incomplète',
    tooMany: 'Trop de demandes',
    tooManyText: 'Trop de demandes depuis votre adresse : réessayez un peu plus tard.',
    colon: '\u00a0:',
  },
  en: {
    pressRoom: 'Press room',
    latest: 'Latest releases',
    none: 'No release published yet.',
    archive: 'All releases',
    kit: 'Media kit',
    contacts: 'Press contacts',
    newsletter: 'Get the releases by e-mail',
    newsletterHint: 'We will send you a confirmation link. Every message has a one-click unsubscribe link.',
    email: 'E-mail address',
    name: 'Name (optional)',
    subscribe: 'Subscribe',
    lists: 'Receive',
    listReleases: 'the press releases',
    listBlog: 'the weekly blog digest',
    back: 'Back to the press room',
    published: 'Published',
    older: 'Older',
    newer: 'Newer',
    page: 'Page',
    of: 'of',
    credit: 'Credit',
    download: 'Download',
    feeds: 'Feeds',
    checkInbox: 'Check your inbox',
    checkInboxText: 'If this address can receive mail, a confirmation link was just sent to it. The subscription starts when you open it.',
    confirmed: 'Subscription confirmed',
    confirmedText: 'You will receive the next releases. Every message has a link to unsubscribe in one click.',
    unsubscribed: 'Unsubscribed',
    unsubscribedText: 'You will no longer receive the releases of this press room.',
    linkInvalid: 'Link not valid',
    linkInvalidText: 'This link is not (or no longer) valid. To subscribe, sign up again from the press room.',
    badRequest: 'Incomplete request',
    tooMany: 'Too many requests',
    tooManyText: 'Too many requests from your address: try again a little later.',
    colon: ':',
  },
} as const;

export interface PageRoom {
  title: string;
  description: string;
  language: Lang;
  timezone: string;
  /** Whether the sign-up form offers the weekly blog digest beside the releases. */
  blogDigest?: boolean;
}

/** Where the page's links point: `base` for links within the site (a path), `absolute` for canonical and shared ones. */
export interface PageLinks {
  base: string;
  absolute: string;
}

export interface ListedRelease {
  slug: string;
  title: string;
  summary: string;
  publishAt: Date;
  updatedAt: Date;
}

export interface PageMedia {
  id: string;
  kind: 'IMAGE' | 'VIDEO';
  contentType: string;
  width: number;
  height: number;
  byteSize: number;
  durationMs: number | null;
  caption: string;
  credit: string;
}

export interface PageContact {
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
}

function date(at: Date, room: PageRoom): string {
  const format = (timeZone: string) =>
    new Intl.DateTimeFormat(room.language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone }).format(at);
  try {
    return format(room.timezone);
  } catch {
    return format('UTC');
  }
}

function size(bytes: number, lang: Lang): string {
  const units = lang === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

function layout(lang: Lang, title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${STYLE}</style>
${head}
</head>
<body><main>
${body}
</main></body>
</html>
`;
}

function feedLinks(room: PageRoom, links: PageLinks): string {
  return `<link rel="alternate" type="application/atom+xml" title="${h(room.title)} (Atom)" href="${h(links.base)}/feed.atom">
<link rel="alternate" type="application/rss+xml" title="${h(room.title)} (RSS)" href="${h(links.base)}/feed.rss">`;
}

function releaseList(room: PageRoom, links: PageLinks, releases: readonly ListedRelease[]): string {
  const w = WORDS[room.language];
  if (releases.length === 0) return `<p class="muted">${w.none}</p>`;
  return `<ul class="releases">${releases
    .map(
      (r) => `<li><a href="${h(links.base)}/releases/${h(r.slug)}"><strong>${h(r.title)}</strong></a>
<div class="meta"><time datetime="${r.publishAt.toISOString()}">${h(date(r.publishAt, room))}</time></div>
${r.summary ? `<div>${h(r.summary)}</div>` : ''}</li>`,
    )
    .join('\n')}</ul>`;
}

function mediaFigure(room: PageRoom, links: PageLinks, media: PageMedia): string {
  const w = WORDS[room.language];
  const src = `${h(links.base)}/media/${h(media.id)}`;
  const element =
    media.kind === 'IMAGE'
      ? `<a href="${src}"><img src="${src}" width="${media.width}" height="${media.height}" alt="${h(media.caption)}" loading="lazy"></a>`
      : `<video src="${src}" width="${media.width}" height="${media.height}" controls preload="none"></video>`;
  const facts = [
    `${media.width} × ${media.height} px`,
    media.durationMs !== null ? `${Math.round(media.durationMs / 1000)} s` : null,
    size(media.byteSize, room.language),
    media.contentType,
  ].filter(Boolean);
  return `<figure>${element}<figcaption>${media.caption ? `${h(media.caption)}<br>` : ''}${
    media.credit ? `${w.credit}${w.colon} ${h(media.credit)}<br>` : ''
  }<span class="muted">${h(facts.join(' · '))}</span> · <a href="${src}" download>${w.download}</a></figcaption></figure>`;
}

function signUpForm(room: PageRoom, links: PageLinks): string {
  const w = WORDS[room.language];
  return `<section><h2>${w.newsletter}</h2><p class="muted">${w.newsletterHint}</p>
<form method="post" action="${h(links.base)}/subscribe">
<label>${w.email} <input type="email" name="email" required maxlength="254" autocomplete="email"></label>
<label>${w.name} <input type="text" name="name" maxlength="200" autocomplete="name"></label>
${
  room.blogDigest
    ? `<fieldset><legend>${w.lists}</legend>
<label><input type="checkbox" name="lists" value="RELEASES" checked> ${w.listReleases}</label>
<label><input type="checkbox" name="lists" value="BLOG" checked> ${w.listBlog}</label>
</fieldset>
`
    : ''
}<button type="submit">${w.subscribe}</button>
</form></section>`;
}

function contactList(room: PageRoom, contacts: readonly PageContact[]): string {
  const w = WORDS[room.language];
  if (contacts.length === 0) return '';
  return `<section><h2>${w.contacts}</h2><ul>${contacts
    .map((c) => {
      const parts = [
        `<strong>${h(c.name)}</strong>${c.role ? `, ${h(c.role)}` : ''}`,
        c.email ? `<a href="mailto:${h(c.email)}">${h(c.email)}</a>` : null,
        c.phone ? `<a href="tel:${h(c.phone.replace(/[^+0-9]/g, ''))}">${h(c.phone)}</a>` : null,
      ].filter(Boolean);
      return `<li>${parts.join(' · ')}</li>`;
    })
    .join('')}</ul></section>`;
}

export function homePage(
  room: PageRoom,
  links: PageLinks,
  content: { releases: ListedRelease[]; more: boolean; kit: PageMedia[]; contacts: PageContact[] },
): string {
  const w = WORDS[room.language];
  const head = `<link rel="canonical" href="${h(links.absolute)}">
<meta property="og:type" content="website">
<meta property="og:title" content="${h(room.title)}">
<meta property="og:url" content="${h(links.absolute)}">
${room.description ? `<meta name="description" content="${h(room.description.slice(0, 300))}">\n<meta property="og:description" content="${h(room.description.slice(0, 300))}">` : ''}
${feedLinks(room, links)}`;
  const body = `<header><p class="meta">${w.pressRoom}</p><h1>${h(room.title)}</h1>${
    room.description
      ? room.description
          .split(/\n\s*\n/)
          .map((p) => `<p>${h(p.trim())}</p>`)
          .join('')
      : ''
  }</header>
<section><h2>${w.latest}</h2>${releaseList(room, links, content.releases)}${
    content.more ? `<p><a href="${h(links.base)}/archive">${w.archive}</a></p>` : ''
  }</section>
${content.kit.length ? `<section><h2>${w.kit}</h2><div class="kit">${content.kit.map((m) => mediaFigure(room, links, m)).join('\n')}</div></section>` : ''}
${contactList(room, content.contacts)}
${signUpForm(room, links)}
<p class="muted">${w.feeds}${w.colon} <a href="${h(links.base)}/feed.atom">Atom</a> · <a href="${h(links.base)}/feed.rss">RSS</a></p>`;
  return layout(room.language, `${room.title} — ${w.pressRoom}`, body, head);
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so the data can never close the element. */
function jsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function releasePage(
  room: PageRoom,
  links: PageLinks,
  release: ListedRelease & { bodyHtml: string },
  media: PageMedia[],
  absoluteMedia: (id: string) => string,
): string {
  const w = WORDS[room.language];
  const url = `${links.absolute}/releases/${release.slug}`;
  const image = media.find((m) => m.kind === 'IMAGE');
  const description = release.summary.slice(0, 300);
  const head = `<link rel="canonical" href="${h(url)}">
<meta name="description" content="${h(description)}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="${h(room.title)}">
<meta property="og:title" content="${h(release.title)}">
<meta property="og:description" content="${h(description)}">
<meta property="og:url" content="${h(url)}">
<meta property="og:locale" content="${room.language === 'fr' ? 'fr_FR' : 'en_GB'}">
<meta property="article:published_time" content="${release.publishAt.toISOString()}">
${image ? `<meta property="og:image" content="${h(absoluteMedia(image.id))}">\n<meta property="og:image:width" content="${image.width}">\n<meta property="og:image:height" content="${image.height}">` : ''}
<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${h(release.title)}">
<meta name="twitter:description" content="${h(description)}">
${image ? `<meta name="twitter:image" content="${h(absoluteMedia(image.id))}">` : ''}
${feedLinks(room, links)}
<script type="application/ld+json">${jsonLd({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: xmlChars(release.title).slice(0, 110),
    description: xmlChars(description),
    datePublished: release.publishAt.toISOString(),
    dateModified: release.updatedAt.toISOString(),
    mainEntityOfPage: url,
    publisher: { '@type': 'Organization', name: xmlChars(room.title) },
    ...(image ? { image: [absoluteMedia(image.id)] } : {}),
  })}</script>`;
  const body = `<header><p class="meta"><a href="${h(links.base) || '/'}">${h(room.title)}</a> · ${w.pressRoom}</p>
<h1>${h(release.title)}</h1>
<p class="meta">${w.published} <time datetime="${release.publishAt.toISOString()}">${h(date(release.publishAt, room))}</time></p></header>
<article>${release.summary ? `<p><strong>${h(release.summary)}</strong></p>` : ''}
<div class="body">${release.bodyHtml}</div>
${media.map((m) => mediaFigure(room, links, m)).join('\n')}</article>
<p><a href="${h(links.base) || '/'}">${w.back}</a></p>`;
  return layout(room.language, `${release.title} — ${room.title}`, body, head);
}

export function archivePage(room: PageRoom, links: PageLinks, releases: ListedRelease[], page: number, pages: number): string {
  const w = WORDS[room.language];
  const at = (n: number) => `${h(links.base)}/archive${n > 1 ? `?page=${n}` : ''}`;
  const head = `<link rel="canonical" href="${h(links.absolute)}/archive${page > 1 ? `?page=${page}` : ''}">\n${feedLinks(room, links)}`;
  const body = `<header><p class="meta"><a href="${h(links.base) || '/'}">${h(room.title)}</a> · ${w.pressRoom}</p>
<h1>${w.archive}</h1><p class="meta">${w.page} ${page} ${w.of} ${pages}</p></header>
${releaseList(room, links, releases)}
<nav class="pages">${page > 1 ? `<a href="${at(page - 1)}" rel="prev">${w.newer}</a>` : '<span></span>'}${
    page < pages ? `<a href="${at(page + 1)}" rel="next">${w.older}</a>` : '<span></span>'
  }</nav>`;
  return layout(room.language, `${w.archive} — ${room.title}`, body, head);
}

/** The one page of every miss (unknown room, disabled room, withdrawn or future release, other tenant's file): nothing tells them apart. */
export const NOT_FOUND_PAGE = layout(
  'en',
  'Not found — Page introuvable',
  `<h1>Not found</h1><p>This page does not exist or is not public.</p><p lang="fr">Cette page n’existe pas ou n’est pas publique.</p>`,
);

export function messagePage(
  room: PageRoom,
  links: PageLinks,
  kind: 'checkInbox' | 'confirmed' | 'unsubscribed' | 'linkInvalid' | 'tooMany' | 'badRequest',
  detail?: string,
): string {
  const w = WORDS[room.language];
  const titles = {
    checkInbox: [w.checkInbox, w.checkInboxText],
    confirmed: [w.confirmed, w.confirmedText],
    unsubscribed: [w.unsubscribed, w.unsubscribedText],
    linkInvalid: [w.linkInvalid, w.linkInvalidText],
    tooMany: [w.tooMany, w.tooManyText],
    badRequest: [w.badRequest, detail ?? ''],
  } as const;
  const [title, text] = titles[kind];
  return layout(
    room.language,
    `${title} — ${room.title}`,
    `<h1>${h(title)}</h1><p>${h(text)}</p><p><a href="${h(links.base) || '/'}">${w.back}</a></p>`,
    '<meta name="robots" content="noindex">',
  );
}

// ------------------------------------------------------------------ feeds and sitemap

export interface FeedRelease extends ListedRelease {
  bodyHtml: string;
  id: string;
}

export function atomFeed(room: PageRoom, links: PageLinks, feedId: string, releases: readonly FeedRelease[]): string {
  const updated = releases.reduce((latest, r) => Math.max(latest, r.publishAt.getTime()), 0);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${room.language}">
<id>${x(feedId)}</id>
<title>${x(room.title)}</title>
${room.description ? `<subtitle>${x(room.description.slice(0, 1000))}</subtitle>` : ''}
<updated>${new Date(updated || Date.UTC(2000, 0, 1)).toISOString()}</updated>
<link rel="self" type="application/atom+xml" href="${x(links.absolute)}/feed.atom"/>
<link rel="alternate" type="text/html" href="${x(links.absolute)}"/>
<author><name>${x(room.title)}</name></author>
${releases
  .map(
    (r) => `<entry>
<id>${x(`${feedId}:release:${r.id}`)}</id>
<title>${x(r.title)}</title>
<link rel="alternate" type="text/html" href="${x(links.absolute)}/releases/${x(r.slug)}"/>
<published>${r.publishAt.toISOString()}</published>
<updated>${r.publishAt.toISOString()}</updated>
${r.summary ? `<summary>${x(r.summary)}</summary>` : ''}
<content type="html">${x(r.bodyHtml)}</content>
</entry>`,
  )
  .join('\n')}
</feed>
`;
}

export function rssFeed(room: PageRoom, links: PageLinks, releases: readonly FeedRelease[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${x(room.title)}</title>
<link>${x(links.absolute)}</link>
<description>${x(room.description.slice(0, 1000) || room.title)}</description>
<language>${room.language}</language>
<atom:link href="${x(links.absolute)}/feed.rss" rel="self" type="application/rss+xml"/>
${releases
  .map(
    (r) => `<item>
<title>${x(r.title)}</title>
<link>${x(links.absolute)}/releases/${x(r.slug)}</link>
<guid isPermaLink="false">${x(r.id)}</guid>
<pubDate>${r.publishAt.toUTCString()}</pubDate>
<description>${x(r.bodyHtml || r.summary)}</description>
</item>`,
  )
  .join('\n')}
</channel>
</rss>
`;
}

export function sitemap(links: PageLinks, releases: readonly ListedRelease[], archivePages: number): string {
  const urls = [
    `<url><loc>${x(links.absolute)}</loc><changefreq>daily</changefreq></url>`,
    ...Array.from({ length: archivePages }, (_, i) => `<url><loc>${x(links.absolute)}/archive${i > 0 ? `?page=${i + 1}` : ''}</loc></url>`),
    ...releases.map(
      (r) => `<url><loc>${x(links.absolute)}/releases/${x(r.slug)}</loc><lastmod>${r.updatedAt.toISOString()}</lastmod></url>`,
    ),
  ];
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}
