import type { ContentCtx } from '../items/content-item.repository';

/** What a crisis pause started with: why, and what led to it (an alert's id, opaque here), when anything did. */
export interface CrisisPauseStarted {
  reason: string;
  /** The id of what the pause was started from (e.g. a crisis alert), or null when started directly. */
  reference: string | null;
}

/**
 * Told when the crisis pause starts or ends, whoever started it (the setCrisisPause
 * mutation, or another module such as community's alerts), in the same unit of
 * work: what a listener records commits with the pause or not at all, and a
 * listener that throws undoes the start or the resume. The seam through which
 * community's crisis cell is called on without content importing community.
 */
export interface CrisisPauseListener {
  started(ctx: ContentCtx, pause: CrisisPauseStarted): Promise<void>;
  ended(ctx: ContentCtx): Promise<void>;
}
