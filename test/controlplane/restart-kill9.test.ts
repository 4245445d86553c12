import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TRAIN_A, endpointBody, tempDir } from './helpers.ts';

const MAIN = join(import.meta.dirname, '../../controlplane/src/main.ts');

/** Starts `controlplane/src/main.ts` with tsx and resolves with the URL from its first line. */
function spawnServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--data-dir', dataDir, '--time-scale', '0', '--log-level', 'warn'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AICLOUD_BOOTSTRAP_TOKEN: '' },
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      const m = /(http:\/\/\S+)/.exec(line);
      if (m) resolve({ child, url: m[1] });
      else reject(new Error(`unexpected first line: ${line}`));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

describe('a control plane killed with SIGKILL', () => {
  const dir = tempDir();
  const children: ChildProcess[] = [];
  after(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    dir.cleanup();
  });

  it('comes back on the same data dir with every resource and allocation', async () => {
    const first = await spawnServer(dir.path);
    children.push(first.child);
    const tokenFile = join(dir.path, 'admin.token');
    assert.equal(statSync(tokenFile).mode & 0o777, 0o600);
    const token = readFileSync(tokenFile, 'utf8').trim();
    const call = async (url: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(url + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    assert.equal((await call(first.url, 'POST', '/v1/projects/default/clusters', TRAIN_A)).status, 202);
    assert.equal(
      (await call(first.url, 'POST', '/v1/projects/default/clusters', { ...TRAIN_A, name: 'train-b', nodeCount: 3, placement: 'spread' })).status,
      202,
    );
    const ep = await call(first.url, 'POST', '/v1/projects/default/endpoints', endpointBody('chat', 'train-a'));
    assert.equal(ep.status, 202);
    assert.equal((await call(first.url, 'POST', '/v1/projects/default/buckets', { name: 'kill9-weights' })).status, 202);
    const before = {
      clusters: (await call(first.url, 'GET', '/v1/projects/default/clusters')).body.items,
      capacity: (await call(first.url, 'GET', '/v1/capacity')).body,
      endpoint: (await call(first.url, 'GET', '/v1/projects/default/endpoints/chat')).body,
    };

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await spawnServer(dir.path);
    children.push(second.child);
    const clusters = (await call(second.url, 'GET', '/v1/projects/default/clusters')).body.items;
    assert.deepEqual(clusters, before.clusters);
    assert.deepEqual((await call(second.url, 'GET', '/v1/capacity')).body, before.capacity);
    const endpoint = (await call(second.url, 'GET', '/v1/projects/default/endpoints/chat')).body;
    assert.deepEqual(endpoint, before.endpoint);
    assert.equal(endpoint.outputs.apiKey, ep.body.resource.outputs.apiKey);
    assert.equal((await call(second.url, 'GET', '/v1/projects/default/buckets/kill9-weights')).status, 200);
    assert.deepEqual((await call(second.url, 'GET', '/v1/admin/invariants')).body, { ok: true, violations: [] });
    // The restored allocator still refuses what is taken: the held servers cannot be handed out twice.
    const dup = await call(second.url, 'POST', '/v1/projects/default/clusters', { ...TRAIN_A, name: 'fill', nodeCount: 48 - 4, placement: 'supernode' });
    assert.equal(dup.status, 202);
    const fill = dup.body.resource.allocation.servers as string[];
    const held = new Set(before.clusters.flatMap((c: any) => c.allocation.servers as string[]));
    for (const sv of fill) assert.ok(!held.has(sv), `${sv} handed out twice`);
    assert.deepEqual((await call(second.url, 'GET', '/v1/admin/invariants')).body, { ok: true, violations: [] });
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  });
});
