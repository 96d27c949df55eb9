import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { PUBLISHING_REASONS, PublishingService } from '@socle/content';
import { isDomainError } from '@socle/platform-errors';
import type { TenantCtx } from '../repositories';

/** Called in the caller's unit of work once the pause started from here (the crisis cell is told): throwing undoes the start. */
export type CrisisPauseListener = (ctx: TenantCtx, reason: string, alertId: string | null) => Promise<void>;

/**
 * The content module's crisis pause, as the alerts see it. The content module
 * imports the community module (it publishes through community's accounts),
 * so community cannot import it back: the publishing service is looked up in
 * the application once everything is built. When the process has no content
 * module, alerts propose no action and pausing from one is refused.
 */
@Injectable()
export class CrisisPauseGateway implements OnApplicationBootstrap {
  private publishing: PublishingService | null = null;
  private readonly startedListeners: CrisisPauseListener[] = [];

  constructor(private readonly modules: ModuleRef) {}

  onApplicationBootstrap(): void {
    try {
      this.publishing = this.modules.get(PublishingService, { strict: false });
    } catch {
      this.publishing = null;
    }
  }

  /** Adds a listener of pauses started from here (see `CrisisPauseListener`). */
  onStarted(listener: CrisisPauseListener): void {
    if (!this.startedListeners.includes(listener)) this.startedListeners.push(listener);
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
   * was already on (the pause is the organisation's, whoever started it).
   */
  async start(ctx: TenantCtx, reason: string, alertId: string | null = null): Promise<boolean> {
    if (!this.publishing) throw new Error('the crisis pause needs the content module');
    if (await this.isOn(ctx)) return false;
    try {
      await this.publishing.startCrisisPause(ctx, reason);
      for (const listener of this.startedListeners) await listener(ctx, reason, alertId);
      return true;
    } catch (error) {
      // Someone paused between the read and the start: the pause is on, which is what was asked.
      if (isDomainError(error) && error.reason === PUBLISHING_REASONS.alreadyPaused) return false;
      throw error;
    }
  }
}
