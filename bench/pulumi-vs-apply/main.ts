// Benchmark: the example stack (examples/pulumi-ts's program, run inline through the Automation API) with
// `pulumi up`, beside `aicloud apply examples/gitops` (the same six resources), each on a fresh control plane
// at time scale 0, so the figures are the front ends' own cost. Writes bench/results/pulumi-vs-apply.json.
// Run: npm run bench:pulumi [-- --runs 3]
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../controlplane/src/index.ts';
import { cliStack, pulumiCommand } from '../../test/pulumi-cli/support/workspace.ts';
import { exampleProgram } from './example-program.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TOKEN = 'bench-pulumi-admin-token-0001';
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const RUNS = Number(arg('--runs', '3'));
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ seconds: number; code: number; output: string }> {
  const started = performance.now();
  return new Promise((done, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => done({ seconds: (performance.now() - started) / 1000, code: code ?? -1, output }));
  });
}

async function withControlPlane<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const server = await startServer({ port: 0, memory: true, timeScale: 0, bootstrapToken: TOKEN, logLevel: 'silent' });
  try {
    return await fn(server.url);
  } finally {
    await server.close();
  }
}

/** `pulumi up` of the example stack on a new stack and file backend; the stack's set-up is not timed. */
async function pulumiUp(): Promise<{ seconds: number; resources: number }> {
  return withControlPlane(async (url) => {
    const cleanups: (() => void | Promise<void>)[] = [];
    try {
      const { stack } = await cliStack(
        { after: (fn) => cleanups.push(fn) },
        { program: exampleProgram, cloud: { url, token: TOKEN }, projectName: 'aicloud-example' },
      );
      const started = performance.now();
      const up = await stack.up();
      const seconds = (performance.now() - started) / 1000;
      // Six cloud resources and the stack itself.
      if (up.summary.result !== 'succeeded' || up.summary.resourceChanges?.create !== 7)
        throw new Error(`pulumi up: ${up.summary.result} ${JSON.stringify(up.summary.resourceChanges)}`);
      return { seconds, resources: up.summary.resourceChanges.create };
    } finally {
      for (const fn of cleanups.reverse()) await fn();
    }
  });
}

/** `aicloud apply examples/gitops --auto-approve`, the whole process timed. */
async function aicloudApply(): Promise<{ seconds: number }> {
  return withControlPlane(async (url) => {
    const env = { ...process.env, NO_COLOR: '1', AICLOUD_ENDPOINT: url, AICLOUD_TOKEN: TOKEN, AICLOUD_PROJECT: 'default' };
    const r = await run(process.execPath, [join(ROOT, 'bin/aicloud.mjs'), 'apply', join(ROOT, 'examples/gitops'), '--auto-approve'], env);
    if (r.code !== 0) throw new Error(`aicloud apply exited ${r.code}\n${r.output.slice(-3000)}`);
    if (!/Apply complete: 6 created/.test(r.output)) throw new Error(`aicloud apply did not create the six resources:\n${r.output.slice(-3000)}`);
    return { seconds: r.seconds };
  });
}

async function main() {
  const pulumi = await pulumiCommand();
  const runs: { pulumiUpSeconds: number; aicloudApplySeconds: number }[] = [];
  let resources = 0;
  for (let i = 0; i < RUNS; i++) {
    const up = await pulumiUp();
    resources = up.resources;
    const apply = await aicloudApply();
    runs.push({ pulumiUpSeconds: round(up.seconds), aicloudApplySeconds: round(apply.seconds) });
    process.stderr.write(`run ${i + 1}: pulumi up ${round(up.seconds)} s, aicloud apply ${round(apply.seconds)} s\n`);
  }
  const result = {
    what: 'examples/pulumi-ts with `pulumi up` (Automation API, inline program, file backend) beside `aicloud apply examples/gitops`, each on a fresh control plane at time scale 0',
    pulumiCli: pulumi.version?.toString(),
    node: process.version,
    cpus: cpus().length,
    resources: resources - 1,
    runs,
    median: { pulumiUpSeconds: median(runs.map((r) => r.pulumiUpSeconds)), aicloudApplySeconds: median(runs.map((r) => r.aicloudApplySeconds)) },
  };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/pulumi-vs-apply.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`pulumi up      median ${result.median.pulumiUpSeconds} s`);
  console.log(`aicloud apply  median ${result.median.aicloudApplySeconds} s`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
