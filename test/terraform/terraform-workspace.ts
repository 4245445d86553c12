// A Terraform working directory for end-to-end tests: the provider bundled once, a private
// filesystem mirror and CLI configuration, and a real engine (`terraform` or OpenTofu's `tofu`) run
// against them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleProvider } from '../../scripts/terraform/bundle.mjs';
import { installMirror } from '../../scripts/terraform/install-mirror.ts';
import { runCommand, type CommandResult } from '../support/run-command.ts';
import { TERRAFORM_BIN, terraformEngines as availableEngines, terraformProblem, type TerraformEngine } from '../support/engines.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const TERRAFORM = TERRAFORM_BIN;
export type { TerraformEngine };

let warned = false;

/**
 * The engines every end-to-end suite runs against: terraform where it runs, and tofu always. Says
 * loudly, once per file, when terraform is absent; throws (failing the file) when tofu is missing.
 */
export function terraformEngines(): TerraformEngine[] {
  const engines = availableEngines();
  const problem = terraformProblem();
  if (problem && !warned) {
    warned = true;
    process.stderr.write(`\n*** ${problem}: the Terraform end-to-end tests run against tofu only ***\n\n`);
  }
  return engines;
}

/** Where each engine resolves the bare source address `aicloud/aicloud` (its own default registry). */
export function providerAddress(engine: TerraformEngine): string {
  return `${engine.name === 'tofu' ? 'registry.opentofu.org' : 'registry.terraform.io'}/aicloud/aicloud`;
}

/** The engine for suites that run once: terraform where it runs, else tofu. */
export function defaultEngine(): TerraformEngine {
  return terraformEngines()[0]!;
}

/**
 * Kept for suites that pass it as `skip`: the suites never skip. It is false when an engine can run
 * them and throws (failing the file) when none can.
 */
export function skipReason(): false {
  defaultEngine();
  return false;
}

/** As skipReason: undefined when an engine can run the tests, and throws when none can. */
export function terraformMissing(): undefined {
  defaultEngine();
  return undefined;
}

/** What one engine command printed, and its exit code. */
export type RunResult = CommandResult;

export interface Workspace {
  dir: string;
  engine: TerraformEngine;
  env: NodeJS.ProcessEnv;
  write(files: Record<string, string>): void;
  tf(args: string[], opts?: { cwd?: string }): Promise<RunResult>;
  /** Runs and throws with Terraform's output when the exit code is not the expected one. */
  ok(args: string[], expectCode?: number, opts?: { cwd?: string }): Promise<RunResult>;
  /** `plan -out` then `show -json`: the resource changes as data. */
  planJson(extra?: string[]): Promise<{ changes: { address: string; actions: string[]; replacePaths?: unknown }[]; code: number }>;
  cleanup(): void;
}

/**
 * Each workspace gets its own temp folder, mirror and CLI config, CHECKPOINT_DISABLE=1 and no
 * plugin cache, and `provider` env for the provider (endpoint and token, or a data dir). `engine`
 * defaults to terraform where it runs, else tofu.
 */
export async function createWorkspace(provider: Record<string, string>, engine: TerraformEngine = defaultEngine()): Promise<Workspace> {
  const dir = mkdtempSync(join(tmpdir(), 'aicloud-tf-e2e-'));
  // The bundle sits under node_modules so the native modules it leaves external still resolve.
  const bundleDir = mkdtempSync(join(ROOT, 'node_modules', '.cache-aicloud-tf-'));
  const bundle = await bundleProvider({ outdir: bundleDir });
  const mirror = installMirror({ dir: join(dir, 'mirror'), env: { AICLOUD_TF_BUNDLE: bundle } });
  const cliConfig = join(dir, 'cli.tfrc');
  writeFileSync(cliConfig, mirror.cliConfig);
  const work = join(dir, 'work');
  mkdirSync(work);
  const env: NodeJS.ProcessEnv = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', ...provider };
  delete env.TF_PLUGIN_CACHE_DIR;
  delete env.TF_LOG;
  // OpenTofu prefers its own names of these settings over the TF_ ones.
  delete env.TOFU_CLI_CONFIG_FILE;
  delete env.TOFU_PLUGIN_CACHE_DIR;

  const tf = (args: string[], opts: { cwd?: string } = {}): Promise<RunResult> => runCommand(engine.bin, args, { cwd: opts.cwd ?? work, env });

  const ok = async (args: string[], expectCode = 0, opts: { cwd?: string } = {}) => {
    const r = await tf(args, opts);
    if (r.code !== expectCode) throw new Error(`${engine.name} ${args.join(' ')} exited ${r.code} (expected ${expectCode})\n${r.stdout}\n${r.stderr}`);
    return r;
  };

  return {
    dir: work,
    engine,
    env,
    write(files) {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(work, name), text);
    },
    tf,
    ok,
    async planJson(extra = []) {
      const plan = await tf(['plan', '-input=false', '-no-color', '-detailed-exitcode', '-out=tfplan', ...extra]);
      if (plan.code === 1) throw new Error(`${engine.name} plan failed\n${plan.stdout}\n${plan.stderr}`);
      const shown = await ok(['show', '-json', 'tfplan']);
      const json = JSON.parse(shown.stdout) as { resource_changes?: { address: string; change: { actions: string[]; replace_paths?: unknown } }[] };
      const changes = (json.resource_changes ?? []).map((c) => ({ address: c.address, actions: c.change.actions, replacePaths: c.change.replace_paths }));
      return { changes, code: plan.code };
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
      rmSync(bundleDir, { recursive: true, force: true });
    },
  };
}

export const PROVIDER_BLOCK = `terraform {
  required_providers {
    aicloud = { source = "aicloud/aicloud" }
  }
}

provider "aicloud" {}
`;
