import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { AicloudError } from '../../../core/index.ts';
import { buildInventory } from './build-inventory.ts';
import type { InventorySpec } from './inventory-spec.ts';
import type { Inventory } from './types.ts';

/** An inventory file replaces the default one; its errors name the field so users can find the line. */
export function parseInventory(yamlText: string): Inventory {
  let doc: unknown;
  try {
    doc = parse(yamlText);
  } catch (e) {
    throw new AicloudError('INVALID_FORMAT', `the inventory is not valid YAML: ${(e as Error).message.split('\n')[0]}`, {
      hint: 'Fix the YAML syntax at the position shown.',
    });
  }
  return buildInventory(readSpec(doc));
}

/** Reads an inventory file (`--inventory`). */
export function loadInventoryFile(path: string): Inventory {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new AicloudError('NOT_FOUND', `cannot read the inventory file ${path}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`, {
      field: 'inventory',
      value: path,
      hint: 'Give the path of a YAML inventory file.',
    });
  }
  return parseInventory(text);
}

function readSpec(doc: unknown): InventorySpec {
  const root = obj(doc, '');
  const spec: InventorySpec = {
    regions: arr(root.regions, 'regions', true).map((r, ri) => {
      const rf = `regions[${ri}]`;
      const region = obj(r, rf);
      return {
        name: str(region.name, `${rf}.name`),
        zones: arr(region.zones, `${rf}.zones`, true).map((z, zi) => {
          const zf = `${rf}.zones[${zi}]`;
          const zone = obj(z, zf);
          return {
            name: str(zone.name, `${zf}.name`),
            supernodes: arr(zone.supernodes, `${zf}.supernodes`, false).map((p, pi) => {
              const pf = `${zf}.supernodes[${pi}]`;
              const pool = obj(p, pf);
              return { shape: str(pool.shape, `${pf}.shape`), count: int(pool.count, `${pf}.count`), prefix: optStr(pool.prefix, `${pf}.prefix`) };
            }),
            servers: arr(zone.servers, `${zf}.servers`, false).map((p, pi) => {
              const pf = `${zf}.servers[${pi}]`;
              const pool = obj(p, pf);
              return {
                acceleratorType: str(pool.acceleratorType, `${pf}.acceleratorType`),
                count: int(pool.count, `${pf}.count`),
                prefix: str(pool.prefix, `${pf}.prefix`),
                acceleratorsPerServer: optInt(pool.acceleratorsPerServer, `${pf}.acceleratorsPerServer`),
                serverGroups: optInts(pool.serverGroups, `${pf}.serverGroups`),
                cpuMilli: optInt(pool.cpuMilli, `${pf}.cpuMilli`),
                memoryMib: optInt(pool.memoryMib, `${pf}.memoryMib`),
              };
            }),
          };
        }),
      };
    }),
  };
  if (root.shapes !== undefined) {
    spec.shapes = {};
    for (const [name, s] of Object.entries(obj(root.shapes, 'shapes'))) {
      const f = `shapes.${name}`;
      const shape = obj(s, f);
      spec.shapes[name] = {
        acceleratorType: str(shape.acceleratorType, `${f}.acceleratorType`),
        serversPerSupernode: int(shape.serversPerSupernode, `${f}.serversPerSupernode`),
        acceleratorsPerServer: optInt(shape.acceleratorsPerServer, `${f}.acceleratorsPerServer`),
        serverGroups: optInts(shape.serverGroups, `${f}.serverGroups`),
      };
    }
  }
  if (root.acceleratorTypes !== undefined) {
    spec.acceleratorTypes = {};
    for (const [name, t] of Object.entries(obj(root.acceleratorTypes, 'acceleratorTypes'))) {
      const f = `acceleratorTypes.${name}`;
      const type = obj(t, f);
      const perServer = int(type.acceleratorsPerServer, `${f}.acceleratorsPerServer`);
      spec.acceleratorTypes[name] = {
        memoryGib: num(type.memoryGib, `${f}.memoryGib`),
        bf16Tflops: num(type.bf16Tflops, `${f}.bf16Tflops`),
        acceleratorsPerServer: perServer,
        serverGroups: optInts(type.serverGroups, `${f}.serverGroups`) ?? [perServer],
        interconnect: optStr(type.interconnect, `${f}.interconnect`) ?? 'server',
        pricePerHour: num(type.pricePerHour, `${f}.pricePerHour`),
      };
    }
  }
  return spec;
}

function where(field: string): string {
  return field === '' ? 'the inventory' : field;
}

function obj(v: unknown, field: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new AicloudError('INVALID_TYPE', `${where(field)} must be a mapping`, { field: field || undefined, value: v });
  }
  return v as Record<string, unknown>;
}

function arr(v: unknown, field: string, required: boolean): unknown[] {
  if (v === undefined || v === null) {
    if (required) throw new AicloudError('MISSING_FIELD', `${field} is required`, { field });
    return [];
  }
  if (!Array.isArray(v)) throw new AicloudError('INVALID_TYPE', `${field} must be a list`, { field, value: v });
  return v;
}

function str(v: unknown, field: string): string {
  if (v === undefined || v === null) throw new AicloudError('MISSING_FIELD', `${field} is required`, { field });
  if (typeof v !== 'string' || v === '') throw new AicloudError('INVALID_TYPE', `${field} must be a non-empty string`, { field, value: v });
  return v;
}

function optStr(v: unknown, field: string): string | undefined {
  return v === undefined || v === null ? undefined : str(v, field);
}

function num(v: unknown, field: string): number {
  if (v === undefined || v === null) throw new AicloudError('MISSING_FIELD', `${field} is required`, { field });
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new AicloudError('INVALID_TYPE', `${field} must be a number of at least 0`, { field, value: v });
  return v;
}

function int(v: unknown, field: string): number {
  const n = num(v, field);
  if (!Number.isInteger(n)) throw new AicloudError('INVALID_TYPE', `${field} must be a whole number`, { field, value: v });
  return n;
}

function optInt(v: unknown, field: string): number | undefined {
  return v === undefined || v === null ? undefined : int(v, field);
}

function optInts(v: unknown, field: string): number[] | undefined {
  if (v === undefined || v === null) return undefined;
  return arr(v, field, true).map((x, i) => int(x, `${field}[${i}]`));
}
