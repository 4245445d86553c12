import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeCty } from '../cty/cty-msgpack.ts';
import { fakeProvider } from '../testing/rpc-driver.ts';

const bucket = { name: 'weights-a' };

test('before configuration, the region of the validated provider block counts', async () => {
  const p = fakeProvider();
  await p.handlers.ValidateProviderConfig({ config: { msgpack: encodeCty({ region: 'cn-southwest-2' }, p.ctx.schemas.provider.type) } });
  assert.deepEqual((await p.validate('aicloud_bucket', bucket)).diagnostics, []);
});

test('before configuration, a missing region is left for the plan to judge', async () => {
  const p = fakeProvider();
  assert.deepEqual((await p.validate('aicloud_bucket', bucket)).diagnostics, []);
});

test('once configured without any region, the bucket names its missing region', async () => {
  const p = fakeProvider();
  await p.handlers.ConfigureProvider({ config: { msgpack: encodeCty({}, p.ctx.schemas.provider.type) } });
  const res = await p.validate('aicloud_bucket', bucket);
  assert.deepEqual(
    res.diagnostics?.map((d) => d.attribute?.steps[0]?.attribute_name),
    ['region'],
  );
});
