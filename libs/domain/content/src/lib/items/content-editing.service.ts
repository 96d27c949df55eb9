import { WebhookEvents } from '@socle/platform-webhooks';
import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { optionValueProblem, readOptionValue } from '@socle/connector-sdk';
import { badInput, DomainError, FieldProblem, forbidden } from '@socle/platform-errors';
import type { KeysetPage } from '@socle/platform-graphql';
import type { ContentItemEntity, ContentVariantEntity, VariantFinding, VariantOptions } from './content-item.entity';
import type { NetworkTarget } from '../network-targets';
import { ContentCtx, ContentItemRepository, ItemFields, ItemFilter } from './content-item.repository';
import { ContentItemService, transitionRefused } from './content-item.service';
import { ContentStatus, isEditable } from './status';
import { findingsOf, MediaFacts, VariantChecker } from './variant-check';

/** `extensions.reason` of the refusals of this part (besides `CONTENT_TRANSITION_NOT_ALLOWED`). */
export const CONTENT_REFUSALS = {
  /** Published, being published or cancelled: the text is final. */
  NOT_EDITABLE: 'CONTENT_NOT_EDITABLE',
  /** A variant has a BLOCK finding: `extensions.findings` lists them. */
  BLOCKED: 'CONTENT_BLOCKED',
  /** Nothing to review: the item has no variant. */
  NO_VARIANT: 'NO_VARIANT',
} as const;

/** Statuses an edit sends back to DRAFT: what was reviewed, approved or scheduled is no longer what will be published. */
const BACK_TO_DRAFT: readonly ContentStatus[] = ['IN_REVIEW', 'APPROVED', 'SCHEDULED', 'FAILED'];

/**
 * A variant's settings, given as text, read as the network's manifest documents them (`options`): a setting it does
 * not document, or a value of the wrong type or out of bounds, is refused with its path (`input.options[1].value`);
 * nothing is stored. A required setting left out is not refused here but found (BLOCK): a draft may be incomplete.
 */
function variantOptions(target: NetworkTarget, given: readonly { name: string; value: string }[]): VariantOptions {
  const options: VariantOptions = {};
  if (given.length === 0) return options;
  const specs = target.manifest?.options;
  const problems: FieldProblem[] = [];
  given.forEach(({ name, value }, index) => {
    const spec = specs?.find((s) => s.name === name);
    if (!spec) {
      const known = specs?.map((s) => s.name).join(', ');
      problems.push({
        field: `input.options[${index}].name`,
        message: known ? `${target.network} has no setting ${name}; it takes ${known}` : `${target.network} takes no settings`,
      });
      return;
    }
    const read = readOptionValue(spec, value);
    const problem =
      read === undefined ? (spec.type === 'boolean' ? 'must be true or false' : 'must be a number') : optionValueProblem(spec, read);
    if (problem) problems.push({ field: `input.options[${index}].value`, message: `${spec.label} ${problem}` });
    else if (!(typeof read === 'string' && !read.trim())) options[name] = read as string | number | boolean;
  });
  if (problems.length) throw badInput(problems);
  return options;
}

/** A blocking finding as a refusal reports it: which variant, which rule, where. */
export interface BlockingFinding extends VariantFinding {
  variantId: string;
  network: string;
  networkAccountId: string | null;
}

export interface ItemPatch {
  title?: string;
  brief?: string;
  theme?: string | null;
  campaign?: string | null;
  objectiveId?: string | null;
  segmentId?: string | null;
  networkPlanId?: string | null;
  plannedFor?: Date | null;
}

const MIN_PLANNED = Date.UTC(2000, 0, 1);
const MAX_PLANNED = Date.UTC(2200, 0, 1);

function personOf(ctx: ContentCtx, what: string): string {
  if (ctx.actor.type !== 'USER' || !ctx.actor.id) throw forbidden(`Only a person ${what}.`);
  return ctx.actor.id;
}

