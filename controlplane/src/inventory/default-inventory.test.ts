import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCELERATOR_TYPES } from '../../../core/index.ts';
import { defaultInventory } from './default-inventory.ts';
import type { Zone } from './types.ts';

const count = (zone: Zone, type: string) =>
  [...zone.supernodes.flatMap((s) => s.servers), ...zone.servers].filter((s) => s.acceleratorType === type).reduce((a, s) => a + s.acceleratorCount, 0);

test('the default inventory has the shapes the project documents', () => {
  const inv = defaultInventory();
  assert.equal(inv.regions.length, 1);
  const [a, b] = inv.regions[0]!.zones;
  assert.equal(a!.name, 'cn-southwest-2a');
  assert.equal(b!.name, 'cn-southwest-2b');
  assert.deepEqual(
    a!.supernodes.map((s) => s.id),
    ['sn-1', 'sn-2', 'sn-3', 'sn-4'],
  );
  assert.equal(count(a!, 'ascend-910c'), 4 * 384);
  assert.equal(count(a!, 'ascend-910b'), 32 * 8);
  assert.equal(count(b!, 'ascend-910c'), 2 * 384);
  assert.equal(count(b!, 'nvidia-h200'), 16 * 8);
  assert.equal(count(b!, 'nvidia-gb200'), 8 * 72);
  const nvl = b!.supernodes.filter((s) => s.acceleratorType === 'nvidia-gb200');
  assert.equal(nvl.length, 8);
  assert.ok(nvl.every((s) => s.servers.length === 18 && s.servers.every((x) => x.acceleratorCount === 4)));
  assert.deepEqual(a!.servers[0]!.serverGroups, [4, 4]);
});

test('ids are stable and unique within a zone', () => {
  const inv = defaultInventory();
  const a = inv.regions[0]!.zones[0]!;
  assert.equal(a.supernodes[0]!.servers[6]!.id, 'sn-1/s07');
  assert.equal(a.servers[11]!.id, 'b910-12');
  for (const zone of inv.regions[0]!.zones) {
    const ids = [...zone.supernodes.flatMap((s) => s.servers), ...zone.servers].map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length);
  }
});

test('accelerator specs agree with the core catalogue', () => {
  const inv = defaultInventory();
  for (const [name, spec] of Object.entries(ACCELERATOR_TYPES)) {
    const t = inv.acceleratorTypes[name]!;
    assert.equal(t.memoryGib, spec.memoryGib);
    assert.equal(t.acceleratorsPerServer, spec.acceleratorsPerServer);
    assert.deepEqual(t.serverGroups, spec.serverGroups);
    assert.equal(t.pricePerHour, spec.pricePerHour);
  }
  assert.deepEqual(
    [128, 64, 141, 186],
    ['ascend-910c', 'ascend-910b', 'nvidia-h200', 'nvidia-gb200'].map((n) => inv.acceleratorTypes[n]!.memoryGib),
  );
});
