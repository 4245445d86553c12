// Benchmark: one 1,000-resource stack applied by `terraform apply -parallelism=10` with this provider
// and by `aicloud apply`, against the same control plane, at zero and 100 ms of added latency; plus a
// minimal Node.js provider on the same protocol layer as the per-resource baseline (once with a
// 2-attribute resource, once with `aicloud_bucket`'s schema shape), and the handshake
// latency of both providers. Writes bench/results/terraform.json.
// Run: npm run bench:terraform [-- --count 1000 --latencies 0,100]
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../controlplane/src/index.ts';
import { bundleProvider } from '../../scripts/terraform/bundle.mjs';
import { installMirror } from '../../scripts/terraform/install-mirror.ts';
import { measureHandshake } from './measure-handshake.ts';
import { writeShapeFile } from './shape-file.ts';
import { aicloudHcl, gitopsManifests, minimalHcl, shapedHcl } from './stack-files.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TERRAFORM = process.env.AICLOUD_TERRAFORM_BIN ?? '/usr/local/bin/terraform';
const TOKEN = 'bench-terraform-admin-token-01';
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const COUNT = Number(arg('--count', '1000'));
const LATENCIES = arg('--latencies', '0,100').split(',').map(Number);
const PARALLELISM = 10;

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ seconds: number; code: number; output: string }> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ seconds: (performance.now() - started) / 1000, code: code ?? -1, output }));
  });
}