/**
 * Writing content: items, their variants per network account (checked against
 * the connector's limits and the organisation's content rules), submission for
 * review, cancellation, and the suggestion box. Status changes go through
 * `ContentItemService.move`.
 */
@Injectable()
export class ContentEditingService {
  constructor(
    private readonly items: ContentItemRepository,
    private readonly workflow: ContentItemService,
    private readonly checker: VariantChecker,
    private readonly audit: AuditRepository,
    private readonly webhooks: WebhookEvents,
  ) {}

  async get(ctx: ContentCtx, id: string, field = 'id'): Promise<ContentItemEntity> {
    const item = await this.items.find(ctx, id);
    if (!item) throw new DomainError('NOT_FOUND', `Content item ${id} was not found.`, { field });
    return item;
  }

  page(ctx: ContentCtx, page: KeysetPage, filter: ItemFilter): Promise<ContentItemEntity[]> {
    return this.items.page(ctx, page, filter);
  }

  /** How many items the filter keeps, all pages together. */
  count(ctx: ContentCtx, filter: ItemFilter): Promise<number> {
    return this.items.count(ctx, filter);
  }

  /** The signed-in person's own suggestions, whatever became of them (the decision and its reason included). */
  async mySuggestions(ctx: ContentCtx, page: KeysetPage): Promise<ContentItemEntity[]> {
    return this.items.page(ctx, page, this.mySuggestionsFilter(ctx));
  }

  /** How many ideas the signed-in person suggested, all pages together. */
  async countMySuggestions(ctx: ContentCtx): Promise<number> {
    return this.items.count(ctx, this.mySuggestionsFilter(ctx));
  }

  /** The ideas the signed-in person suggested (a caller that is not a person is refused), for a page and its count alike. */
  private mySuggestionsFilter(ctx: ContentCtx): ItemFilter {
    return { suggestedBy: personOf(ctx, 'lists their suggestions'), source: 'EMPLOYEE_SUGGESTION' };
  }

  variants(ctx: ContentCtx, itemIds: readonly string[]): Promise<ContentVariantEntity[]> {
    return this.items.variants(ctx, itemIds);
  }

  async create(ctx: ContentCtx, input: ItemPatch & { title: string }): Promise<ContentItemEntity> {
    const fields = await this.fields(ctx, null, input);
    const item = await this.items.insert(ctx, fields, { source: 'TASK_FORCE', status: 'DRAFT', suggestedBy: null });
    await this.record(ctx, 'content.created', item.id, { status: item.status, source: item.source });
    return item;
  }

  async update(ctx: ContentCtx, id: string, patch: ItemPatch): Promise<ContentItemEntity> {
    if (Object.values(patch).every((v) => v === undefined)) throw badInput('input', 'give at least one field to change');
    const item = await this.editable(ctx, id, 'input.id');
    const fields = await this.fields(ctx, item, patch);
    const status = await this.backToDraft(ctx, item, 'input.id', 'edited');
    const updated = await this.items.updateFields(ctx, id, status, fields);
    if (!updated) throw transitionRefused((await this.items.find(ctx, id)) ?? item, status, 'input.id');
    await this.record(ctx, 'content.updated', id, {
      revision: updated.revision,
      fields: Object.keys(patch).filter((k) => patch[k as keyof ItemPatch] !== undefined),
    });
    return updated;
  }

