import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hourlyCost, validate } from '../index.ts';

/** A 7B model in int8 with a short context: about 7.5 GiB per replica, so one 1g.18gb instance holds it. */
const small = {
  name: 'chat-small',
  cluster: 'dev-mig',
  model: { name: 'qwen2.5-7b', bucket: 'weights', path: 'qwen/7b', parametersBillions: 7, precision: 'int8', kvBytesPerToken: 57344 },
  runtime: { framework: 'vllm', softwareStack: 'cuda-12.4' },
  replicas: 3,
  acceleratorsPerReplica: 1,
  acceleratorProfile: '1g.18gb',
  contextLength: 4096,
  sequencesPerReplica: 4,
};
const onH200 = { defaultRegion: 'cn-southwest-2', acceleratorType: 'nvidia-h200' };

function errors(input: Record<string, unknown>, ctx: { defaultRegion: string; acceleratorType?: string } = onH200) {
  const r = validate('ModelEndpoint', input, ctx);
  return r.ok ? [] : r.diagnostics.filter((d) => d.severity === 'error');
}

test('an endpoint with a MIG profile of its cluster type is accepted and keeps the profile', () => {
  const r = validate('ModelEndpoint', small, onH200);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.value.acceleratorProfile, '1g.18gb');
});

test('a profile the type does not have names the field, the value and the allowed profiles', () => {
  const [d, ...rest] = errors({ ...small, acceleratorProfile: '1g.10gb' });
  assert.equal(rest.length, 0, JSON.stringify(rest));
  assert.equal(d!.path, 'acceleratorProfile');
  assert.equal(d!.value, '1g.10gb');
  assert.match(d!.message, /acceleratorProfile 1g\.10gb is not a profile of nvidia-h200; allowed: 1g\.18gb, 1g\.35gb, 2g\.35gb, 3g\.71gb, 4g\.71gb, 7g\.141gb/);
});

test('a type without a partition catalogue takes no profile', () => {
  const d = errors({ ...small }, { defaultRegion: 'cn-southwest-2', acceleratorType: 'nvidia-gb200' }).find((x) => x.path === 'acceleratorProfile');
  assert.match(d!.message, /nvidia-gb200 cannot be partitioned/);
});

test('without the cluster type only the shape is checked', () => {
  assert.ok(validate('ModelEndpoint', { ...small, acceleratorProfile: '1g.10gb' }, { defaultRegion: 'cn-southwest-2' }).ok);
});

test('acceleratorsPerReplica above 1 with a profile is refused, naming the field and value', () => {
  const d = errors({ ...small, acceleratorsPerReplica: 2, parallelism: { data: 2 } });
  assert.deepEqual(
    d.map((x) => x.path),
    ['acceleratorsPerReplica'],
  );
  assert.equal(d[0]!.value, 2);
  assert.match(d[0]!.message, /acceleratorsPerReplica 2 with acceleratorProfile 1g\.18gb/);
});

test('tensor, pipeline and expert parallelism above 1 are refused with a hint', () => {
  const d = errors({ ...small, acceleratorsPerReplica: 2, parallelism: { tensor: 2 } });
  assert.deepEqual(d.map((x) => x.path).sort(), ['acceleratorsPerReplica', 'parallelism.tensor']);
  const t = d.find((x) => x.path === 'parallelism.tensor')!;
  assert.equal(t.value, 2);
  assert.match(t.hint ?? '', /Set parallelism\.tensor to 1/);
  const pe = errors({ ...small, acceleratorsPerReplica: 4, parallelism: { pipeline: 2, expert: 2 } })
    .map((x) => x.path)
    .sort();
  assert.deepEqual(pe, ['acceleratorsPerReplica', 'parallelism.expert', 'parallelism.pipeline']);
});

test('the weights and KV cache must fit one instance, and the refusal shows the numbers', () => {
  const big = { ...small, model: { ...small.model, parametersBillions: 32 } };
  const [d, ...rest] = errors(big);
  assert.equal(rest.length, 0);
  assert.equal(d!.code, 'ENDPOINT_DOES_NOT_FIT');
  assert.equal(d!.path, 'acceleratorProfile');
  assert.equal(d!.value, '1g.18gb');
  assert.match(d!.message, /needs 30\.7 GiB per replica: weights 29\.8 GiB \(32B parameters x 1 byte int8\) \+ KV cache 0\.9 GiB/);
  assert.match(d!.message, /one 1g\.18gb instance of nvidia-h200 offers 18\.0 GiB, of which 16\.2 GiB usable/);
  assert.match(d!.hint ?? '', /Use the 1g\.35gb profile or larger/);
  assert.deepEqual(errors({ ...big, acceleratorProfile: '1g.35gb' }), []);
});

test('a model no instance holds is told to use whole accelerators', () => {
  const huge = { ...small, model: { ...small.model, parametersBillions: 140 } };
  const [d] = errors({ ...huge, acceleratorProfile: '7g.141gb' });
  assert.equal(d!.code, 'ENDPOINT_DOES_NOT_FIT');
  assert.match(d!.hint ?? '', /leave acceleratorProfile out and use at least 2 whole accelerators/);
});

test('a profiled endpoint may name a queue and keeps it with its profile', () => {
  assert.deepEqual(errors({ ...small, queue: 'batch', priority: 3, preemptible: true }), []);
  const r = validate('ModelEndpoint', { ...small, queue: 'batch' }, onH200);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.value.queue, 'batch');
  assert.equal(r.value.acceleratorProfile, '1g.18gb');
});

test('a profiled endpoint with a queue is still checked for its profile', () => {
  const d = errors({ ...small, queue: 'batch', acceleratorProfile: '9g.999gb' });
  assert.deepEqual(
    d.map((x) => x.path),
    ['acceleratorProfile'],
  );
});

test('a profiled endpoint is billed by its instances share of an accelerator', () => {
  const whole = hourlyCost('ModelEndpoint', { ...small, acceleratorProfile: undefined }, { acceleratorType: 'nvidia-h200' });
  const share = hourlyCost('ModelEndpoint', small, { acceleratorType: 'nvidia-h200' });
  assert.ok(Math.abs(share - (whole * 1) / 8) < 0.001, `${share} vs ${whole}/8`);
});
