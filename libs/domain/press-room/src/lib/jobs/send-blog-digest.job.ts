import { Inject, Injectable, Logger } from '@nestjs/common';
import { NETWORK_TARGETS, NetworkTargets, PublicationRepository } from '@socle/content';
import { OrganizationUnitOfWork, UnitOfWorkFactory } from '@socle/platform-database';
import { MailOutbox, mailLine } from '@socle/platform-mail';
import { JobHandler, JobQueues, Reconcilable, TenantJobPayload } from '@socle/platform-queue';
import { BlogDigestRepository, DigestArticle } from '../blog-digest.repository';
import { excerpt } from '../html';
import { NewsletterService } from '../newsletter.service';
import { PressRoomRepository } from '../press-room.repository';
import { PressRoomService } from '../press-room.service';
import { PRESS_ROOM_QUEUE, WAKEUP_OPTIONS } from './digest-wakeups';

export const SEND_BLOG_DIGEST_JOB = 'SendBlogDigestJob';
/** Subscribers written (and mailed) per statement. */
const BLOG_DIGEST_BATCH = 500;
/** Articles one digest lists at most (the week's first ones). */
export const BLOG_DIGEST_MAX_ARTICLES = 50;
/**
 * A week whose digest was not written within this long after it fell due (the digest turned on mid-week, a worker
 * down for days) is recorded as done without mail: the digest is news of the week just ended.
 */
export const BLOG_DIGEST_LATE_MS = 3 * 24 * 60 * 60 * 1000;

export interface BlogDigestSummary {
  weekStart: string | null;
  articles: number;
  mails: number;
  skippedLate: boolean;
}

/**
 * The weekly blog digest: each Monday from 09:00 (the organisation's time), the articles its blogs published the week
 * before (publications of connectors whose manifest says `articles`) mailed to the confirmed subscribers who chose
 * the digest. The week's row (`blog_digests`, unique per week) holds the list as first written; a delivery row per
 * subscriber, written with the mail, makes it once per subscriber however many workers run. A week without articles
 * sends nothing. Woken by the reconciler (the weekly due time is found there).
 */
@Injectable()
export class SendBlogDigestJob implements JobHandler<TenantJobPayload>, Reconcilable {
  readonly queue = PRESS_ROOM_QUEUE;
  readonly name = SEND_BLOG_DIGEST_JOB;
  private readonly logger = new Logger('BlogDigest');

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly rooms: PressRoomRepository,
    private readonly digests: BlogDigestRepository,
    private readonly publications: PublicationRepository,
    @Inject(NETWORK_TARGETS) private readonly targets: NetworkTargets,
    private readonly newsletter: NewsletterService,
    private readonly settings: PressRoomService,
    private readonly outbox: MailOutbox,
    private readonly queues: JobQueues,
  ) {}

  async handle(payload: TenantJobPayload, now = new Date()): Promise<BlogDigestSummary> {
    const summary: BlogDigestSummary = { weekStart: null, articles: 0, mails: 0, skippedLate: false };
    await this.units.runInOrganization(payload.organizationId, async (uow) => {
      const room = await this.rooms.find(uow);
      if (!room?.enabled || !room.blogDigest) return;
      const { weekStart, from, to, dueAt } = await this.digests.dueWeek(uow, now);
      summary.weekStart = weekStart;
      let digest = await this.digests.find(uow, weekStart);
      if (!digest) {
        summary.skippedLate = now.getTime() - dueAt.getTime() > BLOG_DIGEST_LATE_MS;
        digest = await this.digests.findOrCreate(uow, weekStart, summary.skippedLate ? [] : await this.articles(uow, from, to));
      }
      summary.articles = digest.articles.length;
      if (digest.doneAt) return;
      const organization = await this.rooms.organization(uow);
      const roomUrl = this.settings.roomUrl(room);
      for (;;) {
        const recipients = await this.digests.fanOut(uow, digest.id, BLOG_DIGEST_BATCH);
        if (recipients.length === 0) break;
        await this.outbox.enqueue(
          uow,
          recipients.map((recipient) =>
            this.newsletter.blogDigestMail(
              room,
              organization,
              digest,
              this.newsletter.unsubscribeUrl(roomUrl, uow.organizationId, recipient),
              recipient,
            ),
          ),
        );
        summary.mails += recipients.length;
      }
      await this.digests.markDone(uow, digest.id);
    });
    if (summary.mails) this.logger.log(`organization ${payload.organizationId}: ${summary.mails} blog digest mails queued`);
    return summary;
  }

  /** The week's articles: what went out on the organisation's blogs, oldest first. */
  private async articles(uow: OrganizationUnitOfWork, from: Date, to: Date): Promise<DigestArticle[]> {
    const pieces = await this.publications.publishedBetween(uow, from, to, 1000);
    const accounts = await this.targets.describe(uow, [
      ...new Set(pieces.flatMap((p) => (p.networkAccountId ? [p.networkAccountId] : []))),
    ]);
    return pieces
      .filter((piece) => piece.networkAccountId && accounts.get(piece.networkAccountId)?.manifest?.articles === true)
      .slice(0, BLOG_DIGEST_MAX_ARTICLES)
      .map((piece) => ({
        title: mailLine(piece.title).slice(0, 300),
        excerpt: excerpt(piece.excerpt, 300),
        url: piece.url,
        publishedAt: piece.publishedAt.toISOString(),
        network: piece.network,
      }));
  }

  /** Organisations whose last week's digest is due and not done. */
  async reconcile(): Promise<number> {
    const due = await this.units.read({}, (uow) => this.digests.due(uow, new Date(), 1000));
    const tag = Math.floor(Date.now() / 60_000);
    for (const organizationId of due) {
      const payload: TenantJobPayload = { organizationId };
      await this.queues.add(PRESS_ROOM_QUEUE, SEND_BLOG_DIGEST_JOB, payload, {
        ...WAKEUP_OPTIONS,
        jobId: `blog-digest-${organizationId}-${tag}`,
      });
    }
    return due.length;
  }
}
