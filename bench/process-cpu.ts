// CPU time used by the processes this benchmark started (the browser and all its children), read
// from Linux's /proc. On a busy machine wall-clock figures swell with the other jobs' load; the
// CPU time a run costs moves much less, so it is what compares two builds measured there.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times: 100 on every Linux this runs on (`getconf CLK_TCK`). */
const TICKS = 100;

/** A Chromium process's kind from its command line: `browser`, `renderer`, `utility:storage`, … */
function processKind(pid: number): string {
  try {
    // Chromium rewrites its children's command lines into one string: split on spaces too.
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    const type = args.find((a) => a.startsWith('--type='))?.slice(7);
    const sub = args.find((a) => a.startsWith('--utility-sub-type='))?.slice(19).split('.').pop();
    return type === undefined ? 'browser' : sub ? `${type}:${sub}` : type;
  } catch {
    return 'gone';
  }
}

/**
 * Milliseconds of CPU (user + system) used so far by every live descendant of this process, by
 * the kind of process (`processKind`), or null where there is no /proc. Only live processes
 * count: call it before and after a step while the browser is running.
 */
export function descendantsCpuByKind(): Map<string, number> | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
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
  const byKind = new Map<string, number>();
  for (const [pid, t] of ticks) {
    if (!ours(pid)) continue;
    const kind = processKind(pid);
    byKind.set(kind, (byKind.get(kind) ?? 0) + (t * 1000) / TICKS);
  }
  return byKind;
}

/** The CPU each kind of process used between two readings of `descendantsCpuByKind`, largest first. */
export function cpuSpent(before: Map<string, number> | null, after: Map<string, number> | null): [string, number][] {
  if (!before || !after) return [];
  return [...after].map(([kind, ms]): [string, number] => [kind, ms - (before.get(kind) ?? 0)]).filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]);
}
