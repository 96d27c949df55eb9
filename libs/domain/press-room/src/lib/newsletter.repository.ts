import { Injectable } from '@nestjs/common';
import type { OrganizationUnitOfWork } from '@socle/platform-database';
import type { KeysetPage } from '@socle/platform-graphql';

export const SUBSCRIBER_STATES = ['PENDING', 'CONFIRMED', 'UNSUBSCRIBED'] as const;
export type SubscriberState = (typeof SUBSCRIBER_STATES)[number];

/** A newsletter subscriber as stored in `newsletter_subscribers`. */
export interface SubscriberEntity {
  id: string;
  email: string;
  name: string | null;
  state: SubscriberState;
  /** What they receive: RELEASES and/or BLOG. */
  lists: string[];
  confirmNonce: string | null;
  confirmExpiresAt: Date | null;
  unsubscribeNonce: string;
  confirmationsSent: number;
  lastConfirmationAt: Date | null;
  createdAt: Date;
  confirmedAt: Date | null;
  unsubscribedAt: Date | null;
}

/** A subscriber a release is mailed to, with what their unsubscription link needs. */
export interface Recipient {
  id: string;
  email: string;
  name: string | null;
  unsubscribeNonce: string;
}

const COLUMNS = `id, email, name, state, lists, confirm_nonce AS "confirmNonce", confirm_expires_at AS "confirmExpiresAt",
  unsubscribe_nonce AS "unsubscribeNonce", confirmations_sent AS "confirmationsSent", last_confirmation_at AS "lastConfirmationAt",
  created_at AS "createdAt", confirmed_at AS "confirmedAt", unsubscribed_at AS "unsubscribedAt"`;

