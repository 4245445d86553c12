import assert from 'node:assert/strict';
import { acceleratorLedger, invariants, listEverything } from './admin-api.ts';
import type { StackResource } from './stack-files.ts';

/**
 * What "the apply converged and nothing was lost or doubled" means, checked against the cloud:
 * exactly the declared resources, all ready, each cluster holding nodeCount servers' worth of
 * accelerators, the control plane's invariant check clean and its ledger agreeing with the clusters.
 */
export async function assertConverged(
  url: string,
  adminToken: string,
  project: string,
  declared: readonly StackResource[],
  acceleratorsPerServer = 8,
): Promise<void> {
  const items = await listEverything(url, adminToken, project);
  assert.deepEqual(
    items.map((r) => `${r.kind}/${r.name}`).sort(),
    declared.map((r) => `${r.kind}/${r.name}`).sort(),
    'the cloud does not hold exactly the declared resources',
  );
  const notReady = items.filter((r) => r.status !== 'ready').map((r) => `${r.kind}/${r.name}: ${r.status} (${r.statusReason})`);
  assert.deepEqual(notReady, [], 'resources left not ready');
  for (const r of items.filter((x) => x.kind === 'Cluster')) {
    assert.equal(r.allocation?.acceleratorCount, r.spec.nodeCount * acceleratorsPerServer, `${r.name} holds the wrong number of accelerators`);
  }
  assert.deepEqual(await invariants(url, adminToken), { ok: true, violations: [] });
  const ledger = await acceleratorLedger(url, adminToken, [project]);
  assert.equal(ledger.taken, ledger.heldByClusters, 'capacity and clusters disagree on what is held');
}

/** A predicate for LineWatcher.waitFor that matches once `n` lines have matched `re`. */
export function nthMatch(re: RegExp, n: number): (line: string) => boolean {
  let seen = 0;
  return (line) => re.test(line) && ++seen >= n;
}
