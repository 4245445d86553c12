import { after, before } from 'node:test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, testServer } from '../controlplane/helpers.ts';

type Server = Awaited<ReturnType<typeof testServer>>;

/**
 * For a describe block that drives the `aicloud` CLI: a control plane on port 0 and a folder for the
 * stack files, made before its tests (then `setUp` runs) and removed after them. `env()` points the
 * CLI at that control plane as the admin.
 */
export function cliSuite(prefix: string, setUp?: (s: Server, dir: string) => Promise<void>) {
  const suite = {
    s: undefined as unknown as Server,
    dir: '',
    env: () => ({ AICLOUD_ENDPOINT: suite.s.url, AICLOUD_TOKEN: ADMIN, AICLOUD_PROJECT: 'default' }),
  };
  before(async () => {
    suite.s = await testServer();
    suite.dir = await mkdtemp(join(tmpdir(), prefix));
    await setUp?.(suite.s, suite.dir);
  });
  after(async () => {
    await suite.s.close();
    await rm(suite.dir, { recursive: true, force: true });
  });
  return suite;
}
