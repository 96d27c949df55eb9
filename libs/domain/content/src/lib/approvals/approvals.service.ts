import { WebhookEvents } from '@socle/platform-webhooks';
import { Injectable } from '@nestjs/common';
import { AuditRepository, OrganizationRepository } from '@socle/accounts';
import { SocleConfig } from '@socle/platform-config';
import { MailOutbox } from '@socle/platform-mail';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { badInput, conflict, DomainError, FieldProblem, forbidden } from '@socle/platform-errors';
import type { ContentItemEntity, ContentVariantEntity } from '../items/content-item.entity';
import { ContentCtx, ContentItemRepository, userIdOf } from '../items/content-item.repository';
import { ContentItemService } from '../items/content-item.service';
import { AcknowledgedFinding, ApprovalStep, ApprovalVerdict, chainProgress, ChainProgress, DEFAULT_APPROVAL_CHAIN } from './approval-chain';
import { approvalLinkMail } from './approval-link-mail';
import { ApprovalLinks } from './approval-links';
import { MediaAssetRepository } from '../media/media-asset.repository';
import { MediaPublicLinks } from '../media/media-public-links';
import { ApprovalLinkRow, ApprovalsRepository } from './approvals.repository';

export interface ApprovalChainView {
  steps: ApprovalStep[];
  isDefault: boolean;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export interface ItemApprovals extends ChainProgress {
  item: ContentItemEntity;
}

export interface IssuedApprovalLink {
  link: ApprovalLinkRow;
  url: string;
  /** The link was written to the mail outbox for its recipient (sent once the transaction commits). */
  emailed: boolean;
}

/** What the recipient of an approval link sees: the item as it is to be approved, read-only. */
export interface ApprovalLinkPreview {
  recipientName: string;
  step: number;
  stepCount: number;
  expiresAt: Date;
  item: { id: string; title: string; brief: string; status: string; revision: number };
  variants: {
    id: string;
    network: string;
    text: string;
    linkUrl: string | null;
    mediaIds: string[];
    /**
     * The variant's media as the approver sees them: each file at a public address that works for
     * `MEDIA_PUBLIC_LINK_TTL_MS` (an approver who keeps the page open longer loads it again). A file deleted
     * from the library since is left out.
     */
    media: { id: string; contentType: string; url: string }[];
    warnings: { rule: string; message: string }[];
  }[];
}

/** Why an approval link is refused; the HTTP route answers 404 (unknown), 410 (expired, used) or 409 (the item moved on). */
export type LinkRefusal = 'LINK_UNKNOWN' | 'LINK_EXPIRED' | 'LINK_USED' | 'LINK_OUTDATED';

const linkRefused = (reason: LinkRefusal, message: string) =>
  new DomainError(reason === 'LINK_UNKNOWN' ? 'NOT_FOUND' : 'CONFLICT', `${message} Nothing was changed.`, { reason });

/** The actor of a decision taken through a link: no account, so the platform records it (the recipient is in the decision and the audit). */
const LINK_ACTOR = { type: 'SYSTEM', id: null } as const;

/**
 * Approvals of content items: the organisation's chain (1 to 3 steps, each a
 * role or named members, ANY or ALL, the last the final approver), decisions
 * per revision, and links for approvers without an account. A decision locks
 * the item first, so decisions on one item are taken one after the other: of
 * two racing approvals of the final step, one moves the item to APPROVED and
 * the other finds it moved (CONFLICT).
 */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly approvals: ApprovalsRepository,
    private readonly items: ContentItemService,
    private readonly itemRows: ContentItemRepository,
    private readonly audit: AuditRepository,
    private readonly links: ApprovalLinks,
    private readonly config: SocleConfig,
    private readonly units: UnitOfWorkFactory,
    private readonly outbox: MailOutbox,
    private readonly organizations: OrganizationRepository,
    private readonly webhooks: WebhookEvents,
    private readonly mediaAssets: MediaAssetRepository,
    private readonly mediaLinks: MediaPublicLinks,
  ) {}

  // ------------------------------------------------------------------ the chain

  async chain(ctx: ContentCtx): Promise<ApprovalChainView> {
    const row = await this.approvals.chain(ctx);
    if (!row)
      return { steps: DEFAULT_APPROVAL_CHAIN.map((s) => ({ ...s, memberIds: [] })), isDefault: true, updatedBy: null, updatedAt: null };
    return { steps: row.steps, isDefault: false, updatedBy: row.updatedBy, updatedAt: row.updatedAt };
  }

  /** Replaces the chain. Each step names a role or members (not both, not neither); members must belong to the organisation. */
  async setChain(ctx: ContentCtx, steps: ApprovalStep[]): Promise<ApprovalChainView> {
    const problems: FieldProblem[] = [];
    if (steps.length < 1 || steps.length > 3) problems.push({ field: 'input.steps', message: 'give 1 to 3 steps' });
    steps.forEach((step, i) => {
      const hasMembers = step.memberIds.length > 0;
      if (!step.role && !hasMembers) problems.push({ field: `input.steps[${i}]`, message: 'a step names a role or at least one member' });
      if (step.role && hasMembers) problems.push({ field: `input.steps[${i}]`, message: 'a step names a role or members, not both' });
    });
    if (problems.length) throw badInput(problems);
    const members = new Set((await this.approvals.members(ctx)).map((m) => m.userId));
    const strangers = steps.flatMap((step, i) =>
      step.memberIds.flatMap((id, j) =>
        members.has(id) ? [] : [{ field: `input.steps[${i}].memberIds[${j}]`, message: `${id} is not a member of this organization` }],
      ),
    );
    if (strangers.length) {
      // Another organisation's people are as unknown here as ids that never existed.
      throw new DomainError('NOT_FOUND', `Member ${strangers[0].field} was not found.`, { field: strangers[0].field, problems: strangers });
    }
    const clean = steps.map((s) => ({ role: s.role ?? null, memberIds: s.role ? [] : [...s.memberIds], mode: s.mode }));
    const row = await this.approvals.saveChain(ctx, clean, userIdOf(ctx.actor));
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'content.approval_chain_set',
        targetType: 'ApprovalChain',
        targetId: ctx.uow.organizationId,
        metadata: { steps: clean },
      },
      ctx.requestId,
    );
    return { steps: row.steps, isDefault: false, updatedBy: row.updatedBy, updatedAt: row.updatedAt };
  }

  // ------------------------------------------------------------------ progress

  async progress(ctx: ContentCtx, itemId: string, field = 'itemId'): Promise<ItemApprovals> {
    const item = await this.itemRows.find(ctx, itemId);
    if (!item) throw new DomainError('NOT_FOUND', `Content item ${itemId} was not found.`, { field });
    return this.progressOf(ctx, item);
  }

  private async progressOf(ctx: ContentCtx, item: ContentItemEntity): Promise<ItemApprovals> {
    // One connection: the statements run one after the other anyway.
    const chain = await this.chain(ctx);
    const members = await this.approvals.members(ctx);
    const decisions = await this.approvals.decisions(ctx, item.id, item.revision);
    return { item, ...chainProgress(chain.steps, members, [item.createdBy, item.updatedBy], decisions) };
  }

  // ------------------------------------------------------------------ decisions by members

  approve(ctx: ContentCtx, itemId: string, comment: string | null): Promise<ItemApprovals> {
    return this.decideAsMember(ctx, itemId, 'APPROVED', comment);
  }

  reject(ctx: ContentCtx, itemId: string, reason: string): Promise<ItemApprovals> {
    if (!reason.trim()) throw badInput('input.reason', 'say what must change (the writer reads it)');
    return this.decideAsMember(ctx, itemId, 'REJECTED', reason);
  }

  private async decideAsMember(ctx: ContentCtx, itemId: string, verdict: ApprovalVerdict, comment: string | null): Promise<ItemApprovals> {
    const userId = ctx.actor.type === 'USER' ? ctx.actor.id : null;
    if (!userId) throw forbidden('Only a person approves or rejects content.');
    const item = await this.lockInReview(ctx, itemId, 'input.itemId');
    if (item.createdBy === userId || item.updatedBy === userId) {
      throw new DomainError('FORBIDDEN', 'Nobody approves or rejects content they wrote or last edited: another approver decides.', {
        reason: 'OWN_CONTENT',
      });
    }
    const progress = await this.progressOf(ctx, item);
    const current = this.currentStepOf(progress);
    if (!current.eligibleUserIds.includes(userId)) {
      const who = current.step.role ? `the organization's ${current.step.role}` : 'the members the approval chain names';
      throw new DomainError('FORBIDDEN', `Step ${current.number} of this item's approval is for ${who}; you are not one of them.`, {
        reason: 'NOT_ELIGIBLE',
        details: { step: current.number },
      });
    }
    if (current.decisions.some((d) => d.deciderKind === 'MEMBER' && d.deciderUserId === userId)) throw this.alreadyDecided(current.number);
    return this.record(ctx, item, current.number, verdict, comment, { kind: 'MEMBER', userId }, {});
  }

  // ------------------------------------------------------------------ links for approvers without an account

  async createLink(
    ctx: ContentCtx,
    input: { itemId: string; recipientName: string; recipientEmail: string; expiresInHours: number; sendEmail?: boolean | null },
  ): Promise<IssuedApprovalLink> {
    // Whoever holds the link decides: a key would approve through it without a person (decisions are for people only),
    // the item's author or last editor would approve their own content.
    const userId = userIdOf(ctx.actor);
    if (!userId) throw forbidden('Only a person sends an approval link.');
    const item = await this.lockInReview(ctx, input.itemId, 'input.itemId');
    if (item.createdBy === userId || item.updatedBy === userId) {
      throw new DomainError(
        'FORBIDDEN',
        'Nobody sends an approval link for content they wrote or last edited: another manager of approvals does.',
        { reason: 'OWN_CONTENT' },
      );
    }
    const progress = await this.progressOf(ctx, item);
    const current = this.currentStepOf(progress);
    const expiresAt = new Date(Date.now() + input.expiresInHours * 3_600_000);
    const link = await this.approvals.insertLink(ctx, {
      itemId: item.id,
      revision: item.revision,
      step: current.number,
      recipientName: input.recipientName,
      recipientEmail: input.recipientEmail,
      expiresAt,
      createdBy: userId,
    });
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'content.approval_link_created',
        targetType: 'ContentItem',
        targetId: item.id,
        metadata: {
          linkId: link.id,
          step: link.step,
          revision: link.revision,
          recipientName: link.recipientName,
          recipientEmail: link.recipientEmail,
          expiresAt: link.expiresAt,
        },
      },
      ctx.requestId,
    );
    const token = this.links.sign({ organizationId: ctx.uow.organizationId, linkId: link.id, expiresAt: link.expiresAt.getTime() });
    // The console's page for the link; it reads and answers through `/approvals/<token>` of the API.
    const url = `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/links/approvals/${token}`;
    // Mailed unless the sender passes it on another way: written in this transaction, so a refused link mails nothing.
    const emailed = input.sendEmail !== false;
    if (emailed) {
      const organization = await this.organizations.find(ctx);
      if (!organization) throw new Error(`organization ${ctx.organizationId} of the unit of work not found`);
      await this.outbox.enqueue(ctx.uow, [
        approvalLinkMail({
          recipientName: link.recipientName,
          recipientEmail: link.recipientEmail,
          organizationName: organization.name,
          locale: organization.locale,
          timeZone: organization.timezone,
          itemTitle: item.title,
          step: link.step,
          stepCount: progress.steps.length,
          url,
          expiresAt: link.expiresAt,
          linkId: link.id,
        }),
      ]);
    }
    return { link, url, emailed };
  }

  /** The read-only preview behind a link (refused once the link is used, expired or outdated). */
  async previewByLink(token: string): Promise<ApprovalLinkPreview> {
    const claims = this.claimsOf(token);
    return this.units.runInOrganization(claims.organizationId, async (uow) => {
      const ctx: ContentCtx = { uow, organizationId: uow.organizationId, actor: LINK_ACTOR };
      const { link, item, progress } = await this.openLink(ctx, claims.linkId, false);
      const variants = await this.itemRows.variants(ctx, [item.id]);
      const assets = new Map<string, { id: string; contentType: string; url: string }>();
      for (const id of new Set(variants.flatMap((v) => v.mediaIds))) {
        const asset = await this.mediaAssets.find(ctx, id);
        if (asset) assets.set(id, { id, contentType: asset.contentType, url: this.mediaLinks.url(ctx.uow.organizationId, id) });
      }
      return {
        recipientName: link.recipientName,
        step: link.step,
        stepCount: progress.steps.length,
        expiresAt: link.expiresAt,
        item: { id: item.id, title: item.title, brief: item.brief, status: item.status, revision: item.revision },
        variants: variants.map((v) => ({
          id: v.id,
          network: v.network,
          text: v.text,
          linkUrl: v.linkUrl,
          mediaIds: v.mediaIds,
          media: v.mediaIds.flatMap((id) => assets.get(id) ?? []),
          warnings: v.findings.filter((f) => f.severity === 'WARN').map((f) => ({ rule: f.rule, message: f.message })),
        })),
      };
    });
  }

  /** A decision through a link: recorded with the link's recipient as decider, for the step the link was made for; the link is then used. */
  async decideByLink(token: string, verdict: ApprovalVerdict, comment: string | null): Promise<ItemApprovals> {
    const claims = this.claimsOf(token);
    return this.units.runInOrganization(claims.organizationId, async (uow) => {
      const ctx: ContentCtx = { uow, organizationId: uow.organizationId, actor: LINK_ACTOR };
      const { link, item } = await this.openLink(ctx, claims.linkId, true);
      if (!(await this.approvals.useLink(ctx, link.id))) throw linkRefused('LINK_USED', 'This approval link was already used.');
      return this.record(
        ctx,
        item,
        link.step,
        verdict,
        comment,
        { kind: 'LINK', linkId: link.id, recipientName: link.recipientName, recipientEmail: link.recipientEmail },
        { via: 'approval link', linkId: link.id, recipientName: link.recipientName, recipientEmail: link.recipientEmail },
      );
    });
  }

  // ------------------------------------------------------------------ internals

  private claimsOf(token: string) {
    const checked = this.links.verify(token);
    if ('refused' in checked) {
      throw checked.refused === 'expired'
        ? linkRefused('LINK_EXPIRED', 'This approval link has expired: ask for a new one.')
        : linkRefused('LINK_UNKNOWN', 'This is not an approval link of this server.');
    }
    return checked.claims;
  }

  /** The link and its item, still good for a decision: not used, not expired, the item in review at the revision and step it was made for. */
  private async openLink(ctx: ContentCtx, linkId: string, lock: boolean) {
    const link = await this.approvals.findLink(ctx, linkId, lock);
    if (!link) throw linkRefused('LINK_UNKNOWN', 'This is not an approval link of this server.');
    if (link.usedAt) throw linkRefused('LINK_USED', 'This approval link was already used.');
    if (link.expiresAt.getTime() <= Date.now()) throw linkRefused('LINK_EXPIRED', 'This approval link has expired: ask for a new one.');
    const item = await this.itemRows.find(ctx, link.itemId, lock);
    if (!item) throw linkRefused('LINK_UNKNOWN', 'The content of this approval link no longer exists.');
    if (item.status !== 'IN_REVIEW' || item.revision !== link.revision) {
      throw linkRefused('LINK_OUTDATED', 'This content changed or left review since the link was made: ask for a new link.');
    }
    const progress = await this.progressOf(ctx, item);
    if (progress.currentStep !== link.step)
      throw linkRefused('LINK_OUTDATED', `Step ${link.step} of this content's approval is no longer the one awaited.`);
    if (
      progress.steps[link.step - 1].decisions.some(
        (d) => d.deciderKind === 'LINK' && d.recipientEmail?.toLowerCase() === link.recipientEmail.toLowerCase(),
      )
    ) {
      throw linkRefused('LINK_USED', `${link.recipientName} already decided this step.`);
    }
    return { link, item, progress };
  }

  private async lockInReview(ctx: ContentCtx, itemId: string, field: string): Promise<ContentItemEntity> {
    const item = await this.itemRows.find(ctx, itemId, true);
    if (!item) throw new DomainError('NOT_FOUND', `Content item ${itemId} was not found.`, { field });
    if (item.status !== 'IN_REVIEW') {
      throw new DomainError(
        'CONFLICT',
        `Content item ${itemId} is ${item.status}: only an item IN_REVIEW is approved or rejected. Nothing was changed.`,
        {
          field,
          reason: 'NOT_IN_REVIEW',
          details: { status: item.status },
        },
      );
    }
    return item;
  }

  private currentStepOf(progress: ChainProgress) {
    // An item IN_REVIEW whose every step is complete was approved in the same transaction; reaching here means a chain changed under it.
    if (progress.currentStep === null)
      throw conflict('Every step of this item’s approval is complete. Nothing was changed.', 'input.itemId', 'ALREADY_APPROVED');
    return progress.steps[progress.currentStep - 1];
  }

  private alreadyDecided(step: number) {
    return new DomainError('CONFLICT', `You already decided step ${step} of this revision. Nothing was changed.`, {
      field: 'input.itemId',
      reason: 'ALREADY_DECIDED',
      details: { step },
    });
  }

  private async record(
    ctx: ContentCtx,
    item: ContentItemEntity,
    step: number,
    verdict: ApprovalVerdict,
    comment: string | null,
    decider: Parameters<ApprovalsRepository['insertDecision']>[1]['decider'],
    auditDetails: Record<string, unknown>,
  ): Promise<ItemApprovals> {
    const acknowledgedFindings = warningsOf(await this.itemRows.variants(ctx, [item.id]));
    const decision = await this.approvals.insertDecision(ctx, {
      itemId: item.id,
      revision: item.revision,
      step,
      verdict,
      comment,
      acknowledgedFindings,
      decider,
    });
    if (!decision) throw this.alreadyDecided(step);
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: verdict === 'APPROVED' ? 'content.approval_given' : 'content.approval_refused',
        targetType: 'ContentItem',
        targetId: item.id,
        metadata: {
          decisionId: decision.id,
          step,
          revision: item.revision,
          ...(comment ? { comment } : {}),
          acknowledgedFindings: acknowledgedFindings.length,
          ...auditDetails,
        },
      },
      ctx.requestId,
    );
    const details = { step, decisionId: decision.id, ...auditDetails };
    if (verdict === 'REJECTED') {
      const moved = await this.items.move(ctx, item.id, 'DRAFT', {
        from: ['IN_REVIEW'],
        action: 'content.rejected',
        field: 'input.itemId',
        details: { ...details, reason: comment },
      });
      await this.webhooks.emit(ctx.uow, 'content_item.rejected', {
        contentItemId: moved.id,
        title: moved.title,
        decidedBy: decider.kind === 'MEMBER' ? decider.userId : null,
        comment,
      });
      return this.progressOf(ctx, moved);
    }
    const updated = await this.progressOf(ctx, item);
    if (!updated.complete) return updated;
    const moved = await this.items.move(ctx, item.id, 'APPROVED', {
      from: ['IN_REVIEW'],
      action: 'content.approved',
      field: 'input.itemId',
      details,
    });
    await this.webhooks.emit(ctx.uow, 'content_item.approved', {
      contentItemId: moved.id,
      title: moved.title,
      decidedBy: decider.kind === 'MEMBER' ? decider.userId : null,
    });
    return { ...updated, item: moved };
  }
}

function warningsOf(variants: ContentVariantEntity[]): AcknowledgedFinding[] {
  return variants.flatMap((v) =>
    v.findings.filter((f) => f.severity === 'WARN').map((f) => ({ variantId: v.id, network: v.network, rule: f.rule, message: f.message })),
  );
}
