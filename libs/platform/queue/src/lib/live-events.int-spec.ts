import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource, releaseParkedConnections, UnitOfWork } from '@socle/platform-database';
import { LIVE_EVENTS_MAX_WAITING, LiveEvent, LiveEvents, LiveEventsOverflow } from './live-events';
import { createRedis, RedisClient } from './redis';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Live events on the real Redis (two processes' worth of connections) and the real PostgreSQL for commits. */
describe('LiveEvents on the real Redis', () => {
  const prefix = `${process.env.QUEUE_PREFIX ?? 'socle-test'}-live-${randomBytes(3).toString('hex')}`;
  const connections: RedisClient[] = [];
  const instances: LiveEvents[] = [];
  let dataSource: DataSource;
  const instance = (p = prefix) => {
    const redis = createRedis({ url: REDIS_URL }, 'commands');
    connections.push(redis);
    const live = new LiveEvents(redis, p);
    instances.push(live);
    return live;
  };
  const event = (organizationId: string, topic = 'inboxItem', change = 'CREATED'): LiveEvent => ({
    topic,
    organizationId,
    id: randomUUID(),
    change,
    fields: { status: 'NEW' },
    occurredAt: new Date().toISOString(),
  });
  /** Everything the iterator yields within `ms`. */
  const drain = async (iterator: AsyncIterableIterator<LiveEvent>, ms = 300): Promise<LiveEvent[]> => {
    const got: LiveEvent[] = [];
    const until = Date.now() + ms;
    for (;;) {
      const left = until - Date.now();
      if (left <= 0) break;
      const step = await Promise.race([iterator.next(), sleep(left).then(() => null)]);
      if (!step || step.done) break;
      got.push(step.value);
    }
    return got;
  };

  beforeAll(async () => {
    dataSource = createDataSource({
      url: process.env.DATABASE_URL as string,
      entities: [],
      poolSize: 2,
      applicationName: 'live-events-spec',
    });
    await dataSource.initialize();
  });
  afterAll(async () => {
    for (const live of instances) await live.onApplicationShutdown();
    for (const connection of connections) connection.disconnect();
    await releaseParkedConnections(dataSource);
    await dataSource.destroy();
  });

  it('hands a replica the events of the organisation and topic listened to, published by another process', async () => {
    const [publisher, replica] = [instance(), instance()];
    const org = randomUUID();
    const otherOrg = randomUUID();
    const iterator = await replica.listen(org, 'inboxItem');
    expect(replica.listening(org)).toBe(1);
    const mine = event(org);
    await publisher.publish([event(otherOrg), event(org, 'alert'), mine]);
    expect((await drain(iterator)).map((e) => e.id)).toEqual([mine.id]);
    await iterator.return?.();
    expect(replica.listening(org)).toBe(0);
  });

  it('drops a message whose events name another organisation than its channel, and survives malformed messages', async () => {
    const replica = instance();
    const org = randomUUID();
    const iterator = await replica.listen(org, 'inboxItem');
    const raw = connections[connections.length - 1];
    const channel = replica.channelOf(org);
    await raw.publish(channel, 'not json');
    await raw.publish(channel, JSON.stringify({ not: 'a list' }));
    await raw.publish(channel, JSON.stringify([null, 7, event(randomUUID())]));
    await raw.publish(channel, `${'['.repeat(5000)}${']'.repeat(5000)}`);
    const good = event(org);
    await raw.publish(channel, JSON.stringify([good]));
    expect((await drain(iterator)).map((e) => e.id)).toEqual([good.id]);
    await iterator.return?.();
  });

  it('never crosses prefixes (another deployment or test run on the same Redis)', async () => {
    const org = randomUUID();
    const elsewhere = instance(`${prefix}-other`);
    const here = instance();
    const iterator = await here.listen(org, 'inboxItem');
    await elsewhere.publish([event(org)]);
    expect(await drain(iterator)).toEqual([]);
    await iterator.return?.();
  });

  it('publishes after the commit, never on rollback', async () => {
    const [publisher, replica] = [instance(), instance()];
    const org = randomUUID();
    const iterator = await replica.listen(org, 'inboxItem');
    const rolledBack = new UnitOfWork(dataSource, {});
    await rolledBack.query('SELECT 1');
    publisher.afterCommit(rolledBack, [{ topic: 'inboxItem', organizationId: org, id: randomUUID(), change: 'CREATED', fields: {} }]);
    expect(await drain(iterator, 200)).toEqual([]);
    await rolledBack.rollback();
    const committed = new UnitOfWork(dataSource, {});
    await committed.query('SELECT 1');
    const id = randomUUID();
    publisher.afterCommit(committed, [{ topic: 'inboxItem', organizationId: org, id, change: 'CREATED', fields: {} }]);
    expect(await drain(iterator, 200)).toEqual([]); // not before the commit
    await committed.commit();
    expect((await drain(iterator)).map((e) => e.id)).toEqual([id]);
    await iterator.return?.();
  });

  it('stops a pending next() on return(), and ends a subscriber that stopped reading', async () => {
    const [publisher, replica] = [instance(), instance()];
    const org = randomUUID();
    const waiting = await replica.listen(org, 'inboxItem');
    const pending = waiting.next();
    await waiting.return?.();
    expect(await pending).toEqual({ value: undefined, done: true });

    const slow = await replica.listen(org, 'inboxItem');
    const burst = Array.from({ length: LIVE_EVENTS_MAX_WAITING + 5 }, () => event(org));
    await publisher.publish(burst);
    await sleep(300);
    await expect(slow.next()).rejects.toBeInstanceOf(LiveEventsOverflow);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
    expect(replica.listening(org)).toBe(0);
  });
});
