import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { OrganizationRole } from '@socle/platform-auth';
import { badInput, DomainError, forbidden, notFound } from '@socle/platform-errors';
import type { KeysetPage } from '@socle/platform-graphql';
import { StrategyDocumentService } from '../document/strategy-document.service';
import { StrategyDocumentData, strategyMarkdown } from '../document/strategy-document';
import { cleanText } from '../validation';
import type { GovernanceCtx } from './governance.repository';
import { StrategyVersionRepository, StrategyVersionRow, StrategyVersionStatus } from './strategy-version.repository';

type Action = 'SUBMIT' | 'RETURN' | 'APPROVE';
const MOVES: Record<Action, { from: StrategyVersionStatus; to: StrategyVersionStatus; verb: string }> = {
  SUBMIT: { from: 'DRAFT', to: 'IN_REVIEW', verb: 'submitted for approval (only a DRAFT can be)' },
  RETURN: { from: 'IN_REVIEW', to: 'DRAFT', verb: 'returned to draft (only a version IN_REVIEW can be)' },
  APPROVE: { from: 'IN_REVIEW', to: 'APPROVED', verb: 'approved (only a version IN_REVIEW can be)' },
};

const EPOCH = new Date(0);

/**
 * The strategy's content, not the moment it was rendered: the same strategy
 * gives the same fingerprint whenever it is rendered (the generation time and
 * the rituals' next occurrences are left out).
 */
export function strategyFingerprint(data: StrategyDocumentData): string {
  const stable: StrategyDocumentData = { ...data, generatedAt: EPOCH, rituals: data.rituals.map((r) => ({ ...r, next: EPOCH })) };
  return createHash('sha256').update(strategyMarkdown(stable)).digest('hex');
}

export function versionRefusal(reason: string, field: string, message: string, extra: Record<string, unknown> = {}): DomainError {
  const full = `${message} Nothing was changed.`;
  return new DomainError('BAD_USER_INPUT', full, { field, reason, problems: [{ field, message: full }], details: extra });
}

export interface ApprovedStrategy {
  version: StrategyVersionRow | null;
  /** Whether the strategy as it stands differs from the approved text (a new version is then needed). */
  changedSinceApproval: boolean;
}

/**
 * The written strategy, versioned and approved like a policy: a version is a
 * snapshot of the strategy document taken now (DRAFT), submitted for approval
 * (IN_REVIEW), approved by an executive approver only (APPROVED; the version
 * approved before becomes SUPERSEDED) or returned to draft with a comment. A
 * snapshot never changes: a change to the strategy after approval needs a new
 * version. Every transition is a compare-and-set on the status.
 */
@Injectable()
export class StrategyVersionService {
  constructor(
    private readonly versions: StrategyVersionRepository,
    private readonly documents: StrategyDocumentService,
  ) {}

  page(ctx: GovernanceCtx, keyset: KeysetPage, status?: StrategyVersionStatus): Promise<StrategyVersionRow[]> {
    return this.versions.page(ctx, keyset, status);
  }

  count(ctx: GovernanceCtx, status?: StrategyVersionStatus): Promise<number> {
    return this.versions.count(ctx, status);
  }

  async get(ctx: GovernanceCtx, id: string): Promise<StrategyVersionRow> {
    const row = await this.versions.find(ctx, id);
    if (!row) throw notFound('Strategy document version', id);
    return row;
  }

  async approved(ctx: GovernanceCtx, now = new Date()): Promise<ApprovedStrategy> {
    const version = await this.versions.withStatus(ctx, ['APPROVED']);
    if (!version) return { version: null, changedSinceApproval: false };
    const { data } = await this.documents.document(ctx, now);
    return { version, changedSinceApproval: strategyFingerprint(data) !== version.fingerprint };
  }

  /** Takes a snapshot of the strategy as it stands: a new DRAFT version, refused while another one is worked on. */
  async create(ctx: GovernanceCtx, note?: string | null, now = new Date()): Promise<StrategyVersionRow> {
    await this.versions.lock(ctx);
    const open = await this.versions.withStatus(ctx, ['DRAFT', 'IN_REVIEW']);
    if (open) {
      throw versionRefusal(
        'OPEN_VERSION_EXISTS',
        'input',
        `Version ${open.number} of the strategy is ${open.status}: have it approved, or return it to draft and withdraw it, before taking another.`,
        { status: open.status, versionId: open.id },
      );
    }
    const { data, markdown } = await this.documents.document(ctx, now);
    const id = await this.versions.insert(ctx, { markdown, fingerprint: strategyFingerprint(data), note: cleanText(note) });
    return this.get(ctx, id);
  }

  /** Deletes a DRAFT (to take a fresh snapshot after changing the strategy); approved and reviewed versions stay. */
  async withdraw(ctx: GovernanceCtx, id: string): Promise<string> {
    const current = await this.get(ctx, id);
    if (current.status !== 'DRAFT') {
      throw versionRefusal(
        'NOT_DRAFT',
        'input.versionId',
        `Strategy version ${current.number} is ${current.status}: only a DRAFT is withdrawn.`,
        {
          status: current.status,
        },
      );
    }
    if (!(await this.versions.deleteDraft(ctx, id)))
      throw versionRefusal('NOT_DRAFT', 'input.versionId', `Strategy version ${current.number} is no longer a DRAFT.`);
    return id;
  }

  submit(ctx: GovernanceCtx, id: string): Promise<StrategyVersionRow> {
    return this.move(ctx, id, 'SUBMIT', null);
  }

  returnToDraft(ctx: GovernanceCtx, id: string, comment: string): Promise<StrategyVersionRow> {
    const text = cleanText(comment);
    if (!text) throw badInput('input.comment', 'must not be blank: say what to change');
    return this.move(ctx, id, 'RETURN', text);
  }

  /** Only a person holding the EXECUTIVE_APPROVER role approves (checked on the role, not only on the permission). */
  async approve(
    ctx: GovernanceCtx & { organizationRoles: readonly OrganizationRole[] },
    id: string,
    comment?: string | null,
  ): Promise<StrategyVersionRow> {
    if (ctx.actor.type !== 'USER' || !ctx.organizationRoles.includes('EXECUTIVE_APPROVER')) {
      throw forbidden('Only an executive approver of this organization approves the written strategy.');
    }
    await this.versions.lock(ctx);
    const previous = await this.versions.withStatus(ctx, ['APPROVED']);
    const current = await this.get(ctx, id);
    if (current.status !== 'IN_REVIEW') throw this.invalid(current, 'APPROVE');
    if (previous && previous.id !== id) await this.versions.transition(ctx, previous.id, 'APPROVED', 'SUPERSEDED', null);
    return this.move(ctx, id, 'APPROVE', cleanText(comment));
  }

  private async move(ctx: GovernanceCtx, id: string, action: Action, comment: string | null): Promise<StrategyVersionRow> {
    const current = await this.get(ctx, id);
    const { from, to } = MOVES[action];
    if (current.status !== from) throw this.invalid(current, action);
    if (!(await this.versions.transition(ctx, id, from, to, comment))) throw this.invalid(await this.get(ctx, id), action);
    return this.get(ctx, id);
  }

  private invalid(version: StrategyVersionRow, action: Action): DomainError {
    return versionRefusal(
      'INVALID_TRANSITION',
      'input.versionId',
      `Strategy version ${version.number} is ${version.status} and cannot be ${MOVES[action].verb}.`,
      { status: version.status },
    );
  }
}
