import { createHash } from 'node:crypto';
import { KINDS } from '../../core/index.ts';
import type { ControlPlane } from '../../controlplane/src/cloud/index.ts';

/**
 * A digest of everything a request could change: projects, every project's resources, allocation
 * rows and locks of the given stacks. Equal digests before and after a rejected request prove it
 * changed nothing.
 */
export async function stateFingerprint(cp: ControlPlane, lockStacks: readonly string[] = []): Promise<string> {
  const h = createHash('sha256');
  const projects = await cp.store.listProjects();
  h.update(JSON.stringify(projects));
  for (const p of projects) {
    const rows = (await cp.store.listResourcesOfKinds(p, KINDS)).map((r) => JSON.stringify(r)).sort();
    h.update(rows.join('\n'));
    for (const s of lockStacks) h.update(JSON.stringify((await cp.store.getLock(p, s)) ?? null));
  }
  h.update(JSON.stringify((await cp.store.listAllocations()).map((a) => JSON.stringify(a)).sort()));
  h.update(JSON.stringify(await cp.store.listQuotas()));
  return h.digest('hex');
}
