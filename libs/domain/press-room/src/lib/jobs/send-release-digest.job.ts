import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { MailOutbox } from '@socle/platform-mail';
import { JobHandler, JobQueues, Reconcilable } from '@socle/platform-queue';
import { NewsletterRepository } from '../newsletter.repository';
import { NewsletterService } from '../newsletter.service';
import { PressReleaseRepository } from '../press-release.repository';
import { PressRoomRepository } from '../press-room.repository';
import { PressRoomService } from '../press-room.service';
import { PRESS_ROOM_QUEUE, ReleaseDigestPayload, SEND_RELEASE_DIGEST_JOB, wakeDigest } from './digest-wakeups';

/** Subscribers written (and mailed) per statement. */
export const DIGEST_BATCH = 500;
/** Releases handled per run (the run wakes itself again when more are due). */
const RELEASES_PER_RUN = 10;
/**
 * A release that became public more than this long before the job first saw it (a room enabled late, a release
 * back-dated) is not mailed: the newsletter announces news, not the archive.
 */
export const DIGEST_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export interface DigestSummary {
  releases: number;
  mails: number;
  skippedOld: number;
}

/**
 * Mails each release of an enabled room to the confirmed subscribers once it is public. Idempotent by the row
 * `newsletter_deliveries (release, subscriber)` written in the same transaction as the mail: however many workers run
 * it at once, a subscriber gets a release once. Woken when a release is published (at its time), when a room is
 * enabled, and by the reconciler for what Redis lost.
 */
@Injectable()
export class SendReleaseDigestJob implements JobHandler<ReleaseDigestPayload>, Reconcilable {
  readonly queue = PRESS_ROOM_QUEUE;
  readonly name = SEND_RELEASE_DIGEST_JOB;
  private readonly logger = new Logger('PressRoomDigest');

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly rooms: PressRoomRepository,
    private readonly releases: PressReleaseRepository,
    private readonly subscribers: NewsletterRepository,
    private readonly newsletter: NewsletterService,
    private readonly settings: PressRoomService,
    private readonly outbox: MailOutbox,
    private readonly queues: JobQueues,
  ) {}

  async handle(payload: ReleaseDigestPayload): Promise<DigestSummary> {
    const summary: DigestSummary = { releases: 0, mails: 0, skippedOld: 0 };
    const more = await this.units.runInOrganization(payload.organizationId, async (uow) => {
      const room = await this.rooms.find(uow);
      if (!room?.enabled) return false;
      const organization = await this.rooms.organization(uow);
      const due = await this.releases.dueForDigest(uow, RELEASES_PER_RUN);
      const now = Date.now();
      for (const release of due) {
        summary.releases += 1;
        if (now - release.publishAt.getTime() > DIGEST_MAX_AGE_MS) {
          summary.skippedOld += 1;
          await this.releases.markDigestDone(uow, release.id);
          continue;
        }
        const roomUrl = this.settings.roomUrl(room);
        const releaseUrl = this.settings.releaseUrl(room, release.slug);
        for (;;) {
          const recipients = await this.subscribers.fanOut(uow, release.id, DIGEST_BATCH);
          if (recipients.length === 0) break;
          await this.outbox.enqueue(
            uow,
            recipients.map((recipient) =>
              this.newsletter.releaseMail(
                room,
                organization,
                release,
                { release: releaseUrl, unsubscribe: this.newsletter.unsubscribeUrl(roomUrl, uow.organizationId, recipient) },
                recipient,
              ),
            ),
          );
          summary.mails += recipients.length;
        }
        await this.releases.markDigestDone(uow, release.id);
      }
      return due.length === RELEASES_PER_RUN;
    });
    if (more) await wakeDigest(this.queues, payload.organizationId, new Date(), `more-${Date.now()}`);
    if (summary.mails) this.logger.log(`organization ${payload.organizationId}: ${summary.mails} release mails queued`);
    return summary;
  }

  /** Organisations with a public release not yet mailed (what Redis lost, or a release whose time came). */
  async reconcile(): Promise<number> {
    const due = await this.units.read({}, (uow) => this.releases.digestsDue(uow, 1000));
    const tag = `sweep-${Math.floor(Date.now() / 60_000)}`;
    for (const organizationId of due) await wakeDigest(this.queues, organizationId, new Date(), tag);
    return due.length;
  }
}
