import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OccupancySnapshot } from '../../controlplane/src/snapshot/index.ts';
import { estimateWait, formatWait, parseDegrade } from '../../provider/src/what-if/index.ts';

test('the degrade grammar reads every item and refuses what it does not know', () => {
  assert.deepEqual(parseDegrade('supernode=sn-2, rack=cn-southwest-2b/nvl-1,server=z/sn-1/s07:drain,accelerator=z/b910-01/3,accelerators=16:faulty@z'), [
    { what: 'supernode', ref: 'sn-2' },
    { what: 'supernode', ref: 'cn-southwest-2b/nvl-1' },
    { what: 'server', ref: 'z/sn-1/s07', mode: 'drain' },
    { what: 'accelerator', ref: 'z/b910-01/3' },
    { what: 'accelerators', count: 16, zone: 'z' },
  ]);
  assert.deepEqual(parseDegrade('server=b910-01'), [{ what: 'server', ref: 'b910-01', mode: 'faulty' }]);
  assert.throws(() => parseDegrade('supernode=sn-2:drain'), /a supernode can only be lost/);
  assert.throws(() => parseDegrade('accelerators=0:faulty'), /at least 1/);
  assert.throws(() => parseDegrade('cpu=3'), /not KIND=REF/);
  assert.throws(() => parseDegrade(' , '), /nothing to degrade/);
});

const HOUR = 3_600_000;
const snapshot = (owners: OccupancySnapshot['owners'], pending: OccupancySnapshot['pending'] = []): OccupancySnapshot =>
  ({ takenAt: 0, owners, pending }) as unknown as OccupancySnapshot;
const owner = (acceleratorCount: number, expectedEndAt: number | null) => ({
  owner: `o-${acceleratorCount}-${expectedEndAt}`,
  project: 'p',
  kind: 'Cluster',
  name: null,
  acceleratorType: 't',
  zone: 'z',
  acceleratorCount,
  expectedEndAt,
});

test('the wait estimate is the time until free plus ending work covers the request and what waits ahead', () => {
  const need = { acceleratorType: 't', zone: 'z', accelerators: 64 };
  assert.equal(estimateWait(snapshot([]), need, 64).waitMs, 0);
  const running = [owner(32, 3 * HOUR), owner(32, 1 * HOUR), owner(128, null)];
  const e = estimateWait(snapshot(running), need, 16);
  assert.equal(e.waitMs, 3 * HOUR, e.basis);
  assert.equal(formatWait(e.waitMs), '3h');
  // A request already waiting for the same type and zone goes first.
  const ahead = [{ id: 'x', project: 'p', kind: null, name: null, queue: 'q', acceleratorType: 't', zone: 'z', accelerators: 48, scope: 'zone', arrival: 0 }];
  const later = estimateWait(snapshot(running, ahead), need, 16);
  assert.equal(later.waitMs, null, 'the running work that says when it ends frees too little');
  assert.match(later.basis, /112 t needed after 48 accelerators already waiting/);
  assert.equal(formatWait(90 * 60_000), '1h 30m');
  assert.equal(formatWait(null), 'unknown');
});

test('every front end reads the lease setting from its configuration or AICLOUD_LEASE', async () => {
  const { resolveConfig } = await import('../../provider/src/client/index.ts');
  const { mergeSettings } = await import('../../provider/src/pulumi/provider-config.ts');
  assert.equal(resolveConfig({}, { AICLOUD_LEASE: 'lse-01' }, '/w').lease, 'lse-01');
  assert.equal(resolveConfig({ lease: 'lse-02' }, { AICLOUD_LEASE: 'lse-01' }, '/w').lease, 'lse-02');
  assert.equal('lease' in resolveConfig({}, {}, '/w'), false);
  assert.equal(mergeSettings({}, { 'aicloud:config:lease': 'lse-03' }, {}).lease, 'lse-03');
  assert.equal(mergeSettings({}, {}, { AICLOUD_LEASE: 'lse-04' }).lease, 'lse-04');
});
