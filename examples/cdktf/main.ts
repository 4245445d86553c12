// A CDKTF app for the same stack as examples/terraform: synthesizes Terraform JSON into
// cdktf.out/stacks/inference/cdk.tf.json, which `terraform init && terraform apply` runs there.
// Run: npx tsx examples/cdktf/main.ts [--outdir DIR]
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { AicloudProvider, InferenceStack } from '../../sdk/cdktf/index.ts';

/** The stack: one model served on Ascend 910C in cn-southwest-2a, with its weights bucket and KV cache. */
export class InferenceApp extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // State beside the synthesized stack; CDKTF's default puts it in the synthesizing process's cwd.
    new LocalBackend(this, { path: 'terraform.tfstate' });
    new AicloudProvider(this, 'aicloud', {});
    const stack = new InferenceStack(this, 'qwen', {
      name: 'qwen-chat',
      zone: 'cn-southwest-2a',
      model: { name: 'qwen3-32b', parametersBillions: 32 },
      replicas: 2,
      labels: { team: 'inference' },
    });
    new TerraformOutput(this, 'url', { value: stack.endpoint.url });
    new TerraformOutput(this, 'api_key', { value: stack.endpoint.apiKey, sensitive: true });
  }
}

/** Synthesizes into `outdir` (default `cdktf.out` beside this file); returns the stack's folder. */
export function synth(outdir = resolve(fileURLToPath(new URL('.', import.meta.url)), 'cdktf.out')): string {
  const app = new App({ outdir });
  new InferenceApp(app, 'inference');
  app.synth();
  return resolve(outdir, 'stacks', 'inference');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--outdir');
  process.stderr.write(`synthesized ${synth(i >= 0 ? resolve(process.argv[i + 1]!) : undefined)}\n`);
}
