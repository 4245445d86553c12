// Control-plane throughput and latency under autocannon, next to a bare fastify + better-sqlite3
// baseline measured in the same run on the same machine. Writes bench/results/controlplane.json.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { startPostgres, type TestPostgres } from '../../test/support/postgres.ts';
import { renderControlPlaneSvg } from './render-svg.ts';

const here = import.meta.dirname;
const root = join(here, '../..');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

/** `--store sqlite|postgres` and `--instances N`: with postgres, the run adds PostgreSQL at 1 and N instances. */
function parseArgs(argv: string[]): { store: 'sqlite' | 'postgres'; instances: number; rounds: number } {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i === -1 ? undefined : argv[i + 1];
  };
  const store = get('--store') ?? 'sqlite';
  if (store !== 'sqlite' && store !== 'postgres') throw new Error(`--store must be sqlite or postgres, not ${store}`);
  const instances = Number(get('--instances') ?? 1);
  if (!Number.isInteger(instances) || instances < 1 || instances > 16)
    throw new Error(`--instances must be a whole number from 1 to 16, not ${get('--instances')}`);
  const rounds = Number(get('--rounds') ?? 2);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) throw new Error(`--rounds must be a whole number from 1 to 20, not ${get('--rounds')}`);
  return { store, instances, rounds };
}
const args = parseArgs(process.argv.slice(2));

function start(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const m = /(http:\/\/\S+)/.exec(line);
      if (m) resolve({ child, url: m[1] });
      else reject(new Error(`unexpected first line: ${line}`));
    });
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
}

interface Figures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

