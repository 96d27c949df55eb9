import { WebhookEvents } from '@socle/platform-webhooks';
import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import type { OrganizationContext } from '@socle/platform-auth';
import { badInput, conflict, DomainError, forbidden, notFound } from '@socle/platform-errors';
import type { KeysetPage } from '@socle/platform-graphql';
import { policyRefusal } from '../errors';
import { policyTemplate } from '../templates/policy-templates';
import {
  KIND_NAMES,
  nextStatus,
  OPEN_STATUSES,
  PolicyAction,
  PolicyKind,
  PolicyLanguage,
  PolicySection,
  PolicyVersionStatus,
  STATUS_NAMES,
} from './policy-model';
import {
  MemberRow,
  PolicyEventRow,
  PolicyRepository,
  PolicyVersionRow,
  PolicyWithVersions,
  TenantCtx,
  TransitionStamp,
} from './policy.repository';
import {
  MAX_POLICY_REVIEWERS,
  PolicyReviewMode,
  PolicyReviewRepository,
  PolicyReviewSettingsRow,
  PolicyReviewVerdict,
  PolicyVersionReviewRow,
} from './policy-review.repository';

/** Refusals of the review step, in `extensions.reason` next to the code; nothing is changed when they are raised. */
export type PolicyReviewRefusal = 'REVIEW_PENDING' | 'NOT_AWAITING_REVIEW' | 'NOT_A_REVIEWER' | 'OWN_SUBMISSION';

const reviewRefusal = (reason: PolicyReviewRefusal, field: string, message: string, details: Record<string, unknown> = {}) => {
  const full = `${message} Nothing was changed.`;
  return new DomainError(reason === 'NOT_A_REVIEWER' || reason === 'OWN_SUBMISSION' ? 'FORBIDDEN' : 'BAD_USER_INPUT', full, {
    field,
    reason,
    problems: [{ field, message: full }],
    details,
  });
};

const REVIEW_NAMES: Record<Exclude<PolicyReviewMode, 'NONE'>, string> = { LEGAL: 'legal', WORKS_COUNCIL: 'works council' };

const ACTION_EVENTS: Record<PolicyAction, { event: string; audit: string; stamp: TransitionStamp }> = {
  SUBMIT: { event: 'SUBMITTED', audit: 'policy.submitted', stamp: { by: 'submitted_by', at: 'submitted_at' } },
  RETURN: { event: 'RETURNED', audit: 'policy.returned', stamp: { by: 'returned_by', at: 'returned_at' } },
  APPROVE: { event: 'APPROVED', audit: 'policy.approved', stamp: { by: 'approved_by', at: 'approved_at' } },
  PUBLISH: { event: 'PUBLISHED', audit: 'policy.published', stamp: { by: 'published_by', at: 'published_at' } },
  SUPERSEDE: { event: 'SUPERSEDED', audit: 'policy.superseded', stamp: { at: 'superseded_at' } },
};

const VERBS: Record<PolicyAction, string> = {
  SUBMIT: 'submitted for review (only a DRAFT can be)',
  RETURN: 'returned to draft (only a version IN_REVIEW can be)',
  APPROVE: 'approved (only a version IN_REVIEW can be)',
  PUBLISH: 'published (only an APPROVED version can be)',
  SUPERSEDE: 'superseded (only the PUBLISHED version can be)',
};

export interface AcknowledgementSummary {
  policyId: string;
  version: PolicyVersionRow | null;
  memberCount: number;
  acknowledgedCount: number;
}

/**
 * Policy documents and the approval workflow: DRAFT → IN_REVIEW → APPROVED (by
 * an executive approver only) → PUBLISHED, a published version superseded by
 * the next. Every transition is a compare-and-set on the status, recorded in
 * the policy's history and in the organisation's audit log; a refused one
 * changes nothing (and the request's transaction is rolled back).
 */
@Injectable()
export class PolicyService {
  constructor(
    private readonly policies: PolicyRepository,
    private readonly audit: AuditRepository,
    private readonly reviews: PolicyReviewRepository,
    private readonly webhooks: WebhookEvents,
  ) {}

  page(ctx: TenantCtx, page: KeysetPage): Promise<PolicyWithVersions[]> {
    return this.policies.pageDocuments(ctx, page);
  }

