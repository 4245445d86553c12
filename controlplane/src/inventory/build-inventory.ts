import { AicloudError, ACCELERATOR_TYPES } from '../../../core/index.ts';
import { standaloneServerId, supernodeServerId } from './inventory-ids.ts';
import type { InventorySpec } from './inventory-spec.ts';
import type { AcceleratorTypeSpec, Inventory, Server, Supernode, SupernodeShape, Zone } from './types.ts';

/** Server masks are 32-bit integers in the allocator. */
export const MAX_ACCELERATORS_PER_SERVER = 32;

/**
 * Expands a compact spec into every supernode and server, checking what the allocator relies on
 * (known types, groups that add up, ids unique within a zone). Errors name the field at fault.
 */
export function buildInventory(spec: InventorySpec): Inventory {
  const acceleratorTypes: Record<string, AcceleratorTypeSpec> = {};
  for (const [name, t] of Object.entries(ACCELERATOR_TYPES)) {
    acceleratorTypes[name] = {
      name,
      memoryGib: t.memoryGib,
      bf16Tflops: t.bf16Tflops,
      acceleratorsPerServer: t.acceleratorsPerServer,
      serverGroups: [...t.serverGroups],
      interconnect: t.interconnect,
      pricePerHour: t.pricePerHour,
    };
  }
  for (const [name, t] of Object.entries(spec.acceleratorTypes ?? {})) {
    const field = `acceleratorTypes.${name}`;
    checkGroups(t.serverGroups, t.acceleratorsPerServer, `${field}.serverGroups`);
    acceleratorTypes[name] = { ...t, name, serverGroups: [...t.serverGroups] };
  }

  const shapes: Record<string, SupernodeShape> = {};
  for (const [name, s] of Object.entries(spec.shapes ?? {})) {
    const field = `shapes.${name}`;
    const type = requireType(acceleratorTypes, s.acceleratorType, `${field}.acceleratorType`);
    const perServer = s.acceleratorsPerServer ?? type.acceleratorsPerServer;
    const groups = s.serverGroups ?? (perServer === type.acceleratorsPerServer ? type.serverGroups : [perServer]);
    checkPositive(s.serversPerSupernode, `${field}.serversPerSupernode`);
    checkGroups(groups, perServer, `${field}.serverGroups`);
    shapes[name] = {
      name,
      acceleratorType: s.acceleratorType,
      serversPerSupernode: s.serversPerSupernode,
      acceleratorsPerServer: perServer,
      serverGroups: [...groups],
    };
  }

  const regionNames = new Set<string>();
  const zoneNames = new Set<string>();
  const regions = spec.regions.map((r, ri) => {
    const rField = `regions[${ri}]`;
    if (regionNames.has(r.name)) throw invalid(`region ${r.name} is declared twice`, `${rField}.name`, r.name);
    regionNames.add(r.name);
    const zones = r.zones.map((z, zi): Zone => {
      const zField = `${rField}.zones[${zi}]`;
      if (zoneNames.has(z.name)) throw invalid(`zone ${z.name} is declared twice`, `${zField}.name`, z.name);
      zoneNames.add(z.name);
      const ids = new Set<string>();
      const claim = (id: string, field: string) => {
        if (ids.has(id)) throw invalid(`id ${id} is used twice in zone ${z.name}`, field, id);
        ids.add(id);
      };
      const supernodes: Supernode[] = [];
      const nextNumber = new Map<string, number>();
      (z.supernodes ?? []).forEach((pool, pi) => {
        const pField = `${zField}.supernodes[${pi}]`;
        const shape = shapes[pool.shape];
        if (!shape) throw invalid(`unknown supernode shape ${pool.shape}`, `${pField}.shape`, pool.shape, Object.keys(shapes));
        checkPositive(pool.count, `${pField}.count`);
        const prefix = pool.prefix ?? 'sn';
        for (let i = 0; i < pool.count; i++) {
          const n = (nextNumber.get(prefix) ?? 0) + 1;
          nextNumber.set(prefix, n);
          const id = `${prefix}-${n}`;
          claim(id, `${pField}.prefix`);
          const servers: Server[] = [];
          for (let s = 0; s < shape.serversPerSupernode; s++) {
            servers.push({
              id: supernodeServerId(id, s, shape.serversPerSupernode),
              zone: z.name,
              supernode: id,
              acceleratorType: shape.acceleratorType,
              acceleratorCount: shape.acceleratorsPerServer,
              serverGroups: [...shape.serverGroups],
            });
          }
          supernodes.push({ id, zone: z.name, shape: shape.name, acceleratorType: shape.acceleratorType, servers });
        }
      });
      const servers: Server[] = [];
      (z.servers ?? []).forEach((pool, pi) => {
        const pField = `${zField}.servers[${pi}]`;
        const type = requireType(acceleratorTypes, pool.acceleratorType, `${pField}.acceleratorType`);
        checkPositive(pool.count, `${pField}.count`);
        if (!pool.prefix) throw new AicloudError('MISSING_FIELD', `${pField}.prefix is required: it names the servers`, { field: `${pField}.prefix` });
        const perServer = pool.acceleratorsPerServer ?? type.acceleratorsPerServer;
        const groups = pool.serverGroups ?? (perServer === type.acceleratorsPerServer ? type.serverGroups : [perServer]);
        checkGroups(groups, perServer, `${pField}.serverGroups`);
        for (let s = 0; s < pool.count; s++) {
          const id = standaloneServerId(pool.prefix, s, pool.count);
          claim(id, `${pField}.prefix`);
          const server: Server = { id, zone: z.name, acceleratorType: pool.acceleratorType, acceleratorCount: perServer, serverGroups: [...groups] };
          if (pool.cpuMilli !== undefined) server.cpuMilli = pool.cpuMilli;
          if (pool.memoryMib !== undefined) server.memoryMib = pool.memoryMib;
          servers.push(server);
        }
      });
      return { name: z.name, region: r.name, supernodes, servers };
    });
    return { name: r.name, zones };
  });
  return { regions, acceleratorTypes, shapes };
}