/** The only place that queries the newsletter's subscribers and deliveries; always inside the unit of work's organisation. */
@Injectable()
export class NewsletterRepository {
  async find(uow: OrganizationUnitOfWork, id: string, lock = false): Promise<SubscriberEntity | null> {
    const [row] = await uow.query<SubscriberEntity>(
      `SELECT ${COLUMNS} FROM newsletter_subscribers WHERE organization_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [uow.organizationId, id],
    );
    return row ?? null;
  }

  /** The subscriber with this (normalised) address, created PENDING when new; locked for the rest of the transaction. */
  async findOrCreate(
    uow: OrganizationUnitOfWork,
    email: string,
    name: string | null,
    lists: readonly string[],
    unsubscribeNonce: string,
  ): Promise<{ subscriber: SubscriberEntity; created: boolean }> {
    const [inserted] = await uow.query<SubscriberEntity>(
      `INSERT INTO newsletter_subscribers (organization_id, email, name, unsubscribe_nonce, lists) VALUES ($1, $2, $3, $4, $5::text[])
       ON CONFLICT (organization_id, email) DO NOTHING RETURNING ${COLUMNS}`,
      [uow.organizationId, email, name, unsubscribeNonce, lists],
    );
    if (inserted) return { subscriber: inserted, created: true };
    const [row] = await uow.query<SubscriberEntity>(
      `SELECT ${COLUMNS} FROM newsletter_subscribers WHERE organization_id = $1 AND email = $2 FOR UPDATE`,
      [uow.organizationId, email],
    );
    return { subscriber: row, created: false };
  }

  /** A new confirmation link for a subscriber not confirmed (a new one, one who waits, or one who left and comes back). */
  async startConfirmation(
    uow: OrganizationUnitOfWork,
    id: string,
    fields: { name: string | null; lists: readonly string[]; confirmNonce: string; expiresAt: Date },
  ): Promise<SubscriberEntity> {
    const [row] = await uow.query<SubscriberEntity>(
      `WITH changed AS (
         UPDATE newsletter_subscribers SET state = 'PENDING', name = coalesce($3, name), confirm_nonce = $4, confirm_expires_at = $5, lists = $6::text[],
                confirmations_sent = confirmations_sent + 1, last_confirmation_at = now(), unsubscribed_at = NULL, updated_at = now()
          WHERE organization_id = $1 AND id = $2 AND state <> 'CONFIRMED' RETURNING *)
       SELECT ${COLUMNS} FROM changed`,
      [uow.organizationId, id, fields.name, fields.confirmNonce, fields.expiresAt, fields.lists],
    );
    return row;
  }

  /** Confirms once: only with the link's current nonce, before it expires, while PENDING; a new unsubscription nonce is drawn. */
  async confirm(uow: OrganizationUnitOfWork, id: string, nonce: string, unsubscribeNonce: string): Promise<SubscriberEntity | null> {
    const [row] = await uow.query<SubscriberEntity>(
      `WITH changed AS (
         UPDATE newsletter_subscribers SET state = 'CONFIRMED', confirm_nonce = NULL, confirm_expires_at = NULL, confirmed_at = now(),
                unsubscribe_nonce = $4, updated_at = now()
          WHERE organization_id = $1 AND id = $2 AND state = 'PENDING' AND confirm_nonce = $3 AND confirm_expires_at > now()
          RETURNING *)
       SELECT ${COLUMNS} FROM changed`,
      [uow.organizationId, id, nonce, unsubscribeNonce],
    );
    return row ?? null;
  }

  /** Unsubscribes with the link's nonce; answers the row (already unsubscribed included), or null for a link that is not its own. */
  async unsubscribe(uow: OrganizationUnitOfWork, id: string, nonce: string): Promise<SubscriberEntity | null> {
    const [row] = await uow.query<SubscriberEntity>(
      `WITH changed AS (
         UPDATE newsletter_subscribers
            SET state = 'UNSUBSCRIBED', confirm_nonce = NULL, confirm_expires_at = NULL,
                unsubscribed_at = CASE WHEN state = 'UNSUBSCRIBED' THEN unsubscribed_at ELSE now() END, updated_at = now()
          WHERE organization_id = $1 AND id = $2 AND unsubscribe_nonce = $3 RETURNING *)
       SELECT ${COLUMNS} FROM changed`,
      [uow.organizationId, id, nonce],
    );
    return row ?? null;
  }

  async counts(uow: OrganizationUnitOfWork): Promise<Record<SubscriberState, number>> {
    const rows = await uow.query<{ state: SubscriberState; n: number }>(
      'SELECT state, count(*)::int AS n FROM newsletter_subscribers WHERE organization_id = $1 GROUP BY state',
      [uow.organizationId],
    );
    const out: Record<SubscriberState, number> = { PENDING: 0, CONFIRMED: 0, UNSUBSCRIBED: 0 };
    for (const r of rows) out[r.state] = r.n;
    return out;
  }

  /** Subscribers oldest first, optionally of one state (keyset on creation time and id). */
  async page(uow: OrganizationUnitOfWork, page: KeysetPage, state: SubscriberState | null): Promise<SubscriberEntity[]> {
    const params: unknown[] = [uow.organizationId];
    const where = ['organization_id = $1'];
    if (state) {
      params.push(state);
      where.push(`state = $${params.length}`);
    }
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      where.push(`(created_at, id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(page.size + 1);
    return uow.query<SubscriberEntity>(
      `SELECT ${COLUMNS} FROM newsletter_subscribers WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT $${params.length}`,
      params,
    );
  }

  async count(uow: OrganizationUnitOfWork, state: SubscriberState | null): Promise<number> {
    const [row] = await uow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM newsletter_subscribers WHERE organization_id = $1${state ? ' AND state = $2' : ''}`,
      state ? [uow.organizationId, state] : [uow.organizationId],
    );
    return row.n;
  }

  /** The release's mails to write: see `fanOutDeliveries`. */
  fanOut(uow: OrganizationUnitOfWork, releaseId: string, limit: number): Promise<Recipient[]> {
    return fanOutDeliveries(uow, RELEASE_DELIVERIES, releaseId, limit);
  }

  /** How many subscribers are confirmed. */
  async confirmedCount(uow: OrganizationUnitOfWork): Promise<number> {
    const [row] = await uow.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM newsletter_subscribers WHERE organization_id = $1 AND state = 'CONFIRMED'",
      [uow.organizationId],
    );
    return row.n;
  }
}

/** Where each newsletter's deliveries are written, and which subscribers it goes to. */
export interface DeliveryLog {
  table: 'newsletter_deliveries' | 'blog_digest_deliveries';
  /** The column naming what is sent (a release, a week's digest). */
  column: 'release_id' | 'digest_id';
  list: 'RELEASES' | 'BLOG';
}
export const RELEASE_DELIVERIES: DeliveryLog = { table: 'newsletter_deliveries', column: 'release_id', list: 'RELEASES' };

/**
 * Writes the delivery rows of up to `limit` confirmed subscribers of the log's list who have none for `sentId` yet, and
 * answers those it wrote. The row is the proof a mail was queued: a concurrent run inserting the same (sent, subscriber)
 * waits for this transaction and then inserts nothing, so however many workers run, each subscriber gets it once.
 */
export function fanOutDeliveries(uow: OrganizationUnitOfWork, log: DeliveryLog, sentId: string, limit: number): Promise<Recipient[]> {
  return uow.query<Recipient>(
    `WITH batch AS (
       SELECT s.id FROM newsletter_subscribers s
        WHERE s.organization_id = $1 AND s.state = 'CONFIRMED' AND $4 = ANY (s.lists)
          AND NOT EXISTS (SELECT 1 FROM ${log.table} d
                           WHERE d.organization_id = $1 AND d.${log.column} = $2 AND d.subscriber_id = s.id)
        ORDER BY s.id LIMIT $3),
     written AS (
       INSERT INTO ${log.table} (organization_id, ${log.column}, subscriber_id)
       SELECT $1, $2, batch.id FROM batch ON CONFLICT DO NOTHING RETURNING subscriber_id)
     SELECT s.id, s.email, s.name, s.unsubscribe_nonce AS "unsubscribeNonce"
       FROM newsletter_subscribers s JOIN written w ON w.subscriber_id = s.id
      WHERE s.organization_id = $1 ORDER BY s.id`,
    [uow.organizationId, sentId, limit, log.list],
  );
}
