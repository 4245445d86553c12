import { acceleratorId, type Inventory, type Server } from '../../inventory/index.ts';
import type { AllocationRow, HealthMark, QuotaRecord } from '../../store/index.ts';
import type {
  AllocationSummary,
  AllocatorPort,
  ClusterRequest,
  Grant,
  PreviewRequest,
  PreviewResult,
  Refusal,
  ReplicaPlacement,
} from './allocator-port.ts';

/*
 * Server-granular placement used by the API until the allocator folder exports its engine: a
 * cluster holds whole servers, chosen per placement policy (supernode: best-fitting single
 * supernode; zone: fewest supernodes; spread: round-robin over supernodes). Growth prefers the
 * supernodes a cluster already holds; shrinking frees from its smallest fragments first.
 */

interface Block {
  id: string;
  zone: string;
  type: string;
  supernode: string | null;
  servers: ServerState[];
}

interface ServerState {
  server: Server;
  block: Block;
  accelerators: string[];
}

interface Held {
  project: string;
  type: string;
  servers: Set<ServerState>;
}

export function createAllocatorPort(inventory: Inventory): AllocatorPort {
  const blocks: Block[] = [];
  const serverByAccelerator = new Map<string, ServerState>();
  const serverById = new Map<string, ServerState>();
  const zoneRegion = new Map<string, { region: string }>();
  for (const region of inventory.regions) {
    for (const zone of region.zones) {
      zoneRegion.set(zone.name, { region: region.name });
      const add = (id: string, supernode: string | null, type: string, servers: Server[]) => {
        const block: Block = { id, zone: zone.name, type, supernode, servers: [] };
        for (const server of servers) {
          const accelerators = Array.from({ length: server.acceleratorCount }, (_, i) => acceleratorId(zone.name, server.id, i));
          const st: ServerState = { server, block, accelerators };
          block.servers.push(st);
          serverById.set(`${zone.name}/${server.id}`, st);
          for (const a of accelerators) serverByAccelerator.set(a, st);
        }
        blocks.push(block);
      };
      for (const sn of zone.supernodes) add(sn.id, sn.id, sn.acceleratorType, sn.servers);
      const byType = new Map<string, Server[]>();
      for (const s of zone.servers) byType.set(s.acceleratorType, [...(byType.get(s.acceleratorType) ?? []), s]);
      for (const [type, servers] of byType) add(`${zone.name}:${type}`, null, type, servers);
    }
  }

  let owners = new Map<string, Held>();
  let ownerOf = new Map<ServerState, string>();
  let quotas = new Map<string, number>();
  const unusable = new Set<ServerState>();
  const marks = new Map<string, HealthMark>();

  // Free servers per block of the live state, rebuilt only for blocks a change touched.
  const freeCache = new Map<Block, ServerState[]>();
  const freeIn = (b: Block, taken: ReadonlyMap<ServerState, string>) => {
    if (taken !== ownerOf) return b.servers.filter((s) => !taken.has(s) && !unusable.has(s));
    let list = freeCache.get(b);
    if (!list) freeCache.set(b, (list = b.servers.filter((s) => !ownerOf.has(s) && !unusable.has(s))));
    return list;
  };
  const perServer = (type: string) => inventory.acceleratorTypes[type]?.acceleratorsPerServer ?? 8;
  const blockLabel = (b: Block) => b.supernode ?? `standalone ${b.type} servers`;

  function summary(servers: Iterable<ServerState>, zone: string): AllocationSummary {
    const list = [...servers].sort((a, b) => (a.server.id < b.server.id ? -1 : 1));
    return {
      zone,
      supernodes: [...new Set(list.map((s) => s.block.supernode).filter((x): x is string => x !== null))].sort(),
      servers: list.map((s) => s.server.id),
      acceleratorCount: list.reduce((n, s) => n + s.accelerators.length, 0),
    };
  }

  function rowsOf(owner: string, project: string, type: string, servers: Iterable<ServerState>): AllocationRow[] {
    const rows: AllocationRow[] = [];
    for (const s of servers) {
      for (const a of s.accelerators) rows.push({ accelerator: a, owner, project, acceleratorType: type, zone: s.block.zone, supernode: s.block.supernode, server: s.server.id });
    }
    return rows;
  }

  function quotaCheck(project: string, type: string, extraAccelerators: number, held: Map<string, Held>): Refusal | undefined {
    const limit = quotas.get(`${project}\u0000${type}`);
    if (limit === undefined) return undefined;
    let used = 0;
    for (const h of held.values()) if (h.project === project && h.type === type) for (const s of h.servers) used += s.accelerators.length;
    if (used + extraAccelerators <= limit) return undefined;
    return { ok: false, code: 'QUOTA_EXCEEDED', message: `project ${project} may hold ${limit} ${type}; it holds ${used} and asks for ${extraAccelerators} more` };
  }

  const blocksOf = new Map<string, Block[]>();
  for (const b of blocks) {
    const key = `${b.zone}\u0000${b.type}`;
    blocksOf.set(key, [...(blocksOf.get(key) ?? []), b]);
  }

  /** Picks `n` free servers for a request, preferring `near` supernodes; pure with respect to state. */
  function pick(req: ClusterRequest, n: number, taken: ReadonlyMap<ServerState, string>, near: ReadonlySet<Block>): ServerState[] | Refusal {
    if (!zoneRegion.has(req.zone)) return { ok: false, code: 'INVALID_VALUE', field: 'zone', message: `zone ${req.zone} does not exist` };
    const candidates = blocksOf.get(`${req.zone}\u0000${req.acceleratorType}`) ?? [];
    // One pass finds the totals and the best single block, which settles the common request.
    let totalFree = 0;
    let largest: Block | undefined;
    let largestFree = 0;
    let bestFit: Block | undefined;
    let bestFitFree = Infinity;
    let nearFit: Block | undefined;
    let nearFitFree = Infinity;
    for (const b of candidates) {
      const f = freeIn(b, taken).length;
      totalFree += f;
      if (f > largestFree) {
        largest = b;
        largestFree = f;
      }
      if (f >= n && f < bestFitFree) {
        bestFit = b;
        bestFitFree = f;
      }
      if (f >= n && near.has(b) && f < nearFitFree) {
        nearFit = b;
        nearFitFree = f;
      }
    }
    const per = perServer(req.acceleratorType);
    const need = `need ${n * per} ${req.acceleratorType}`;
    const largestText = largest ? `largest free block: ${largestFree * per} in ${blockLabel(largest)}` : 'nothing is free';
    if (req.placement === 'supernode') {
      const b = nearFit ?? bestFit;
      if (!b) return { ok: false, code: 'CAPACITY_EXHAUSTED', message: `${need} in one supernode of ${req.zone}; ${largestText}` };
      return freeIn(b, taken).slice(0, n);
    }
    if (totalFree < n) {
      return { ok: false, code: 'CAPACITY_EXHAUSTED', message: `${need} in ${req.zone}; ${totalFree * per} free in the zone, ${largestText}` };
    }
    if (req.placement !== 'spread') {
      // Fewest supernodes: a block next to what is held, else the largest block, when either suffices.
      if (nearFit) return freeIn(nearFit, taken).slice(0, n);
      if (largest && largestFree >= n && near.size === 0) return freeIn(largest, taken).slice(0, n);
    }
    const free = candidates.map((b) => ({ b, free: freeIn(b, taken) })).filter((x) => x.free.length > 0);
    const ordered = free.sort((a, b) => Number(near.has(b.b)) - Number(near.has(a.b)) || b.free.length - a.free.length);
    if (req.placement === 'spread') {
      const out: ServerState[] = [];
      for (let round = 0; out.length < n; round++) {
        for (const x of ordered) if (out.length < n && x.free[round]) out.push(x.free[round]);
      }
      return out;
    }
    const out: ServerState[] = [];
    for (const x of ordered) for (const s of x.free) if (out.length < n) out.push(s);
    return out;
  }

  function planCluster(req: ClusterRequest, taken = ownerOf, held = owners): Grant | Refusal {
    const picked = pick(req, req.nodeCount, taken, new Set());
    if (!Array.isArray(picked)) return picked;
    const q = quotaCheck(req.project, req.acceleratorType, picked.length * perServer(req.acceleratorType), held);
    if (q) return q;
    return { ok: true, owner: req.owner, add: rowsOf(req.owner, req.project, req.acceleratorType, picked), remove: [], allocation: summary(picked, req.zone) };
  }

  function planResize(req: ClusterRequest, taken = ownerOf, held = owners): Grant | Refusal {
    const h = held.get(req.owner);
    if (!h) return planCluster(req, taken, held);
    const current = [...h.servers];
    if (req.nodeCount > current.length) {
      const near = new Set(current.map((s) => s.block));
      const picked = pick(req, req.nodeCount - current.length, taken, near);
      if (!Array.isArray(picked)) return picked;
      const q = quotaCheck(req.project, req.acceleratorType, picked.length * perServer(req.acceleratorType), held);
      if (q) return q;
      return { ok: true, owner: req.owner, add: rowsOf(req.owner, req.project, req.acceleratorType, picked), remove: [], allocation: summary([...current, ...picked], req.zone) };
    }
    // Free whole fragments first: servers in the blocks where the cluster holds the fewest.
    const perBlock = new Map<Block, number>();
    for (const s of current) perBlock.set(s.block, (perBlock.get(s.block) ?? 0) + 1);
    const order = [...current].sort((a, b) => perBlock.get(a.block)! - perBlock.get(b.block)! || (a.server.id < b.server.id ? 1 : -1));
    const drop = order.slice(0, current.length - req.nodeCount);
    const keep = current.filter((s) => !drop.includes(s));
    return { ok: true, owner: req.owner, add: [], remove: drop.flatMap((s) => s.accelerators), allocation: summary(keep, req.zone) };
  }

  function apply(grant: Grant, taken: Map<ServerState, string>, held: Map<string, Held>) {
    for (const a of grant.remove) {
      const s = serverByAccelerator.get(a);
      if (s && taken.get(s) === grant.owner) {
        if (taken === ownerOf) freeCache.delete(s.block);
        taken.delete(s);
        held.get(grant.owner)?.servers.delete(s);
      }
    }
    for (const row of grant.add) {
      const s = serverByAccelerator.get(row.accelerator);
      if (!s) continue;
      const other = taken.get(s);
      if (other !== undefined && other !== grant.owner) throw new Error(`server ${s.server.id} is already held by ${other}`);
      taken.set(s, grant.owner);
      if (taken === ownerOf) freeCache.delete(s.block);
      let h = held.get(grant.owner);
      if (!h) held.set(grant.owner, (h = { project: row.project, type: row.acceleratorType, servers: new Set() }));
      h.servers.add(s);
    }
  }

  function release(owner: string, taken = ownerOf, held = owners): string[] {
    const h = held.get(owner);
    if (!h) return [];
    held.delete(owner);
    const freed: string[] = [];
    for (const s of h.servers) {
      if (taken.get(s) === owner) taken.delete(s);
      if (taken === ownerOf) freeCache.delete(s.block);
      freed.push(...s.accelerators);
    }
    return freed;
  }

  const port: AllocatorPort = {
    load(rows, quotaRows, markRows) {
      owners = new Map();
      ownerOf = new Map();
      freeCache.clear();
      for (const r of rows) {
        const s = serverByAccelerator.get(r.accelerator);
        if (!s) continue;
        ownerOf.set(s, r.owner);
        let h = owners.get(r.owner);
        if (!h) owners.set(r.owner, (h = { project: r.project, type: r.acceleratorType, servers: new Set() }));
        h.servers.add(s);
      }
      quotas = new Map(quotaRows.map((q) => [`${q.project}\u0000${q.acceleratorType}`, q.limit]));
      unusable.clear();
      marks.clear();
      for (const m of markRows) port.mark(m);
    },
    planCluster: (req) => planCluster(req),
    planResize: (req) => planResize(req),
    commit: (grant) => apply(grant, ownerOf, owners),
    release: (owner) => release(owner),
    summary(owner) {
      const h = owners.get(owner);
      if (!h || h.servers.size === 0) return undefined;
      return summary(h.servers, [...h.servers][0].block.zone);
    },
    placeReplicas(clusterOwner, replicas, perReplica, used) {
      const h = owners.get(clusterOwner);
      if (!h) return { ok: false, code: 'CAPACITY_EXHAUSTED', field: 'cluster', message: 'the cluster holds no accelerators' };
      const servers = [...h.servers].sort((a, b) => (a.server.id < b.server.id ? -1 : 1));
      const freeOf = (s: ServerState) => s.accelerators.filter((a) => !used.has(a) && !taken.has(a));
      const taken = new Set<string>();
      const placements: ReplicaPlacement[] = [];
      const per = perServer(h.type);
      for (let r = 0; r < replicas; r++) {
        let got: ServerState[] | undefined;
        let accelerators: string[] = [];
        if (perReplica <= per) {
          const s = servers.filter((x) => freeOf(x).length >= perReplica).sort((a, b) => freeOf(a).length - freeOf(b).length)[0];
          if (s) {
            got = [s];
            accelerators = freeOf(s).slice(0, perReplica);
          }
        } else {
          const whole = Math.ceil(perReplica / per);
          const byBlock = new Map<Block, ServerState[]>();
          for (const s of servers) if (freeOf(s).length === s.accelerators.length) byBlock.set(s.block, [...(byBlock.get(s.block) ?? []), s]);
          const block = [...byBlock.values()].find((list) => list.length >= whole);
          if (block) {
            got = block.slice(0, whole);
            accelerators = got.flatMap(freeOf).slice(0, perReplica);
          }
        }
        if (!got) {
          const free = servers.reduce((n, s) => n + freeOf(s).length, 0);
          return {
            ok: false,
            code: 'CAPACITY_EXHAUSTED',
            field: 'replicas',
            message: `replica ${r + 1} of ${replicas} needs ${perReplica} accelerators${perReplica > per ? ' in one supernode' : ' in one server'}; the cluster has ${free} free of ${servers.length * per}`,
          };
        }
        for (const a of accelerators) taken.add(a);
        placements.push({ replica: r, supernode: got[0].block.supernode ?? '', servers: got.map((s) => s.server.id), acceleratorCount: accelerators.length, accelerators });
      }
      return { ok: true, placements };
    },
    preview(project, requests, ownerIds) {
      const taken = new Map(ownerOf);
      const held = new Map([...owners].map(([k, v]) => [k, { ...v, servers: new Set(v.servers) }]));
      const results: PreviewResult[] = [];
      const order = requests.map((r, index) => ({ r, index })).sort((a, b) => Number(b.r.action === 'release') - Number(a.r.action === 'release'));
      for (const { r, index } of order) {
        const base = { index, action: r.action, name: r.name };
        if (r.action === 'release') {
          const owner = ownerIds.get(r.name);
          if (owner) release(owner, taken, held);
          results.push({ ...base, fits: true });
          continue;
        }
        let decision: Grant | Refusal;
        if (r.action === 'grow') {
          const owner = ownerIds.get(r.name);
          const h = owner ? held.get(owner) : undefined;
          if (!owner || !h) {
            results.push({ ...base, fits: false, code: 'NOT_FOUND', message: `cluster ${r.name} holds no accelerators in project ${project}` });
            continue;
          }
          const first = [...h.servers][0];
          decision = planResize({ owner, project, zone: first?.block.zone ?? '', acceleratorType: h.type, nodeCount: r.nodeCount, placement: 'zone' }, taken, held);
        } else {
          decision = planCluster({ owner: `preview:${index}`, project, zone: r.zone, acceleratorType: r.acceleratorType, nodeCount: r.nodeCount, placement: r.placement }, taken, held);
        }
        if (!decision.ok) results.push({ ...base, fits: false, code: decision.code, message: decision.message });
        else {
          apply(decision, taken, held);
          results.push({ ...base, fits: true, allocation: decision.allocation });
        }
      }
      return results.sort((a, b) => a.index - b.index);
    },
    setQuota(q: QuotaRecord) {
      quotas.set(`${q.project}\u0000${q.acceleratorType}`, q.limit);
    },
    mark(m) {
      const s = m.type === 'accelerator' ? serverByAccelerator.get(m.target) : serverById.get(m.target);
      if (!s) return { ok: false, code: 'INVALID_VALUE', field: 'ids', message: `unknown ${m.type} ${m.target}` };
      unusable.add(s);
      freeCache.delete(s.block);
      marks.set(m.target, m);
      return { ok: true };
    },
    regions() {
      return {
        regions: inventory.regions.map((r) => ({
          name: r.name,
          zones: r.zones.map((z) => ({
            name: z.name,
            supernodes: z.supernodes.map((sn) => ({ id: sn.id, shape: sn.shape, acceleratorType: sn.acceleratorType, servers: sn.servers.length })),
            servers: z.servers.length,
          })),
        })),
        acceleratorTypes: Object.values(inventory.acceleratorTypes),
        shapes: Object.values(inventory.shapes),
      };
    },
    capacity(filter) {
      const sel = blocks.filter((b) => (!filter.zone || b.zone === filter.zone) && (!filter.acceleratorType || b.type === filter.acceleratorType));
      const zones = new Map<string, { zone: string; acceleratorType: string; total: number; free: number; largestFreeBlock: number }>();
      const supernodes = [];
      const servers = [];
      for (const b of sel) {
        const total = b.servers.reduce((n, s) => n + s.accelerators.length, 0);
        const freeServers = freeIn(b, ownerOf);
        const free = freeServers.reduce((n, s) => n + s.accelerators.length, 0);
        const key = `${b.zone}/${b.type}`;
        const z = zones.get(key) ?? { zone: b.zone, acceleratorType: b.type, total: 0, free: 0, largestFreeBlock: 0 };
        z.total += total;
        z.free += free;
        z.largestFreeBlock = Math.max(z.largestFreeBlock, b.supernode ? free : Math.max(0, ...freeServers.map((s) => s.accelerators.length)));
        zones.set(key, z);
        if (b.supernode) supernodes.push({ id: b.supernode, zone: b.zone, acceleratorType: b.type, total, free });
        for (const s of b.servers) {
          servers.push({ id: s.server.id, zone: b.zone, supernode: b.supernode, acceleratorType: b.type, total: s.accelerators.length, free: ownerOf.has(s) || unusable.has(s) ? 0 : s.accelerators.length });
        }
      }
      return { zones: [...zones.values()], supernodes, servers };
    },
    zones: () => zoneRegion,
    regionNames: () => inventory.regions.map((r) => r.name),
    check() {
      const violations: string[] = [];
      const seen = new Map<ServerState, string>();
      for (const [owner, h] of owners) {
        for (const s of h.servers) {
          const other = seen.get(s);
          if (other) violations.push(`server ${s.server.id} is held by both ${other} and ${owner}`);
          seen.set(s, owner);
          if (ownerOf.get(s) !== owner) violations.push(`server ${s.server.id} index disagrees about its owner ${owner}`);
          if (s.block.type !== h.type) violations.push(`${owner} holds ${s.server.id} of type ${s.block.type}, not ${h.type}`);
        }
      }
      return violations;
    },
  };
  return port;
}