  count(ctx: TenantCtx): Promise<number> {
    return this.policies.countDocuments(ctx);
  }

  async get(ctx: TenantCtx, id: string): Promise<PolicyWithVersions> {
    const doc = await this.policies.findDocument(ctx, id);
    if (!doc) throw notFound('Policy', id);
    return doc;
  }

  async version(ctx: TenantCtx, id: string): Promise<PolicyVersionRow> {
    const version = await this.policies.findVersion(ctx, id);
    if (!version) throw notFound('Policy version', id);
    return version;
  }

  async versions(ctx: TenantCtx, policyId: string, page: KeysetPage): Promise<PolicyVersionRow[]> {
    await this.get(ctx, policyId);
    return this.policies.pageVersions(ctx, policyId, page);
  }

  /** How many versions `versions` lists; called once `versions` found the policy. */
  countVersions(ctx: TenantCtx, policyId: string): Promise<number> {
    return this.policies.countVersions(ctx, policyId);
  }

  async history(ctx: TenantCtx, policyId: string, page: KeysetPage): Promise<PolicyEventRow[]> {
    await this.get(ctx, policyId);
    return this.policies.pageEvents(ctx, policyId, page);
  }

  /** How many events `history` lists; called once `history` found the policy. */
  countHistory(ctx: TenantCtx, policyId: string): Promise<number> {
    return this.policies.countEvents(ctx, policyId);
  }

  async create(ctx: TenantCtx, input: { kind: PolicyKind; language: PolicyLanguage; fromTemplate?: boolean }): Promise<PolicyWithVersions> {
    const id = await this.policies.insertDocument(ctx, input.kind, input.language);
    if (!id) {
      throw conflict(
        `This organization already has a ${KIND_NAMES[input.kind].en}: edit its draft or start a revision (one policy per kind).`,
        'input.kind',
      );
    }
    const template = policyTemplate(input.kind, input.language);
    const sections = input.fromTemplate ? template.sections.map((s) => ({ ...s })) : [];
    const version = await this.policies.insertVersion(ctx, id, 1, template.title, sections);
    await this.policies.insertEvent(ctx, version, 'CREATED', null, input.fromTemplate ? 'from template' : null);
    await this.record(ctx, 'policy.created', id, {
      kind: input.kind,
      language: input.language,
      fromTemplate: !!input.fromTemplate,
      versionId: version.id,
    });
    return this.get(ctx, id);
  }

