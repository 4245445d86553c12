// The command-line engines the end-to-end tests drive: the Pulumi CLI, its Node.js and YAML language hosts and
// OpenTofu from `npm run tools`, and Terraform where the machine has it. A missing engine is an error
// that says how to get it, never a skipped test.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toolsBinDir } from '../../scripts/tools/tools-cache.mjs';

/** The binaries `npm run tools` builds. */
export type ToolName = 'pulumi' | 'tofu' | 'pulumi-language-nodejs' | 'pulumi-language-yaml';

/** An engine that runs Terraform configurations. */
export interface TerraformEngine {
  name: 'terraform' | 'tofu';
  bin: string;
}

/** The folder of the tools binaries: AICLOUD_TOOLS_BIN (set by scripts/test.mjs), else the cache folder `npm run tools` fills. */
export function toolsBin(): string {
  return resolve(process.env.AICLOUD_TOOLS_BIN || toolsBinDir());
}

/** The absolute path of a tools binary; throws with the fix when it has not been built. */
export function enginePath(name: ToolName): string {
  const bin = join(toolsBin(), name);
  if (!existsSync(bin)) throw new Error(`${name} not found at ${bin}: run \`npm run tools\` to build it from the Go module proxy`);
  return bin;
}

/** Terraform's path: AICLOUD_TERRAFORM_BIN, else where the project's machines install it. */
export const TERRAFORM_BIN = process.env.AICLOUD_TERRAFORM_BIN ?? '/usr/local/bin/terraform';

let problem: { reason: string | undefined } | undefined;

/** Why Terraform cannot run here, or undefined when it can (asked once per process). */
export function terraformProblem(): string | undefined {
  if (!problem) {
    if (!existsSync(TERRAFORM_BIN)) problem = { reason: `terraform not found at ${TERRAFORM_BIN}` };
    else {
      const r = spawnSync(TERRAFORM_BIN, ['version'], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
      problem = { reason: r.status === 0 ? undefined : `terraform at ${TERRAFORM_BIN} does not run: ${r.stderr || r.error?.message}` };
    }
  }
  return problem.reason;
}

let engines: TerraformEngine[] | undefined;

/**
 * The engines each Terraform end-to-end suite runs against: terraform where it exists and runs, and
 * tofu always. Throws when tofu is missing, so CI fails instead of skipping.
 */
export function terraformEngines(): TerraformEngine[] {
  if (!engines) {
    const tofu = enginePath('tofu');
    engines = [...(terraformProblem() ? [] : [{ name: 'terraform' as const, bin: TERRAFORM_BIN }]), { name: 'tofu' as const, bin: tofu }];
  }
  return engines;
}