async function must(p: Promise<{ seconds: number; code: number; output: string }>, what: string) {
  const r = await p;
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}\n${r.output.slice(-3000)}`);
  return r;
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** CPU all provider processes of one command spent, from the reports they write at exit. */
function providerCpuMs(file: string): number {
  if (!existsSync(file)) return 0;
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .reduce((sum, line) => sum + (JSON.parse(line) as { cpuMs: number }).cpuMs, 0);
}

/** Each provider process of one command: its CPU and the RPCs it answered, to see where the cost sits. */
function providerProcesses(file: string): { cpuMs: number; calls: Record<string, number> }[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const r = JSON.parse(line) as { cpuMs: number; calls?: Record<string, number> };
      return { cpuMs: round(r.cpuMs, 0), calls: r.calls ?? {} };
    });
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'aicloud-bench-tf-'));
  const bundleDir = mkdtempSync(join(ROOT, 'node_modules', '.cache-aicloud-tf-bench-'));
  try {
    const aicloudBundle = await bundleProvider({ outdir: bundleDir, entry: 'main' });
    const minimalBundle = await bundleProvider({ outdir: bundleDir, entry: 'minimal' });
    const minimalLauncher = join(bundleDir, 'run-minimal.mjs');
    writeFileSync(minimalLauncher, `const { main } = await import(${JSON.stringify(minimalBundle)});\nawait main();\n`);

    // Both providers in one mirror and one CLI config.
    const mirror = installMirror({ dir: join(work, 'mirror'), env: { AICLOUD_TF_BUNDLE: aicloudBundle } });
    const minimalDir = join(mirror.dir, 'registry.terraform.io/aicloud/minimal/0.0.1/linux_amd64');
    mkdirSync(minimalDir, { recursive: true });
    const minimalExe = join(minimalDir, 'terraform-provider-minimal_v0.0.1');
    writeFileSync(minimalExe, `#!/bin/sh\nexec '${process.execPath}' '${minimalLauncher}' "$@"\n`);
    chmodSync(minimalExe, 0o755);
    writeFileSync(join(work, 'cli.tfrc'), mirror.cliConfig);
    const shapeFile = join(work, 'shape.json');
    writeShapeFile(shapeFile);
    const baseEnv: NodeJS.ProcessEnv = { ...process.env, TF_CLI_CONFIG_FILE: join(work, 'cli.tfrc'), CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
    delete baseEnv.TF_PLUGIN_CACHE_DIR;
    delete baseEnv.TF_LOG;

    const handshake = {
      aicloud: await measureHandshake([process.execPath, join(ROOT, 'bin/terraform-provider-aicloud.mjs')], 15, { AICLOUD_TF_BUNDLE: aicloudBundle }),
      minimal: await measureHandshake([process.execPath, minimalLauncher], 15),
    };
    process.stderr.write(`handshake: aicloud median ${handshake.aicloud.medianMs} ms, minimal median ${handshake.minimal.medianMs} ms\n`);

    const runs = [];
    for (const latencyMs of LATENCIES) {
      const server = await startServer({
        port: 0,
        memory: true,
        timeScale: 0,
        bootstrapToken: TOKEN,
        logLevel: 'silent',
        ...(latencyMs ? { faults: `latency=${latencyMs}ms` } : {}),
      });
      try {
        const env = { ...baseEnv, AICLOUD_ENDPOINT: server.url, AICLOUD_TOKEN: TOKEN };

        const tfDir = join(work, `tf-${latencyMs}`);
        mkdirSync(tfDir);
        writeFileSync(join(tfDir, 'main.tf'), aicloudHcl(COUNT, `tf${latencyMs}`));
        await must(run(TERRAFORM, ['init', '-input=false', '-no-color'], tfDir, env), 'terraform init');
        const tfCpu = join(work, `cpu-aicloud-${latencyMs}.jsonl`);
        // The control plane runs in this process, which otherwise only waits for Terraform: its CPU
        // over the apply is what the control plane spent serving the provider's requests.
        const cpBefore = process.cpuUsage();
        const tf = await must(
          run(TERRAFORM, ['apply', '-input=false', '-no-color', '-auto-approve', `-parallelism=${PARALLELISM}`], tfDir, {
            ...env,
            AICLOUD_TF_CPU_REPORT: tfCpu,
          }),
          'terraform apply (aicloud)',
        );
        const cp = process.cpuUsage(cpBefore);
        process.stderr.write(`latency ${latencyMs} ms: terraform apply (aicloud) ${round(tf.seconds)} s\n`);

        const gitopsDir = join(work, `gitops-${latencyMs}`);
        mkdirSync(gitopsDir);
        writeFileSync(join(gitopsDir, 'stack.yaml'), gitopsManifests(COUNT, `go${latencyMs}`));
        const aicloud = await must(
          run(process.execPath, [join(ROOT, 'bin/aicloud.mjs'), 'apply', gitopsDir, '--auto-approve', '--stack', `bench-${latencyMs}`], work, env),
          'aicloud apply',
        );
        process.stderr.write(`latency ${latencyMs} ms: aicloud apply ${round(aicloud.seconds)} s\n`);

        const minDir = join(work, `minimal-${latencyMs}`);
        mkdirSync(minDir);
        writeFileSync(join(minDir, 'main.tf'), minimalHcl(COUNT));
        await must(run(TERRAFORM, ['init', '-input=false', '-no-color'], minDir, baseEnv), 'terraform init (minimal)');
        const minCpu = join(work, `cpu-minimal-${latencyMs}.jsonl`);
        const minimal = await must(
          run(TERRAFORM, ['apply', '-input=false', '-no-color', '-auto-approve', `-parallelism=${PARALLELISM}`], minDir, {
            ...baseEnv,
            MINIMAL_LATENCY_MS: String(latencyMs),
            AICLOUD_TF_CPU_REPORT: minCpu,
          }),
          'terraform apply (minimal)',
        );
        process.stderr.write(`latency ${latencyMs} ms: terraform apply (minimal provider) ${round(minimal.seconds)} s\n`);

        const shapedDir = join(work, `shaped-${latencyMs}`);
        mkdirSync(shapedDir);
        writeFileSync(join(shapedDir, 'main.tf'), shapedHcl(COUNT, `sh${latencyMs}`));
        const shapedEnv = { ...baseEnv, MINIMAL_SHAPE_FILE: shapeFile };
        await must(run(TERRAFORM, ['init', '-input=false', '-no-color'], shapedDir, shapedEnv), 'terraform init (shaped)');
        const shapedCpu = join(work, `cpu-shaped-${latencyMs}.jsonl`);
        const shaped = await must(
          run(TERRAFORM, ['apply', '-input=false', '-no-color', '-auto-approve', `-parallelism=${PARALLELISM}`], shapedDir, {
            ...shapedEnv,
            MINIMAL_LATENCY_MS: String(latencyMs),
            AICLOUD_TF_CPU_REPORT: shapedCpu,
          }),
          'terraform apply (shaped)',
        );
        process.stderr.write(`latency ${latencyMs} ms: terraform apply (minimal provider, bucket-shaped schema) ${round(shaped.seconds)} s\n`);

        runs.push({
          latencyMs,
          terraformApplySeconds: round(tf.seconds),
          aicloudApplySeconds: round(aicloud.seconds),
          minimalProviderApplySeconds: round(minimal.seconds),
          speedupAicloudOverTerraform: round(tf.seconds / aicloud.seconds, 1),
          shapedMinimalProviderApplySeconds: round(shaped.seconds),
          perResourceMs: {
            aicloudProvider: round((tf.seconds * 1000) / COUNT, 1),
            minimalProvider: round((minimal.seconds * 1000) / COUNT, 1),
            shapedMinimalProvider: round((shaped.seconds * 1000) / COUNT, 1),
          },
          // Against the 2-attribute baseline (the promise as stated) and against the same schema shape
          // (what the provider itself adds on top of Terraform's cost of that shape).
          providerCostRatio: round(tf.seconds / minimal.seconds),
          providerCostRatioSameShape: round(tf.seconds / shaped.seconds),
          providerCpuMsPerResource: {
            aicloudProvider: round(providerCpuMs(tfCpu) / COUNT),
            minimalProvider: round(providerCpuMs(minCpu) / COUNT),
            shapedMinimalProvider: round(providerCpuMs(shapedCpu) / COUNT),
          },
          controlPlaneCpuMsPerResource: round((cp.user + cp.system) / 1000 / COUNT),
          providerProcesses: {
            aicloudProvider: providerProcesses(tfCpu),
            minimalProvider: providerProcesses(minCpu),
            shapedMinimalProvider: providerProcesses(shapedCpu),
          },
        });
      } finally {
        await server.close();
      }
    }

    const result = {
      benchmark: 'terraform',
      resources: COUNT,
      stack: `${COUNT} resources (3/5 buckets, 2/5 volumes)`,
      terraformParallelism: PARALLELISM,
      aicloudParallelism: 'default (64)',
      controlPlane: 'HTTP on port 0, time scale 0, added latency via fault injection',
      handshake,
      runs,
      goals: {
        aicloudAtLeast10xFaster: runs.every((r) => r.speedupAicloudOverTerraform >= 10),
        providerNoCostlierThanMinimal: runs.every((r) => r.providerCostRatio <= 1.1),
        providerNoCostlierThanSameShapeMinimal: runs.every((r) => r.providerCostRatioSameShape <= 1.1),
      },
      measuredAt: new Date().toISOString(),
    };
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results/terraform.json'), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(bundleDir, { recursive: true, force: true });
  }
}

await main();
