import { test } from 'node:test';
import assert from 'node:assert/strict';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { AicloudError } from '../../../../core/index.ts';
import { emptyPb } from '../proto.ts';
import { RpcError } from '../rpc-error.ts';
import { SecretRegistry } from '../secret-registry.ts';
import type { CallContext, ProviderRpcs } from '../rpcs.ts';
import { withCancel } from './with-cancel.ts';
import { withErrorMapping } from './with-error-mapping.ts';
import { withLogging } from './with-logging.ts';
import { withUnimplemented } from './with-unimplemented.ts';

const ctx = (): CallContext => ({ method: 'test', signal: new AbortController().signal });

test('cancel aborts calls in flight and makes later calls start aborted', async () => {
  let seen: AbortSignal | undefined;
  const rpcs = withCancel({
    check: (_req, c) =>
      new Promise((_, reject) => {
        seen = c.signal;
        c.signal.addEventListener('abort', () => reject(new Error('aborted')));
      }),
  });
  const inFlight = rpcs.check!({} as never, ctx());
  await rpcs.cancel!(new emptyPb.Empty(), ctx());
  await assert.rejects(inFlight, /aborted/);
  assert.equal(seen?.aborted, true);
  let later: AbortSignal | undefined;
  await withCancel(
    { diff: async (_r, c) => ((later = c.signal), undefined as never) },
    (() => {
      const a = new AbortController();
      a.abort();
      return a;
    })(),
  ).diff!({} as never, ctx());
  assert.equal(later?.aborted, true);
});

test('user errors become status codes with code, field and hint; internal ones ask for a report; secrets are scrubbed', async () => {
  const secrets = new SecretRegistry();
  secrets.add('tok-super-secret-value');
  const failing = (err: unknown): ProviderRpcs => ({
    check: async () => {
      throw err;
    },
  });
  const run = (err: unknown) =>
    withErrorMapping(failing(err), secrets).check!({} as never, ctx()).then(
      () => assert.fail('should throw'),
      (e: RpcError) => e,
    );
  const user = await run(new AicloudError('QUOTA_EXCEEDED', 'quota of 64 ascend-910c used by tok-super-secret-value', { field: 'nodeCount' }));
  assert.equal(user.code, GrpcStatus.FAILED_PRECONDITION);
  assert.match(user.message, /\(field nodeCount\) \[QUOTA_EXCEEDED\]\. Ask an admin/);
  assert.ok(!user.message.includes('tok-super-secret-value'));
  assert.equal((await run(new AicloudError('NOT_FOUND', 'gone'))).code, GrpcStatus.NOT_FOUND);
  assert.equal((await run(new AicloudError('RATE_LIMITED', 'slow'))).code, GrpcStatus.RESOURCE_EXHAUSTED);
  const internal = await run(new TypeError('x is undefined'));
  assert.equal(internal.code, GrpcStatus.INTERNAL);
  assert.match(internal.message, /bug/);
  assert.ok(!internal.message.includes('    at '));
});

test('logging writes one scrubbed line per call and never the request', async () => {
  const secrets = new SecretRegistry();
  secrets.add('sk-hidden-api-key');
  const lines: string[] = [];
  const rpcs = withLogging(
    {
      create: async () => {
        throw new Error('failed for sk-hidden-api-key');
      },
      read: async () => 'ok' as never,
    },
    secrets,
    (l) => lines.push(l),
  );
  await rpcs.read!({ apiKey: 'sk-hidden-api-key' } as never, ctx());
  await assert.rejects(rpcs.create!({} as never, ctx()));
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^aicloud provider: read ok /);
  assert.match(lines[1], /create failed .*\[secret\]/);
  assert.ok(lines.every((l) => !l.includes('sk-hidden-api-key')));
});

test('every RPC without a handler answers UNIMPLEMENTED', async () => {
  const rpcs = withUnimplemented({});
  await assert.rejects(rpcs.construct({} as never, ctx()), (e: RpcError) => e.code === GrpcStatus.UNIMPLEMENTED && /construct/.test(e.message));
  await assert.rejects(rpcs.getMappings({} as never, ctx()), (e: RpcError) => e.code === GrpcStatus.UNIMPLEMENTED);
});
