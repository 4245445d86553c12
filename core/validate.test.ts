import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate, UNKNOWN, type Diagnostic } from './index.ts';

const cluster = { name: 'train-a', region: 'cn-southwest-2', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 4, placement: 'supernode' };
const endpoint = {
  name: 'r1',
  cluster: 'infer',
  model: {
    name: 'deepseek-r1',
    bucket: 'weights-a',
    path: 'deepseek/r1',
    parametersBillions: 671,
    activeParametersBillions: 37,
    precision: 'int8',
    kvBytesPerToken: 70272,
  },
  runtime: { framework: 'vllm-ascend', softwareStack: 'cann-8.1' },
  autoscaling: { minReplicas: 2, maxReplicas: 6 },
  acceleratorsPerReplica: 16,
  parallelism: { tensor: 2, expert: 8 },
};

function errorsOf(r: ReturnType<typeof validate>): Diagnostic[] {
  assert.equal(r.ok, false, 'expected validation to fail');
  return r.ok ? [] : r.diagnostics;
}

test('the documented cluster body is accepted as is', () => {
  const r = validate('Cluster', cluster);
  assert.deepEqual(r, { ok: true, value: cluster, warnings: [] });
});

test('defaults fill placement, nested parallelism and the region from the zone', () => {
  const { region: _r, placement: _p, ...bare } = cluster;
  const r = validate('Cluster', bare);
  assert.ok(r.ok);
  assert.equal(r.value.placement, 'zone');
  assert.equal(r.value.region, 'cn-southwest-2');
  const e = validate('ModelEndpoint', endpoint, { defaultRegion: 'cn-southwest-2' });
  assert.ok(e.ok);
  assert.deepEqual(e.value.parallelism, { tensor: 2, expert: 8, pipeline: 1, data: 1 });
  assert.equal(e.value.contextLength, 8192);
});

test('each bad field is named with its value and a hint', () => {
  const d = errorsOf(validate('Cluster', { ...cluster, nodeCount: 'four', placement: 'supernod', acceleratorTyp: 'x' }));
  const byPath = Object.fromEntries(d.map((x) => [x.path, x]));
  assert.equal(byPath.nodeCount.code, 'INVALID_TYPE');
  assert.equal(byPath.nodeCount.value, 'four');
  assert.equal(byPath.placement.code, 'INVALID_VALUE');
  assert.equal(byPath.placement.hint, 'Did you mean supernode?');
  assert.equal(byPath.acceleratorTyp.code, 'UNKNOWN_FIELD');
  assert.equal(byPath.acceleratorTyp.hint, 'Did you mean acceleratorType?');
});

test('ranges, patterns and missing fields', () => {
  const d = errorsOf(validate('Cluster', { name: 'Bad_Name', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 0 }));
  assert.deepEqual(d.map((x) => [x.path, x.code]).sort(), [
    ['name', 'INVALID_FORMAT'],
    ['nodeCount', 'OUT_OF_RANGE'],
  ]);
  const m = errorsOf(validate('Cluster', { name: 'a1', zone: 'cn-southwest-2a' }));
  assert.deepEqual(m.map((x) => [x.path, x.code]).sort(), [['nodeCount', 'MISSING_FIELD']]);
  // acceleratorType or acceleratorTypes: the cluster's rule says one is missing once the schema's fields pass.
  const t = errorsOf(validate('Cluster', { name: 'a1', zone: 'cn-southwest-2a', nodeCount: 1 }));
  assert.deepEqual(
    t.map((x) => [x.path, x.code]),
    [['acceleratorType', 'MISSING_FIELD']],
  );
});

test('nested fields are named by their dotted path', () => {
  const d = errorsOf(validate('ModelEndpoint', { ...endpoint, model: { ...endpoint.model, precision: 'fp4' } }, { defaultRegion: 'cn-southwest-2' }));
  assert.equal(d[0].path, 'model.precision');
  assert.equal(d[0].value, 'fp4');
});

test('a region is required when nothing gives one', () => {
  const d = errorsOf(validate('Bucket', { name: 'weights-a' }));
  assert.equal(d[0].path, 'region');
  assert.equal(d[0].code, 'MISSING_FIELD');
});

test('a zone outside the region is refused', () => {
  const d = errorsOf(validate('Cluster', { ...cluster, zone: 'cn-north-1a' }));
  assert.equal(d[0].path, 'zone');
});

test('label keys are checked', () => {
  const d = errorsOf(validate('Cluster', { ...cluster, labels: { 'bad key!': 'x' } }));
  assert.equal(d[0].path, 'labels["bad key!"]');
});

test('unknown values are accepted only when allowed, and kept', () => {
  const input = { ...cluster, nodeCount: UNKNOWN };
  errorsOf(validate('Cluster', input));
  const r = validate('Cluster', input, { allowUnknown: true });
  assert.ok(r.ok);
  assert.equal(r.value.nodeCount, UNKNOWN);
});

test('an unknown zone makes the region unknown rather than missing', () => {
  const { region: _r, ...rest } = cluster;
  const r = validate('Cluster', { ...rest, zone: UNKNOWN }, { allowUnknown: true });
  assert.ok(r.ok);
  assert.equal(r.value.region, UNKNOWN);
});

test('non-objects are refused without throwing', () => {
  for (const v of [null, 42, 'x', [], undefined]) assert.equal(errorsOf(validate('Cluster', v))[0].code, 'INVALID_BODY');
});

