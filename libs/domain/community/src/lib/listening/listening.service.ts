import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { uniqueConstraintOf } from '@socle/platform-database';
import { badInput, DomainError, notFound } from '@socle/platform-errors';
import type { PageQuery, TenantCtx } from '../repositories';
import type { ListeningQueryEntity, ListeningQueryKind, ListeningSourceEntity, MentionEntity } from './listening.entities';
import { ListeningScheduler } from './listening.job';
import { ListeningQueryFields, ListeningRepository } from './listening.repository';
import { ListeningQueryError, parseListeningQuery, type QueryNode } from './query';
import { limitedSources } from './query/parse';

function nameTaken(name: string): DomainError {
  return new DomainError('CONFLICT', `A listening query named "${name}" exists already.`, {
    field: 'input.name',
    reason: 'LISTENING_QUERY_NAME_TAKEN',
  });
}

export interface ListeningQueryInput {
  kind?: ListeningQueryKind;
  competitorId?: string | null;
  name?: string;
  query?: string;
  sources?: string[];
  active?: boolean;
}

/** A query text the language refuses: BAD_USER_INPUT on the field, the position in the message and in extensions. */
export function checkQueryText(text: string, field = 'input.query'): void {
  try {
    parseListeningQuery(text);
  } catch (error) {
    if (error instanceof ListeningQueryError) {
      const refused = badInput(field, error.message);
      throw new DomainError('BAD_USER_INPUT', refused.message, {
        field,
        problems: refused.problems,
        reason: 'LISTENING_QUERY_INVALID',
        details: { position: error.position },
      });
    }
    throw error;
  }
}

export interface QueryTextCheck {
  valid: boolean;
  message: string | null;
  position: number | null;
  sources: string[] | null;
  terms: number | null;
}

function termCount(node: QueryNode): number {
  if (node.kind === 'not') return termCount(node.child);
  if (node.kind === 'and' || node.kind === 'or') return node.children.reduce((n, child) => n + termCount(child), 0);
  return 1;
}

/** What the query language makes of a text: the refusal and its position, or the networks and terms it understood. */
export function describeQueryText(text: string): QueryTextCheck {
  try {
    const node = parseListeningQuery(text);
    const sources = limitedSources(node);
    return { valid: true, message: null, position: null, sources: sources ? [...sources].sort() : null, terms: termCount(node) };
  } catch (error) {
    if (error instanceof ListeningQueryError) {
      return { valid: false, message: error.message, position: error.position, sources: null, terms: null };
    }
    throw error;
  }
}

/** Listening queries (written by the leads) and the mentions the job found for them. */
@Injectable()
export class ListeningService {
  constructor(
    private readonly repository: ListeningRepository,
    private readonly audit: AuditRepository,
    private readonly scheduler: ListeningScheduler,
  ) {}

  page(ctx: TenantCtx, page: PageQuery, filter: { active?: boolean }): Promise<ListeningQueryEntity[]> {
    return this.repository.page(ctx, page, filter);
  }

  /** How many queries the filter keeps, all pages together. */
  count(ctx: TenantCtx, filter: { active?: boolean }): Promise<number> {
    return this.repository.count(ctx, filter);
  }

  sourceStates(ctx: TenantCtx, queryIds: readonly string[]): Promise<ListeningSourceEntity[]> {
    return this.repository.sources(ctx, queryIds);
  }

  async get(ctx: TenantCtx, id: string, field = 'id'): Promise<ListeningQueryEntity> {
    const query = await this.repository.find(ctx, id);
    if (!query) throw new DomainError('NOT_FOUND', notFound('Listening query', id).message, { field });
    return query;
  }

  async create(
    ctx: TenantCtx,
    input: Required<Pick<ListeningQueryInput, 'kind' | 'name' | 'query'>> & ListeningQueryInput,
  ): Promise<ListeningQueryEntity> {
    const fields: ListeningQueryFields = {
      kind: input.kind,
      competitorId: input.competitorId ?? null,
      name: input.name.trim(),
      query: input.query,
      sources: input.sources ?? [],
      active: input.active ?? true,
    };
    await this.check(ctx, fields, input, undefined);
    const created = await this.named(fields.name, () => this.repository.insert(ctx, fields, this.userOf(ctx)));
    await this.record(ctx, 'listening.query_created', created, { kind: created.kind, name: created.name });
    if (created.active) await this.runSoon(ctx, created.id);
    return created;
  }

