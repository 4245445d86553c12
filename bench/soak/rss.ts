import { readFileSync } from 'node:fs';

/** Resident memory of a process in MiB, from /proc (Linux); undefined where /proc is missing. */
export function rssMib(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : undefined;
  } catch {
    return undefined;
  }
}