  async setVariant(
    ctx: ContentCtx,
    input: {
      itemId: string;
      networkAccountId: string;
      text: string;
      linkUrl?: string | null;
      mediaIds?: string[];
      options?: { name: string; value: string }[] | null;
      longForm?: boolean | null;
    },
  ): Promise<ContentVariantEntity> {
    const item = await this.editable(ctx, input.itemId, 'input.itemId');
    const target = await this.checker.target(ctx, input.networkAccountId, 'input.networkAccountId');
    const options = variantOptions(target, input.options ?? []);
    const mediaIds = input.mediaIds ?? [];
    const facts = await this.items.mediaFacts(ctx, mediaIds);
    const missing = mediaIds.findIndex((id) => !facts.has(id));
    if (missing >= 0)
      throw new DomainError('NOT_FOUND', `Media asset ${mediaIds[missing]} was not found.`, { field: `input.mediaIds[${missing}]` });
    const draft = { text: input.text, linkUrl: input.linkUrl ?? null, media: mediaIds.map((id) => facts.get(id) as MediaFacts), options };
    const findings = findingsOf(target, await this.checker.policy(ctx), draft);
    await this.backToDraft(ctx, item, 'input.itemId', 'variant changed');
    const variant = await this.items.upsertVariant(ctx, {
      itemId: item.id,
      networkAccountId: target.id,
      network: target.network,
      text: draft.text,
      linkUrl: draft.linkUrl,
      mediaIds,
      options,
      findings,
    });
    // Absent keeps the variant's role; true makes it the item's long form (another one stops being it), false a short form.
    if (typeof input.longForm === 'boolean' && input.longForm !== variant.longForm) {
      await this.items.setLongForm(ctx, item.id, input.longForm ? variant.id : null);
      variant.longForm = input.longForm;
    }
    await this.items.bumpRevision(ctx, item.id);
    await this.record(ctx, 'content.variant_set', item.id, {
      variantId: variant.id,
      networkAccountId: target.id,
      network: target.network,
      longForm: variant.longForm,
      blocking: findings.filter((f) => f.severity === 'BLOCK').length,
      warnings: findings.filter((f) => f.severity === 'WARN').length,
    });
    return variant;
  }

  async removeVariant(ctx: ContentCtx, variantId: string): Promise<{ id: string; item: ContentItemEntity }> {
    const variant = await this.items.findVariant(ctx, variantId);
    if (!variant) throw new DomainError('NOT_FOUND', `Content variant ${variantId} was not found.`, { field: 'input.id' });
    const item = await this.editable(ctx, variant.itemId, 'input.id');
    await this.backToDraft(ctx, item, 'input.id', 'variant removed');
    await this.items.deleteVariant(ctx, variantId);
    await this.items.bumpRevision(ctx, item.id);
    await this.record(ctx, 'content.variant_removed', item.id, {
      variantId,
      networkAccountId: variant.networkAccountId,
      network: variant.network,
    });
    return { id: variantId, item: await this.get(ctx, item.id, 'input.id') };
  }

  /**
   * DRAFT → IN_REVIEW. Every variant is checked again (the rules, the brand voice
   * or the account may have changed since it was written); any BLOCK finding
   * refuses the submission with the findings, and an item without variant has
   * nothing to review.
   */
  async submit(ctx: ContentCtx, id: string): Promise<ContentItemEntity> {
    const item = await this.locked(ctx, id, 'input.id');
    if (item.status !== 'DRAFT') throw transitionRefused(item, 'IN_REVIEW', 'input.id');
    const variants = await this.items.variants(ctx, [id]);
    if (variants.length === 0) {
      const message =
        'This content item has no variant: write its text for at least one network account (setVariant) before submitting it.';
      throw new DomainError('BAD_USER_INPUT', message, {
        field: 'input.id',
        reason: CONTENT_REFUSALS.NO_VARIANT,
        problems: [{ field: 'input.id', message }],
      });
    }
    const blocking = await this.recheck(ctx, variants);
    if (blocking.length > 0) {
      const message = `${blocking.length} finding(s) block this content item: ${blocking.map((f) => `${f.network} ${f.rule}: ${f.message}`).join(' ')} Nothing was changed.`;
      throw new DomainError('BAD_USER_INPUT', message, {
        field: 'input.id',
        reason: CONTENT_REFUSALS.BLOCKED,
        problems: [{ field: 'input.id', message }],
        details: { findings: blocking },
      });
    }
    const warnings = variants.reduce((n, v) => n + v.findings.filter((f) => f.severity === 'WARN').length, 0);
    const moved = await this.workflow.move(ctx, id, 'IN_REVIEW', {
      from: ['DRAFT'],
      action: 'content.submitted',
      details: { variants: variants.length, warnings },
    });
    await this.webhooks.emit(ctx.uow, 'content_item.submitted', { contentItemId: moved.id, title: moved.title, submittedBy: ctx.actor.id });
    return moved;
  }

