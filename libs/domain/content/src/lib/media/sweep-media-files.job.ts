import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnitOfWorkFactory } from '@socle/platform-database';
import type { JobHandler, Reconcilable } from '@socle/platform-queue';
import { MEDIA_STORAGE, MediaStorage } from './media-storage';

/** A file is swept only this long after it was written (an upload records its row right after storing its file). */
export const SWEEP_GRACE_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;
/** How often the worker's reconcile tick actually sweeps (it lists the whole storage). */
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Removes the media files no row names any more: those of a purged
 * organisation (the purge deletes rows, table by table), of an upload whose
 * transaction never committed (a crash between storing and recording), or whose
 * deletion after commit failed. The worker runs it from its reconcile tick, at
 * most once an hour; nothing is enqueued. Keys are checked 500 at a time through
 * `socle_media_keys_known` (SECURITY DEFINER: it answers which of the given
 * random keys a row names, in any organisation, and nothing else).
 */
@Injectable()
export class SweepMediaFilesJob implements JobHandler, Reconcilable {
  readonly queue = 'content-media';
  readonly name = 'SweepMediaFiles';
  private readonly logger = new Logger('SweepMediaFiles');
  private lastSweep = 0;

  constructor(
    private readonly units: UnitOfWorkFactory,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
  ) {}

  /** Never enqueued: the sweep runs from `reconcile`. */
  async handle(): Promise<number> {
    return this.sweep();
  }

  async reconcile(): Promise<number> {
    if (Date.now() - this.lastSweep < SWEEP_EVERY_MS) return 0;
    this.lastSweep = Date.now();
    return this.sweep();
  }

  /** Removes the unnamed files written before `now - SWEEP_GRACE_MS`; returns how many. */
  async sweep(now = new Date()): Promise<number> {
    let removed = 0;
    let batch: string[] = [];
    const flush = async () => {
      const keys = batch;
      batch = [];
      const known = await this.units.read({}, (uow) =>
        uow.query<{ storage_key: string }>('SELECT storage_key FROM socle_media_keys_known($1::text[])', [keys]),
      );
      const named = new Set(known.map((row) => row.storage_key));
      for (const key of keys) {
        if (named.has(key)) continue;
        await this.storage.delete(key);
        removed += 1;
      }
    };
    for await (const key of this.storage.list(new Date(now.getTime() - SWEEP_GRACE_MS))) {
      batch.push(key);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    if (removed > 0) this.logger.log(`removed ${removed} media file(s) no asset names`);
    return removed;
  }
}
