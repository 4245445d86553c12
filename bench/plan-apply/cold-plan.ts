// One `aicloud plan` as a fresh process would do it, for the plan benchmark: nothing compiled or
// warmed up beforehand. Loads the stack in argv[2] (stack name argv[3]), plans it against an empty
// cloud and against a cloud that matches, renders the text, and prints the timings as JSON.
import { performance } from 'node:perf_hooks';

const [dir, stack] = process.argv.slice(2);
if (!dir || !stack) throw new Error('usage: cold-plan.ts <dir> <stack>');

const t0 = performance.now();
const { loadStack } = await import('../../provider/src/gitops/load-stack.ts');
const { buildPlan, coreRegistry, renderText } = await import('../../provider/src/plan/index.ts');
const t1 = performance.now();
const loaded = await loadStack(dir, { stack });
const t2 = performance.now();
const fresh = buildPlan(loaded.desired, [], coreRegistry(), { stack, project: 'default' });
const t3 = performance.now();
const observed = loaded.desired.map((d) => ({ kind: d.kind, name: d.name, spec: structuredClone(d.inputs), resourceVersion: 1, generation: 1 }));
const t4 = performance.now();
const steady = buildPlan(loaded.desired, observed, coreRegistry(), { stack, project: 'default' });
const t5 = performance.now();
renderText(fresh);
const t6 = performance.now();
if (steady.summary['no-op'] !== loaded.desired.length) throw new Error('a matching cloud should give only no-ops');

const round1 = (n: number): number => Math.round(n * 10) / 10;
process.stdout.write(
  `${JSON.stringify({ importMs: round1(t1 - t0), loadAndValidateMs: round1(t2 - t1), planCreateAllMs: round1(t3 - t2), planNoChangeMs: round1(t5 - t4), renderTextMs: round1(t6 - t5) })}\n`,
);
