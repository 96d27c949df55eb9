export { CRISIS_CELL_PART } from './crisis-cell.part';
export { EscalateCrisisCellJob, ESCALATE_CRISIS_CELL_JOB } from './crisis-cell.jobs';
export { CrisisCellService, CrisisNotification, CrisisTrigger, StoredCrisisCell } from './crisis-cell.service';
export {
  CELL_ROLES,
  CELL_ROLE_LABELS,
  CellRole,
  CrisisCell,
  CrisisCellInput,
  CrisisCellMember,
  EscalationStep,
  PlaybookStep,
  parseCrisisCell,
  planNotices,
  crisisMail,
} from './crisis-cell.model';
