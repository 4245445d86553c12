import { join } from 'node:path';
import { createProjectWithToken } from './admin-api.ts';
import { startControlPlane } from './control-plane.ts';
import { bigStack, writeStack } from './stack-files.ts';
import { tempDir } from './temp-dir.ts';

/**
 * How the hardening tests begin: a control plane on port 0, a project with its token, a stack of
 * `count` resources written to a temporary folder, and the CLI environment that points at them.
 * Everything is removed when the test ends.
 */
export async function stackProject(t: { after(fn: () => void | Promise<void>): void }, project: string, count: number, prefix: string) {
  const dir = tempDir(t);
  const cp = await startControlPlane(t);
  const token = await createProjectWithToken(cp.url, cp.adminToken, project);
  const stack = join(dir.path, 'stack');
  const declared = bigStack(count, prefix);
  writeStack(stack, declared);
  const env = { AICLOUD_ENDPOINT: cp.url, AICLOUD_TOKEN: token, AICLOUD_PROJECT: project };
  return { dir, cp, token, stack, declared, env };
}
