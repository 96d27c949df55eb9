import { Injectable } from '@nestjs/common';
import type { OrganizationContext } from '@socle/platform-auth';
import { badInput, notFound, type FieldProblem } from '@socle/platform-errors';
import { decodeCursor, derivedId, pageSize, toConnection, type Connection } from '@socle/platform-graphql';
import { DEFAULT_MATURITY_MODEL, DEFAULT_MODEL_ID } from '../model/default-model';
import type { LiveScoreHistoryDimensionObject, LiveScoreHistoryEntryObject } from './live-score-history.dto';
import { LiveScoreHistoryGranularity, LiveScoreHistoryRepository, LiveScoreHistoryRow } from './live-score-history.repository';

/** The longest range a history request may span (two years, leap day included). */
export const MAX_HISTORY_RANGE_DAYS = 731;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface LiveScoreHistoryRequest {
  organizationId: string;
  from?: Date | null;
  to?: Date | null;
  first?: number;
  after?: string;
  granularity?: LiveScoreHistoryGranularity | null;
}

/** Every problem of the range at once; `now` stands for a missing `to`. */
export function rangeProblems(from: Date | null, to: Date | null, now: Date): FieldProblem[] {
  if (!from) return [];
  if (to && from.getTime() > to.getTime()) return [{ field: 'to', message: 'must not be before from' }];
  if ((to ?? now).getTime() - from.getTime() > MAX_HISTORY_RANGE_DAYS * DAY_MS) {
    return [{ field: 'from', message: `must be at most ${MAX_HISTORY_RANGE_DAYS} days before to (now when to is not given)` }];
  }
  return [];
}

/** A kept score's dimensions, named in its language: in the model's order when the content is known, else by key. */
export function dimensionsOf(row: LiveScoreHistoryRow): LiveScoreHistoryDimensionObject[] {
  const named =
    row.modelDimensions ??
    (row.model.agencyId === null && row.model.modelId === DEFAULT_MODEL_ID
      ? DEFAULT_MATURITY_MODEL.dimensions.map((d) => ({ key: d.key, name: d.title[row.lang] }))
      : []);
  const known = new Set(named.map((d) => d.key));
  const others = Object.keys(row.dimensionScores)
    .filter((key) => !known.has(key))
    .sort()
    .map((key) => ({ key, name: key }));
  return [...named, ...others].map((d) => ({ ...d, score: row.dimensionScores[d.key] ?? null }));
}

/**
 * The id of one kept live score, from its organisation and the exact time it was computed (the table's key), whether read
 * in the history or answered by recomputeLiveScore. `computedAt` is the microsecond text the history reads, or a Date
 * (kept at millisecond precision, as the application writes it).
 */
export function liveScoreId(organizationId: string, computedAt: string | Date): string {
  const time = typeof computedAt === 'string' ? computedAt : computedAt.toISOString().replace(/Z$/, '000Z');
  return derivedId('LiveScore', organizationId, time);
}

export function toHistoryEntry(row: LiveScoreHistoryRow, organizationId: string): LiveScoreHistoryEntryObject {
  return {
    id: liveScoreId(organizationId, row.position),
    computedAt: row.computedAt,
    overallScore: row.overallScore,
    level: row.level,
    levelCapped: row.reachedLevel !== null && row.level !== null && row.level < row.reachedLevel,
    measuredScore: row.measuredScore,
    measuredLevel: row.measuredLevel,
    coverage: row.coverage,
    modelId: row.model.modelId,
    modelVersion: row.model.version,
    dimensions: dimensionsOf(row),
  };
}

/**
 * The live scores an organisation kept, newest first, for whoever may read its
 * live score (the organisation's readers of assessments, the agency's managers,
 * agency members through their membership of the client). The organisation is
 * the one the request entered; naming another is NOT_FOUND, like any
 * organisation the caller cannot see.
 */
@Injectable()
export class LiveScoreHistoryService {
  constructor(private readonly history: LiveScoreHistoryRepository) {}

  async page(
    ctx: OrganizationContext,
    request: LiveScoreHistoryRequest,
    now = new Date(),
  ): Promise<Connection<LiveScoreHistoryEntryObject>> {
    if (request.organizationId !== ctx.organizationId) throw notFound('Organization', request.organizationId);
    const from = request.from ?? null;
    const to = request.to ?? null;
    const problems = rangeProblems(from, to, now);
    let before: string | null = null;
    if (request.after) {
      const [position, organizationId] = decodeCursor(request.after, 'after');
      if (organizationId !== ctx.organizationId) problems.push({ field: 'after', message: 'is a cursor of another organization' });
      else before = position;
    }
    if (problems.length) throw badInput(problems);
    const size = pageSize(request);
    const bounds = {
      from,
      to,
      granularity: request.granularity ?? 'COMPUTATION',
      viewerUserId: ctx.actor.type === 'USER' ? ctx.actor.id : null,
    };
    const rows = await this.history.page(ctx.uow, { ...bounds, before, limit: size + 1 });
    return toConnection(
      rows,
      size,
      (row) => [row.position, ctx.organizationId],
      (row) => toHistoryEntry(row, ctx.organizationId),
      before !== null,
      () => this.history.count(ctx.uow, bounds),
    );
  }
}