async function load(opts: autocannon.Options): Promise<Figures> {
  const r = await autocannon({ connections, duration: seconds, ...opts });
  return { requestsPerSecond: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

/** Seconds of the same load, unmeasured, before each phase of the SQLite comparison: both servers start with cold code. */
const WARM_UP_SECONDS = 2;

/** `load`, after the same requests for `WARM_UP_SECONDS` unmeasured (creates there take names of their own). */
async function warmedLoad(opts: autocannon.Options, warmUp: autocannon.Options = opts): Promise<Figures> {
  await autocannon({ connections, ...warmUp, duration: WARM_UP_SECONDS });
  return load(opts);
}

function uniqueNames(prefix: string) {
  let i = 0;
  return (req: any) => ({ ...req, body: JSON.stringify({ ...JSON.parse(req.body), name: `${prefix}-${(i++).toString(36)}` }) });
}

async function main() {
  // Other work on the machine skews every figure: the load averages before and after go in the result.
  const loadBefore = loadavg().map((x) => Number(x.toFixed(2)));
  const work = mkdtempSync(join(tmpdir(), 'aicloud-bench-'));
  const children: ChildProcess[] = [];
  try {
    // Baseline.
    mkdirSync(join(work, 'baseline'));
    const base = await start([join(here, 'baseline-server.ts'), join(work, 'baseline')]);
    children.push(base.child);
    await fetch(`${base.url}/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'hot', nodeCount: 1 }) });
    const baseReads = await warmedLoad({ url: `${base.url}/items/hot` });
    const baseCreate = {
      url: `${base.url}/items`,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 1 }),
    };
    const baseCreates = await warmedLoad(
      { ...baseCreate, requests: [{ setupRequest: uniqueNames('b') }] },
      { ...baseCreate, requests: [{ setupRequest: uniqueNames('bw') }] },
    );
    base.child.kill('SIGTERM');

    // The control plane: auth, validation, allocation and operations in the path, on a WAL file.
    const token = 'bench-admin-token-0123456789';
    const cp = await start(
      [
        join(root, 'controlplane/src/main.ts'),
        '--port',
        '0',
        '--data-dir',
        join(work, 'cp'),
        '--time-scale',
        '0',
        '--log-level',
        'warn',
        '--inventory',
        join(here, 'inventory.yaml'),
      ],
      { AICLOUD_BOOTSTRAP_TOKEN: token },
    );
    children.push(cp.child);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const cluster = { name: 'hot', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 1, placement: 'zone' };
    const first = await fetch(`${cp.url}/v1/projects/default/clusters`, { method: 'POST', headers, body: JSON.stringify(cluster) });
    if (first.status !== 202) throw new Error(`setup create failed: ${first.status} ${await first.text()}`);
    const reads = await warmedLoad({ url: `${cp.url}/v1/projects/default/clusters/hot`, headers });
    const cpCreate = { url: `${cp.url}/v1/projects/default/clusters`, method: 'POST' as const, headers, body: JSON.stringify(cluster) };
    const creates = await warmedLoad(
      { ...cpCreate, requests: [{ setupRequest: uniqueNames('c') }] },
      { ...cpCreate, requests: [{ setupRequest: uniqueNames('cw') }] },
    );
    const inv = (await (await fetch(`${cp.url}/v1/admin/invariants`, { headers })).json()) as { ok: boolean };
    // A refused create is cheaper than a real one: any refusal would flatter the figures, so it voids the run.
    for (const [what, f] of [
      ['baseline creates', baseCreates],
      ['control plane creates', creates],
      ['control plane reads', reads],
    ] as const) {
      if (f.non2xx > 0 || f.errors > 0) throw new Error(`${what}: ${f.non2xx} non-2xx answers and ${f.errors} errors; the run does not measure what it claims`);
    }
    cp.child.kill('SIGTERM');

    // The same creates on PostgreSQL: one instance, then several behind a round-robin client.
    const stores: StoreRun[] = [{ store: 'sqlite', instances: 1, connections, creates, invariantsOk: inv.ok }];
    if (args.store === 'postgres') {
      const pg = await startPostgres({ durable: true });
      try {
        // Rounds alternate (1, N, N, 1, ...) so outside load on the shared machine hits both alike.
        const counts = [...new Set([1, args.instances])];
        for (let r = 0; r < args.rounds; r++) {
          for (const n of r % 2 === 0 ? counts : [...counts].reverse())
            stores.push({ ...(await postgresRun(pg, work, n, token, cluster, children)), round: r + 1 });
        }
      } finally {
        pg.stop();
      }
    }

    const result = {
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model,
        node: process.version,
        loadAverage: { before: loadBefore, after: loadavg().map((x) => Number(x.toFixed(2))) },
      },
      settings: { seconds, connections, timeScale: 0, store: 'SQLite file, WAL, synchronous=NORMAL' },
      baseline: { reads: baseReads, creates: baseCreates },
      controlplane: { reads, creates, invariantsOk: inv.ok },
      stores,
      scaleOut: summarize(stores, args.instances),
      ratio: {
        reads: Number((reads.requestsPerSecond / baseReads.requestsPerSecond).toFixed(3)),
        creates: Number((creates.requestsPerSecond / baseCreates.requestsPerSecond).toFixed(3)),
      },
    };
    const out = join(root, 'bench/results/controlplane.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    const row = (n: string, f: Figures) =>
      `${n.padEnd(22)} ${String(f.requestsPerSecond).padStart(7)} req/s  p50 ${f.p50Ms} ms  p99 ${f.p99Ms} ms  errors ${f.errors}  non-2xx ${f.non2xx}`;
    console.log(row('baseline reads', baseReads));
    console.log(row('baseline creates', baseCreates));
    console.log(row('control plane reads', reads));
    console.log(row('control plane creates', creates));
    console.log(`ratio reads ${result.ratio.reads}, creates ${result.ratio.creates}; invariants ok: ${inv.ok}`);
    for (const r of stores) {
      console.log(
        `${r.round ? `round ${r.round} ` : ''}creates on ${r.store.padEnd(8)} x${r.instances} (${String(r.connections).padStart(2)} connections) ${String(r.creates.requestsPerSecond).padStart(7)} req/s  p99 ${r.creates.p99Ms} ms; invariants ok: ${r.invariantsOk}`,
      );
      if (r.reads)
        console.log(
          `reads   on ${r.store.padEnd(8)} x${r.instances} (${String(r.connections).padStart(2)} connections) ${String(r.reads.requestsPerSecond).padStart(7)} req/s  p99 ${r.reads.p99Ms} ms`,
        );
      if (r.scaleOut) console.log(`  counts x${r.instances}: ${JSON.stringify(r.scaleOut)}`);
      if (r.cpuMsPerAnswer) console.log(`  CPU ms per answer x${r.instances}: ${JSON.stringify(r.cpuMsPerAnswer)}`);
    }
    writeFileSync(join(root, 'bench/results/controlplane.svg'), renderControlPlaneSvg(result));
    console.log(`scale-out summary: ${JSON.stringify(result.scaleOut)}`);
    console.log(`wrote ${out} and controlplane.svg`);
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  }
}

interface StoreRun {
  store: 'sqlite' | 'postgres';
  instances: number;
  connections: number;
  creates: Figures;
  /** Reads of one cluster spread over the instances (PostgreSQL runs). */
  reads?: Figures;
  invariantsOk: boolean;
  /** What the instances counted, summed: catch-ups, full reloads, write conflicts and retries (PostgreSQL runs). */
  scaleOut?: Record<string, number>;
  /** Which alternating round this was (PostgreSQL runs). */
  round?: number;
  /** CPU milliseconds per answer of the instances together and of the load generator, per phase (PostgreSQL runs). */
  cpuMsPerAnswer?: { creates: { instances: number; loadGenerator: number }; reads: { instances: number; loadGenerator: number } };
}

/** CPU time (user + system) of a process so far, in milliseconds, from /proc; 0 where /proc is missing. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** Runs a load phase and says how much CPU the instances and this process spent per answer. */
async function measured(
  pids: (number | undefined)[],
  run: () => Promise<Figures>,
): Promise<{ figures: Figures; cpu: { instances: number; loadGenerator: number } }> {
  const before = pids.map(cpuMs);
  const self = process.cpuUsage();
  const figures = await run();
  const used = pids.reduce<number>((a, p, i) => a + cpuMs(p) - before[i]!, 0);
  const mine = process.cpuUsage(self);
  const answers = Math.max(1, figures.requestsPerSecond * seconds);
  return {
    figures,
    cpu: { instances: Number((used / answers).toFixed(3)), loadGenerator: Number(((mine.user + mine.system) / 1000 / answers).toFixed(3)) },
  };
}

/** Means over the rounds per instance count, and the ratios of N instances to one. */
function summarize(stores: StoreRun[], n: number) {
  const mean = (xs: number[]) => (xs.length ? Number((xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1)) : 0);
  const of = (k: number) => stores.filter((r) => r.store === 'postgres' && r.instances === k);
  const per = (k: number) => ({
    creates: mean(of(k).map((r) => r.creates.requestsPerSecond)),
    createP99Ms: mean(of(k).map((r) => r.creates.p99Ms)),
    reads: mean(of(k).map((r) => r.reads?.requestsPerSecond ?? 0)),
    readP99Ms: mean(of(k).map((r) => r.reads?.p99Ms ?? 0)),
    fullReloads: of(k).reduce((a, r) => a + (r.scaleOut?.fullReloads ?? 0), 0),
    writeConflicts: of(k).reduce((a, r) => a + (r.scaleOut?.writeConflicts ?? 0), 0),
    writeRetries: of(k).reduce((a, r) => a + (r.scaleOut?.writeRetries ?? 0), 0),
  });
  const one = per(1);
  const many = per(n);
  if (!of(1).length || n === 1) return { one };
  return {
    one,
    many,
    ratio: {
      creates: Number((many.creates / one.creates).toFixed(2)),
      createP99: Number((many.createP99Ms / one.createP99Ms).toFixed(2)),
      reads: Number((many.reads / one.reads).toFixed(2)),
    },
  };
}

/** Stops an instance and reads the counts it prints on the way out (`scale-out stats: {...}`). */
function stopAndCount(child: ChildProcess): Promise<Record<string, number> | undefined> {
  return new Promise((resolve) => {
    let found: Record<string, number> | undefined;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^scale-out stats: (\{.*\})$/.exec(line);
      if (m) found = JSON.parse(m[1]!) as Record<string, number>;
    });
    child.once('exit', () => resolve(found));
    child.kill('SIGTERM');
  });
}

/** Creates on `n` control planes sharing one fresh PostgreSQL database, connections spread evenly. */
async function postgresRun(
  pg: TestPostgres,
  dataRoot: string,
  n: number,
  token: string,
  cluster: Record<string, unknown>,
  children: ChildProcess[],
): Promise<StoreRun> {
  const db = await pg.createDatabase();
  const urls: string[] = [];
  const started: ChildProcess[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const cp = await start(
        [
          join(root, 'controlplane/src/main.ts'),
          '--port',
          '0',
          '--database',
          db,
          '--data-dir',
          join(dataRoot, `pg${n}-${i}`),
          '--time-scale',
          '0',
          '--log-level',
          'warn',
          '--inventory',
          join(here, 'inventory.yaml'),
        ],
        { AICLOUD_BOOTSTRAP_TOKEN: token },
      );
      children.push(cp.child);
      started.push(cp.child);
      urls.push(cp.url);
    }
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    // Autocannon spreads connections over URLs; a multiple of the instance count keeps them even.
    const conns = Math.ceil(connections / n) * n;
    const pids = started.map((c) => c.pid);
    const { figures: creates, cpu: createCpu } = await measured(pids, () =>
      load({
        url: urls.map((u) => `${u}/v1/projects/default/clusters`),
        connections: conns,
        method: 'POST',
        headers,
        body: JSON.stringify({ ...cluster, name: 'x' }),
        requests: [{ setupRequest: uniqueNames(`pg${n}-${Math.random().toString(36).slice(2, 6)}`) }],
      }),
    );
    if (creates.non2xx > 0 || creates.errors > 0) {
      throw new Error(`postgres x${n} creates: ${creates.non2xx} non-2xx answers and ${creates.errors} errors; the run does not measure what it claims`);
    }
    const hot = await fetch(`${urls[0]}/v1/projects/default/clusters`, { method: 'POST', headers, body: JSON.stringify({ ...cluster, name: 'hot' }) });
    if (hot.status !== 202) throw new Error(`postgres x${n} setup create failed: ${hot.status} ${await hot.text()}`);
    // One read per instance first settles the operations the creates left due, so reads measure reads.
    for (const u of urls) await fetch(`${u}/v1/projects/default/clusters/hot`, { headers });
    const { figures: reads, cpu: readCpu } = await measured(pids, () =>
      load({ url: urls.map((u) => `${u}/v1/projects/default/clusters/hot`), connections: conns, headers }),
    );
    if (reads.non2xx > 0 || reads.errors > 0) {
      throw new Error(`postgres x${n} reads: ${reads.non2xx} non-2xx answers and ${reads.errors} errors; the run does not measure what it claims`);
    }
    let ok = true;
    for (const u of urls) ok &&= ((await (await fetch(`${u}/v1/admin/invariants`, { headers })).json()) as { ok: boolean }).ok;
    const counts = await Promise.all(started.map(stopAndCount));
    const scaleOut: Record<string, number> = {};
    for (const c of counts) for (const [k, v] of Object.entries(c ?? {})) scaleOut[k] = (scaleOut[k] ?? 0) + v;
    return {
      store: 'postgres',
      instances: n,
      connections: conns,
      creates,
      reads,
      invariantsOk: ok,
      scaleOut,
      cpuMsPerAnswer: { creates: createCpu, reads: readCpu },
    };
  } finally {
    for (const c of started) if (c.exitCode === null) c.kill('SIGTERM');
  }
}

await main();
