import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { RATE_LIMITER, RateLimiter } from '@socle/platform-auth';
import { SocleConfig } from '@socle/platform-config';
import { SignedTokens } from '@socle/platform-crypto';
import { isUuid, OrganizationUnitOfWork } from '@socle/platform-database';
import { badInput, DomainError, FieldProblem, rateLimited } from '@socle/platform-errors';
import { textProblem } from '@socle/platform-graphql';
import { MailOutbox, mailLine, mailMoment, OutgoingMail } from '@socle/platform-mail';
import { normalizeEmail } from './addresses';
import { excerpt } from './html';
import type { BlogDigestEntity } from './blog-digest.repository';
import { NewsletterRepository, Recipient, SubscriberEntity } from './newsletter.repository';
import type { PressReleaseEntity } from './press-release.repository';
import type { OrganizationFacts, PressRoomEntity } from './press-room.repository';

/** How long a confirmation link works. */
export const CONFIRMATION_TTL_MS = 48 * 60 * 60 * 1000;
/** Sign-ups one address (client IP) may send to one room per hour; more are refused with 429. */
export const SUBSCRIBE_PER_IP_PER_HOUR = 20;
/** Confirmation mails one address receives from one room per hour; more sign-ups answer the same and mail nothing. */
export const CONFIRMATIONS_PER_ADDRESS_PER_HOUR = 3;
/** Longer is never a link this server signed. */
const MAX_TOKEN_LENGTH = 400;

export type NewsletterLink =
  | { kind: 'confirm'; organizationId: string; subscriberId: string; nonce: string; expiresAt: number }
  | { kind: 'unsubscribe'; organizationId: string; subscriberId: string; nonce: string };

const nonce = () => randomBytes(18).toString('base64url');

/** What a subscriber may receive: the room's releases, and the weekly blog digest where the room offers it. */
export const NEWSLETTER_LISTS = ['RELEASES', 'BLOG'] as const;
export type NewsletterList = (typeof NEWSLETTER_LISTS)[number];

export interface SignUp {
  email: string;
  name: string | null;
  lists: NewsletterList[];
}

/**
 * What a sign-up asks for, read from a form or a JSON body; problems name their field. `lists` (a form's repeated
 * checkbox or a JSON array) defaults to the releases; BLOG only where the room offers the blog digest.
 */
export function readSignUp(body: unknown, offersBlog = false): SignUp {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badInput('body', 'send a form or a JSON object with `email` (and optionally `name` and `lists`)');
  const { email, name, lists } = body as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const offered: readonly string[] = offersBlog ? NEWSLETTER_LISTS : ['RELEASES'];
  let chosen: NewsletterList[] = ['RELEASES'];
  if (lists !== undefined && lists !== null && lists !== '') {
    const values = Array.isArray(lists) ? lists : [lists];
    if (
      values.length === 0 ||
      values.length > NEWSLETTER_LISTS.length ||
      !values.every((v) => typeof v === 'string' && offered.includes(v))
    )
      problems.push({ field: 'lists', message: `must be one or more of ${offered.join(', ')}` });
    else chosen = NEWSLETTER_LISTS.filter((list) => values.includes(list));
  }
  let address: string | null = null;
  if (typeof email !== 'string' || email.length > 254 || textProblem(email))
    problems.push({ field: 'email', message: 'must be an e-mail address (at most 254 characters)' });
  else {
    address = normalizeEmail(email);
    if (!address) problems.push({ field: 'email', message: 'must be an e-mail address (at most 254 characters)' });
  }
  let display: string | null = null;
  if (name !== undefined && name !== null && name !== '') {
    if (typeof name !== 'string' || name.trim().length > 200) problems.push({ field: 'name', message: 'must be at most 200 characters' });
    else {
      const problem = textProblem(name);
      if (problem) problems.push({ field: 'name', message: problem });
      else display = mailLine(name).slice(0, 200) || null;
    }
  }
  if (problems.length) throw badInput(problems);
  return { email: address as string, name: display, lists: chosen };
}

/**
 * The press room's newsletter: double opt-in sign-up (the same answer whatever the address's state, so the form tells
 * nobody who subscribed), one-click unsubscription, and the mails of each release. Links are signed (HMAC, a key of
 * their own derived from the server secret), name their organisation and subscriber, and carry a random part the row
 * holds: a confirmation works once and expires; an unsubscription works for as long as the subscription does.
 */
@Injectable()
export class NewsletterService {
  private readonly tokens: SignedTokens;

  constructor(
    private readonly subscribers: NewsletterRepository,
    private readonly outbox: MailOutbox,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    config: SocleConfig,
  ) {
    this.tokens = new SignedTokens(config.JWT_SECRET, 'socle.press-room.newsletter.v1');
  }

