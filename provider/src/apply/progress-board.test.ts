import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PlanStep } from '../plan/index.ts';
import { ProgressBoard } from './progress-board.ts';
import { formatEventLine } from './progress-lines.ts';

const step = (address: string, action: PlanStep['action']): PlanStep => ({
  address,
  kind: address.split('/')[0]!,
  name: address.split('/')[1]!,
  action,
  fields: [],
  deleteBeforeReplace: false,
  dependsOn: [],
  protect: false,
  hourlyCost: { before: 0, after: 0 },
  accelerators: { before: 0, after: 0 },
});

test('the board shows a line per resource with elapsed time and an overall bar', () => {
  const board = new ProgressBoard([step('Cluster/a', 'create'), step('Bucket/b', 'delete'), step('Volume/c', 'no-op')], 1000);
  board.update({ type: 'start', address: 'Cluster/a', action: 'create', at: 1000 });
  board.update({ type: 'start', address: 'Bucket/b', action: 'delete', at: 1500 });
  board.update({ type: 'done', address: 'Bucket/b', action: 'delete', at: 2500, elapsedMs: 1000 });
  const frame = board.render(13_000, 80);
  assert.deepEqual(frame, ['* Cluster/a create      12.0s', '+ Bucket/b  done         1.0s', '[####################....................] 1/2 12.0s']);
  board.update({ type: 'failed', address: 'Cluster/a', action: 'create', at: 14_000, elapsedMs: 13_000, error: 'no room', code: 'CAPACITY_EXHAUSTED' });
  assert.equal(board.render(20_000, 80)[0], 'x Cluster/a failed      13.0s (CAPACITY_EXHAUSTED)');
  assert.match(board.render(20_000, 80).at(-1)!, /^\[#{40}\] 2\/2/);
});

test('plain progress is one line per event, timed from the start of the apply', () => {
  assert.equal(formatEventLine({ type: 'start', address: 'Cluster/a', action: 'create', at: 1500 }, 1000), '[  0.5s] Cluster/a: creating...');
  assert.equal(
    formatEventLine({ type: 'retry', address: 'Cluster/a', action: 'create', at: 3000, attempt: 2, delayMs: 500, error: 'control plane answered 503' }, 1000),
    '[  2.0s] Cluster/a: retrying (attempt 2) in 0.5s: control plane answered 503',
  );
  assert.equal(
    formatEventLine({ type: 'skipped', address: 'ModelEndpoint/e', action: 'create', at: 1000, reason: 'Cluster/a did not complete' }, 1000),
    '[  0.0s] ModelEndpoint/e: skipped: Cluster/a did not complete',
  );
  assert.equal(
    formatEventLine({ type: 'done', address: 'Bucket/b', action: 'delete', at: 126_000, elapsedMs: 125_000 }, 1000),
    '[ 2m05s] Bucket/b: deleted after 2m05s',
  );
});
