import type { ModulePart } from '@socle/platform-database';
import { MailOutbox } from '@socle/platform-mail';
import { CrisisCell1765000001230 } from '../migrations/1765000001230-crisis-cell';
import { CrisisEscalation1765000001240 } from '../migrations/1765000001240-crisis-escalation';
import { EscalateCrisisCellJob } from './crisis-cell.jobs';
import { AlertCrisisCellResolver, CrisisCellResolver } from './crisis-cell.resolver';
import { CrisisCellService } from './crisis-cell.service';

/**
 * The crisis cell (members, escalation chain, playbook and holding statement),
 * told when a crisis alert is raised or publishing is paused (from an alert or
 * directly; the pause's chain stops when it ends). Needs the alerts part (it
 * listens to it and to its crisis-pause gateway) and the mail outbox's table
 * (policies migrations).
 * Later escalation steps are sent by `EscalateCrisisCellJob` in the worker.
 */
export const CRISIS_CELL_PART: ModulePart = {
  entities: [],
  migrations: [CrisisCell1765000001230, CrisisEscalation1765000001240],
  providers: [CrisisCellService, MailOutbox],
  resolvers: [CrisisCellResolver, AlertCrisisCellResolver],
  workers: [EscalateCrisisCellJob],
  exports: [CrisisCellService],
};