  async updateDraft(ctx: TenantCtx, versionId: string, patch: { title?: string; sections?: PolicySection[] }): Promise<PolicyVersionRow> {
    if (patch.title === undefined && patch.sections === undefined) throw badInput('input', 'give a title, sections or both');
    if (patch.sections) {
      const seen = new Map<string, number>();
      const problems = patch.sections.flatMap((s, i) => {
        const first = seen.get(s.key);
        if (first === undefined) {
          seen.set(s.key, i);
          return [];
        }
        return [{ field: `input.sections[${i}].key`, message: `"${s.key}" is already the key of input.sections[${first}]` }];
      });
      if (problems.length) throw badInput(problems);
    }
    const updated = await this.policies.updateDraft(ctx, versionId, patch);
    if (!updated) {
      const current = await this.version(ctx, versionId);
      throw policyRefusal(
        'NOT_EDITABLE',
        'input.versionId',
        `Policy version ${current.number} is ${current.status} and can no longer be edited (only a DRAFT can): start a revision to change it.`,
        { status: current.status },
      );
    }
    await this.record(ctx, 'policy.draft_updated', updated.policyId, {
      versionId,
      number: updated.number,
      fields: Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined),
    });
    return updated;
  }

  /** DRAFT → IN_REVIEW; when the organisation asks for a legal or works-council review, the version now awaits it. */
  async submit(ctx: OrganizationContext, versionId: string): Promise<PolicyVersionRow> {
    const moved = await this.move(ctx, versionId, 'SUBMIT');
    const settings = await this.reviews.settings(ctx);
    await this.reviews.requireReview(ctx, versionId, settings.mode === 'NONE' ? null : settings.mode);
    return moved;
  }

  /**
   * Only a person holding the EXECUTIVE_APPROVER role approves (checked on the role, not only on the permission),
   * and only once the review the version awaits (if any) cleared it.
   */
  async approve(ctx: OrganizationContext, versionId: string, comment?: string): Promise<PolicyVersionRow> {
    if (ctx.actor.type !== 'USER' || !ctx.organizationRoles.includes('EXECUTIVE_APPROVER')) {
      throw forbidden('Only an executive approver of this organization approves a policy.');
    }
    const review = await this.reviews.review(ctx, versionId);
    if (review?.kind && review.verdict !== 'CLEARED') {
      const current = await this.version(ctx, versionId);
      if (current.status === 'IN_REVIEW') {
        throw reviewRefusal(
          'REVIEW_PENDING',
          'input.versionId',
          `Policy version ${current.number} awaits its ${REVIEW_NAMES[review.kind]} review: it is approved once a reviewer cleared it.`,
          { reviewKind: review.kind },
        );
      }
    }
    return this.move(ctx, versionId, 'APPROVE', { comment: comment ?? null });
  }

  // ------------------------------------------------------------------ review before approval

  reviewSettings(ctx: TenantCtx): Promise<PolicyReviewSettingsRow> {
    return this.reviews.settings(ctx);
  }

  /** NONE, or LEGAL / WORKS_COUNCIL with the members who review (1 to 20, current members). Applies to versions submitted from now on. */
  async setReviewSettings(ctx: TenantCtx, mode: PolicyReviewMode, reviewerIds: readonly string[]): Promise<PolicyReviewSettingsRow> {
    const unique = [...new Set(reviewerIds)];
    if (mode === 'NONE' && unique.length) throw badInput('input.reviewerIds', 'must be empty when no review is asked for (mode NONE)');
    if (mode !== 'NONE' && unique.length === 0) throw badInput('input.reviewerIds', 'name at least one member who reviews');
    if (unique.length > MAX_POLICY_REVIEWERS) throw badInput('input.reviewerIds', `name at most ${MAX_POLICY_REVIEWERS} reviewers`);
    const members = await this.reviews.members(ctx, unique);
    const problems = reviewerIds
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !members.has(id))
      .map(({ i }) => ({ field: `input.reviewerIds[${i}]`, message: 'is not a member of this organization' }));
    if (problems.length) throw badInput(problems.slice(0, 20));
    const saved = await this.reviews.saveSettings(ctx, mode, unique);
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'policy.review_settings_updated',
        targetType: 'Organization',
        targetId: ctx.uow.organizationId,
        metadata: { mode, reviewerIds: unique },
      },
      ctx.requestId,
    );
    return saved;
  }

  versionReview(ctx: TenantCtx, versionId: string): Promise<PolicyVersionReviewRow | null> {
    return this.reviews.review(ctx, versionId);
  }

  /**
   * A named reviewer's decision on a version awaiting review: CLEARED lets the
   * executive approve it; CHANGES_REQUESTED (a comment required) returns it to DRAFT.
   * Nobody reviews a version they submitted.
   */
  async recordReview(ctx: TenantCtx, versionId: string, verdict: PolicyReviewVerdict, comment: string | null): Promise<PolicyVersionRow> {
    if (ctx.actor.type !== 'USER' || !ctx.actor.id) throw forbidden('Only a person reviews a policy.');
    const settings = await this.reviews.settings(ctx);
    if (!settings.reviewerIds.includes(ctx.actor.id)) {
      throw reviewRefusal(
        'NOT_A_REVIEWER',
        'input.versionId',
        'Only the reviewers named in the organization’s policy review setting review a policy.',
      );
    }
    if (verdict === 'CHANGES_REQUESTED' && !comment?.trim())
      throw badInput('input.comment', 'say what must change (required to request changes)');
    const current = await this.version(ctx, versionId);
    await this.policies.lockDocument(ctx, current.policyId);
    const review = await this.reviews.review(ctx, versionId);
    if (current.status !== 'IN_REVIEW' || !review?.kind || review.verdict !== null) {
      throw reviewRefusal(
        'NOT_AWAITING_REVIEW',
        'input.versionId',
        `Policy version ${current.number} is ${current.status}${review?.verdict ? ` and was already reviewed (${review.verdict})` : ''}: it does not await a review.`,
        { status: current.status, verdict: review?.verdict ?? null },
      );
    }
    if (current.submittedBy === ctx.actor.id) {
      throw reviewRefusal('OWN_SUBMISSION', 'input.versionId', 'Nobody reviews a policy version they submitted: another reviewer does.');
    }
    if (!(await this.reviews.recordVerdict(ctx, versionId, verdict, comment))) {
      throw reviewRefusal('NOT_AWAITING_REVIEW', 'input.versionId', `Policy version ${current.number} was reviewed or moved meanwhile.`);
    }
    const detail = { reviewKind: review.kind, verdict };
    if (verdict === 'CHANGES_REQUESTED') {
      const returned = await this.move(ctx, versionId, 'RETURN', {
        comment: comment ?? null,
        returnComment: comment ?? undefined,
        event: 'REVIEWED',
        extra: detail,
      });
      return returned;
    }
    const reviewed = await this.version(ctx, versionId);
    await this.policies.insertEvent(ctx, reviewed, 'REVIEWED', 'IN_REVIEW', comment);
    await this.record(ctx, 'policy.reviewed', reviewed.policyId, {
      versionId,
      number: reviewed.number,
      ...detail,
      ...(comment ? { comment } : {}),
    });
    return reviewed;
  }

  returnToDraft(ctx: OrganizationContext, versionId: string, comment: string): Promise<PolicyVersionRow> {
    return this.move(ctx, versionId, 'RETURN', { comment, returnComment: comment });
  }

  /** Publishes an approved version; the version in force until then becomes SUPERSEDED, in the same transaction. */
  async publish(ctx: OrganizationContext, versionId: string): Promise<PolicyVersionRow> {
    const version = await this.version(ctx, versionId);
    await this.policies.lockDocument(ctx, version.policyId);
    if (nextStatus(version.status, 'PUBLISH') === null) throw this.invalid(version, 'PUBLISH');
    const previous = await this.policies.publishedVersion(ctx, version.policyId);
    if (previous) await this.move(ctx, previous.id, 'SUPERSEDE', { comment: `superseded by version ${version.number}` });
    return this.move(ctx, versionId, 'PUBLISH', { supersedes: previous?.number ?? null });
  }

  /** A new DRAFT copying the latest version, when no version is being worked on. */
  async startRevision(ctx: TenantCtx, policyId: string): Promise<PolicyVersionRow> {
    const doc = await this.policies.lockDocument(ctx, policyId);
    if (!doc) throw notFound('Policy', policyId);
    const latest = await this.policies.latestVersion(ctx, policyId);
    if (latest && OPEN_STATUSES.includes(latest.status)) {
      throw policyRefusal(
        'OPEN_VERSION_EXISTS',
        'input.policyId',
        `Version ${latest.number} of this policy is ${latest.status}: finish it (publish it, or return it to draft and edit it) before starting another.`,
        { status: latest.status, versionId: latest.id },
      );
    }
    const template = policyTemplate(doc.kind, doc.language);
    const version = await this.policies.insertVersion(
      ctx,
      policyId,
      (latest?.number ?? 0) + 1,
      latest?.title ?? template.title,
      latest?.sections ?? [],
    );
    await this.policies.insertEvent(ctx, version, 'CREATED', null, latest ? `revision of version ${latest.number}` : null);
    await this.record(ctx, 'policy.revision_started', policyId, {
      versionId: version.id,
      number: version.number,
      from: latest?.number ?? null,
    });
    return version;
  }

  // ------------------------------------------------------------------ acknowledgements

  /** The caller confirms they read the version in force. Idempotent. */
  async acknowledge(ctx: TenantCtx, versionId: string): Promise<{ version: PolicyVersionRow; userId: string; acknowledgedAt: Date }> {
    if (ctx.actor.type !== 'USER' || !ctx.actor.id) throw forbidden('Only a person acknowledges a policy.');
    const userId = ctx.actor.id;
    const version = await this.version(ctx, versionId);
    if (version.status !== 'PUBLISHED') {
      throw policyRefusal(
        'NOT_PUBLISHED',
        'input.versionId',
        `Policy version ${version.number} is ${version.status}: only the published version of a policy is acknowledged.`,
        { status: version.status },
      );
    }
    if (!(await this.policies.isMember(ctx, userId))) throw forbidden('Only members of this organization acknowledge its policies.');
    const acknowledgedAt = await this.policies.acknowledge(ctx, version, userId);
    await this.record(ctx, 'policy.acknowledged', version.policyId, { versionId, number: version.number });
    return { version, userId, acknowledgedAt };
  }

  /** The published versions the signed-in member still has to acknowledge. */
  async awaitingMyAcknowledgement(ctx: TenantCtx): Promise<PolicyVersionRow[]> {
    if (ctx.actor.type !== 'USER' || !ctx.actor.id) throw forbidden('Only a person acknowledges a policy.');
    return this.policies.awaitingAcknowledgement(ctx, ctx.actor.id);
  }

  async acknowledgements(ctx: TenantCtx, policyId: string): Promise<AcknowledgementSummary> {
    await this.get(ctx, policyId);
    const version = await this.policies.publishedVersion(ctx, policyId);
    const counts = await this.policies.acknowledgementCounts(ctx, version?.id ?? null);
    return { policyId, version, memberCount: counts.members, acknowledgedCount: version ? counts.acknowledged : 0 };
  }

  /** Members who acknowledged (done) or not yet (pending) the published version; none without one. */
  async members(ctx: TenantCtx, versionId: string | null, done: boolean, page: KeysetPage): Promise<MemberRow[]> {
    if (!versionId) return [];
    return this.policies.pageMembers(ctx, versionId, done, page);
  }

  /** How many members `members` lists over all its pages: none without a published version. */
  async countMembers(ctx: TenantCtx, versionId: string | null, done: boolean): Promise<number> {
    if (!versionId) return 0;
    return this.policies.countMembers(ctx, versionId, done);
  }

  // ------------------------------------------------------------------ internals

  private async move(
    ctx: TenantCtx,
    versionId: string,
    action: PolicyAction,
    options: {
      comment?: string | null;
      returnComment?: string;
      supersedes?: number | null;
      /** The event recorded instead of the action's own (a review returning a version is REVIEWED). */
      event?: string;
      extra?: Record<string, unknown>;
    } = {},
  ): Promise<PolicyVersionRow> {
    const current = await this.version(ctx, versionId);
    const to = nextStatus(current.status, action);
    if (to === null) throw this.invalid(current, action);
    const { event, audit, stamp } = ACTION_EVENTS[action];
    const moved = await this.policies.transition(ctx, versionId, current.status, to, {
      ...stamp,
      ...(options.returnComment !== undefined ? { returnComment: options.returnComment } : {}),
    });
    if (!moved) {
      // Someone else moved it between the read and the update: report the state it is in now.
      throw this.invalid(await this.version(ctx, versionId), action);
    }
    await this.policies.insertEvent(ctx, moved, options.event ?? event, current.status, options.comment ?? null);
    await this.record(ctx, options.event === 'REVIEWED' ? 'policy.reviewed' : audit, moved.policyId, {
      ...(options.extra ?? {}),
      versionId,
      number: moved.number,
      from: current.status,
      to,
      ...(options.comment ? { comment: options.comment } : {}),
      ...(options.supersedes ? { supersedes: options.supersedes } : {}),
    });
    if (to === 'PUBLISHED')
      await this.webhooks.emit(ctx.uow, 'policy_version.published', { policyDocumentId: moved.policyId, versionId, version: moved.number });
    return moved;
  }

  private invalid(version: PolicyVersionRow, action: PolicyAction) {
    return policyRefusal(
      'INVALID_TRANSITION',
      'input.versionId',
      `Policy version ${version.number} is ${version.status} (${STATUS_NAMES[version.status as PolicyVersionStatus].en}) and cannot be ${VERBS[action]}.`,
      { status: version.status },
    );
  }

  private record(ctx: TenantCtx, action: string, policyId: string, metadata: Record<string, unknown>): Promise<void> {
    return this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      { action, targetType: 'Policy', targetId: policyId, metadata },
      ctx.requestId,
    );
  }
}