  /** Refuses a client address over its hourly sign-ups for this room (429 with the wait). */
  async limitSignUps(organizationId: string, ip: string): Promise<void> {
    const result = await this.limiter.hit(`press-subscribe-ip:${organizationId}:${ip}`, SUBSCRIBE_PER_IP_PER_HOUR, 3600);
    if (!result.allowed) throw rateLimited(result.retryAfterSeconds);
  }

  /**
   * A sign-up, in the room's organisation: a new or returning address gets a confirmation link (at most
   * CONFIRMATIONS_PER_ADDRESS_PER_HOUR an hour); a confirmed one gets nothing. The caller answers the same in every case.
   */
  async subscribe(
    uow: OrganizationUnitOfWork,
    room: PressRoomEntity,
    organization: OrganizationFacts,
    roomUrl: string,
    signUp: SignUp,
    now = new Date(),
  ): Promise<void> {
    const { subscriber } = await this.subscribers.findOrCreate(uow, signUp.email, signUp.name, signUp.lists, nonce());
    if (subscriber.state === 'CONFIRMED') return;
    const budget = await this.limiter.hit(
      `press-subscribe-address:${uow.organizationId}:${signUp.email.toLowerCase()}`,
      CONFIRMATIONS_PER_ADDRESS_PER_HOUR,
      3600,
    );
    if (!budget.allowed) return;
    const expiresAt = new Date(now.getTime() + CONFIRMATION_TTL_MS);
    const started = await this.subscribers.startConfirmation(uow, subscriber.id, {
      name: signUp.name,
      lists: signUp.lists,
      confirmNonce: nonce(),
      expiresAt,
    });
    const token = this.tokens.sign(['c1', uow.organizationId, started.id, started.confirmNonce, expiresAt.getTime()]);
    await this.outbox.enqueue(uow, [confirmationMail(room, organization, started, `${roomUrl}/confirm?token=${token}`, expiresAt)]);
  }

  /** The claims of a link this server signed (expired or not), or null when it is malformed or forged. */
  open(token: unknown): NewsletterLink | null {
    const fields = this.tokens.open(token, MAX_TOKEN_LENGTH);
    if (!fields) return null;
    const [kind, organizationId, subscriberId, secret, expiresAt] = fields;
    if (typeof organizationId !== 'string' || !isUuid(organizationId) || typeof subscriberId !== 'string' || !isUuid(subscriberId))
      return null;
    if (typeof secret !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(secret)) return null;
    if (kind === 'c1' && fields.length === 5 && typeof expiresAt === 'number' && Number.isSafeInteger(expiresAt))
      return { kind: 'confirm', organizationId, subscriberId, nonce: secret, expiresAt };
    if (kind === 'u1' && fields.length === 4) return { kind: 'unsubscribe', organizationId, subscriberId, nonce: secret };
    return null;
  }

  /** Confirms with a confirmation link: CONFLICT LINK_EXPIRED past its time, NOT_FOUND when used, replaced or not this room's. */
  async confirm(uow: OrganizationUnitOfWork, link: NewsletterLink, now = Date.now()): Promise<SubscriberEntity> {
    if (link.kind !== 'confirm') throw new DomainError('NOT_FOUND', 'This link is not valid.', { reason: 'LINK_UNKNOWN' });
    if (link.expiresAt <= now)
      throw new DomainError('CONFLICT', 'This confirmation link has expired: sign up again.', { reason: 'LINK_EXPIRED' });
    const row = await this.subscribers.confirm(uow, link.subscriberId, link.nonce, nonce());
    if (!row) throw new DomainError('NOT_FOUND', 'This link is not valid (it may have been used already).', { reason: 'LINK_UNKNOWN' });
    return row;
  }

  /** Unsubscribes with an unsubscription link (again and again: the answer stays the same). */
  async unsubscribe(uow: OrganizationUnitOfWork, link: NewsletterLink): Promise<SubscriberEntity> {
    const row = link.kind === 'unsubscribe' ? await this.subscribers.unsubscribe(uow, link.subscriberId, link.nonce) : null;
    if (!row) throw new DomainError('NOT_FOUND', 'This link is not valid.', { reason: 'LINK_UNKNOWN' });
    return row;
  }

  unsubscribeUrl(roomUrl: string, organizationId: string, recipient: Pick<Recipient, 'id' | 'unsubscribeNonce'>): string {
    return `${roomUrl}/unsubscribe?token=${this.tokens.sign(['u1', organizationId, recipient.id, recipient.unsubscribeNonce])}`;
  }

