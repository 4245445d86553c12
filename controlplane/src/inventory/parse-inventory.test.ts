import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAicloudError } from '../../../core/index.ts';
import { loadInventoryFile, parseInventory } from './parse-inventory.ts';

const SMALL = `
acceleratorTypes:
  test-gpu: { memoryGib: 80, bf16Tflops: 400, acceleratorsPerServer: 4, pricePerHour: 1 }
shapes:
  mini: { acceleratorType: ascend-910c, serversPerSupernode: 2 }
regions:
  - name: r1
    zones:
      - name: r1a
        supernodes: [{ shape: mini, count: 2, prefix: blk }]
        servers: [{ acceleratorType: test-gpu, count: 3, prefix: g }]
`;

function errorOf(fn: () => unknown): { code: string; field?: string; message: string } {
  try {
    fn();
  } catch (e) {
    assert.ok(isAicloudError(e), `expected an AicloudError, got ${String(e)}`);
    return { code: e.code, field: e.field, message: e.message };
  }
  assert.fail('expected an error');
}

test('an inventory file expands shapes and pools into servers', () => {
  const inv = parseInventory(SMALL);
  const zone = inv.regions[0]!.zones[0]!;
  assert.deepEqual(
    zone.supernodes.map((s) => s.id),
    ['blk-1', 'blk-2'],
  );
  assert.deepEqual(
    zone.supernodes[1]!.servers.map((s) => s.id),
    ['blk-2/s01', 'blk-2/s02'],
  );
  assert.deepEqual(
    zone.servers.map((s) => [s.id, s.acceleratorCount]),
    [
      ['g-01', 4],
      ['g-02', 4],
      ['g-03', 4],
    ],
  );
  assert.equal(inv.acceleratorTypes['test-gpu']!.memoryGib, 80);
});

test('errors name the field at fault', () => {
  assert.deepEqual(errorOf(() => parseInventory(SMALL.replace('count: 3', 'count: three'))).field, 'regions[0].zones[0].servers[0].count');
  const unknownShape = errorOf(() => parseInventory(SMALL.replace('shape: mini', 'shape: maxi')));
  assert.equal(unknownShape.field, 'regions[0].zones[0].supernodes[0].shape');
  assert.match(unknownShape.message, /unknown supernode shape maxi/);
  const groups = errorOf(() => parseInventory(SMALL.replace('serversPerSupernode: 2', 'serversPerSupernode: 2, serverGroups: [4, 3]')));
  assert.equal(groups.field, 'shapes.mini.serverGroups');
  assert.match(groups.message, /adds up to 7 but a server has 8/);
  assert.equal(errorOf(() => parseInventory('regions: []\nfoo: [')).code, 'INVALID_FORMAT');
  assert.equal(errorOf(() => parseInventory('shapes: {}')).field, 'regions');
  const twice = '[{ acceleratorType: test-gpu, count: 3, prefix: g }, { acceleratorType: test-gpu, count: 1, prefix: g }]';
  const dup = errorOf(() => parseInventory(SMALL.replace('[{ acceleratorType: test-gpu, count: 3, prefix: g }]', twice)));
  assert.equal(dup.field, 'regions[0].zones[0].servers[1].prefix');
  assert.match(dup.message, /id g-01 is used twice in zone r1a/);
});

test('loadInventoryFile reads a file and reports a missing one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inventory-'));
  try {
    const path = join(dir, 'inventory.yaml');
    writeFileSync(path, SMALL);
    assert.equal(loadInventoryFile(path).regions[0]!.zones[0]!.servers.length, 3);
    assert.equal(errorOf(() => loadInventoryFile(join(dir, 'absent.yaml'))).code, 'NOT_FOUND');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
