/**
 * When the nightly live-score run happens: a time of day in UTC ("HH:MM",
 * default 02:00). The run for a night is identified by its slot, the latest
 * occurrence of that time not after now: an organisation whose latest live score
 * is older than the slot is due. Because "due" is read from PostgreSQL, a worker
 * that was down at 02:00, or a Redis that lost its queue, catches up at the next
 * scheduler tick.
 */
export interface DailyTime {
  hour: number;
  minute: number;
}

export const DEFAULT_LIVE_SCORES_AT = '02:00';

/** Parses "HH:MM" (24-hour, UTC); throws naming what is wrong. */
export function parseDailyTime(value: string, name = 'LIVE_SCORES_AT'): DailyTime {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!match) throw new Error(`${name} must be a time of day in UTC written HH:MM (e.g. 02:00), not "${value}"`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** The latest `at` (UTC) that is not after `now`. */
export function lastSlot(now: Date, at: DailyTime): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), at.hour, at.minute);
  return new Date(today <= now.getTime() ? today : today - 24 * 3600 * 1000);
}

/** The run's name, used in job ids so one night's jobs are enqueued once whatever the number of ticks or replicas. */
export function slotId(slot: Date): string {
  return slot.toISOString().slice(0, 16).replace(/[-:]/g, '');
}
