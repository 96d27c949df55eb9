import { Injectable } from '@nestjs/common';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { JobQueues } from '@socle/platform-queue';
import { AdvocacyService, DigestOutcome } from './advocacy.resolver';
import { MonthlyMailContext, MonthlyMailJob, MonthlyMailPayload } from './monthly-mail-job';

export const SEND_ADVOCACY_DIGEST_JOB = 'SendAdvocacyDigestJob';

export type AdvocacyDigestPayload = MonthlyMailPayload;

/** Sends an organisation's monthly advocacy digest by itself (see `AdvocacyService.sendScheduledDigest` and `MonthlyMailJob`). */
@Injectable()
export class SendAdvocacyDigestJob extends MonthlyMailJob<{ outcome: DigestOutcome; recipients: number }> {
  readonly name = SEND_ADVOCACY_DIGEST_JOB;
  protected readonly enabledFunction = 'socle_advocacy_digests_enabled';
  protected readonly jobIdPrefix = 'advocacy-digest';

  constructor(
    units: UnitOfWorkFactory,
    private readonly advocacy: AdvocacyService,
    queues: JobQueues,
  ) {
    super(units, queues);
  }

  protected send(ctx: MonthlyMailContext, month: string): Promise<{ outcome: DigestOutcome; recipients: number }> {
    return this.advocacy.sendScheduledDigest(ctx, month);
  }
}
