import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { admissionSpeed, runModeC, waitLimitSweep, type AdmissionSpeed } from './mode-c.ts';
import type { OpenbPod } from './read-openb.ts';
import { renderBarsSvg } from './render-bars-svg.ts';
import { renderTable } from './render-table.ts';
import { mean, round, stdev } from './stats.ts';

/** Mode C's knobs, as the command line gives them. */
export interface ModeCOptions {
  streams: number;
  arrivals: number;
  waitLimitHours: number;
  /** How long one simulated migration takes, in minutes. */
  moveMinutes: number;
  /** Defragmentation re-reads a fence at most this often, in minutes. */
  replanMinutes: number;
  /** More waiting-time limits (minutes) to re-run queue + defragmentation at; empty for none. */
  sweepMinutes: number[];
}

/**
 * Runs mode C and the admission speed figure, prints them, and writes the `modeC` section into the
 * results file (kept when the file exists, so `--modes c` updates only this section) and a bar plot.
 */
export function runModeCSection(pods: readonly OpenbPod[], o: ModeCOptions, outPath: string, log: (m: string) => void) {
  const { streams, arrivals, waitLimitHours } = o;
  if (!(waitLimitHours > 0)) throw new Error(`--wait-limit must be a positive number of hours, got ${waitLimitHours}`);
  if (!(o.moveMinutes > 0)) throw new Error(`--move-minutes must be a positive number, got ${o.moveMinutes}`);
  if (!(o.replanMinutes >= 0)) throw new Error(`--replan-minutes must be zero or more, got ${o.replanMinutes}`);
  log(`mode C: mode-B streams with queues, ${streams} streams of ${arrivals} arrivals, waiting-time limit ${waitLimitHours * 60} min ...`);
  const loadAtStart = loadavg()[0]!;
  const cpuAtStart = process.cpuUsage();
  const c = runModeC(pods, streams, arrivals, { waitLimitHours, moveHours: o.moveMinutes / 60, replanMinutes: o.replanMinutes }, log);
  const cpu = process.cpuUsage(cpuAtStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const sweep = o.sweepMinutes.length ? waitLimitSweep(pods, c, o.sweepMinutes, log) : [];
  const { speed, stateless } = measurePassSpeed(pods, log);
  const se = (xs: number[]) => stdev(xs) / Math.sqrt(xs.length);
  const served = (xs: { npuServed: number }[]) => xs.map((x) => x.npuServed);
  const util = (xs: { utilisation: number }[]) => xs.map((x) => x.utilisation);
  const minutes = (xs: number[]) => mean(xs.map((h) => h * 60));
  type Row = [string, number, number, number, number | string, number | string, number | string, number | string, number | string];
  const rows: Row[] = [
    ['best-fit immediate', mean(served(c.bestFit)), se(served(c.bestFit)), mean(util(c.bestFit)), 0, 0, 0, 0, 0],
    [
      'queue, no defrag',
      mean(served(c.queuedNoDefrag)),
      se(served(c.queuedNoDefrag)),
      mean(util(c.queuedNoDefrag)),
      minutes(c.queuedNoDefrag.map((q) => q.meanWaitHours)),
      minutes(c.queuedNoDefrag.map((q) => q.p99WaitHours)),
      minutes(c.queuedNoDefrag.map((q) => q.gangMeanWaitHours)),
      minutes(c.queuedNoDefrag.map((q) => q.gangP99WaitHours)),
      0,
    ],
    [
      'queue + defrag',
      mean(served(c.queued)),
      se(served(c.queued)),
      mean(util(c.queued)),
      minutes(c.queued.map((q) => q.meanWaitHours)),
      minutes(c.queued.map((q) => q.p99WaitHours)),
      minutes(c.queued.map((q) => q.gangMeanWaitHours)),
      minutes(c.queued.map((q) => q.gangP99WaitHours)),
      mean(c.queued.map((q) => q.movesPerHour)),
    ],
    ['pooled bound', mean(served(c.pooledBound)), se(served(c.pooledBound)), mean(util(c.pooledBound)), '-', '-', '-', '-', '-'],
  ];
  const d = c.queuedMinusBestFit;
  const dSe = d.sd / Math.sqrt(d.n);
  const nd = c.noDefragMinusBestFit;
  const lines = [
    `Mode C: ${streams} mode-B streams of ${arrivals} arrivals with queues (one fifo queue, reservation for the head gang, conservative backfill); served = NPU demand admitted within ${waitLimitHours * 60} min (one time unit = the mean run time = 1 h); moves take ${o.moveMinutes} min; fences re-read every ${o.replanMinutes} min.`,
    renderTable(['run', 'served NPU %', 'SE', 'utilisation %', 'mean wait min', 'p99 wait min', 'gang mean wait min', 'gang p99 wait min', 'moves/h'], rows),
    `queue + defrag minus best-fit immediate, paired: ${d.mean.toFixed(2)} ± ${dSe.toFixed(2)} points (SE), better on ${d.wins} of ${d.n} streams; gap of best-fit to the pooled bound ${c.gapToPooled.toFixed(2)} points, ${(100 * c.gapClosed).toFixed(0)}% of it closed.`,
    `queue alone (no moves) minus best-fit: ${nd.mean.toFixed(2)} ± ${(nd.sd / Math.sqrt(nd.n)).toFixed(2)} points (SE), better on ${nd.wins} of ${nd.n} streams.`,
    ...(sweep.length
      ? [
          renderTable(
            ['wait limit min', 'served NPU %', 'minus best-fit', 'SE', 'gap closed %', 'p99 wait min', 'gang p99 wait min', 'moves/h'],
            sweep.map((s) => [
              String(s.waitLimitMinutes),
              s.npuServed,
              s.minusBestFit.mean,
              s.minusBestFit.sd / Math.sqrt(s.minusBestFit.n),
              100 * s.gapClosed,
              s.p99WaitMinutes,
              s.gangP99WaitMinutes,
              s.movesPerHour,
            ]),
          ),
        ]
      : []),
    `Engine passes over the queue + defrag streams: ${c.passes} run, ${c.skippedPasses} skipped (nothing could change), p99 ${c.passP99Ms.toFixed(3)} ms; the whole comparison took ${c.seconds.toFixed(0)} s (${cpuSeconds.toFixed(0)} s of CPU).`,
    speedLine('incremental (one long-lived view)', speed),
    speedLine('stateless (view rebuilt from the state each pass, as the control plane calls it)', stateless),
  ];
  console.log(lines.join('\n'));
  const r4 = (x: number) => round(x, 4);
  const paired = (p: typeof d) => ({ mean: r4(p.mean), se: r4(p.sd / Math.sqrt(p.n)), min: r4(p.min), max: r4(p.max), wins: p.wins, n: p.n });
  const section = {
    settings: {
      waitLimitMinutes: waitLimitHours * 60,
      moveMinutes: o.moveMinutes,
      replanMinutes: o.replanMinutes,
      defragment: true,
      backfill: true,
      reservationsPerType: 1,
    },
    streams,
    arrivals,
    waitLimitMinutes: waitLimitHours * 60,
    machine: machineLoad(loadAtStart),
    served: Object.fromEntries(
      rows.map((r) => [
        r[0],
        {
          npuServed: round(r[1], 3),
          se: round(r[2], 3),
          utilisation: round(r[3], 3),
          meanWaitMinutes: num(r[4], 3),
          p99WaitMinutes: num(r[5], 3),
          gangMeanWaitMinutes: num(r[6], 3),
          gangP99WaitMinutes: num(r[7], 3),
          movesPerHour: num(r[8], 2),
        },
      ]),
    ),
    queuedMinusBestFit: paired(d),
    noDefragMinusBestFit: paired(nd),
    gapToPooledBound: r4(c.gapToPooled),
    gapClosed: r4(c.gapClosed),
    gangP99WaitMinutes: round(minutes(c.queued.map((q) => q.gangP99WaitHours)), 3),
    gangServed: {
      bestFitImmediate: round(mean(c.bestFit.map((b) => b.gangServed)), 3),
      pooledBound: round(mean(c.pooledBound.map((b) => b.gangServed)), 3),
      queueNoDefrag: round(mean(c.queuedNoDefrag.map((q) => q.gangServed)), 3),
      queue: round(mean(c.queued.map((q) => q.gangServed)), 3),
    },
    waitLimitSweep: sweep.map((s) => ({
      waitLimitMinutes: s.waitLimitMinutes,
      npuServed: r4(s.npuServed),
      minusBestFit: paired(s.minusBestFit),
      gapClosed: r4(s.gapClosed),
      p99WaitMinutes: r4(s.p99WaitMinutes),
      gangP99WaitMinutes: r4(s.gangP99WaitMinutes),
      movesPerHour: round(s.movesPerHour, 2),
    })),
    perStream: c.queued.map((q, i) => ({
      seed: q.seed,
      bestFit: r4(c.bestFit[i]!.npuServed),
      queueNoDefrag: r4(c.queuedNoDefrag[i]!.npuServed),
      queue: r4(q.npuServed),
      pooled: r4(c.pooledBound[i]!.npuServed),
      p99WaitMinutes: r4(q.p99WaitHours * 60),
      gangP99WaitMinutes: r4(q.gangP99WaitHours * 60),
      movesPerHour: round(q.movesPerHour, 2),
    })),
    enginePasses: { run: c.passes, skipped: c.skippedPasses, p99Ms: r4(c.passP99Ms) },
    seconds: Math.round(c.seconds),
    /** CPU seconds of the same comparison (the process's own time, which other work on the machine does not inflate). */
    cpuSeconds: Math.round(cpuSeconds),
    admissionPass: passFigures(speed),
    admissionPassStateless: passFigures(stateless),
    goals: {
      closesHalfTheGap: c.gapClosed >= 0.5,
      beatsBestFitBeyondSe: d.mean - dSe > 0,
      beatsBestFitBeyondTwoSe: d.mean - 2 * dSe > 0,
      admissionPassP99Under5Ms: speed.p99Ms < 5,
      admissionPassCpuP99Under5Ms: speed.cpuP99Ms < 5,
    },
  };
  mkdirSync(dirname(outPath), { recursive: true });
  if (existsSync(outPath)) {
    const json = JSON.parse(readFileSync(outPath, 'utf8')) as Record<string, unknown>;
    const check = sameAsModeB(json, c.bestFit, arrivals);
    if (check) log(check);
    // The control plane's own pass is timed by `--modes c-controlplane` alone: keep what it recorded.
    const controlPlanePass = (json.modeC as { controlPlanePass?: unknown } | undefined)?.controlPlanePass;
    json.modeC = controlPlanePass === undefined ? section : { ...section, controlPlanePass };
    writeFileSync(outPath, `${JSON.stringify(json, null, 2)}\n`);
  }
  writeFileSync(
    outPath.replace(/\.json$/, '') + '-mode-c.svg',
    renderBarsSvg(
      `Mode C: NPU demand served within ${waitLimitHours * 60} min (${streams} streams of ${arrivals}, ± SE)`,
      rows.map((r) => ({ label: r[0], value: r[1], se: r[2] })),
    ),
  );
  return section;
}

/** The admission-pass speed figure, both ways: on a long-lived view, and rebuilt from the state each pass. */
function measurePassSpeed(pods: readonly OpenbPod[], log: (m: string) => void) {
  log('admission speed: 1,000 pending on 100 supernodes ...');
  return { speed: admissionSpeed(pods, 100, 1000, 500, 'incremental'), stateless: admissionSpeed(pods, 100, 1000, 200, 'stateless') };
}

function passFigures(s: AdmissionSpeed & { running: number }) {
  const r4 = (x: number) => round(x, 4);
  return {
    supernodes: 100,
    pending: s.pending,
    running: s.running,
    passes: s.passes,
    p50Ms: r4(s.p50Ms),
    p99Ms: r4(s.p99Ms),
    maxMs: r4(s.maxMs),
    cpuP50Ms: r4(s.cpuP50Ms),
    cpuP99Ms: r4(s.cpuP99Ms),
  };
}

/**
 * The admission-pass speed alone (`--modes c-speed`): prints it and replaces only the speed figures of
 * the `modeC` section in the results file, so the pass can be re-timed without re-running the streams.
 */
export function runPassSpeedSection(pods: readonly OpenbPod[], outPath: string, log: (m: string) => void): void {
  const { speed, stateless } = measurePassSpeed(pods, log);
  console.log(
    [
      speedLine('incremental (one long-lived view)', speed),
      speedLine('stateless (view rebuilt from the state each pass, as the control plane calls it)', stateless),
    ].join('\n'),
  );
  if (!existsSync(outPath)) return;
  const json = JSON.parse(readFileSync(outPath, 'utf8')) as { modeC?: Record<string, unknown> & { goals?: Record<string, boolean> } };
  if (!json.modeC) return;
  json.modeC.admissionPass = passFigures(speed);
  json.modeC.admissionPassStateless = passFigures(stateless);
  json.modeC.admissionPassTimedBy = '--modes c-speed, after the streams were run';
  if (json.modeC.goals) {
    json.modeC.goals.admissionPassP99Under5Ms = speed.p99Ms < 5;
    json.modeC.goals.admissionPassCpuP99Under5Ms = speed.cpuP99Ms < 5;
  }
  writeFileSync(outPath, `${JSON.stringify(json, null, 2)}\n`);
}

function speedLine(what: string, s: AdmissionSpeed & { running: number }): string {
  return `Admission pass, ${what}: ${s.pending} pending, ${s.running} running on 100 supernodes, ${s.passes} passes: wall p50 ${s.p50Ms.toFixed(2)} ms, p99 ${s.p99Ms.toFixed(2)} ms; CPU p50 ${s.cpuP50Ms.toFixed(2)} ms, p99 ${s.cpuP99Ms.toFixed(2)} ms.`;
}

/** The machine and its load while the streams ran, since wall-clock seconds depend on both. */
function machineLoad(loadAtStart: number) {
  return { cores: cpus().length, loadAverage1mAtStart: round(loadAtStart, 2), loadAverage1mAtEnd: round(loadavg()[0]!, 2) };
}

function num(x: number | string, digits: number): number | null {
  return typeof x === 'number' ? round(x, digits) : null;
}

/** Best-fit immediate here is mode B's dynamic run on the same seeds: says whether the results file's mode B agrees. */
function sameAsModeB(json: Record<string, unknown>, bestFit: readonly { seed: number; npuServed: number }[], arrivals: number): string | undefined {
  const b = json.modeB as { dynamicArrivals?: number; policies?: Record<string, { dynamicPerSeed?: { seed: number; npuAcceptance: number }[] }> } | undefined;
  const perSeed = b?.policies?.['best-fit']?.dynamicPerSeed;
  if (!perSeed || b?.dynamicArrivals !== arrivals) return undefined;
  const worst = Math.max(...bestFit.map((x) => Math.abs(x.npuServed - (perSeed.find((s) => s.seed === x.seed)?.npuAcceptance ?? NaN))));
  return `best-fit immediate against mode B's recorded best-fit on the same seeds: largest difference ${worst.toFixed(3)} points`;
}
