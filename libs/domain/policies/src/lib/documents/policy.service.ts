import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import type { OrganizationContext } from '@socle/platform-auth';
import { badInput, conflict, forbidden, notFound } from '@socle/platform-errors';
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
  ) {}

  page(ctx: TenantCtx, page: KeysetPage): Promise<PolicyWithVersions[]> {
    return this.policies.pageDocuments(ctx, page);
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

  async history(ctx: TenantCtx, policyId: string, page: KeysetPage): Promise<PolicyEventRow[]> {
    await this.get(ctx, policyId);
    return this.policies.pageEvents(ctx, policyId, page);
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

  submit(ctx: OrganizationContext, versionId: string): Promise<PolicyVersionRow> {
    return this.move(ctx, versionId, 'SUBMIT');
  }

  /** Only a person holding the EXECUTIVE_APPROVER role approves (checked on the role, not only on the permission). */
  approve(ctx: OrganizationContext, versionId: string, comment?: string): Promise<PolicyVersionRow> {
    if (ctx.actor.type !== 'USER' || !ctx.organizationRoles.includes('EXECUTIVE_APPROVER')) {
      throw forbidden('Only an executive approver of this organization approves a policy.');
    }
    return this.move(ctx, versionId, 'APPROVE', { comment: comment ?? null });
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

  // ------------------------------------------------------------------ internals

  private async move(
    ctx: TenantCtx,
    versionId: string,
    action: PolicyAction,
    options: { comment?: string | null; returnComment?: string; supersedes?: number | null } = {},
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
    await this.policies.insertEvent(ctx, moved, event, current.status, options.comment ?? null);
    await this.record(ctx, audit, moved.policyId, {
      versionId,
      number: moved.number,
      from: current.status,
      to,
      ...(options.comment ? { comment: options.comment } : {}),
      ...(options.supersedes ? { supersedes: options.supersedes } : {}),
    });
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
