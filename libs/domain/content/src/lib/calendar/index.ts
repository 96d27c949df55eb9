export { CalendarService, CALENDAR_MAX_DAYS } from './calendar.service';
export {
  CONTENT_EVIDENCE,
  CONTENT_PLANNED_KEY,
  CONTENT_REGULARITY_KEY,
  contentEvidence,
  contentEvidenceProvider,
} from './content-evidence';
