import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeCty } from '../cty/cty-msgpack.ts';
import { fakeProvider } from '../testing/rpc-driver.ts';

const configure = async (config: Record<string, unknown>) => {
  const p = fakeProvider();
  const res = await p.handlers.ConfigureProvider({ config: { msgpack: encodeCty(config, p.ctx.schemas.provider.type) } });
  return { res, ctx: p.ctx };
};

test('block values win over AICLOUD_* variables', async () => {
  process.env.AICLOUD_REGION = 'cn-north-1';
  try {
    const fromEnv = await configure({});
    assert.equal(fromEnv.ctx.config.region, 'cn-north-1');
    const fromBlock = await configure({ region: 'cn-southwest-2' });
    assert.equal(fromBlock.ctx.config.region, 'cn-southwest-2');
  } finally {
    delete process.env.AICLOUD_REGION;
  }
});

test('an endpoint without a token is refused on the token attribute, and the token never shows', async () => {
  const saved = process.env.AICLOUD_TOKEN;
  delete process.env.AICLOUD_TOKEN;
  try {
    const { res } = await configure({ endpoint: 'http://127.0.0.1:1' });
    assert.deepEqual(res.diagnostics?.[0]?.attribute, { steps: [{ attribute_name: 'token' }] });
    const short = await configure({ endpoint: 'http://127.0.0.1:1', token: 'secret-xyz' });
    assert.match(JSON.stringify(short.res.diagnostics), /token/);
    assert.doesNotMatch(JSON.stringify(short.res.diagnostics), /secret-xyz/);
  } finally {
    if (saved !== undefined) process.env.AICLOUD_TOKEN = saved;
  }
});

test('a malformed endpoint names the endpoint attribute', async () => {
  const { res } = await configure({ endpoint: 'ftp://nowhere' });
  assert.deepEqual(res.diagnostics?.[0]?.attribute, { steps: [{ attribute_name: 'endpoint' }] });
});