  cancel(ctx: ContentCtx, id: string, reason?: string): Promise<ContentItemEntity> {
    return this.workflow.move(ctx, id, 'CANCELLED', { action: 'content.cancelled', details: reason ? { reason } : undefined });
  }

  /** The suggestion box: any member suggests an idea (status IDEA), the content lead triages it. */
  async suggest(ctx: ContentCtx, input: { title: string; brief?: string; theme?: string }): Promise<ContentItemEntity> {
    const suggestedBy = personOf(ctx, 'suggests an idea');
    const fields = await this.fields(ctx, null, { title: input.title, brief: input.brief, theme: input.theme });
    const item = await this.items.insert(ctx, fields, { source: 'EMPLOYEE_SUGGESTION', status: 'IDEA', suggestedBy });
    await this.record(ctx, 'content.idea_suggested', item.id, {});
    return item;
  }

  async triage(ctx: ContentCtx, input: { id: string; decision: 'ACCEPT' | 'DECLINE'; reason?: string }): Promise<ContentItemEntity> {
    const item = await this.locked(ctx, input.id, 'input.id');
    const reason = input.reason?.trim() ? input.reason.trim() : null;
    if (input.decision === 'DECLINE') {
      if (!reason) throw badInput('input.reason', 'is required to decline an idea: its suggester reads it');
      if (item.status !== 'IDEA') throw transitionRefused(item, 'CANCELLED', 'input.id');
      return this.workflow.move(ctx, item.id, 'CANCELLED', {
        from: ['IDEA'],
        action: 'content.idea_declined',
        field: 'input.id',
        details: { reason },
        triage: { triage: 'DECLINED', reason },
      });
    }
    if (item.status !== 'IDEA') throw transitionRefused(item, 'DRAFT', 'input.id');
    return this.workflow.move(ctx, item.id, 'DRAFT', {
      from: ['IDEA'],
      action: 'content.idea_accepted',
      field: 'input.id',
      details: reason ? { reason } : undefined,
      triage: { triage: 'ACCEPTED', reason },
    });
  }

  // ------------------------------------------------------------------ internals

  /** The item, locked for the rest of the transaction: edits and moves of one item run one after the other. */
  private async locked(ctx: ContentCtx, id: string, field: string): Promise<ContentItemEntity> {
    const item = await this.items.find(ctx, id, true);
    if (!item) throw new DomainError('NOT_FOUND', `Content item ${id} was not found.`, { field });
    return item;
  }

  private async editable(ctx: ContentCtx, id: string, field: string): Promise<ContentItemEntity> {
    const item = await this.locked(ctx, id, field);
    if (!isEditable(item.status)) {
      throw new DomainError('CONFLICT', `Content item ${id} is ${item.status}: its text can no longer change. Nothing was changed.`, {
        field,
        reason: CONTENT_REFUSALS.NOT_EDITABLE,
        details: { status: item.status },
      });
    }
    return item;
  }

  /** An edit after review: back to DRAFT (through the workflow), so it is reviewed again. Returns the status the item is in now. */
  private async backToDraft(ctx: ContentCtx, item: ContentItemEntity, field: string, why: string): Promise<ContentStatus> {
    if (!BACK_TO_DRAFT.includes(item.status)) return item.status;
    await this.workflow.move(ctx, item.id, 'DRAFT', { from: [item.status], action: 'content.returned_to_draft', field, details: { why } });
    return 'DRAFT';
  }