function requireType(types: Record<string, AcceleratorTypeSpec>, name: string, field: string): AcceleratorTypeSpec {
  const t = types[name];
  if (!t) throw invalid(`unknown accelerator type ${name}`, field, name, Object.keys(types));
  return t;
}

function checkPositive(n: number, field: string): void {
  if (!Number.isInteger(n) || n < 1)
    throw new AicloudError('OUT_OF_RANGE', `${field} must be a whole number of at least 1, got ${String(n)}`, { field, value: n });
}

function checkGroups(groups: number[], perServer: number, field: string): void {
  checkPositive(perServer, field.replace(/serverGroups$/, 'acceleratorsPerServer'));
  if (perServer > MAX_ACCELERATORS_PER_SERVER) {
    throw new AicloudError('OUT_OF_RANGE', `at most ${MAX_ACCELERATORS_PER_SERVER} accelerators per server are supported, got ${perServer}`, {
      field,
      value: perServer,
    });
  }
  if (!Array.isArray(groups) || groups.length === 0 || groups.some((g) => !Number.isInteger(g) || g < 1)) {
    throw new AicloudError('INVALID_VALUE', `${field} must be a list of group sizes`, { field, value: groups });
  }
  const sum = groups.reduce((a, b) => a + b, 0);
  if (sum !== perServer) {
    throw new AicloudError('INVALID_VALUE', `${field} adds up to ${sum} but a server has ${perServer} accelerators`, { field, value: groups });
  }
}

function invalid(message: string, field: string, value: unknown, allowed?: string[]): AicloudError {
  const hint = allowed && allowed.length ? `Use one of: ${allowed.join(', ')}.` : undefined;
  return new AicloudError('INVALID_VALUE', message, { field, value, hint });
}
