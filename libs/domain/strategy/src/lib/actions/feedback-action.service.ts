import { Injectable } from '@nestjs/common';
import { badInput, FieldProblem, notFound } from '@socle/platform-errors';
import type { KeysetPage } from '@socle/platform-graphql';
import { GovernanceCtx } from '../governance/governance.repository';
import { missing } from '../governance/governance.service';
import { cleanText } from '../validation';
import {
  FeedbackActionFilter,
  FeedbackActionRepository,
  FeedbackActionRow,
  FeedbackActionStatus,
  LINK_LIMIT,
} from './feedback-action.repository';

const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

export interface RecordFeedbackAction {
  mentionIds?: string[] | null;
  inboxItemIds?: string[] | null;
  decision: string;
  followUp?: string | null;
  ownerId?: string | null;
  dueAt?: Date | null;
}

export interface UpdateFeedbackAction {
  id: string;
  decision?: string | null;
  followUp?: string | null;
  ownerId?: string | null;
  dueAt?: Date | null;
  status?: FeedbackActionStatus | null;
}

/**
 * The action log on feedback (seed 003: feedback « suivies de toutes sortes
 * d'actions concrètes »): what was decided about mentions and inbox items, who
 * follows it up, by when, and what came of it. Every link is checked to be a
 * row of the same organisation (another tenant's id is NOT_FOUND, naming the
 * field); the database's composite foreign keys hold it too.
 */
@Injectable()
export class FeedbackActionService {
  constructor(private readonly repo: FeedbackActionRepository) {}

  page(ctx: GovernanceCtx, keyset: KeysetPage, filter: FeedbackActionFilter): Promise<FeedbackActionRow[]> {
    if (filter.from && filter.to && filter.from >= filter.to) throw badInput('to', 'must be after from');
    return this.repo.page(ctx, keyset, filter);
  }

  /** How many actions `page` lists with the same filter; called once `page` accepted the filter. */
  count(ctx: GovernanceCtx, filter: FeedbackActionFilter): Promise<number> {
    return this.repo.count(ctx, filter);
  }

  async get(ctx: GovernanceCtx, id: string): Promise<FeedbackActionRow> {
    const row = await this.repo.find(ctx, id);
    if (!row) throw notFound('Feedback action', id);
    return row;
  }

  async record(ctx: GovernanceCtx, input: RecordFeedbackAction): Promise<FeedbackActionRow> {
    const problems: FieldProblem[] = [];
    const decision = cleanText(input.decision);
    if (!decision) problems.push({ field: 'input.decision', message: 'must not be blank' });
    const mentionIds = unique(input.mentionIds ?? []);
    const inboxItemIds = unique(input.inboxItemIds ?? []);
    if (mentionIds.length === 0 && inboxItemIds.length === 0) {
      problems.push({ field: 'input.mentionIds', message: 'give at least one mention or inbox item the action answers' });
    }
    if (mentionIds.length > LINK_LIMIT) problems.push({ field: 'input.mentionIds', message: `must hold at most ${LINK_LIMIT} ids` });
    if (inboxItemIds.length > LINK_LIMIT) problems.push({ field: 'input.inboxItemIds', message: `must hold at most ${LINK_LIMIT} ids` });
    this.checkDue(input.dueAt ?? null, problems);
    if (problems.length) throw badInput(problems);
    await this.checkOwner(ctx, input.ownerId ?? null);
    const unknownMention = (await this.repo.unknownMentions(ctx, mentionIds))[0];
    if (unknownMention) {
      throw missing('Mention', unknownMention, `input.mentionIds[${indexOf(input.mentionIds ?? [], unknownMention)}]`);
    }
    const unknownItem = (await this.repo.unknownInboxItems(ctx, inboxItemIds))[0];
    if (unknownItem) throw missing('Inbox item', unknownItem, `input.inboxItemIds[${indexOf(input.inboxItemIds ?? [], unknownItem)}]`);
    const id = await this.repo.insert(ctx, {
      decision: decision as string,
      followUp: cleanText(input.followUp),
      ownerId: input.ownerId ?? null,
      dueAt: input.dueAt ?? null,
      mentionIds,
      inboxItemIds,
    });
    return this.get(ctx, id);
  }

  async update(ctx: GovernanceCtx, input: UpdateFeedbackAction): Promise<FeedbackActionRow> {
    const current = await this.get(ctx, input.id);
    const problems: FieldProblem[] = [];
    const decision = input.decision === undefined ? current.decision : cleanText(input.decision);
    if (!decision) problems.push({ field: 'input.decision', message: 'must not be blank (leave it out to keep it)' });
    if (input.status === null) problems.push({ field: 'input.status', message: 'cannot be removed (null): give a status' });
    const dueAt = input.dueAt === undefined ? current.dueAt : input.dueAt;
    if (input.dueAt) this.checkDue(input.dueAt, problems);
    if (problems.length) throw badInput(problems);
    const ownerId = input.ownerId === undefined ? current.ownerId : input.ownerId;
    if (input.ownerId) await this.checkOwner(ctx, input.ownerId);
    const updated = await this.repo.update(ctx, input.id, {
      decision: decision as string,
      followUp: input.followUp === undefined ? current.followUp : cleanText(input.followUp),
      ownerId,
      dueAt,
      status: input.status ?? current.status,
    });
    if (!updated) throw notFound('Feedback action', input.id);
    return this.get(ctx, input.id);
  }

  private checkDue(dueAt: Date | null, problems: FieldProblem[]): void {
    if (dueAt === null) return;
    const t = dueAt.getTime();
    if (!Number.isFinite(t) || t < EARLIEST || t >= LATEST)
      problems.push({ field: 'input.dueAt', message: 'must be a time between 2000 and 2100' });
  }

  private async checkOwner(ctx: GovernanceCtx, ownerId: string | null): Promise<void> {
    if (ownerId && !(await this.repo.isOrganizationMember(ctx, ownerId))) throw missing('Member', ownerId, 'input.ownerId');
  }
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

function indexOf(ids: readonly string[], id: string): number {
  return ids.findIndex((x) => x.toLowerCase() === id);
}
