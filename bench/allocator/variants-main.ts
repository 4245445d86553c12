// `npm run bench:allocator:variants -- [--variants a,b] [--streams N] [--first-stream K] [--arrivals N] [--jobs N] [--pods FILE] [--out FILE]`:
// the policy variants of bench/allocator/README.md, each paired with best-fit on the same mode-B streams.
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchArgs, log } from './bench-args.ts';
import { readPods } from './read-openb.ts';
import { renderTable } from './render-table.ts';
import { mean, pairedDifference, round } from './stats.ts';
import { measureVariant, type StreamFigure } from './variants/measure.ts';
import { BASELINE, findVariant, VARIANTS } from './variants/registry.ts';

const here = fileURLToPath(import.meta.url);
const repo = resolve(dirname(here), '../..');
const args = benchArgs('bench:allocator:variants');
const { positiveInt, fail } = args;

interface Task {
  variant: string;
  stream: number;
}

function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      variants: { type: 'string', default: VARIANTS.map((x) => x.name).join(',') },
      streams: { type: 'string', default: '20' },
      'first-stream': { type: 'string', default: '1' },
      arrivals: { type: 'string', default: '200000' },
      jobs: { type: 'string', default: String(availableParallelism()) },
      pods: { type: 'string', default: resolve(repo, '../shared/traces/alibaba-openb/openb_pod_list_default.csv') },
      out: { type: 'string', default: resolve(repo, 'bench/results/allocator-variants.json') },
      worker: { type: 'boolean', default: false },
    },
  });
  const podsPath = resolve(values.pods!);
  const arrivals = positiveInt(values.arrivals!, '--arrivals');
  if (values.worker) return serveTasks(podsPath, arrivals);
  const names = values
    .variants!.split(',')
    .map((x) => x.trim())
    .filter((x) => x && x !== BASELINE.name);
  const unknown = names.filter((x) => !findVariant(x));
  if (unknown.length) fail(`unknown variant ${unknown.join(', ')}; use some of ${VARIANTS.map((x) => x.name).join(', ')}`);
  const streams = positiveInt(values.streams!, '--streams');
  const first = positiveInt(values['first-stream']!, '--first-stream');
  const jobs = positiveInt(values.jobs!, '--jobs');
  readPods(podsPath); // fail early, in this process, when the trace is missing
  const tasks: Task[] = [];
  for (const variant of [BASELINE.name, ...names]) for (let k = 0; k < streams; k++) tasks.push({ variant, stream: first + k });
  log(`${names.length} variants and best-fit on streams ${first}..${first + streams - 1} of ${arrivals} arrivals, ${jobs} jobs ...`);
  return runTasks(tasks, jobs, podsPath, arrivals).then((figures) => report(figures, names, streams, first, arrivals, resolve(values.out!)));
}

/** Forks `jobs` copies of this script; each takes the next task when it reports the last. */
function runTasks(tasks: Task[], jobs: number, podsPath: string, arrivals: number): Promise<StreamFigure[]> {
  const figures: StreamFigure[] = [];
  let next = 0;
  return new Promise((done, failed) => {
    let running = Math.min(jobs, tasks.length);
    for (let j = 0; j < Math.min(jobs, tasks.length); j++) {
      const child = fork(here, ['--worker', '--pods', podsPath, '--arrivals', String(arrivals)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const give = () => (next < tasks.length ? child.send(tasks[next++]!) : child.disconnect());
      child.on('message', (m: StreamFigure) => {
        figures.push(m);
        if (figures.length % 20 === 0) log(`  ${figures.length}/${tasks.length} runs`);
        give();
      });
      child.on('exit', (code) => {
        if (code !== 0) failed(new Error(`a worker exited with ${code}`));
        else if (--running === 0) done(figures);
      });
      give();
    }
  });
}

function serveTasks(podsPath: string, arrivals: number): Promise<void> {
  const pods = readPods(podsPath);
  process.on('message', (t: Task) => process.send!(measureVariant(pods, t.variant, t.stream, arrivals)));
  return new Promise((done) => process.on('disconnect', () => done()));
}

function report(figures: StreamFigure[], names: string[], streams: number, first: number, arrivals: number, outPath: string): void {
  const of = (variant: string) => figures.filter((f) => f.variant === variant).sort((a, b) => a.stream - b.stream);
  const base = of(BASELINE.name);
  const rows = names.map((name) => {
    const mine = of(name);
    const d = pairedDifference(
      mine.map((f) => f.npuAcceptance),
      base.map((f) => f.npuAcceptance),
    );
    return { name, what: findVariant(name)!.what, npuAcceptance: mean(mine.map((f) => f.npuAcceptance)), ...d, se: d.sd / Math.sqrt(d.n) };
  });
  console.log(
    `Mode B, ${streams} dynamic streams (${first}..${first + streams - 1}) of ${arrivals} arrivals; best-fit accepts ${mean(base.map((f) => f.npuAcceptance)).toFixed(2)}% of NPU demand.`,
  );
  console.log('NPU demand accepted minus best-fit on the same stream (points): mean ± standard error, streams won.');
  console.log(
    renderTable(
      ['variant', 'difference', 'won', 'what it changes'],
      rows.map((r) => [r.name, `${r.mean >= 0 ? '+' : ''}${r.mean.toFixed(2)} ± ${r.se.toFixed(2)}`, `${r.wins}/${r.n}`, r.what]),
    ),
  );
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(
    outPath,
    `${JSON.stringify(
      {
        generatedBy: 'npm run bench:allocator:variants',
        streams: { first, count: streams },
        arrivals,
        bestFit: base.map((f) => ({ stream: f.stream, npuAcceptance: round(f.npuAcceptance, 3) })),
        variants: Object.fromEntries(
          rows.map((r) => [
            r.name,
            {
              what: r.what,
              npuAcceptanceMinusBestFit: round(r.mean, 3),
              standardError: round(r.se, 3),
              wins: r.wins,
              perStream: of(r.name).map((f) => round(f.npuAcceptance, 3)),
            },
          ]),
        ),
      },
      null,
      2,
    )}\n`,
  );
  log(`wrote ${relative(process.cwd(), outPath)}`);
}

args.run(main);
