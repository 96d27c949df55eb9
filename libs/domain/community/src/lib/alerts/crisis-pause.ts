import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CrisisPauseListener, PUBLISHING_REASONS, PublishingService } from '@socle/content';
import { isDomainError } from '@socle/platform-errors';
import type { TenantCtx } from '../repositories';

/**
 * Told in the unit of work that starts or ends the crisis pause, whoever did it
 * (the content module's setCrisisPause, or an alert's pausePublishingForAlert),
 * once per start or end: throwing undoes the start or the resume.
 */
export interface CrisisPauseSubscriber {
  /** `alertId` is the alert the pause was started from, or null when it was started directly. */
  started(ctx: TenantCtx, reason: string, alertId: string | null): Promise<void>;
  ended(ctx: TenantCtx): Promise<void>;
}

/**
 * The content module's crisis pause, as the alerts see it. The content module
 * imports the community module (it publishes through community's accounts),
 * so community cannot import it back: the publishing service is looked up in
 * the application once everything is built, and its crisis-pause listener is
 * this gateway, which passes every start and end on to its subscribers (the
 * crisis cell). When the process has no content module, alerts propose no
 * action and pausing from one is refused.
 */
@Injectable()
export class CrisisPauseGateway implements OnApplicationBootstrap {
  private publishing: PublishingService | null = null;
  private readonly subscribers: CrisisPauseSubscriber[] = [];

  /** The one listener registered with the publishing service (the content module's contract). */
  private readonly relay: CrisisPauseListener = {
    started: async (ctx, pause) => {
      for (const subscriber of this.subscribers) await subscriber.started(ctx, pause.reason, pause.reference);
    },
    ended: async (ctx) => {
      for (const subscriber of this.subscribers) await subscriber.ended(ctx);
    },
  };

  constructor(private readonly modules: ModuleRef) {}

  onApplicationBootstrap(): void {
    try {
      this.publishing = this.modules.get(PublishingService, { strict: false });
    } catch {
      this.publishing = null;
    }
    this.publishing?.onCrisisPause(this.relay);
  }

  /** Adds a subscriber of pauses started and ended, from anywhere (see `CrisisPauseSubscriber`). */
  subscribe(subscriber: CrisisPauseSubscriber): void {
    if (!this.subscribers.includes(subscriber)) this.subscribers.push(subscriber);
  }

  /** Whether the crisis pause exists in this process (the content module is there). */
  get available(): boolean {
    return this.publishing !== null;
  }

  /** Whether publishing is paused now; false without the content module. */
  async isOn(ctx: TenantCtx): Promise<boolean> {
    if (!this.publishing) return false;
    return (await this.publishing.crisisPause(ctx, 0)).pause?.active ?? false;
  }

  /**
   * Starts the pause with `reason` in the caller's unit of work; false when it
   * was already on (the pause is the organisation's, whoever started it). The
   * subscribers are told by the publishing service, once, with `alertId`.
   */
  async start(ctx: TenantCtx, reason: string, alertId: string | null = null): Promise<boolean> {
    if (!this.publishing) throw new Error('the crisis pause needs the content module');
    if (await this.isOn(ctx)) return false;
    try {
      await this.publishing.startCrisisPause(ctx, reason, alertId);
      return true;
    } catch (error) {
      // Someone paused between the read and the start: the pause is on, which is what was asked.
      if (isDomainError(error) && error.reason === PUBLISHING_REASONS.alreadyPaused) return false;
      throw error;
    }
  }
}
