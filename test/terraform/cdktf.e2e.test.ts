// The CDKTF example app synthesizes Terraform JSON that the real terraform binary applies with this
// provider, against the embedded cloud: several provider processes open one SQLite file in turn.
// The HCL example of the same stack is applied the same way.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CloudClient } from '../../provider/src/client/index.ts';
import { synth } from '../../examples/cdktf/main.ts';
import { createWorkspace, terraformEngines, type Workspace } from './terraform-workspace.ts';

for (const engine of terraformEngines())
  describe(`the CDKTF and HCL examples apply with ${engine.name}`, () => {
    let ws: Workspace;
    let stackDir: string;
    let dataDir: string;

    before(async () => {
      process.env.CHECKPOINT_DISABLE = '1';
      ws = await createWorkspace({}, engine);
      dataDir = join(ws.dir, 'data');
      ws.env.AICLOUD_DATA_DIR = dataDir;
      delete ws.env.AICLOUD_ENDPOINT;
      delete ws.env.AICLOUD_TOKEN;
      stackDir = synth(join(ws.dir, 'cdktf.out'));
    });

    after(() => ws?.cleanup());

    test('terraform applies the synthesized stack and then sees no changes', async () => {
      await ws.ok(['init', '-input=false', '-no-color'], 0, { cwd: stackDir });
      await ws.ok(['apply', '-input=false', '-no-color', '-auto-approve'], 0, { cwd: stackDir });
      await ws.ok(['plan', '-input=false', '-no-color', '-detailed-exitcode'], 0, { cwd: stackDir });
      const url = await ws.ok(['output', '-raw', 'url'], 0, { cwd: stackDir });
      assert.match(url.stdout, /^https?:\/\//);

      const cloud = await CloudClient.connect({ dataDir });
      try {
        const endpoint = await cloud.get('ModelEndpoint', 'qwen-chat');
        assert.equal(endpoint?.status, 'ready');
        assert.equal(endpoint?.spec.kvCachePool, 'qwen-chat-kv');
        assert.equal((await cloud.get('Cluster', 'qwen-chat'))?.spec.acceleratorType, 'ascend-910c');
      } finally {
        await cloud.close();
      }

      await ws.ok(['destroy', '-input=false', '-no-color', '-auto-approve'], 0, { cwd: stackDir });
    });

    test('the HCL example applies to the same resources and destroys cleanly', async () => {
      const dir = join(ws.dir, 'hcl');
      mkdirSync(dir);
      copyFileSync(fileURLToPath(new URL('../../examples/terraform/main.tf', import.meta.url)), join(dir, 'main.tf'));
      await ws.ok(['init', '-input=false', '-no-color'], 0, { cwd: dir });
      await ws.ok(['apply', '-input=false', '-no-color', '-auto-approve'], 0, { cwd: dir });
      const plan = await ws.tf(['plan', '-input=false', '-no-color', '-detailed-exitcode'], { cwd: dir });
      // The capacity data source is read again and its output may move; resources must not.
      assert.doesNotMatch(plan.stdout, /will be (created|updated|destroyed|replaced)|must be replaced/);
      const cloud = await CloudClient.connect({ dataDir });
      try {
        assert.equal((await cloud.get('ModelEndpoint', 'qwen-chat'))?.status, 'ready');
      } finally {
        await cloud.close();
      }
      await ws.ok(['destroy', '-input=false', '-no-color', '-auto-approve'], 0, { cwd: dir });
    });
  });