  async update(ctx: TenantCtx, id: string, input: ListeningQueryInput): Promise<ListeningQueryEntity> {
    const current = await this.repository.find(ctx, id, true);
    if (!current) throw new DomainError('NOT_FOUND', notFound('Listening query', id).message, { field: 'input.id' });
    const fields: ListeningQueryFields = {
      kind: input.kind ?? current.kind,
      competitorId: input.competitorId === undefined ? current.competitorId : input.competitorId,
      name: input.name === undefined ? current.name : input.name.trim(),
      query: input.query ?? current.query,
      sources: input.sources ?? current.sources,
      active: input.active ?? current.active,
    };
    if (input.kind !== undefined && input.kind !== 'COMPETITOR' && input.competitorId === undefined) fields.competitorId = null;
    await this.check(ctx, fields, input, id);
    const restart = fields.query !== current.query || fields.sources.join(',') !== current.sources.join(',');
    const updated = await this.named(fields.name, () => this.repository.update(ctx, id, fields, this.userOf(ctx), restart));
    await this.record(ctx, 'listening.query_updated', updated, {
      changed: Object.keys(input).filter((key) => key !== 'id'),
      restarted: restart,
    });
    if (updated.active && (restart || !current.active)) await this.runSoon(ctx, id);
    return updated;
  }

  async delete(ctx: TenantCtx, id: string): Promise<ListeningQueryEntity> {
    const current = await this.repository.find(ctx, id, true);
    if (!current) throw new DomainError('NOT_FOUND', notFound('Listening query', id).message, { field: 'input.id' });
    await this.repository.delete(ctx, id);
    await this.record(ctx, 'listening.query_deleted', current, { name: current.name });
    return current;
  }

  /** Asks the worker to run the query now (one pending run at a time). */
  async run(ctx: TenantCtx, id: string): Promise<ListeningQueryEntity> {
    const query = await this.repository.find(ctx, id, true);
    if (!query) throw new DomainError('NOT_FOUND', notFound('Listening query', id).message, { field: 'input.id' });
    if (!query.active)
      throw new DomainError('CONFLICT', 'The listening query is paused: make it active first.', {
        field: 'input.id',
        reason: 'LISTENING_QUERY_PAUSED',
      });
    await this.repository.markRunRequested(ctx, id);
    // A key per second: a request made while a run is under way is not swallowed by that run's job id.
    await this.runSoon(ctx, id, `asked-${Math.floor(Date.now() / 1000)}`);
    return (await this.repository.find(ctx, id)) as ListeningQueryEntity;
  }

  async mention(ctx: TenantCtx, id: string): Promise<MentionEntity> {
    const mention = await this.repository.findMention(ctx, id);
    if (!mention) throw new DomainError('NOT_FOUND', notFound('Mention', id).message, { field: 'id' });
    return mention;
  }

  private async check(
    ctx: TenantCtx,
    fields: ListeningQueryFields,
    input: ListeningQueryInput,
    exceptId: string | undefined,
  ): Promise<void> {
    if (fields.name.length === 0) throw badInput('input.name', 'must not be blank');
    if (input.query !== undefined) checkQueryText(input.query);
    if (fields.kind === 'COMPETITOR') {
      if (!fields.competitorId) throw badInput('input.competitorId', 'is required for a COMPETITOR query');
      if (!(await this.repository.competitorExists(ctx, fields.competitorId))) {
        throw new DomainError('NOT_FOUND', notFound('Competitor', fields.competitorId).message, { field: 'input.competitorId' });
      }
    } else if (fields.competitorId) {
      throw badInput('input.competitorId', 'is only for a COMPETITOR query');
    }
    if (await this.repository.nameTaken(ctx, fields.name, exceptId)) throw nameTaken(fields.name);
  }

  /** The write of a query's fields; a name another request took meanwhile (past the check) is refused as the check would. */
  private async named<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (uniqueConstraintOf(error) === 'listening_queries_name_key') throw nameTaken(name);
      throw error;
    }
  }

  /** Enqueued once the transaction commits: the worker must find the row. */
  private async runSoon(ctx: TenantCtx, id: string, key?: string): Promise<void> {
    const organizationId = ctx.organizationId;
    // Satisfied by any run that starts after this request (a due sweep's included): one run, not two. The request's
    // time is taken now, before the commit: a sweep that found the query once committed and started its run before the
    // hook below ran is such a run (taken in the hook, its time made that run look older than the request: two runs).
    const requestedAt = new Date();
    ctx.uow.afterCommit(() => this.scheduler.schedule(organizationId, id, { key, notRunSince: requestedAt }));
  }

  private userOf(ctx: TenantCtx): string | null {
    return ctx.actor.type === 'USER' ? ctx.actor.id : null;
  }

  private async record(ctx: TenantCtx, action: string, query: ListeningQueryEntity, metadata: Record<string, unknown>): Promise<void> {
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      { action, targetType: 'ListeningQuery', targetId: query.id, metadata },
      ctx.requestId,
    );
  }
}
