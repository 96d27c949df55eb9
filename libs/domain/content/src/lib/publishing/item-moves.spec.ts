import type { AuditRepository } from '@socle/accounts';
import type { OrganizationUnitOfWork } from '@socle/platform-database';
import type { ContentItemEntity } from '../items/content-item.entity';
import type { ContentCtx, ContentItemRepository } from '../items/content-item.repository';
import { ContentItemService, ItemMove } from '../items/content-item.service';
import { CONTENT_STATUSES, CONTENT_TRANSITIONS, ContentStatus } from '../items/status';
import type { PublicationRepository } from './publication.repository';
import { PublishingService } from './publishing.service';

const ctx = {
  uow: { organizationId: 'org' } as unknown as OrganizationUnitOfWork,
  organizationId: 'org',
  actor: { type: 'USER', id: 'u1' },
} as ContentCtx;

function workflow(status: ContentStatus) {
  let row = { id: 'i1', status, revision: 1 } as ContentItemEntity;
  const order: string[] = [];
  const repo = {
    find: jest.fn(async () => ({ ...row })),
    transition: jest.fn(async (_c: ContentCtx, _id: string, from: ContentStatus, to: ContentStatus) => {
      if (row.status !== from) return null;
      order.push('transition');
      row = { ...row, status: to };
      return { ...row };
    }),
  };
  const audit = { recordInOrganization: jest.fn(async () => void order.push('audit')) };
  return { service: new ContentItemService(repo as unknown as ContentItemRepository, audit as unknown as AuditRepository), order, audit };
}

describe('item moves and their listeners', () => {
  it('a listener runs inside the move, after the row is written and before the audit, with the same context', async () => {
    const { service, order } = workflow('SCHEDULED');
    const seen: [ContentCtx, ItemMove][] = [];
    service.onMove(async (c, move) => {
      order.push('listener');
      seen.push([c, move]);
    });
    await service.move(ctx, 'i1', 'DRAFT', { action: 'returned_to_draft' });
    expect(order).toEqual(['transition', 'listener', 'audit']);
    expect(seen).toEqual([[ctx, { itemId: 'i1', from: 'SCHEDULED', to: 'DRAFT' }]]);
  });

  it('a listener that throws refuses the move (nothing audited; the caller’s transaction rolls back)', async () => {
    const { service, audit } = workflow('SCHEDULED');
    service.onMove(async () => {
      throw new Error('refused');
    });
    await expect(service.move(ctx, 'i1', 'CANCELLED', { action: 'cancelled' })).rejects.toThrow('refused');
    expect(audit.recordInOrganization).not.toHaveBeenCalled();
  });

  it('publishing cancels the pending publications of exactly the moves that take an item off the schedule', async () => {
    const cancelled: string[] = [];
    const publications = {
      cancelPendingOfItem: jest.fn(async (_c: ContentCtx, _id: string, reason: string) => {
        cancelled.push(reason);
        return [];
      }),
    };
    const { service } = workflow('SCHEDULED');
    const publishing = new PublishingService(
      publications as unknown as PublicationRepository,
      service,
      null as never,
      null as never,
      null as never,
      null as never,
      null as never,
      null as never,
    );
    publishing.onModuleInit();
    const listener = (service as unknown as { listeners: ((c: ContentCtx, m: ItemMove) => Promise<void>)[] }).listeners[0];
    const leaving: string[] = [];
    for (const from of CONTENT_STATUSES) {
      for (const to of CONTENT_TRANSITIONS[from]) {
        const before = cancelled.length;
        await listener(ctx, { itemId: 'i1', from, to });
        if (cancelled.length > before) leaving.push(`${from}->${to}`);
      }
    }
    expect(leaving.sort()).toEqual([
      'FAILED->CANCELLED',
      'FAILED->DRAFT',
      'SCHEDULED->APPROVED',
      'SCHEDULED->CANCELLED',
      'SCHEDULED->DRAFT',
    ]);
    expect(cancelled).toContain('its content item went from FAILED to DRAFT');
  });
});
