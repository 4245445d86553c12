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
});
