import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hourlyCost, validate } from '../index.ts';

const h200 = { name: 'mig-a', zone: 'cn-southwest-2b', acceleratorType: 'nvidia-h200', nodeCount: 1 };

function errors(input: Record<string, unknown>) {
  const r = validate('Cluster', input);
  return r.ok ? [] : r.diagnostics.filter((d) => d.severity === 'error');
}

test('a profile of the type is accepted, with profileCount', () => {
  const r = validate('Cluster', { ...h200, acceleratorProfile: '1g.18gb', profileCount: 3 });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.value.profileCount, 3);
});

test('an unknown profile names the field, the value and the profiles of the type', () => {
  const [d, ...rest] = errors({ ...h200, acceleratorProfile: '1g.10gb' });
  assert.equal(rest.length, 0);
  assert.equal(d!.path, 'acceleratorProfile');
  assert.equal(d!.value, '1g.10gb');
  assert.match(d!.message, /1g\.10gb.*nvidia-h200.*1g\.18gb, 1g\.35gb, 2g\.35gb, 3g\.71gb, 4g\.71gb, 7g\.141gb/);
});

test('a vNPU template of another type is refused, and the Ascend one accepted', () => {
  assert.equal(errors({ ...h200, acceleratorProfile: 'vir05_1c_16g' })[0]?.path, 'acceleratorProfile');
  assert.deepEqual(errors({ ...h200, zone: 'cn-southwest-2a', acceleratorType: 'ascend-910b', acceleratorProfile: 'vir05_1c_16g' }), []);
});

test('a partitioned cluster has nodeCount 1, and profileCount needs a profile', () => {
  assert.deepEqual(
    errors({ ...h200, nodeCount: 2, acceleratorProfile: '1g.18gb' }).map((d) => d.path),
    ['nodeCount'],
  );
  assert.deepEqual(
    errors({ ...h200, profileCount: 2 }).map((d) => d.path),
    ['profileCount'],
  );
});

test('partitions are billed by the share of the accelerator they take', () => {
  const whole = hourlyCost('Cluster', { ...h200, nodeCount: 1 }) / 8;
  const share = hourlyCost('Cluster', { ...h200, acceleratorProfile: '3g.71gb', profileCount: 2 });
  assert.ok(Math.abs(share - whole) < 0.001, `${share} vs ${whole}`);
});

test('a partitioned cluster may name a queue', () => {
  assert.deepEqual(errors({ ...h200, acceleratorProfile: '1g.18gb', profileCount: 2, queue: 'batch', priority: 3, preemptible: true }), []);
});
