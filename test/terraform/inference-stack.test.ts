import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { AicloudProvider, InferenceStack, type InferenceStackProps } from '../../sdk/cdktf/index.ts';

process.env.CHECKPOINT_DISABLE = '1';

function synthStack(props: InferenceStackProps): Record<string, Record<string, Record<string, unknown>>> {
  const outdir = mkdtempSync(join(tmpdir(), 'aicloud-cdktf-'));
  try {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 's');
    new AicloudProvider(stack, 'aicloud', {});
    new InferenceStack(stack, 'i', props);
    app.synth();
    return JSON.parse(readFileSync(join(outdir, 'stacks/s/cdk.tf.json'), 'utf8')).resource;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const only = (resources: Record<string, Record<string, unknown>>) => Object.values(resources)[0]!;

test('defaults size the replica and the cluster from the model', () => {
  const r = synthStack({ name: 'big', zone: 'cn-southwest-2a', model: { name: 'llama-405b', parametersBillions: 405 }, replicas: 2 });
  const endpoint = only(r.aicloud_model_endpoint!);
  // 405B in bf16 is 754 GiB: 8 x 128 GiB at 90% usable is the smallest fit.
  assert.equal(endpoint.accelerators_per_replica, 8);
  assert.deepEqual(endpoint.parallelism, { tensor: 8 });
  assert.equal(only(r.aicloud_cluster!).node_count, 2);
  assert.equal(only(r.aicloud_bucket!).name, 'big-weights');
  assert.match(String(endpoint.kv_cache_pool), /aicloud_kv_cache_pool\..*\.name/);
});

test('a model that does not fit fails the synth with the numbers', () => {
  assert.throws(
    () => synthStack({ name: 'tight', zone: 'cn-southwest-2a', model: { name: 'llama-405b', parametersBillions: 405 }, acceleratorsPerReplica: 2 }),
    /ModelEndpoint tight: acceleratorsPerReplica: llama-405b needs .* GiB per replica/,
  );
});

test('a runtime for the wrong accelerators fails the synth', () => {
  assert.throws(
    () =>
      synthStack({
        name: 'gpu',
        zone: 'cn-southwest-2a',
        model: { name: 'm', parametersBillions: 7 },
        acceleratorType: 'ascend-910c',
        runtime: { framework: 'tensorrt-llm', softwareStack: 'cuda-12.8' },
      }),
    /ModelEndpoint gpu: runtime/,
  );
});
