import { performance } from 'node:perf_hooks';
import type { Allocator } from '../../controlplane/src/allocator/allocator.ts';
import { CM_ZONE } from './cloudmatrix-region.ts';
import type { StreamItem } from './synthetic-stream.ts';

/**
 * Offers one mode-B arrival to the allocator the way the control plane would: an openb pod is a
 * one-server request, a gang a `supernode` request, an endpoint a `spread` cluster with its replicas
 * placed inside. Returns whether it was placed, and the time spent in decisions (not in commits).
 * `gangScope: 'zone'` lets gangs span supernodes: the pooled bound of what the one-supernode rule costs.
 * `cpuLatencies`, when given, gets the process CPU time of each decision too (ms): on a shared machine
 * it leaves out the time the process waited for a core, which wall-clock time counts.
 */
export function runStreamItem(
  a: Allocator,
  owner: string,
  item: StreamItem,
  latencies?: number[],
  gangScope: 'supernode' | 'zone' = 'supernode',
  cpuLatencies?: number[],
): boolean {
  const base = { owner, project: 'bench', acceleratorType: 'ascend-910c', zone: CM_ZONE };
  const timed = <T>(fn: () => T): T => {
    if (!latencies) return fn();
    const c0 = cpuLatencies ? cpuMs() : 0;
    const t0 = performance.now();
    const out = fn();
    latencies.push(performance.now() - t0);
    if (cpuLatencies) cpuLatencies.push(cpuMs() - c0);
    return out;
  };
  if (item.source === 'openb') {
    const r = { ...base, count: item.npus, unit: 'accelerators' as const, scope: 'server' as const };
    a.observe(r);
    const d = timed(() => a.place(r));
    if (d.ok) a.commit(owner, d);
    return d.ok;
  }
  if (item.source === 'synthetic-gang') {
    const r = { ...base, count: item.npus, unit: 'accelerators' as const, scope: gangScope };
    a.observe(r);
    const d = timed(() => a.place(r));
    if (d.ok) a.commit(owner, d);
    return d.ok;
  }
  // Replicas of one server spread their cluster over supernodes; replicas of two servers need the
  // cluster's servers in pairs, so the cluster asks for the fewest supernodes instead.
  const r = { ...base, count: item.npus / 8, unit: 'servers' as const, scope: item.perReplica <= 8 ? ('spread' as const) : ('zone' as const) };
  a.observe(r);
  const d = timed(() => a.place(r));
  if (!d.ok) return false;
  a.commit(owner, d);
  const e = timed(() =>
    a.placeReplicas({ clusterOwner: owner, endpointOwner: `${owner}/endpoint`, replicas: item.replicas, acceleratorsPerReplica: item.perReplica }),
  );
  if (!e.ok) {
    a.release(owner);
    return false;
  }
  a.commit(e.owner, e);
  return true;
}

/** Process CPU time (user and system) in ms, to microseconds. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
