// The `aicloud` command: argument parsing in main.ts, one lazily loaded module per command under
// commands/, and the shared steps they compose (plan a stack, apply under the lock, print outputs).
export { main, buildProgram } from './main.ts';
export type { CliContext, CloudOptions } from './cli-context.ts';
export { defaultContext } from './default-context.ts';
export { reportError } from './report-error.ts';
export { parseDuration } from './parse-duration.ts';
export { planStack, type PlanStackOptions } from './plan-stack.ts';
export { renderCapacity, type CapacityReport } from './render-capacity.ts';
