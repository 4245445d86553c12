import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as pulumi from '@pulumi/pulumi';
import { providerPb } from '../../provider/src/pulumi/proto.ts';
import { encode, decode, reveal, Secret } from './harness/engine-values.ts';
import { startInProcessProvider } from './harness/in-process-provider.ts';
import type { InProcessProvider } from './harness/in-process-provider.ts';
import { resolveSdkFromSources } from './harness/resolve-sdk.ts';

// examples/pulumi-ts under the Pulumi runtime's mocks, where every new resource goes through the provider's own
// Check and Create (in this process, on an embedded cloud in a temp folder) and every invoke through Invoke.
let provider: InProcessProvider;
const created: { type: string; name: string; inputs: Record<string, unknown> }[] = [];

before(async () => {
  provider = await startInProcessProvider({ region: 'cn-southwest-2' });
  resolveSdkFromSources();
  await pulumi.runtime.setMocks(
    {
      async newResource(args) {
        if (args.type.startsWith('pulumi:providers:')) return { id: `${args.name}-provider`, state: args.inputs };
        const checked = await provider.check(args.type, args.name, {}, args.inputs);
        if (checked.failures.length) throw new Error(`check failed for ${args.name}: ${JSON.stringify(checked.failures)}`);
        created.push({ type: args.type, name: args.name, inputs: checked.inputs });
        const { id, outputs } = await provider.create(args.type, args.name, checked.inputs);
        // Secrets the provider wrapped stay secret, as the engine keeps them.
        return { id, state: toMockState(outputs) };
      },
      async call(args) {
        const res = await provider.provider.rpcs.invoke(new providerPb.InvokeRequest().setTok(args.token).setArgs(encode(args.inputs)), {
          method: 'invoke',
          signal: new AbortController().signal,
        });
        if (res.getFailuresList().length)
          throw new Error(
            res
              .getFailuresList()
              .map((f) => f.getReason())
              .join('; '),
          );
        return decode(res.getReturn());
      },
    },
    'aicloud-example',
    'dev',
    false,
  );
});

after(async () => {
  await provider?.close();
});

function toMockState(outputs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, v instanceof Secret ? pulumi.secret(reveal(v)) : reveal(v)]));
}

// Loaded by URL, so that the project's type check does not follow it into the generated SDK (which
// test/pulumi/sdk.test.ts compiles with the example under the SDK's own settings).
const EXAMPLE = new URL('../../examples/pulumi-ts/index.ts', import.meta.url).href;

const valueOf = <T>(o: pulumi.Input<T>): Promise<T> => new Promise((resolve) => pulumi.output(o).apply((v) => resolve(v as T)));

test('the example program creates the gitops stack through the provider and exports its outputs', async () => {
  const program = (await import(EXAMPLE)) as unknown as Record<string, pulumi.Output<unknown>>;
  const [supernodes, accelerators, endpointUrl, apiKey, mount, replicas, free, cost] = await Promise.all([
    valueOf(program.trainSupernodes),
    valueOf(program.trainAccelerators),
    valueOf(program.endpointUrl),
    valueOf(program.endpointApiKey),
    valueOf(program.checkpointMount),
    valueOf(program.endpointReplicas),
    valueOf(program.freeAccelerators),
    valueOf(program.hourlyCost),
  ]);
  assert.deepEqual(created.map((c) => c.name).sort(), ['ckpt-train-a', 'deepseek-r1', 'fm-weights-deepseek', 'infer-a', 'kv-r1', 'train-a']);
  assert.equal((supernodes as string[]).length, 1);
  assert.equal(accelerators, 256);
  assert.match(String(endpointUrl), /^https?:\/\//);
  assert.equal(typeof apiKey, 'string');
  assert.equal(typeof mount, 'string');
  assert.equal((replicas as unknown[]).length, 2, 'minReplicas replicas are reserved');
  // What the program reads back agrees with the cloud behind the mocks.
  const cloudTrain = await provider.client.get('Cluster', 'train-a');
  assert.deepEqual(cloudTrain?.allocation?.supernodes, supernodes);
  const capacity = (await provider.client.capacity({ zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c' })) as { zones: { free: number }[] };
  assert.equal(free, capacity.zones[0].free);
  assert.ok(typeof cost === 'number' && cost > 0);
  // Defaults reach the cloud through Check, the same as in a real update.
  const endpoint = created.find((c) => c.name === 'deepseek-r1')!;
  assert.equal((endpoint.inputs.autoscaling as { metric: string }).metric, 'tokens-per-second');
  assert.equal(endpoint.inputs.cluster, 'infer-a');
});

test('the endpoint API key stays secret from the provider to the program', async () => {
  const program = (await import(EXAMPLE)) as unknown as Record<string, pulumi.Output<unknown>>;
  assert.equal(await pulumi.isSecret(program.endpointApiKey), true);
  assert.equal(await pulumi.isSecret(program.endpointUrl), false);
});
