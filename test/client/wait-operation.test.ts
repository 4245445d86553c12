import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { waitForOperation, type Operation } from '../../provider/src/client/index.ts';
import { isAicloudError } from '../../core/index.ts';

const running: Operation = {
  id: 'op-1',
  type: 'create',
  target: { kind: 'Cluster', name: 'a' },
  status: 'running',
  error: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  doneAt: null,
};

/** A fake clock that moves by whatever the poller sleeps, so nothing really waits. */
function fakeTime() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

describe('waitForOperation', () => {
  it('polls until done', async () => {
    const time = fakeTime();
    let polls = 0;
    const op = await waitForOperation(running, async () => (++polls < 3 ? running : { ...running, status: 'done' }), time);
    assert.equal(op.status, 'done');
    assert.equal(polls, 3);
  });

  it('throws OPERATION_FAILED with the server reason', async () => {
    await assert.rejects(
      waitForOperation(running, async () => ({ ...running, status: 'failed', error: { code: 'OPERATION_FAILED', message: 'no power' } }), fakeTime()),
      (e) => isAicloudError(e) && e.code === 'OPERATION_FAILED' && e.message === 'no power',
    );
  });

  it('times out with OPERATION_TIMEOUT', async () => {
    await assert.rejects(
      waitForOperation(running, async () => running, { ...fakeTime(), timeoutMs: 10_000 }),
      (e) => isAicloudError(e) && e.code === 'OPERATION_TIMEOUT',
    );
  });

  it('stops with CANCELLED when the signal aborts', async () => {
    const ac = new AbortController();
    let polls = 0;
    const p = waitForOperation(
      running,
      async () => {
        if (++polls === 2) ac.abort();
        return running;
      },
      { ...fakeTime(), signal: ac.signal },
    );
    await assert.rejects(p, (e) => isAicloudError(e) && e.code === 'CANCELLED');
  });

  it('waits until dueAt rather than hammering the server', async () => {
    const time = fakeTime();
    const slept: number[] = [];
    const due = { ...running, dueAt: new Date(1500).toISOString() };
    await waitForOperation(due, async () => ({ ...due, status: 'done' }), { now: time.now, sleep: async (ms) => (slept.push(ms), time.sleep(ms)) });
    assert.deepEqual(slept, [1500]);
  });
});
