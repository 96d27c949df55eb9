import type { WebhookEvents } from '@socle/platform-webhooks';
import type { AuditRepository } from '@socle/accounts';
import type { OrganizationUnitOfWork } from '@socle/platform-database';
import type { ContentItemEntity } from './content-item.entity';
import type { ContentCtx, ContentItemRepository } from './content-item.repository';
import { ContentItemService } from './content-item.service';
import { ContentEditingService } from './content-editing.service';
import { CONTENT_STATUSES, CONTENT_TRANSITIONS, ContentStatus } from './status';
import type { VariantChecker } from './variant-check';

const ctx = {
  uow: { organizationId: 'org' } as unknown as OrganizationUnitOfWork,
  organizationId: 'org',
  actor: { type: 'USER', id: 'u1' },
  requestId: 'r1',
} as ContentCtx;

function itemIn(status: ContentStatus, extra: Partial<ContentItemEntity> = {}): ContentItemEntity {
  return {
    organizationId: 'org',
    id: 'i1',
    title: 'T',
    brief: '',
    theme: null,
    campaign: null,
    objectiveId: null,
    segmentId: null,
    networkPlanId: null,
    source: 'TASK_FORCE',
    status,
    suggestedBy: null,
    triage: null,
    triageReason: null,
    triagedBy: null,
    triagedAt: null,
    plannedFor: null,
    revision: 1,
    createdBy: null,
    updatedBy: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...extra,
  };
}

/** A repository holding one row, whose compare-and-set behaves like the UPDATE … WHERE status = from. */
function fakeRepository(initial: ContentItemEntity | null) {
  const state = { row: initial, transitions: 0 };
  const repo = {
    find: jest.fn(async () => (state.row ? { ...state.row } : null)),
    transition: jest.fn(async (_ctx: ContentCtx, _id: string, from: ContentStatus, to: ContentStatus) => {
      if (!state.row || state.row.status !== from) return null;
      state.transitions += 1;
      state.row = { ...state.row, status: to };
      return { ...state.row };
    }),
    variants: jest.fn(async () => []),
  };
  return { repo, state };
}

const fakeAudit = () => ({ recordInOrganization: jest.fn(async () => undefined) });