test('endpoint: parallelism must multiply to acceleratorsPerReplica', () => {
  const d = errorsOf(validate('ModelEndpoint', { ...endpoint, parallelism: { tensor: 4, expert: 8 } }, { defaultRegion: 'cn-southwest-2' }));
  assert.equal(d[0].code, 'PARALLELISM_MISMATCH');
  assert.match(d[0].message, /= 32, but acceleratorsPerReplica is 16/);
});

test('endpoint: replicas and autoscaling exclude each other; bounds are ordered', () => {
  const d = errorsOf(
    validate('ModelEndpoint', { ...endpoint, replicas: 2, autoscaling: { minReplicas: 4, maxReplicas: 2 } }, { defaultRegion: 'cn-southwest-2' }),
  );
  assert.deepEqual(d.map((x) => x.path).sort(), ['autoscaling.maxReplicas', 'replicas']);
});

test('endpoint: the runtime is checked against the accelerator type', () => {
  const cuda = { ...endpoint, runtime: { framework: 'vllm-ascend', softwareStack: 'cuda-12.8' } };
  assert.equal(errorsOf(validate('ModelEndpoint', cuda, { defaultRegion: 'cn-southwest-2' }))[0].code, 'RUNTIME_MISMATCH');
  const old = { ...endpoint, runtime: { framework: 'mindie', softwareStack: 'cann-7.0' } };
  assert.ok(validate('ModelEndpoint', old, { defaultRegion: 'cn-southwest-2' }).ok, 'without the type only the stack family is checked');
  const d = errorsOf(validate('ModelEndpoint', old, { defaultRegion: 'cn-southwest-2', acceleratorType: 'ascend-910c' }));
  assert.match(d[0].message, /needs cann 8.0 or later, got 7.0/);
  const trt = { ...endpoint, runtime: { framework: 'tensorrt-llm', softwareStack: 'cuda-12.8' } };
  assert.equal(errorsOf(validate('ModelEndpoint', trt, { defaultRegion: 'cn-southwest-2', acceleratorType: 'ascend-910c' }))[0].path, 'runtime.softwareStack');
});

test('endpoint: weights and KV cache must fit, and the refusal shows the numbers', () => {
  const small = { ...endpoint, acceleratorsPerReplica: 4, parallelism: { tensor: 4 } };
  const d = errorsOf(validate('ModelEndpoint', small, { defaultRegion: 'cn-southwest-2', acceleratorType: 'ascend-910c' }));
  assert.equal(d[0].code, 'ENDPOINT_DOES_NOT_FIT');
  assert.match(d[0].message, /weights 624\.9 GiB \(671B parameters x 1 byte int8\)/);
  assert.match(d[0].message, /4 x ascend-910c offer 512\.0 GiB, of which 460\.8 GiB usable/);
  assert.ok(validate('ModelEndpoint', endpoint, { defaultRegion: 'cn-southwest-2', acceleratorType: 'ascend-910c' }).ok);
});

test('endpoint: HCCS groups on ascend-910b allow 1, 2, 4 or 8 per server', () => {
  const base = { ...endpoint, model: { ...endpoint.model, parametersBillions: 7, activeParametersBillions: undefined }, autoscaling: undefined, replicas: 1 };
  for (const n of [1, 2, 4, 8]) {
    assert.ok(
      validate(
        'ModelEndpoint',
        { ...base, acceleratorsPerReplica: n, parallelism: { tensor: n } },
        { defaultRegion: 'cn-southwest-2', acceleratorType: 'ascend-910b' },
      ).ok,
      `n=${n}`,
    );
  }
  const d = errorsOf(
    validate(
      'ModelEndpoint',
      { ...base, acceleratorsPerReplica: 3, parallelism: { tensor: 3 } },
      { defaultRegion: 'cn-southwest-2', acceleratorType: 'ascend-910b' },
    ),
  );
  assert.equal(d[0].code, 'TOPOLOGY_MISMATCH');
  const wide = errorsOf(
    validate(
      'ModelEndpoint',
      { ...base, acceleratorsPerReplica: 12, parallelism: { tensor: 12 } },
      { defaultRegion: 'cn-southwest-2', acceleratorType: 'ascend-910c' },
    ),
  );
  assert.match(wide[0].message, /multiple of 8/);
});

test('volume: iops only with essd', () => {
  const d = errorsOf(validate('Volume', { name: 'scratch', zone: 'cn-southwest-2a', sizeGib: 100, iops: 5000 }));
  assert.equal(d[0].code, 'CONFLICTING_FIELDS');
});

test('deeply nested inputs are refused with a diagnostic, not a stack overflow', () => {
  let deep: unknown = 'x';
  for (let i = 0; i < 5000; i++) deep = { a: deep };
  const d = errorsOf(validate('Cluster', { ...cluster, labels: deep }));
  assert.equal(d[0].code, 'INVALID_BODY');
  assert.match(d[0].path, /^labels/);
});

test('a __proto__ key is an ordinary unknown field, never a prototype', () => {
  const body = JSON.parse(`{"name":"train-a","zone":"cn-southwest-2a","acceleratorType":"ascend-910c","nodeCount":4,"__proto__":{"x":1}}`);
  const d = errorsOf(validate('Cluster', body));
  assert.equal(d[0].code, 'UNKNOWN_FIELD');
  assert.equal(d[0].path, '__proto__');
  const labels = JSON.parse(`{"__proto__":"v"}`);
  const l = errorsOf(validate('Cluster', { ...cluster, labels }));
  assert.equal(l[0].path, 'labels.__proto__');
});
