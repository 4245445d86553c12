import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  clusterAsk,
  clusterFieldOf,
  clusterNeedsPreview,
  clusterPreviewCreate,
  clusterPreviewFields,
  clusterSizeField,
  endpointNeedsPreview,
  refusedBeforeAccepting,
  validate,
  type ClusterInputs,
} from '../index.ts';

function cluster(input: Record<string, unknown>): ClusterInputs {
  const r = validate('Cluster', { name: 'c1', zone: 'cn-southwest-2b', acceleratorType: 'nvidia-h200', nodeCount: 2, ...input });
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
}

test('a whole cluster asks for its servers by its placement; growth asks for the new servers only', () => {
  const c = cluster({ placement: 'spread' });
  assert.deepEqual(clusterAsk(c), {
    acceleratorType: 'nvidia-h200',
    region: 'cn-southwest-2',
    zone: 'cn-southwest-2b',
    count: 2,
    unit: 'servers',
    scope: 'spread',
  });
  assert.equal(clusterAsk(c, 1).count, 1);
});

test('the schema default placement is the one asked for, not a second default', () => {
  assert.equal(clusterAsk(cluster({})).scope, cluster({}).placement);
});

test('a partitioned cluster asks for profileCount instances on one server, 1 when absent', () => {
  const one = cluster({ nodeCount: 1, acceleratorProfile: '1g.18gb' });
  assert.deepEqual(clusterAsk(one), {
    acceleratorType: 'nvidia-h200',
    region: 'cn-southwest-2',
    zone: 'cn-southwest-2b',
    count: 1,
    unit: 'accelerators',
    scope: 'server',
    profile: '1g.18gb',
  });
  assert.equal(clusterAsk(cluster({ nodeCount: 1, acceleratorProfile: '1g.18gb', profileCount: 3 })).count, 3);
  assert.equal(clusterPreviewCreate(one).profileCount, 1);
});

test('a refusal names the input that sizes the cluster', () => {
  const whole = cluster({});
  const parts = cluster({ nodeCount: 1, acceleratorProfile: '1g.18gb' });
  assert.equal(clusterSizeField(whole), 'nodeCount');
  assert.equal(clusterSizeField(parts), 'profileCount');
  assert.equal(clusterFieldOf(whole, 'count'), 'nodeCount');
  assert.equal(clusterFieldOf(parts, 'count'), 'profileCount');
  assert.equal(clusterFieldOf(whole, 'scope'), 'placement');
  assert.equal(clusterFieldOf(parts, undefined), 'profileCount');
});

test('the preview entry carries back exactly the inputs that validate into the same cluster', () => {
  const c = cluster({ nodeCount: 1, acceleratorProfile: '2g.35gb', profileCount: 2, queue: 'batch' });
  const entry = clusterPreviewCreate(c);
  assert.equal(entry.queue, 'batch');
  const back = validate('Cluster', clusterPreviewFields(entry));
  assert.ok(back.ok, JSON.stringify(back));
  assert.deepEqual(clusterAsk(back.value), clusterAsk(c));
});

test('which changes need the placement preview', () => {
  assert.equal(clusterNeedsPreview('create', undefined, { nodeCount: 1 }), true);
  assert.equal(clusterNeedsPreview('replace', { nodeCount: 4 }, { nodeCount: 1 }), true);
  assert.equal(clusterNeedsPreview('update', { nodeCount: 2 }, { nodeCount: 3 }), true);
  assert.equal(clusterNeedsPreview('update', { nodeCount: 3 }, { nodeCount: 2 }), false);
  assert.equal(clusterNeedsPreview('update', { nodeCount: undefined }, { nodeCount: 2 }), false);
  assert.equal(endpointNeedsPreview('create', { queue: 'q' }, []), true);
  assert.equal(endpointNeedsPreview('replace', { queue: 'q' }, []), false);
  assert.equal(endpointNeedsPreview('create', {}, []), false);
  assert.equal(endpointNeedsPreview('update', { acceleratorProfile: '1g.18gb' }, ['replicas']), true);
  assert.equal(endpointNeedsPreview('update', { acceleratorProfile: '1g.18gb' }, ['labels.team']), false);
});

test('the errors that mean "refused before the cloud accepted the create" come from the catalogue', () => {
  for (const code of [
    'ALREADY_EXISTS',
    'INVALID_VALUE',
    'UNAUTHENTICATED',
    'DEPENDENCY_NOT_FOUND',
    'CAPACITY_EXHAUSTED',
    'QUOTA_EXCEEDED',
    'LEASE_MISMATCH',
    'LEASE_EXPIRED',
  ])
    assert.equal(refusedBeforeAccepting(code), true, code);
  for (const code of ['OPERATION_FAILED', 'OPERATION_TIMEOUT', 'CANCELLED', 'UNAVAILABLE', 'INTERNAL', 'IDEMPOTENCY_KEY_REUSED', 'NOT_A_CODE'])
    assert.equal(refusedBeforeAccepting(code), false, code);
});

test('a resource that runs on a cluster lives in its region before the provider default', () => {
  const endpointRegion = (ctx: { clusterRegion?: string; defaultRegion?: string }) => {
    const r = validate('KvCachePool', { name: 'p1', cluster: 'c1', tiers: { hbmGib: 8 } }, ctx);
    assert.ok(r.ok, JSON.stringify(r));
    return r.value.region;
  };
  assert.equal(endpointRegion({ clusterRegion: 'cn-east-1', defaultRegion: 'cn-southwest-2' }), 'cn-east-1');
  assert.equal(endpointRegion({ defaultRegion: 'cn-southwest-2' }), 'cn-southwest-2');
});
