// The set-up every Terraform end-to-end suite shares: a control plane on port 0, a workspace for one
// engine pointed at it, and a client to check what the engine did.
import { after, before } from 'node:test';
import { CloudClient } from '../../provider/src/client/index.ts';
import { startServer, type RunningServer } from '../../controlplane/src/index.ts';
import { createWorkspace, defaultEngine, PROVIDER_BLOCK, type TerraformEngine, type Workspace } from './terraform-workspace.ts';

/** What a suite's tests reach once `before` has run. */
export interface TerraformCloud {
  server: RunningServer;
  ws: Workspace;
  cloud: CloudClient;
}

/**
 * Registers the suite's `before` and `after`: so a suite states only its configuration, and no suite
 * forgets to close its server or remove its workspace. With `mainTf`, the workspace starts with that
 * configuration (after the provider block) and is initialised.
 */
export function useTerraformCloud(token: string, options: { engine?: TerraformEngine; mainTf?: string } = {}): TerraformCloud {
  const env = {} as TerraformCloud;
  before(async () => {
    env.server = await startServer({ port: 0, memory: true, timeScale: 0, bootstrapToken: token, logLevel: 'silent' });
    env.ws = await createWorkspace({ AICLOUD_ENDPOINT: env.server.url, AICLOUD_TOKEN: token }, options.engine ?? defaultEngine());
    env.cloud = await CloudClient.connect({ endpoint: env.server.url, token });
    if (options.mainTf !== undefined) {
      env.ws.write({ 'main.tf': PROVIDER_BLOCK + options.mainTf });
      await env.ws.ok(['init', '-input=false', '-no-color']);
    }
  });
  after(async () => {
    env.ws?.cleanup();
    await env.server?.close();
  });
  return env;
}
