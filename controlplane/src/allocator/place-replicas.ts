import type { Part } from './engine-types.ts';
import { popcount, sizeRefusalReason, takeOptions } from './server-layout.ts';
import type { Topology } from './topology.ts';

export type ReplicaOutcome =
  | { ok: true; replicas: Part[][] }
  | { ok: false; reason: 'size'; message: string }
  | { ok: false; reason: 'capacity'; placed: number; largest: number; where: string };

/**
 * Replicas of one endpoint inside a cluster's holding. A replica of at most a server's accelerators stays
 * in one server (inside one HCCS group when it is small); a larger one takes whole servers of one
 * supernode. Each replica goes where the endpoint has the fewest replicas so far, supernode first, then
 * server, so losing one server or supernode takes out as few replicas as possible.
 *
 * `available` is, per server of the cluster, what the endpoint may use: the cluster's accelerators
 * minus faulty or draining ones and minus what other endpoints of the cluster hold.
 */
export function placeReplicaParts(topo: Topology, available: Map<number, number>, typeName: string, replicas: number, perReplica: number): ReplicaOutcome {
  const servers = [...available.keys()].sort((a, b) => a - b);
  if (servers.length === 0) return { ok: false, reason: 'capacity', placed: 0, largest: 0, where: 'the cluster' };
  const layout = topo.layoutOf(servers[0]!);
  const per = layout.count;
  const whole = perReplica > per ? Math.floor(perReplica / per) : 0;
  const piece = perReplica > per ? perReplica % per : perReplica;
  if (piece > 0) {
    const reason = sizeRefusalReason(layout, piece, typeName);
    if (reason) return { ok: false, reason: 'size', message: `a replica of ${perReplica} ${typeName} cannot be placed: ${reason}` };
  }
  const avail = new Map(available);
  const perBlock = new Map<number, number>();
  const perServer = new Map<number, number>();
  const out: Part[][] = [];
  for (let r = 0; r < replicas; r++) {
    const parts =
      whole === 0 ? placeSmall(topo, avail, servers, piece, perBlock, perServer) : placeLarge(topo, avail, servers, whole, piece, perBlock, perServer);
    if (!parts) {
      const largest = largestInCluster(topo, available, whole > 0);
      return { ok: false, reason: 'capacity', placed: r, largest: largest.size, where: largest.where };
    }
    for (const p of parts) {
      avail.set(p.server, (avail.get(p.server)! & ~p.mask) >>> 0);
      perServer.set(p.server, (perServer.get(p.server) ?? 0) + 1);
    }
    const b = topo.serverBlock[parts[0]!.server]!;
    perBlock.set(b, (perBlock.get(b) ?? 0) + 1);
    out.push(parts);
  }
  return { ok: true, replicas: out };
}

function placeSmall(
  topo: Topology,
  avail: Map<number, number>,
  servers: number[],
  k: number,
  perBlock: Map<number, number>,
  perServer: Map<number, number>,
): Part[] | undefined {
  let best: { s: number; take: number; score: number[] } | undefined;
  for (const s of servers) {
    const mask = avail.get(s)!;
    for (const take of takeOptions(topo.layoutOf(s), mask, k)) {
      const score = [perBlock.get(topo.serverBlock[s]!) ?? 0, perServer.get(s) ?? 0, popcount((mask & ~take) >>> 0), s];
      if (!best || lexLess(score, best.score)) best = { s, take, score };
    }
  }
  return best ? [{ server: best.s, mask: best.take, cpu: 0, mem: 0 }] : undefined;
}

function placeLarge(
  topo: Topology,
  avail: Map<number, number>,
  servers: number[],
  whole: number,
  piece: number,
  perBlock: Map<number, number>,
  perServer: Map<number, number>,
): Part[] | undefined {
  const fullByBlock = new Map<number, number[]>();
  for (const s of servers) {
    if (avail.get(s) !== topo.layoutOf(s).fullMask) continue;
    const b = topo.serverBlock[s]!;
    if (!fullByBlock.has(b)) fullByBlock.set(b, []);
    fullByBlock.get(b)!.push(s);
  }
  let best: { parts: Part[]; score: number[] } | undefined;
  for (const [b, full] of fullByBlock) {
    if (full.length < whole) continue;
    const chosen = full.slice(0, whole);
    const parts: Part[] = chosen.map((s) => ({ server: s, mask: topo.layoutOf(s).fullMask, cpu: 0, mem: 0 }));
    if (piece > 0) {
      const rest = servers.filter((s) => topo.serverBlock[s] === b && !chosen.includes(s));
      const p = placeSmall(topo, avail, rest, piece, perBlock, perServer);
      if (!p) continue;
      parts.push(...p);
    }
    const score = [perBlock.get(b) ?? 0, full.length, b];
    if (!best || lexLess(score, best.score)) best = { parts, score };
  }
  return best?.parts;
}

function largestInCluster(topo: Topology, available: Map<number, number>, wholeServers: boolean): { size: number; where: string } {
  let size = 0;
  let where = 'the cluster';
  if (wholeServers) {
    const perBlock = new Map<number, number>();
    for (const [s, mask] of available) {
      if (mask !== topo.layoutOf(s).fullMask) continue;
      const b = topo.serverBlock[s]!;
      perBlock.set(b, (perBlock.get(b) ?? 0) + topo.layoutOf(s).count);
    }
    for (const [b, n] of perBlock)
      if (n > size) {
        size = n;
        where = topo.blockLabel(b);
      }
    return { size, where };
  }
  for (const [s, mask] of available) {
    const layout = topo.layoutOf(s);
    for (const k of layout.allowedSizes) {
      if (k > size && takeOptions(layout, mask, k).length > 0) {
        size = k;
        where = topo.serverName[s]!;
      }
    }
  }
  return { size, where };
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
