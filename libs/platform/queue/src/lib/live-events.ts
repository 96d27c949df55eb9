import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { isUuid, UnitOfWork } from '@socle/platform-database';
import { duplicateFor, RedisClient } from './redis';

/** A value an event carries: only flat, public facts (ids, statuses, times as ISO strings). */
export type LiveFieldValue = string | number | boolean | null;

/**
 * Something that changed inside one organisation, as live subscribers receive
 * it: which object (`topic` and `id`), what happened (`change`) and the public
 * fields it now has. Never the object's text or anything a subscriber could
 * not read through the API.
 */
export interface LiveEvent {
  topic: string;
  organizationId: string;
  id: string;
  change: string;
  fields: Record<string, LiveFieldValue>;
  /** When the change was committed (ISO time). */
  occurredAt: string;
  /** When this process received it (epoch ms; set on receipt, never sent). */
  receivedAt?: number;
}

export type LiveEventDraft = Omit<LiveEvent, 'occurredAt' | 'receivedAt'>;

/** Events a subscriber may have waiting before it is dropped (a consumer that no longer reads). */
export const LIVE_EVENTS_MAX_WAITING = 1000;

export class LiveEventsOverflow extends Error {
  constructor() {
    super(`more than ${LIVE_EVENTS_MAX_WAITING} events were waiting for this subscriber`);
    this.name = 'LiveEventsOverflow';
  }
}

type Listener = (event: LiveEvent) => void;

/**
 * Live events over Redis pub/sub: any process (an API replica, the worker)
 * publishes a change once its transaction has committed, and every API replica
 * hands it to its subscribers of that organisation. One channel per
 * organisation under the configured prefix (`<prefix>:live:<organisationId>`),
 * so a replica only receives the organisations someone watches on it, and
 * parallel deployments or test runs with other prefixes never see each other.
 * Delivery is at most once: a subscriber that was not connected misses what
 * happened meanwhile and reads the current state through the API.
 */
export class LiveEvents implements OnApplicationShutdown {
  private readonly logger = new Logger('LiveEvents');
  private subscriber?: RedisClient;
  /** Listeners by organisation. */
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Channels whose SUBSCRIBE Redis confirmed, by organisation. */
  private readonly confirmed = new Set<string>();

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  channelOf(organizationId: string): string {
    return `${this.prefix}:live:${organizationId}`;
  }

  /**
   * Publishes the events once the unit of work commits (never when it rolls
   * back). A failure to publish is logged by the unit of work and loses only
   * the notification: the change itself is committed.
   */
  afterCommit(uow: UnitOfWork, events: readonly LiveEventDraft[]): void {
    if (events.length === 0) return;
    uow.afterCommit(() => this.publish(events.map((event) => ({ ...event, occurredAt: new Date().toISOString() }))));
  }

  /** Publishes now: one message per organisation. */
  async publish(events: readonly LiveEvent[]): Promise<void> {
    const byOrganization = new Map<string, LiveEvent[]>();
    for (const event of events) {
      if (!isUuid(event.organizationId)) throw new Error('a live event names its organisation by id');
      const list = byOrganization.get(event.organizationId) ?? [];
      list.push(event);
      byOrganization.set(event.organizationId, list);
    }
    for (const [organizationId, list] of byOrganization) await this.redis.publish(this.channelOf(organizationId), JSON.stringify(list));
  }

