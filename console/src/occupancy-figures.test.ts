import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holderTotals, serverCounts, zoneFigures, zoneTypeFigures } from './occupancy-figures.ts';
import { faultSpecText } from './fault-spec-text.ts';
import { maskSecrets } from './collections.ts';
import type { ServerOccupancy, ZoneOccupancy } from './occupancy-types.ts';

const server = (id: string, held: Array<[number, number]>, faultyMask = 0, draining = false): ServerOccupancy => ({
  id,
  accelerators: 8,
  faultyMask,
  draining,
  held,
});

test('a server counts held, faulty (not held), free and draining accelerators apart', () => {
  assert.deepEqual(serverCounts(server('s1', [[1, 0b0000_1111]], 0b1001_0000)), { total: 8, held: 4, faulty: 2, free: 2, draining: 0 });
  // A faulty accelerator its holder still has counts as held, once.
  assert.deepEqual(serverCounts(server('s2', [[1, 0b1]], 0b1)), { total: 8, held: 1, faulty: 0, free: 7, draining: 0 });
  // On a draining server nothing is free for new work.
  assert.deepEqual(serverCounts(server('s3', [[0, 0b11]], 0, true)), { total: 8, held: 2, faulty: 0, free: 0, draining: 6 });
});

test('zone figures: utilisation is held over total, fragmentation the free accelerators stranded on partly held servers over free', () => {
  const zone: ZoneOccupancy = {
    region: 'r',
    zone: 'z',
    supernodes: [
      {
        id: 'sn-1',
        acceleratorType: 't',
        total: 16,
        free: 8,
        wholeServersFree: 1,
        largestFreeBlock: 8,
        servers: [server('sn-1/s1', [[1, 0xff]]), server('sn-1/s2', [])],
      },
      {
        id: 'sn-2',
        acceleratorType: 't',
        total: 16,
        free: 8,
        wholeServersFree: 0,
        largestFreeBlock: 4,
        servers: [server('sn-2/s1', [[0, 0x0f]]), server('sn-2/s2', [[2, 0x0f]])],
      },
    ],
    servers: [],
  };
  const f = zoneFigures(zone);
  assert.equal(f.held, 16);
  assert.equal(f.free, 16);
  assert.equal(f.utilisation, 0.5);
  // sn-1/s2 is whole and free; the 8 free on sn-2's two half-held servers are stranded.
  assert.equal(f.strandedFree, 8);
  assert.equal(f.fragmentation, 0.5);
  assert.equal(f.largestFreeBlockWhere, 'sn-1');
  assert.deepEqual([...holderTotals([zone])].sort(), [
    [0, { servers: 1, accelerators: 4 }],
    [1, { servers: 1, accelerators: 8 }],
    [2, { servers: 1, accelerators: 4 }],
  ]);
});

test('faults are shown back in the spec format the form accepts', () => {
  assert.equal(
    faultSpecText({
      rules: [
        { method: 'POST', path: '/v1/projects/*/clusters', rate: 0.2, status: 503 },
        { method: '*', path: '*', rate: 0.05, status: 429 },
      ],
      latencyMs: 20,
      operationFailureRate: 0.1,
    }),
    'POST /v1/projects/*/clusters=0.2:503,*=0.05:429,latency=20ms,opfail=0.1',
  );
  assert.equal(faultSpecText({ rules: [], latencyMs: 0, operationFailureRate: 0 }), '');
});

test('outputs that are credentials are masked before display', () => {
  assert.deepEqual(maskSecrets({ url: 'https://x', apiKey: 'sk-123', nested: [{ token: 't' }], count: 3 }), {
    url: 'https://x',
    apiKey: '••••••• (secret, not shown)',
    nested: [{ token: '••••••• (secret, not shown)' }],
    count: 3,
  });
});

test('figures are split by accelerator type, and a free standalone server counts as a block of its own', () => {
  const zone: ZoneOccupancy = {
    region: 'r',
    zone: 'z',
    supernodes: [
      {
        id: 'sn-1',
        acceleratorType: 'a',
        total: 16,
        free: 8,
        wholeServersFree: 1,
        largestFreeBlock: 8,
        servers: [server('sn-1/s1', [[1, 0xff]]), server('sn-1/s2', [])],
      },
    ],
    servers: [
      { ...server('b-1', []), acceleratorType: 'b' },
      { ...server('b-2', [[1, 0x0f]]), acceleratorType: 'b' },
    ],
  };
  const byType = Object.fromEntries(zoneTypeFigures(zone).map((x) => [x.acceleratorType, x.figures]));
  assert.deepEqual(Object.keys(byType), ['a', 'b']);
  assert.equal(byType.a!.utilisation, 0.5);
  assert.equal(byType.a!.fragmentation, 0);
  assert.equal(byType.b!.free, 12);
  assert.equal(byType.b!.largestFreeBlock, 8);
  assert.equal(byType.b!.largestFreeBlockWhere, 'b-1');
  // b-2's four free accelerators sit beside held ones: 4 of 12 free are stranded.
  assert.equal(byType.b!.fragmentation, 4 / 12);
});

test('an empty zone is 0 % fragmented however many supernodes it has; stranded leftovers raise the figure', () => {
  const empty = (id: string, servers: number) => ({
    id,
    acceleratorType: 'gb200',
    total: servers * 4,
    free: servers * 4,
    wholeServersFree: servers,
    largestFreeBlock: servers * 4,
    servers: Array.from({ length: servers }, (_, i) => ({ ...server(`${id}/s${i}`, []), accelerators: 4 })),
  });
  const racks: ZoneOccupancy = { region: 'r', zone: 'z', supernodes: Array.from({ length: 8 }, (_, i) => empty(`nvl-${i + 1}`, 18)), servers: [] };
  assert.equal(zoneFigures(racks).fragmentation, 0);
  const two: ZoneOccupancy = { region: 'r', zone: 'z', supernodes: [empty('sn-1', 48), empty('sn-2', 48)], servers: [] };
  assert.equal(zoneFigures(two).fragmentation, 0);
  // One accelerator held on every server of sn-1: its 48 x 3 free accelerators are stranded.
  two.supernodes[0]!.servers = two.supernodes[0]!.servers.map((s) => ({ ...s, held: [[1, 0b1]] }));
  const f = zoneFigures(two);
  assert.equal(f.strandedFree, 144);
  assert.equal(f.fragmentation, 144 / (144 + 192));
});
