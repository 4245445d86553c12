import type { Allocator } from '../../../controlplane/src/allocator/index.ts';
import type { Inventory, Server } from '../../../controlplane/src/inventory/index.ts';
import { AicloudError } from '../../../core/index.ts';

/**
 * One injected failure of a what-if plan (`--degrade SPEC`, docs/what-if.md):
 * a lost supernode or rack (every accelerator faulty), a drained or failed server, faulty accelerators.
 */
export type Degradation =
  | { what: 'supernode'; ref: string }
  | { what: 'server'; ref: string; mode: 'drain' | 'faulty' }
  | { what: 'accelerator'; ref: string }
  | { what: 'accelerators'; count: number; zone?: string };

/** What the degradation took away: accelerators no longer usable, servers drained, and its words. */
export interface DegradeEffect {
  label: string;
  faulty: string[];
  drained: string[];
}

const ITEM = /^(supernode|rack|server|accelerator|accelerators)=([^:]+)(?::([a-z]+))?(?:@(.+))?$/;

function bad(spec: string, why: string): AicloudError {
  return new AicloudError('INVALID_VALUE', `--degrade ${JSON.stringify(spec)}: ${why}`, {
    field: 'degrade',
    hint: 'Use comma-separated items: supernode=sn-2, rack=ZONE/nvl-1, server=ZONE/sn-1/s07:drain, server=...:faulty, accelerator=ZONE/SERVER/3, accelerators=16:faulty[@ZONE].',
  });
}

/** Parses the `--degrade` grammar; every item must parse, so a typo never degrades nothing silently. */
export function parseDegrade(spec: string): Degradation[] {
  const out: Degradation[] = [];
  for (const raw of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = ITEM.exec(raw);
    if (!m) throw bad(raw, 'not KIND=REF[:MODE]');
    const [, kind, ref, mode, zone] = m as unknown as [string, string, string, string | undefined, string | undefined];
    if (kind === 'supernode' || kind === 'rack') {
      if (mode !== undefined && mode !== 'lost' && mode !== 'faulty') throw bad(raw, `a ${kind} can only be lost`);
      out.push({ what: 'supernode', ref });
    } else if (kind === 'server') {
      const m2 = mode ?? 'faulty';
      if (m2 !== 'drain' && m2 !== 'faulty') throw bad(raw, 'a server is :drain or :faulty');
      out.push({ what: 'server', ref, mode: m2 });
    } else if (kind === 'accelerator') {
      if (mode !== undefined && mode !== 'faulty') throw bad(raw, 'an accelerator can only be :faulty');
      out.push({ what: 'accelerator', ref });
    } else {
      const count = Number(ref);
      if (!Number.isInteger(count) || count < 1) throw bad(raw, 'accelerators=N needs a whole number of at least 1');
      if (mode !== undefined && mode !== 'faulty') throw bad(raw, 'accelerators can only be :faulty');
      out.push({ what: 'accelerators', count, ...(zone ? { zone } : {}) });
    }
  }
  if (!out.length) throw bad(spec, 'nothing to degrade');
  return out;
}

interface Located {
  zone: string;
  server: Server;
}

function allServers(inventory: Inventory, zone?: string): Located[] {
  const out: Located[] = [];
  for (const r of inventory.regions) {
    for (const z of r.zones) {
      if (zone && z.name !== zone) continue;
      for (const sn of z.supernodes) for (const s of sn.servers) out.push({ zone: z.name, server: s });
      for (const s of z.servers) out.push({ zone: z.name, server: s });
    }
  }
  return out;
}

const accelerators = (l: Located) => Array.from({ length: l.server.acceleratorCount }, (_, i) => `${l.zone}/${l.server.id}/${i}`);

/**
 * `ZONE/sn-2`, or `sn-2` when one zone has it or when only one of the zones that have it is among
 * `prefer` (the zones the project's resources are in); the same for server ids.
 */
function findSupernode(inventory: Inventory, ref: string, prefer: ReadonlySet<string>): { zone: string; id: string; servers: Server[] } {
  let found = [];
  for (const r of inventory.regions)
    for (const z of r.zones)
      for (const sn of z.supernodes) if (sn.id === ref || `${z.name}/${sn.id}` === ref) found.push({ zone: z.name, id: sn.id, servers: sn.servers });
  if (found.length > 1 && found.filter((f) => prefer.has(f.zone)).length === 1) found = found.filter((f) => prefer.has(f.zone));
  if (found.length !== 1)
    throw bad(`supernode=${ref}`, found.length ? `${ref} is in ${found.length} zones; name it ZONE/${ref}` : `no supernode ${ref} in the snapshot's inventory`);
  return found[0]!;
}

function findServer(inventory: Inventory, ref: string, prefer: ReadonlySet<string>): Located {
  let found = allServers(inventory).filter((l) => l.server.id === ref || `${l.zone}/${l.server.id}` === ref);
  if (found.length > 1 && found.filter((f) => prefer.has(f.zone)).length === 1) found = found.filter((f) => prefer.has(f.zone));
  if (found.length !== 1)
    throw bad(`server=${ref}`, found.length ? `${ref} is in ${found.length} zones; name it ZONE/${ref}` : `no server ${ref} in the snapshot's inventory`);
  return found[0]!;
}

/**
 * Applies the degradations to an allocator built from a snapshot. `accelerators=N` picks N accelerators
 * spread evenly over the zone's (or the whole inventory's) accelerators in inventory order, one per
 * server where it can: the worst case for gangs, and the same picks every run.
 */
export function applyDegrade(
  allocator: Allocator,
  inventory: Inventory,
  items: readonly Degradation[],
  prefer: ReadonlySet<string> = new Set(),
): DegradeEffect[] {
  const effects: DegradeEffect[] = [];
  for (const d of items) {
    const e: DegradeEffect = { label: '', faulty: [], drained: [] };
    if (d.what === 'supernode') {
      const sn = findSupernode(inventory, d.ref, prefer);
      e.label = `${sn.id} fails`;
      for (const s of sn.servers) e.faulty.push(...accelerators({ zone: sn.zone, server: s }));
    } else if (d.what === 'server') {
      const l = findServer(inventory, d.ref, prefer);
      if (d.mode === 'drain') {
        e.label = `${l.server.id} is drained`;
        e.drained.push(`${l.zone}/${l.server.id}`);
      } else {
        e.label = `${l.server.id} fails`;
        e.faulty.push(...accelerators(l));
      }
    } else if (d.what === 'accelerator') {
      e.label = `accelerator ${d.ref} fails`;
      e.faulty.push(d.ref);
    } else {
      const pool = allServers(inventory, d.zone);
      const all = pool.flatMap(accelerators);
      if (d.count > all.length) throw bad(`accelerators=${d.count}`, `only ${all.length} accelerators${d.zone ? ` in ${d.zone}` : ''}`);
      // One per server first (stride over servers), then a second round, and so on.
      const perServer = pool.map(accelerators);
      for (let round = 0; e.faulty.length < d.count; round++) {
        const stride = Math.max(1, Math.floor(perServer.length / (d.count - e.faulty.length)));
        for (let i = 0; i < perServer.length && e.faulty.length < d.count; i += stride) {
          const id = perServer[i]![round];
          if (id !== undefined && !e.faulty.includes(id)) e.faulty.push(id);
        }
      }
      e.label = `${d.count} accelerators fail${d.zone ? ` in ${d.zone}` : ''}`;
    }
    for (const id of e.faulty) allocator.markFaulty(id);
    for (const s of e.drained) allocator.drainServer(s);
    effects.push(e);
  }
  return effects;
}
