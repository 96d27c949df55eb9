/**
 * CPU figures from Linux's /proc, for benchmarks that count what each process (the worker, PostgreSQL's backends) spent
 * and how busy the machine was. Elsewhere (another OS, a server on another machine) the readings are null.
 */
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc (USER_HZ: 100 on Linux whatever the kernel's own rate). */
export const TICKS_PER_SECOND = 100;

/** User + system CPU of a process in microseconds (null where there is none: another OS, a process that ended). */
export function processCpuMicros(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** The machine's busy and total CPU time so far (every core), in ticks; null without /proc/stat. */
export function machineTicks(): { busy: number; total: number } | null {
  try {
    const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
    const ticks = cpu.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = ticks.reduce((a, b) => a + b, 0);
    return { busy: total - ticks[3] - ticks[4], total };
  } catch {
    return null;
  }
}
