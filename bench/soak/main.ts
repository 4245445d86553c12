// Soak: one control plane (a child process) under mixed applies, scale-ups, endpoint churn and
// faults for N minutes; reports operations, errors by kind, p99 latency, memory growth and the
// invariant check at the end. `npm run bench:soak -- --minutes 3 --seed 7`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { acceleratorLedger, createProjectWithToken, invariants, listEverything, setFaults } from '../../test/support/admin-api.ts';
import { spawnControlPlane } from '../../test/support/control-plane.ts';
import { tempDir } from '../../test/support/temp-dir.ts';
import { rssMib } from './rss.ts';
import { seededRandom } from './seeded-random.ts';
import { SoakStats } from './stats.ts';
import { applyLoop, endpointChurn, faultLoop, readLoop, scaleLoop, type SoakContext } from './workloads.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    seed: { type: 'string', default: '1' },
    'time-scale': { type: 'string', default: '0' },
    'fault-period': { type: 'string', default: '10' },
    out: { type: 'string', default: join(import.meta.dirname, '../results/soak.json') },
  },
});
const minutes = Number(values.minutes);
const seed = Number(values.seed);
if (!(minutes > 0) || !Number.isInteger(seed)) {
  process.stderr.write('usage: bench/soak/main.ts [--minutes N] [--seed N] [--time-scale X] [--fault-period SECONDS] [--out FILE]\n');
  process.exit(2);
}

const work = tempDir(undefined, 'aicloud-soak-');
const cp = await spawnControlPlane(undefined, { dataDir: join(work.path, 'cp'), timeScale: Number(values['time-scale']), logLevel: 'warn' });
try {
  const tokens: Record<string, string> = {};
  for (const p of ['soak-apply', 'soak-scale', 'soak-ep']) tokens[p] = await createProjectWithToken(cp.url, cp.adminToken, p);
  const started = Date.now();
  const ctx: SoakContext = {
    url: cp.url,
    adminToken: cp.adminToken,
    tokens,
    workDir: work.path,
    deadline: started + minutes * 60_000,
    random: seededRandom(seed),
    stats: new SoakStats(),
  };
  const rss = { start: rssMib(cp.pid), peak: rssMib(cp.pid) ?? 0, samples: [] as number[] };
  const sampler = setInterval(() => {
    const now = rssMib(cp.pid);
    if (now !== undefined) {
      rss.samples.push(now);
      rss.peak = Math.max(rss.peak, now);
    }
  }, 5000);
  process.stderr.write(`soak: ${minutes} min against ${cp.url} (seed ${seed})\n`);
  const [faults] = await Promise.all([
    faultLoop(ctx, Number(values['fault-period']) * 1000),
    applyLoop(ctx),
    scaleLoop(ctx),
    endpointChurn(ctx),
    readLoop(ctx),
  ]);
  clearInterval(sampler);
  await setFaults(cp.url, cp.adminToken, undefined);

  const inv = await invariants(cp.url, cp.adminToken);
  const ledger = await acceleratorLedger(cp.url, cp.adminToken, Object.keys(tokens));
  const resources: Record<string, number> = {};
  for (const p of Object.keys(tokens)) resources[p] = (await listEverything(cp.url, cp.adminToken, p)).length;
  const end = rssMib(cp.pid);
  // Growth is measured from the first sample after warm-up, not from the idle process.
  const warm = rss.samples[Math.min(1, rss.samples.length - 1)] ?? rss.start;
  const report = {
    bench: 'soak',
    minutes,
    seed,
    timeScale: Number(values['time-scale']),
    elapsedSeconds: Math.round((Date.now() - started) / 1000),
    operations: ctx.stats.totalOps(),
    operationsByKind: ctx.stats.ops,
    errorsByKind: ctx.stats.errors,
    latency: ctx.stats.summary(),
    faultToggles: faults.toggles,
    rssMib: {
      start: rss.start,
      warm,
      end,
      peak: rss.peak,
      growthAfterWarmup: end !== undefined && warm !== undefined ? Math.round((end - warm) * 10) / 10 : null,
    },
    invariants: inv,
    ledger,
    resourcesAtEnd: resources,
    node: process.version,
  };
  mkdirSync(dirname(values.out!), { recursive: true });
  writeFileSync(values.out!, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (!inv.ok || ledger.taken !== ledger.heldByClusters) process.exitCode = 1;
} finally {
  await cp.kill9();
  work.remove();
}
