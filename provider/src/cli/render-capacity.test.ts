import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCapacity } from './render-capacity.ts';

test('shows each zone with its supernodes and a map of held and free servers', () => {
  const text = renderCapacity({
    zones: [{ zone: 'z1a', acceleratorType: 'ascend-910c', total: 32, free: 12, largestFreeBlock: 12 }],
    supernodes: [
      { id: 'sn-2', zone: 'z1a', acceleratorType: 'ascend-910c', total: 16, free: 12 },
      { id: 'sn-1', zone: 'z1a', acceleratorType: 'ascend-910c', total: 16, free: 0 },
    ],
    servers: [
      { id: 's1', zone: 'z1a', supernode: 'sn-1', acceleratorType: 'ascend-910c', total: 8, free: 0 },
      { id: 's2', zone: 'z1a', supernode: 'sn-1', acceleratorType: 'ascend-910c', total: 8, free: 0 },
      { id: 's3', zone: 'z1a', supernode: 'sn-2', acceleratorType: 'ascend-910c', total: 8, free: 4 },
      { id: 's4', zone: 'z1a', supernode: 'sn-2', acceleratorType: 'ascend-910c', total: 8, free: 8 },
    ],
  });
  const lines = text.split('\n');
  assert.match(lines[1]!, /^z1a\s+ascend-910c\s+12\s+32\s+12$/);
  // Supernodes are listed in order under their zone.
  assert.match(lines[2]!, /^ {2}sn-1\s+0\s+16$/);
  assert.match(lines[3]!, /^ {2}sn-2\s+12\s+16$/);
  assert.ok(lines.includes('z1a sn-1  ##  0/16 free'));
  assert.ok(lines.includes('z1a sn-2  +.  12/16 free'));
  // s3's four free accelerators sit beside held ones: 4 of 12 free are stranded.
  assert.ok(lines.includes('  z1a ascend-910c  33.3%  (4 of 12 free stranded)'), text);
});

test('an empty zone is 0% fragmented; a faulty accelerator alone strands nothing', () => {
  const servers = ['s1', 's2', 's3', 's4'].map((id, i) => ({ id, zone: 'z', supernode: i < 2 ? 'sn-1' : 'sn-2', acceleratorType: 't', total: 8, free: 8 }));
  const text = renderCapacity({ zones: [{ zone: 'z', acceleratorType: 't', total: 32, free: 32, largestFreeBlock: 16 }], supernodes: [], servers });
  assert.ok(text.split('\n').includes('  z t  0.0%  (0 of 32 free stranded)'), text);
  servers[0] = { ...servers[0]!, free: 7, faulty: 1 } as (typeof servers)[0];
  const faulty = renderCapacity({ zones: [{ zone: 'z', acceleratorType: 't', total: 32, free: 31, largestFreeBlock: 16 }], supernodes: [], servers });
  assert.ok(faulty.split('\n').includes('  z t  0.0%  (0 of 31 free stranded)'), faulty);
});

test('lists partitioned accelerators with their free slice units', () => {
  const text = renderCapacity({
    zones: [{ zone: 'z1b', acceleratorType: 'nvidia-h200', total: 16, free: 14, largestFreeBlock: 8 }],
    supernodes: [],
    servers: [
      {
        id: 'h200-01',
        zone: 'z1b',
        supernode: null,
        acceleratorType: 'nvidia-h200',
        total: 8,
        free: 6,
        partitioned: 2,
        freeSliceUnits: 9,
        instances: 5,
        endpointInstances: 3,
      },
      { id: 'h200-02', zone: 'z1b', supernode: null, acceleratorType: 'nvidia-h200', total: 8, free: 8 },
    ],
  });
  const lines = text.split('\n');
  assert.ok(lines.includes('z1b (nvidia-h200)  +.  14/16 free'), text);
  const at = lines.findIndex((l) => l.startsWith('Partitioned accelerators'));
  assert.ok(at > 0, text);
  assert.match(lines[at + 2]!, /^z1b\/h200-01\s+nvidia-h200\s+2\s+9\s+5\s+3$/);
  assert.equal(lines[at + 3], '');
});

test('says nothing of partitions when no accelerator is partitioned', () => {
  const text = renderCapacity({ zones: [], supernodes: [], servers: [{ id: 's', zone: 'z', supernode: null, acceleratorType: 't', total: 8, free: 8 }] });
  assert.ok(!text.includes('Partitioned'));
});

test('lists a server whose whole accelerators have instances cut for endpoints, with 0 partitioned', () => {
  const text = renderCapacity({
    zones: [],
    supernodes: [],
    servers: [{ id: 'h200-02', zone: 'z1b', supernode: null, acceleratorType: 'nvidia-h200', total: 8, free: 0, instances: 9, endpointInstances: 9 }],
  });
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('Partitioned accelerators'));
  assert.ok(at > 0, text);
  assert.match(lines[at + 2]!, /^z1b\/h200-02\s+nvidia-h200\s+0\s+0\s+9\s+9$/);
});
