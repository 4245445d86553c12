import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { admissionSpeed, runModeC } from './mode-c.ts';
import type { OpenbPod } from './read-openb.ts';
import { renderBarsSvg } from './render-bars-svg.ts';
import { renderTable } from './render-table.ts';
import { mean, round, stdev } from './stats.ts';

/**
 * Runs mode C and the admission speed figure, prints them, and writes the `modeC` section into the
 * results file (kept when the file exists, so `--modes c` updates only this section) and a bar plot.
 */
export function runModeCSection(pods: readonly OpenbPod[], streams: number, arrivals: number, waitLimitHours: number, outPath: string, log: (m: string) => void) {
  if (!(waitLimitHours > 0)) throw new Error(`--wait-limit must be a positive number of hours, got ${waitLimitHours}`);
  log(`mode C: mode-B streams with queues, ${streams} streams of ${arrivals} arrivals, waiting-time limit ${waitLimitHours} h ...`);
  const c = runModeC(pods, streams, arrivals, { waitLimitHours, moveHours: 1 / 60, replanMinutes: 1 }, log);
  log('admission speed: 1,000 pending on 100 supernodes ...');
  const speed = admissionSpeed(pods, 100, 1000, 500);
  const se = (xs: number[]) => stdev(xs) / Math.sqrt(xs.length);
  const served = (xs: { npuServed: number }[]) => xs.map((x) => x.npuServed);
  const util = (xs: { utilisation: number }[]) => xs.map((x) => x.utilisation);
  const rows: [string, number, number, number, number | string, number | string, number | string][] = [
    ['best-fit immediate', mean(served(c.bestFit)), se(served(c.bestFit)), mean(util(c.bestFit)), 0, 0, 0],
    ['queue, no defrag', mean(served(c.queuedNoDefrag)), se(served(c.queuedNoDefrag)), mean(util(c.queuedNoDefrag)), mean(c.queuedNoDefrag.map((q) => q.meanWaitHours * 60)), mean(c.queuedNoDefrag.map((q) => q.p99WaitHours * 60)), 0],
    ['queue + defrag', mean(served(c.queued)), se(served(c.queued)), mean(util(c.queued)), mean(c.queued.map((q) => q.meanWaitHours * 60)), mean(c.queued.map((q) => q.p99WaitHours * 60)), mean(c.queued.map((q) => q.movesPerHour))],
    ['pooled bound', mean(served(c.pooledBound)), se(served(c.pooledBound)), mean(util(c.pooledBound)), '-', '-', '-'],
  ];
  const d = c.queuedMinusBestFit;
  const lines = [
    `Mode C: ${streams} mode-B streams of ${arrivals} arrivals with queues (one fifo queue, reservation for the head gang, conservative backfill); served = NPU demand admitted within ${waitLimitHours * 60} min (one time unit = the mean run time = 1 h); moves take 1 min.`,
    renderTable(['run', 'served NPU %', 'SE', 'utilisation %', 'mean wait min', 'p99 wait min', 'moves/h'], rows),
    `p99 wait of supernode gangs under queue + defrag: ${mean(c.queued.map((q) => q.gangP99WaitHours * 60)).toFixed(1)} min (mean over streams).`,
    `queue + defrag minus best-fit immediate, paired: ${d.mean.toFixed(2)} ± ${(d.sd / Math.sqrt(d.n)).toFixed(2)} points (SE), better on ${d.wins} of ${d.n} streams; gap of best-fit to the pooled bound ${c.gapToPooled.toFixed(2)} points, ${(100 * c.gapClosed).toFixed(0)}% of it closed.`,
    `Admission pass with ${speed.pending} pending on 100 supernodes (${speed.passes} passes): wall p50 ${speed.p50Ms.toFixed(2)} ms, p99 ${speed.p99Ms.toFixed(2)} ms; CPU p50 ${speed.cpuP50Ms.toFixed(2)} ms, p99 ${speed.cpuP99Ms.toFixed(2)} ms.`,
  ];
  console.log(lines.join('\n'));
  const r4 = (x: number) => round(x, 4);
  const section = {
    settings: c.settings, streams, arrivals, waitLimitMinutes: waitLimitHours * 60,
    served: Object.fromEntries(rows.map((r) => [r[0], { npuServed: round(r[1], 3), se: round(r[2], 3), utilisation: round(r[3], 3), meanWaitMinutes: typeof r[4] === 'number' ? round(r[4], 3) : null, p99WaitMinutes: typeof r[5] === 'number' ? round(r[5], 3) : null, movesPerHour: typeof r[6] === 'number' ? round(r[6], 2) : null }])),
    queuedMinusBestFit: { mean: r4(d.mean), se: r4(d.sd / Math.sqrt(d.n)), wins: d.wins, n: d.n },
    noDefragMinusBestFit: { mean: r4(c.noDefragMinusBestFit.mean), se: r4(c.noDefragMinusBestFit.sd / Math.sqrt(c.noDefragMinusBestFit.n)), wins: c.noDefragMinusBestFit.wins, n: c.noDefragMinusBestFit.n },
    gapToPooledBound: r4(c.gapToPooled), gapClosed: r4(c.gapClosed),
    gangP99WaitMinutes: round(mean(c.queued.map((q) => q.gangP99WaitHours * 60)), 3),
    perStream: c.queued.map((q, i) => ({ seed: q.seed, gangP99WaitMinutes: r4(q.gangP99WaitHours * 60), bestFit: r4(c.bestFit[i]!.npuServed), queueNoDefrag: r4(c.queuedNoDefrag[i]!.npuServed), queue: r4(q.npuServed), pooled: r4(c.pooledBound[i]!.npuServed), p99WaitMinutes: r4(q.p99WaitHours * 60), movesPerHour: round(q.movesPerHour, 2) })),
    admissionPass: { supernodes: 100, pending: speed.pending, passes: speed.passes, p50Ms: r4(speed.p50Ms), p99Ms: r4(speed.p99Ms), cpuP50Ms: r4(speed.cpuP50Ms), cpuP99Ms: r4(speed.cpuP99Ms) },
    goals: {
      closesHalfTheGap: c.gapClosed >= 0.5,
      beatsBestFitBeyondSe: d.mean - d.sd / Math.sqrt(d.n) > 0,
      admissionPassCpuP99Under5Ms: speed.cpuP99Ms < 5,
    },
  };
  mkdirSync(dirname(outPath), { recursive: true });
  if (existsSync(outPath)) {
    const json = JSON.parse(readFileSync(outPath, 'utf8')) as Record<string, unknown>;
    json.modeC = section;
    writeFileSync(outPath, `${JSON.stringify(json, null, 2)}\n`);
  }
  writeFileSync(outPath.replace(/\.json$/, '') + '-mode-c.svg', renderBarsSvg(`Mode C: NPU demand served within ${waitLimitHours * 60} min (${streams} streams, ± SE)`, rows.map((r) => ({ label: r[0], value: r[1], se: r[2] }))));
  return section;
}
