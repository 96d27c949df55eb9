import type { ContentPart } from '../content-part';
import { CalendarRepository } from './calendar.repository';
import { CalendarResolver } from './calendar.resolver';
import { CalendarService } from './calendar.service';

/** The editorial calendar (per organisation and across an agency's clients) and planned against actual frequency. */
export const CALENDAR_PART: ContentPart = {
  entities: [],
  migrations: [],
  providers: [CalendarRepository, CalendarService],
  resolvers: [CalendarResolver],
  workers: [],
  exports: [CalendarService],
};