  /**
   * The organisation's events of one topic, from now on, as an async iterator
   * whose `return()` stops listening. Resolves once Redis confirmed the
   * subscription, so an event committed after that is delivered. An event is
   * handed over only when the organisation it names is the one listened to.
   */
  async listen(
    organizationId: string,
    topic: string,
    accept: (event: LiveEvent) => boolean = () => true,
  ): Promise<AsyncIterableIterator<LiveEvent>> {
    if (!isUuid(organizationId)) throw new Error('listening needs an organisation id');
    const waiting: LiveEvent[] = [];
    let wake: ((result: IteratorResult<LiveEvent>) => void) | undefined;
    let failWake: ((error: Error) => void) | undefined;
    let done = false;
    let overflowed = false;
    const listener: Listener = (event) => {
      if (done || event.topic !== topic || event.organizationId !== organizationId || !accept(event)) return;
      if (wake) {
        const resolve = wake;
        wake = undefined;
        failWake = undefined;
        resolve({ value: event, done: false });
      } else if (waiting.length < LIVE_EVENTS_MAX_WAITING) {
        waiting.push(event);
      } else {
        overflowed = true;
      }
    };
    const stop = async (): Promise<IteratorResult<LiveEvent>> => {
      if (!done) {
        done = true;
        waiting.length = 0;
        wake?.({ value: undefined, done: true });
        wake = undefined;
        failWake = undefined;
        await this.remove(organizationId, listener);
      }
      return { value: undefined, done: true };
    };
    await this.add(organizationId, listener);
    const iterator: AsyncIterableIterator<LiveEvent> = {
      next: () => {
        if (overflowed) {
          // Said once; the iterator is over from then on.
          overflowed = false;
          void stop();
          return Promise.reject(new LiveEventsOverflow());
        }
        const event = waiting.shift();
        if (event) return Promise.resolve({ value: event, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise<IteratorResult<LiveEvent>>((resolve, reject) => {
          wake = resolve;
          failWake = reject;
        });
      },
      return: stop,
      throw: async (error: unknown) => {
        failWake?.(error instanceof Error ? error : new Error(String(error)));
        return stop();
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  /** Listeners of the organisation on this process whose channel Redis confirmed (what a test waits for). */
  listening(organizationId: string): number {
    return this.confirmed.has(organizationId) ? (this.listeners.get(organizationId)?.size ?? 0) : 0;
  }

  async onApplicationShutdown(): Promise<void> {
    this.listeners.clear();
    this.confirmed.clear();
    this.subscriber?.disconnect();
    this.subscriber = undefined;
  }

  private connection(): RedisClient {
    if (!this.subscriber) {
      // Its own connection: one in subscriber mode can do nothing else. ioredis subscribes again after a reconnection;
      // on a cluster, channels are not keys and a PUBLISH reaches every node, so one subscriber connection hears all.
      const subscriber = duplicateFor(this.redis, 'subscriber');
      subscriber.on('message', (channel: string, message: string) => this.dispatch(channel, message));
      subscriber.on('error', (error: Error) => this.logger.warn(`live events connection: ${error.message}`));
      this.subscriber = subscriber;
    }
    return this.subscriber;
  }

  private async add(organizationId: string, listener: Listener): Promise<void> {
    let set = this.listeners.get(organizationId);
    if (!set) {
      set = new Set();
      this.listeners.set(organizationId, set);
    }
    set.add(listener);
    if (this.confirmed.has(organizationId)) return;
    try {
      await this.connection().subscribe(this.channelOf(organizationId));
    } catch (error) {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(organizationId);
      throw error;
    }
    // Still wanted (a quick unsubscribe may have run meanwhile: then it is subscribed again below).
    if (this.listeners.get(organizationId) === set) this.confirmed.add(organizationId);
  }

  private async remove(organizationId: string, listener: Listener): Promise<void> {
    const set = this.listeners.get(organizationId);
    if (!set) return;
    set.delete(listener);
    if (set.size > 0) return;
    this.listeners.delete(organizationId);
    this.confirmed.delete(organizationId);
    await this.subscriber?.unsubscribe(this.channelOf(organizationId)).catch(() => undefined);
  }

  private dispatch(channel: string, message: string): void {
    const prefix = `${this.prefix}:live:`;
    if (!channel.startsWith(prefix)) return;
    const organizationId = channel.slice(prefix.length);
    const set = this.listeners.get(organizationId);
    if (!set) return;
    let events: unknown;
    try {
      events = JSON.parse(message);
    } catch {
      this.logger.warn(`a message on ${channel} is not JSON: dropped`);
      return;
    }
    if (!Array.isArray(events)) return;
    const receivedAt = Date.now();
    for (const event of events as LiveEvent[]) {
      // Only events that name this channel's organisation, whoever wrote them.
      if (!event || typeof event !== 'object' || event.organizationId !== organizationId || typeof event.topic !== 'string') continue;
      event.receivedAt = receivedAt;
      for (const listener of [...set]) listener(event);
    }
  }
}
