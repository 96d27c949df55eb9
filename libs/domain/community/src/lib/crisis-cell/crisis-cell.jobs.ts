import { Injectable } from '@nestjs/common';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { JobHandler, JobQueues, TenantJobPayload } from '@socle/platform-queue';
import { ALERTS_QUEUE } from '../alerts/alerts.jobs';
import { CrisisCellService } from './crisis-cell.service';

export const ESCALATE_CRISIS_CELL_JOB = 'EscalateCrisisCellJob';
const MINUTE_MS = 60_000;

/**
 * Sends the crisis cell's escalation steps that are due (see
 * `CrisisCellService.escalateDue`), in one tenant transaction. On the alerts'
 * queue. The reconciler, at every worker tick, enqueues the organisations with
 * steps due (one job per organisation and minute): a step waits at most a tick
 * after its delay.
 */
@Injectable()
export class EscalateCrisisCellJob implements JobHandler {
  readonly queue = ALERTS_QUEUE;
  readonly name = ESCALATE_CRISIS_CELL_JOB;

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly cells: CrisisCellService,
    private readonly queues: JobQueues,
  ) {}

  handle({ organizationId }: TenantJobPayload): Promise<{ sent: number; skipped: number }> {
    return this.units.runInOrganization(organizationId, (uow) =>
      this.cells.escalateDue({ uow, organizationId: uow.organizationId, actor: { type: 'SYSTEM', id: null } }),
    );
  }

  async reconcile(): Promise<number> {
    const now = Date.now();
    const due = await this.units.run({}, async (uow) =>
      (
        await uow.query<{ organization_id: string }>('SELECT organization_id FROM socle_crisis_escalations_due($1, $2)', [
          new Date(now),
          10_000,
        ])
      ).map((r) => r.organization_id),
    );
    const minute = Math.floor(now / MINUTE_MS);
    for (const organizationId of due) {
      await this.queues.add(
        ALERTS_QUEUE,
        ESCALATE_CRISIS_CELL_JOB,
        { organizationId },
        { attempts: 3, removeOnComplete: { age: 300 }, removeOnFail: 1000, jobId: `crisis-escalation-${organizationId}-${minute}` },
      );
    }
    return due.length;
  }
}
