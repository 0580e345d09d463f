// CPU time used by the processes this benchmark started (the browser and all its children), read
// from Linux's /proc. On a busy machine wall-clock figures swell with the other jobs' load; the
// CPU time a run costs moves much less, so it is what compares two builds measured there.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times: 100 on every Linux this runs on (`getconf CLK_TCK`). */
const TICKS = 100;

/**
 * Milliseconds of CPU (user + system) used so far by every live descendant of this process, or
 * NaN where there is no /proc. Only live processes count: call it before and after a step while
 * the browser is running.
 */
export function descendantsCpuMs(): number {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return NaN;
  }
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const pid of pids) {
    try {
      // Fields after the command name, which may hold spaces: state, ppid, … utime (14th), stime (15th).
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()!.split(' ');
      parent.set(Number(pid), Number(fields[1]));
      ticks.set(Number(pid), Number(fields[11]) + Number(fields[12]));
    } catch {
      // ended while being read
    }
  }
  const ours = (pid: number): boolean => {
    for (let at = parent.get(pid); at !== undefined && at > 1; at = parent.get(at)) if (at === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, t] of ticks) if (ours(pid)) total += t;
  return (total * 1000) / TICKS;
}
