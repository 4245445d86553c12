import assert from 'node:assert/strict';

type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

const cluster = (name: string, nodeCount: number, extra: Record<string, unknown> = {}) => ({
  name,
  zone: 'cn-southwest-2a',
  acceleratorType: 'ascend-910c',
  nodeCount,
  placement: 'supernode',
  ...extra,
});

/**
 * Leaves cn-southwest-2a's four CloudMatrix384 supernodes so that no supernode has 48 whole servers
 * free although two of them have 46: each holds a 2-server preemptible cluster of queue `fragments`.
 * Call on a control plane at time scale 0.
 */
export async function fragmentZone(call: Call, project = 'default'): Promise<void> {
  const p = `/v1/projects/${project}`;
  const q = await call('POST', `${p}/queues`, { name: 'fragments', quotas: [{ acceleratorType: 'ascend-910c', nominal: 4 * 384 }] });
  assert.equal(q.status, 202, JSON.stringify(q.body));
  for (let i = 0; i < 4; i++) assert.equal((await call('POST', `${p}/clusters`, cluster(`fill-${i}`, 46))).status, 202);
  for (let i = 0; i < 4; i++) {
    const f = await call('POST', `${p}/clusters`, cluster(`frag-${i}`, 2, { placement: 'zone', queue: 'fragments', preemptible: true }));
    assert.equal(f.status, 202, JSON.stringify(f.body));
  }
  for (const name of ['fill-0', 'fill-1']) assert.equal((await call('DELETE', `${p}/clusters/${name}`)).status, 202);
}

/** Polls (on the control plane's own clock: every read advances what is due) until `check` holds. */
export async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, tries = 400): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < tries; i++) {
    last = await read();
    if (check(last)) return last;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`${what} never happened; last seen: ${JSON.stringify(last)}`);
}
