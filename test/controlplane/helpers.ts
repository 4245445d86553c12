import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type ServerOptions } from '../../controlplane/src/server.ts';
import { testDatabaseUrl } from '../support/test-store.ts';

export const ADMIN = 'test-admin-token-0123456789';

/** The documented example body, which the default inventory must accept. */
export const TRAIN_A = {
  name: 'train-a',
  region: 'cn-southwest-2',
  zone: 'cn-southwest-2a',
  acceleratorType: 'ascend-910c',
  nodeCount: 4,
  placement: 'supernode',
};

export const endpointBody = (name: string, cluster: string, extra: Record<string, unknown> = {}) => ({
  name,
  cluster,
  model: { name: 'qwen-7b', bucket: 'weights', path: 'qwen/', parametersBillions: 7 },
  runtime: { framework: 'mindie', softwareStack: 'cann-8.1' },
  acceleratorsPerReplica: 1,
  replicas: 2,
  ...extra,
});

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

/** A server on port 0 with a known admin token, and a small fetch helper. */
export async function testServer(opts: ServerOptions = {}) {
  const databaseUrl = opts.dataDir || opts.databaseUrl ? opts.databaseUrl : await testDatabaseUrl();
  const server = await startServer({ memory: true, timeScale: 0, logLevel: 'silent', bootstrapToken: ADMIN, databaseUrl, ...opts });
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}, token: string | null = ADMIN): Promise<Reply> => {
    const h: Record<string, string> = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    if (body !== undefined) h['content-type'] ??= 'application/json';
    const res = await fetch(server.url + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  /** Asserts the control plane's invariant check finds nothing; `when` names the step in the failure. */
  const invariantsClean = async (when = 'now') => {
    assert.deepEqual((await call('GET', '/v1/admin/invariants')).body.violations, [], `invariants ${when}`);
  };
  return { ...server, call, invariantsClean };
}

export function tempDir(prefix = 'aicloud-test-'): { path: string; cleanup(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}