describe('ContentItemService.move', () => {
  it('moves along every transition of the workflow and refuses every other, changing nothing', async () => {
    for (const from of CONTENT_STATUSES) {
      for (const to of CONTENT_STATUSES) {
        const { repo, state } = fakeRepository(itemIn(from));
        const audit = fakeAudit();
        const service = new ContentItemService(repo as unknown as ContentItemRepository, audit as unknown as AuditRepository);
        const move = service.move(ctx, 'i1', to, { action: 'x' });
        if (CONTENT_TRANSITIONS[from].includes(to)) {
          await expect(move).resolves.toMatchObject({ status: to });
          expect(audit.recordInOrganization).toHaveBeenCalledTimes(1);
        } else {
          await expect(move).rejects.toMatchObject({
            code: 'CONFLICT',
            reason: 'CONTENT_TRANSITION_NOT_ALLOWED',
            field: 'input.id',
            details: { status: from, to },
          });
          expect(state.transitions).toBe(0);
          expect(audit.recordInOrganization).not.toHaveBeenCalled();
        }
      }
    }
  });

  it('refuses a move from a status the caller did not expect, and names the caller’s field', async () => {
    const { repo, state } = fakeRepository(itemIn('APPROVED'));
    const service = new ContentItemService(repo as unknown as ContentItemRepository, fakeAudit() as unknown as AuditRepository);
    await expect(
      service.move(ctx, 'i1', 'CANCELLED', { from: ['DRAFT'], action: 'cancelled', field: 'input.itemId' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', field: 'input.itemId', details: { status: 'APPROVED' } });
    expect(state.transitions).toBe(0);
  });

  it('is NOT_FOUND on the field for an item the organisation does not have', async () => {
    const { repo } = fakeRepository(null);
    const service = new ContentItemService(repo as unknown as ContentItemRepository, fakeAudit() as unknown as AuditRepository);
    await expect(service.move(ctx, 'i1', 'DRAFT', { action: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
  });

  it('loses with CONFLICT, naming the status it is in now, when another move came first', async () => {
    const { repo, state } = fakeRepository(itemIn('DRAFT'));
    // Another transaction submits it between our read and our update.
    repo.find.mockImplementationOnce(async () => ({ ...(state.row as ContentItemEntity) }));
    repo.transition.mockImplementationOnce(async () => {
      state.row = { ...(state.row as ContentItemEntity), status: 'IN_REVIEW' };
      return null;
    });
    const audit = fakeAudit();
    const service = new ContentItemService(repo as unknown as ContentItemRepository, audit as unknown as AuditRepository);
    await expect(service.move(ctx, 'i1', 'CANCELLED', { from: ['DRAFT'], action: 'cancelled' })).rejects.toMatchObject({
      code: 'CONFLICT',
      reason: 'CONTENT_TRANSITION_NOT_ALLOWED',
      details: { status: 'IN_REVIEW' },
    });
    expect(audit.recordInOrganization).not.toHaveBeenCalled();
  });

  it('writes content.<verb> to the audit log with the move and the details', async () => {
    const { repo } = fakeRepository(itemIn('DRAFT', { revision: 4 }));
    const audit = fakeAudit();
    const service = new ContentItemService(repo as unknown as ContentItemRepository, audit as unknown as AuditRepository);
    await service.move(ctx, 'i1', 'IN_REVIEW', { action: 'submitted', details: { warnings: 2 } });
    await service.move(ctx, 'i1', 'APPROVED', { action: 'content.approved' });
    expect(audit.recordInOrganization.mock.calls.map((c) => (c as unknown[])[2])).toEqual([
      {
        action: 'content.submitted',
        targetType: 'ContentItem',
        targetId: 'i1',
        metadata: { from: 'DRAFT', to: 'IN_REVIEW', revision: 4, warnings: 2 },
      },
      {
        action: 'content.approved',
        targetType: 'ContentItem',
        targetId: 'i1',
        metadata: { from: 'IN_REVIEW', to: 'APPROVED', revision: 4 },
      },
    ]);
  });
});

describe('ContentEditingService rules', () => {
  const build = (item: ContentItemEntity | null) => {
    const { repo, state } = fakeRepository(item);
    const full = {
      ...repo,
      updateFields: jest.fn(async (_c: ContentCtx, _id: string, status: ContentStatus) =>
        state.row?.status === status ? { ...state.row, revision: state.row.revision + 1 } : null,
      ),
      existingReferences: jest.fn(async () => ({ objectiveId: false, segmentId: false, networkPlanId: false })),
    };
    const audit = fakeAudit();
    const workflow = new ContentItemService(full as unknown as ContentItemRepository, audit as unknown as AuditRepository);
    const service = new ContentEditingService(
      full as unknown as ContentItemRepository,
      workflow,
      {} as VariantChecker,
      audit as unknown as AuditRepository,
      { emit: async () => 'event' } as unknown as WebhookEvents,
    );
    return { service, repo: full, state, audit };
  };

  it.each(['IN_REVIEW', 'APPROVED', 'SCHEDULED', 'FAILED'] as const)('sends an item %s back to DRAFT when it is edited', async (status) => {
    const { service, state } = build(itemIn(status));
    await expect(service.update(ctx, 'i1', { title: 'Nouveau' })).resolves.toMatchObject({ status: 'DRAFT', revision: 2 });
    expect(state.row?.status).toBe('DRAFT');
  });

  it.each(['IDEA', 'DRAFT'] as const)('keeps an item %s in its status when it is edited', async (status) => {
    const { service } = build(itemIn(status));
    await expect(service.update(ctx, 'i1', { brief: 'b' })).resolves.toMatchObject({ status, revision: 2 });
  });

  it.each(['PUBLISHING', 'PUBLISHED', 'CANCELLED'] as const)('refuses to edit an item %s', async (status) => {
    const { service, repo } = build(itemIn(status));
    await expect(service.update(ctx, 'i1', { title: 'x' })).rejects.toMatchObject({
      code: 'CONFLICT',
      reason: 'CONTENT_NOT_EDITABLE',
      field: 'input.id',
    });
    expect(repo.updateFields).not.toHaveBeenCalled();
  });

  it('refuses a strategy reference the organisation does not have, naming it', async () => {
    const { service, repo } = build(itemIn('DRAFT'));
    await expect(service.update(ctx, 'i1', { segmentId: 's-of-another' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.segmentId',
    });
    expect(repo.updateFields).not.toHaveBeenCalled();
  });

  it('submits nothing without a variant (NO_VARIANT) and only a DRAFT', async () => {
    await expect(build(itemIn('DRAFT')).service.submit(ctx, 'i1')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NO_VARIANT',
      field: 'input.id',
    });
    await expect(build(itemIn('IDEA')).service.submit(ctx, 'i1')).rejects.toMatchObject({
      code: 'CONFLICT',
      reason: 'CONTENT_TRANSITION_NOT_ALLOWED',
    });
  });

  it('declines an idea only with a reason, and only an idea', async () => {
    const idea = itemIn('IDEA', { source: 'EMPLOYEE_SUGGESTION', suggestedBy: 'u2' });
    await expect(build(idea).service.triage(ctx, { id: 'i1', decision: 'DECLINE', reason: ' \n ' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });
    const { service, repo } = build(idea);
    await expect(service.triage(ctx, { id: 'i1', decision: 'DECLINE', reason: ' Déjà fait ' })).resolves.toMatchObject({
      status: 'CANCELLED',
    });
    expect(repo.transition).toHaveBeenCalledWith(ctx, 'i1', 'IDEA', 'CANCELLED', { triage: 'DECLINED', reason: 'Déjà fait' });
    await expect(build(itemIn('DRAFT')).service.triage(ctx, { id: 'i1', decision: 'ACCEPT' })).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'input.id',
    });
  });

  it('lets only a person suggest an idea or list their suggestions', async () => {
    const key = { ...ctx, actor: { type: 'API_KEY' as const, id: 'k1' } };
    await expect(build(null).service.suggest(key, { title: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(build(null).service.mySuggestions(key, { size: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