  /** The fields to store: the patch over the current item, each checked, strategy references looked up in the organisation. */
  private async fields(ctx: ContentCtx, current: ContentItemEntity | null, patch: ItemPatch): Promise<ItemFields> {
    const problems: { field: string; message: string }[] = [];
    const title = patch.title === undefined ? current?.title : patch.title;
    if (typeof title !== 'string' || title.trim() === '') problems.push({ field: 'input.title', message: 'must not be empty' });
    const text = (key: 'theme' | 'campaign'): string | null => {
      const value = patch[key] === undefined ? (current?.[key] ?? null) : patch[key];
      if (value !== null && value.trim() === '') {
        problems.push({ field: `input.${key}`, message: 'must not be blank (give null to clear it)' });
      }
      return value;
    };
    const plannedFor = patch.plannedFor === undefined ? (current?.plannedFor ?? null) : patch.plannedFor;
    if (
      plannedFor !== null &&
      (Number.isNaN(plannedFor.getTime()) || plannedFor.getTime() < MIN_PLANNED || plannedFor.getTime() >= MAX_PLANNED)
    ) {
      problems.push({ field: 'input.plannedFor', message: 'must be a date between the years 2000 and 2199' });
    }
    const fields: ItemFields = {
      title: (title ?? '').trim(),
      brief: patch.brief === undefined ? (current?.brief ?? '') : (patch.brief ?? ''),
      theme: text('theme'),
      campaign: text('campaign'),
      objectiveId: patch.objectiveId === undefined ? (current?.objectiveId ?? null) : patch.objectiveId,
      segmentId: patch.segmentId === undefined ? (current?.segmentId ?? null) : patch.segmentId,
      networkPlanId: patch.networkPlanId === undefined ? (current?.networkPlanId ?? null) : patch.networkPlanId,
      plannedFor,
    };
    if (problems.length > 0) throw badInput(problems);
    const given = { objectiveId: patch.objectiveId, segmentId: patch.segmentId, networkPlanId: patch.networkPlanId };
    if (given.objectiveId || given.segmentId || given.networkPlanId) {
      const found = await this.items.existingReferences(ctx, given);
      const names = { objectiveId: 'Objective', segmentId: 'Audience segment', networkPlanId: 'Network plan' } as const;
      for (const key of ['objectiveId', 'segmentId', 'networkPlanId'] as const) {
        const id = given[key];
        if (id && !found[key]) throw new DomainError('NOT_FOUND', `${names[key]} ${id} was not found.`, { field: `input.${key}` });
      }
    }
    return fields;
  }

  /** The blocking findings of the variants, checked now; findings that changed are stored (kept only if the submission goes through). */
  private async recheck(ctx: ContentCtx, variants: ContentVariantEntity[]): Promise<BlockingFinding[]> {
    const targets = await this.checker.describe(
      ctx,
      variants.flatMap((v) => (v.networkAccountId ? [v.networkAccountId] : [])),
    );
    const policy = await this.checker.policy(ctx);
    const facts = await this.items.mediaFacts(
      ctx,
      variants.flatMap((v) => v.mediaIds),
    );
    const blocking: BlockingFinding[] = [];
    for (const variant of variants) {
      const target = variant.networkAccountId ? (targets.get(variant.networkAccountId) ?? null) : null;
      // An asset in use cannot be deleted (the media library refuses), so every id has its facts.
      const media = variant.mediaIds.flatMap((id) => facts.get(id) ?? []);
      const findings = findingsOf(target, policy, { text: variant.text, linkUrl: variant.linkUrl, media, options: variant.options });
      if (JSON.stringify(findings) !== JSON.stringify(variant.findings)) {
        await this.items.setFindings(ctx, variant.id, findings);
        variant.findings = findings;
      }
      for (const f of findings) {
        if (f.severity === 'BLOCK')
          blocking.push({ ...f, variantId: variant.id, network: variant.network, networkAccountId: variant.networkAccountId });
      }
    }
    return blocking;
  }

  private record(ctx: ContentCtx, action: string, itemId: string, metadata: Record<string, unknown>): Promise<void> {
    return this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      { action, targetType: 'ContentItem', targetId: itemId, metadata },
      ctx.requestId,
    );
  }
}
