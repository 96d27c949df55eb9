import type { OrganizationUnitOfWork } from '@socle/platform-database';
import type { JobQueues } from '@socle/platform-queue';
import { WebhookEvents } from './webhook-events';

describe('WebhookEvents.emitMany', () => {
  it('sends strings as PostgreSQL’s JSON takes them: NUL and unpaired surrogates become U+FFFD, pairs stay', async () => {
    const sent: unknown[][] = [];
    const uow = {
      organizationId: '00000000-0000-4000-8000-000000000001',
      prepared: async (_name: string, _sql: string, parameters: unknown[]) => {
        sent.push(parameters);
        return [];
      },
      afterCommit: () => undefined,
    } as unknown as OrganizationUnitOfWork;
    const events = new WebhookEvents({ add: async () => undefined } as unknown as JobQueues);
    await events.emitMany(uow, [
      { type: 'publication.failed', data: { reason: 'a\u0000b \ud800 c \udc00 😀', nested: { list: ['x\ud83d'] } } },
    ]);
    const json = sent[0][1] as string;
    expect(JSON.parse(json)).toEqual([
      { type: 'publication.failed', data: { reason: 'a\ufffdb \ufffd c \ufffd 😀', nested: { list: ['x\ufffd'] } } },
    ]);
    expect(json).not.toMatch(/\\u0000|\\ud8|\\udc/);
  });
});
