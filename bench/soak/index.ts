// The soak benchmark: `main.ts` runs it (npm run bench:soak); the loops, statistics and memory probe
// it is built from are exported for other long-running benchmarks.
export { SoakStats, quantile } from './stats.ts';
export { rssMib } from './rss.ts';
export { seededRandom } from './seeded-random.ts';
export { applyLoop, scaleLoop, endpointChurn, readLoop, faultLoop, type SoakContext } from './workloads.ts';