  /** The mail of one release to one subscriber. */
  releaseMail(
    room: PressRoomEntity,
    organization: OrganizationFacts,
    release: PressReleaseEntity,
    urls: { release: string; unsubscribe: string },
    recipient: Recipient,
  ): OutgoingMail {
    const fr = room.language === 'fr';
    const roomTitle = mailLine(room.title);
    const when = mailMoment(release.publishAt, room.language, organization.timezone);
    const text = [
      greeting(recipient, fr),
      '',
      fr ? `Nouveau communiqué de ${roomTitle}, publié le ${when} :` : `A new release from ${roomTitle}, published ${when}:`,
      '',
      mailLine(release.title),
      '',
      excerpt(release.bodyText || release.summary, 2000),
      '',
      fr ? `Lire le communiqué : ${urls.release}` : `Read the release: ${urls.release}`,
      '',
      '--',
      fr
        ? `Vous recevez ce message parce que vous êtes abonné·e aux communiqués de ${roomTitle}. Se désabonner en un clic : ${urls.unsubscribe}`
        : `You receive this because you subscribed to the releases of ${roomTitle}. Unsubscribe in one click: ${urls.unsubscribe}`,
    ].join('\n');
    return {
      to: recipient.email,
      subject: `${roomTitle}${fr ? ' : ' : ': '}${mailLine(release.title)}`.slice(0, 300),
      text,
      purpose: 'press-room.release',
      reference: release.id,
      unsubscribeUrl: urls.unsubscribe,
    };
  }
  /** The week's blog digest to one subscriber: each article's title, date, excerpt and address. */
  blogDigestMail(
    room: PressRoomEntity,
    organization: OrganizationFacts,
    digest: BlogDigestEntity,
    unsubscribe: string,
    recipient: Recipient,
  ): OutgoingMail {
    const fr = room.language === 'fr';
    const roomTitle = mailLine(room.title);
    const monday = new Date(`${digest.weekStart}T12:00:00Z`);
    const week = new Intl.DateTimeFormat(fr ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(monday);
    const articles = digest.articles.flatMap((article) => [
      mailLine(article.title),
      mailMoment(new Date(article.publishedAt), room.language, organization.timezone),
      ...(article.excerpt ? [article.excerpt] : []),
      article.url,
      '',
    ]);
    const text = [
      greeting(recipient, fr),
      '',
      fr ? `Les articles publiés par ${roomTitle} la semaine du ${week} :` : `The articles ${roomTitle} published in the week of ${week}:`,
      '',
      ...articles,
      '--',
      fr
        ? `Vous recevez ce message parce que vous êtes abonné·e au résumé du blog de ${roomTitle}. Se désabonner en un clic : ${unsubscribe}`
        : `You receive this because you subscribed to the blog digest of ${roomTitle}. Unsubscribe in one click: ${unsubscribe}`,
    ].join('\n');
    return {
      to: recipient.email,
      subject: (fr ? `${roomTitle} : les articles de la semaine du ${week}` : `${roomTitle}: the articles of the week of ${week}`).slice(
        0,
        300,
      ),
      text,
      purpose: 'press-room.blog-digest',
      reference: digest.id,
      unsubscribeUrl: unsubscribe,
    };
  }
}

/** The first line of a newsletter mail, with the subscriber's name when they gave one. */
function greeting(recipient: Recipient, fr: boolean): string {
  if (!recipient.name) return fr ? 'Bonjour,' : 'Hello,';
  return fr ? `Bonjour ${mailLine(recipient.name)},` : `Hello ${mailLine(recipient.name)},`;
}

function confirmationMail(
  room: PressRoomEntity,
  organization: OrganizationFacts,
  subscriber: SubscriberEntity,
  url: string,
  expiresAt: Date,
): OutgoingMail {
  const fr = room.language === 'fr';
  const roomTitle = mailLine(room.title);
  const when = mailMoment(expiresAt, room.language, organization.timezone);
  const releases = subscriber.lists.includes('RELEASES');
  const blog = subscriber.lists.includes('BLOG');
  const what = fr
    ? [releases ? `les communiqués de presse de ${roomTitle}` : null, blog ? `le résumé hebdomadaire du blog de ${roomTitle}` : null]
    : [releases ? `the press releases of ${roomTitle}` : null, blog ? `the weekly blog digest of ${roomTitle}` : null];
  const asked = what.filter(Boolean).join(fr ? ' et ' : ' and ');
  const text = fr
    ? [
        'Bonjour,',
        '',
        `Quelqu’un (vous, sans doute) a demandé à recevoir ${asked} à cette adresse.`,
        '',
        `Pour confirmer, ouvrez ce lien : ${url}`,
        '',
        `Il fonctionne une seule fois, jusqu’au ${when}. Si vous n’avez rien demandé, ignorez ce message : vous ne recevrez rien.`,
      ]
    : [
        'Hello,',
        '',
        `Someone (you, most likely) asked to receive ${asked} at this address.`,
        '',
        `To confirm, open this link: ${url}`,
        '',
        `It works once, until ${when}. If you did not ask for anything, ignore this message: you will receive nothing.`,
      ];
  return {
    to: subscriber.email,
    subject: (fr
      ? `Confirmez votre abonnement aux communiqués de ${roomTitle}`
      : `Confirm your subscription to ${roomTitle}’s releases`
    ).slice(0, 300),
    text: text.join('\n'),
    purpose: 'press-room.confirm',
    reference: subscriber.id,
  };
}
