// Mode A with GPU shares as partitions, and placement speed with partitions:
// `npm run bench:allocator:shared -- [--pods FILE[,FILE...]] [--nodes FILE] [--seeds N] [--first-seed K] [--speed-arrivals N]`.
// Writes bench/results/allocator-shared.json and the `modeAShared` section of bench/results/allocator.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_POLICY, POLICY_NAMES } from '../../controlplane/src/allocator/policies/policy-registry.ts';
import { benchArgs, log, signed } from './bench-args.ts';
import { runModeAShared, type ArrivalOrder } from './mode-a-shared.ts';
import { usesGpuSpec } from './openb-cluster.ts';
import { publishedFor } from './published-fgd.ts';
import { earlierSection, variantRecord } from './shared-record.ts';
import { readNodes, readPods } from './read-openb.ts';
import { renderTable } from './render-table.ts';
import { runPartitionSpeed } from './speed-partitions.ts';
import { pairedDifference, round } from './stats.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const traceDir = resolve(repo, '../shared/traces/alibaba-openb');
const args = benchArgs('bench:allocator:shared');
const { positiveInt } = args;

function main(): void {
  const { values } = parseArgs({
    options: {
      pods: { type: 'string', default: ['openb_pod_list_default.csv', 'openb_pod_list_multigpu20.csv'].map((f) => resolve(traceDir, f)).join(',') },
      nodes: { type: 'string', default: resolve(traceDir, 'openb_node_list_gpu_node.csv') },
      seeds: { type: 'string', default: '10' },
      // Seeds K to K+N-1: choose parameters on other seeds than the reported 1 to N.
      'first-seed': { type: 'string', default: '1' },
      order: { type: 'string', default: 'fgd' },
      policies: { type: 'string', default: POLICY_NAMES.join(',') },
      'speed-arrivals': { type: 'string', default: '60000' },
      'speed-supernodes': { type: 'string', default: '100' },
      out: { type: 'string', default: resolve(repo, 'bench/results/allocator-shared.json') },
      merge: { type: 'string', default: resolve(repo, 'bench/results/allocator.json') },
    },
  });
  const seeds = positiveInt(values.seeds!, '--seeds');
  const firstSeed = positiveInt(values['first-seed']!, '--first-seed');
  const seedText = firstSeed === 1 ? `${seeds} seeds` : `seeds ${firstSeed} to ${firstSeed + seeds - 1}`;
  // `--speed-arrivals 0` skips the speed run and keeps the speed figures already recorded.
  const speedArrivals = values['speed-arrivals'] === '0' ? 0 : positiveInt(values['speed-arrivals']!, '--speed-arrivals');
  const speedSupernodes = positiveInt(values['speed-supernodes']!, '--speed-supernodes');
  const names = args.policies(values.policies!);
  const order = values.order!;
  if (order !== 'fgd' && order !== 'trace') args.fail(`--order must be fgd or trace, got ${order}`);
  const nodes = readNodes(resolve(values.nodes!));
  const out: string[] = [];
  const variants: Record<string, unknown> = {};
  let firstPods: ReturnType<typeof readPods> | undefined;
  for (const file of values.pods!.split(',').map((f) => resolve(f.trim()))) {
    const variant = basename(file)
      .replace(/^openb_pod_list_/, '')
      .replace(/\.csv$/, '');
    log(`mode A with partitions: ${variant}, ${seedText} ...`);
    const pods = readPods(file);
    firstPods ??= pods;
    const a = runModeAShared(nodes, pods, names, seeds, order as ArrivalOrder, usesGpuSpec(pods), firstSeed);
    const published = publishedFor(variant);
    const [pub100, pub130] = published?.allocationRatio.FGD ?? [NaN, NaN];
    const [bf100, bf130] = published?.allocationRatio.BestFit ?? [NaN, NaN];
    const bestFit = a.results.find((r) => r.policy === 'best-fit');
    const paired = (r: (typeof a.results)[number], key: 'allocationRatio100' | 'allocationRatio130') =>
      bestFit
        ? pairedDifference(
            r.perSeed.map((s) => s[key]),
            bestFit.perSeed.map((s) => s[key]),
          )
        : undefined;
    out.push(
      `Mode A with partitions, trace ${variant}: ${a.info.servers} servers, ${a.info.gpus} GPUs, ${a.info.gpuPods} GPU pods of which ${a.info.sharedGpuPods} share a GPU (each gets a partition of its milli-GPU share, as in FGD), ${a.info.cpuPods} CPU-only pods; the trace alone is ${a.info.traceDemandPercent.toFixed(1)}% of capacity; ${seedText}; arrivals: ${order === 'fgd' ? "as FGD's simulator makes them (all pods shuffled, then drawn up to 130%; CPU-only pods placed)" : 'GPU pods in trace order, then drawn (CPU-only pods left out)'}.`,
    );
    out.push(
      renderTable(
        [
          'policy',
          'alloc% @100',
          'sd',
          'alloc% @130',
          'sd',
          'frag% @90',
          'sharing pods placed',
          'CPU-only pods placed',
          'vs best-fit @100',
          'vs best-fit @130',
          'p99 ms',
        ],
        a.results.map((r) => {
          const d100 = paired(r, 'allocationRatio100');
          const d130 = paired(r, 'allocationRatio130');
          const fmt = (d: typeof d100) => (d && r.policy !== 'best-fit' ? `${signed(d.mean)} ± ${(d.sd / Math.sqrt(d.n)).toFixed(2)}` : '');
          return [
            r.policy + (r.policy === DEFAULT_POLICY ? ' *' : ''),
            r.allocationRatio100,
            r.sd100,
            r.allocationRatio130,
            r.sd130,
            r.fragmentation90,
            `${r.sharedPlaced}/${r.sharedArrived}`,
            `${r.cpuPlaced}/${r.cpuArrived}`,
            fmt(d100),
            fmt(d130),
            r.p99Ms,
          ];
        }),
      ),
    );
    if (a.info.byModel)
      out.push(
        `${a.info.constrainedGpuPods} GPU pods (${a.info.constrainedDemandPercent.toFixed(1)}% of capacity) accept only the GPU models their gpu_spec names; each server's model is its accelerator type.`,
      );
    out.push(
      published
        ? `Published (FGD's artefact, ${variant}): FGD ${pub100} / ${pub130}, BestFit ${bf100} / ${bf130}, frag% @90 FGD ${published.fragmentation90.FGD}, BestFit ${published.fragmentation90.BestFit}.`
        : `No published figures for ${variant}.`,
    );
    out.push('');
    variants[variant] = variantRecord(
      { trace: basename(file), seeds, ...(firstSeed === 1 ? {} : { firstSeed }), order: order as ArrivalOrder, shipped: DEFAULT_POLICY },
      a.info,
      a.results,
    );
  }
  const earlier = earlierSection(resolve(values.merge!));
  if (speedArrivals > 0) log(`speed with partitions: ${speedSupernodes} supernodes, ${speedArrivals} arrivals ...`);
  const speed = speedArrivals > 0 ? runPartitionSpeed(firstPods!, names, speedSupernodes, speedArrivals) : [];
  if (speed.length) {
    out.push(
      `Speed with partitions: ${speedSupernodes} supernodes (${speed[0]?.npus} NPUs), mode-B stream at 110% offered load; openb pods that share a GPU ask for the smallest covering 910C vNPU template.`,
    );
    out.push(
      renderTable(
        ['policy', 'decisions', 'of them partitions', 'p50 ms', 'p99 ms', 'max ms', 'CPU p50 ms', 'CPU p99 ms'],
        speed.map((r) => [
          r.policy + (r.policy === DEFAULT_POLICY ? ' *' : ''),
          String(r.decisions),
          String(r.partitionDecisions),
          r.p50Ms,
          r.p99Ms,
          r.maxMs,
          r.cpuP50Ms,
          r.cpuP99Ms,
        ]),
      ),
    );
  }
  console.log(out.join('\n'));

  const section = {
    generatedBy: 'npm run bench:allocator:shared',
    shipped: DEFAULT_POLICY,
    notes: [
      'each variant records its own seeds, arrival order and policies run (a run may re-measure some variants only)',
      'pods with gpu_milli < 1000 ask for one partition of their share: the openb GPU is a pooled catalogue of 1000 milli units, as FGD shares GPUs',
      'allocation ratio and arrived demand count shares as fractions of a GPU',
      "order fgd: arrivals as FGD's simulator makes them (--shuffle-pod=true -tune 1.3): every pod of the trace in a seeded random order, CPU-only pods included, then pods drawn from the trace while GPU demand stays within 130%; CPU-only pods take host CPU and memory where the policy's rule puts them",
      'order trace: GPU pods in trace order, then drawn with the seed; CPU-only pods are left out',
      'minusBestFit: paired difference per seed (same arrivals); beyond spread = mean minus two standard errors above 0',
      "published figures: the FGD paper's for default; for the other variants the artefact's expected results (see published-fgd.ts)",
      'published (per variant) and minusPublishedFgd / minusPublishedBestFit: the allocation ratio minus the published figure for the same variant, in points',
      'variants not re-run keep their earlier figures; the speed figures are kept when the run skips them (--speed-arrivals 0)',
    ],
    variants: { ...earlier.variants, ...variants },
    speed: speed.length
      ? Object.fromEntries(
          speed.map((r) => [
            r.policy,
            {
              supernodes: r.supernodes,
              npus: r.npus,
              decisions: r.decisions,
              partitionDecisions: r.partitionDecisions,
              p50Ms: round(r.p50Ms, 4),
              p99Ms: round(r.p99Ms, 4),
              maxMs: round(r.maxMs, 3),
              cpuP50Ms: round(r.cpuP50Ms, 4),
              cpuP99Ms: round(r.cpuP99Ms, 4),
            },
          ]),
        )
      : earlier.speed,
  };
  writeFileSync(resolve(values.out!), `${JSON.stringify(section, null, 2)}\n`);
  const merge = resolve(values.merge!);
  if (existsSync(merge)) {
    const whole = JSON.parse(readFileSync(merge, 'utf8')) as Record<string, unknown>;
    whole.modeAShared = section;
    writeFileSync(merge, `${JSON.stringify(whole, null, 2)}\n`);
  }
  log(`wrote ${relative(process.cwd(), resolve(values.out!))}${existsSync(merge) ? ` and the modeAShared section of ${relative(process.cwd(), merge)}` : ''}`);
}

args.run(main);
