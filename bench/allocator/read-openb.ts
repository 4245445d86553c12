import { existsSync, readFileSync } from 'node:fs';

/** A server of the openb node list. */
export interface OpenbNode {
  name: string;
  cpuMilli: number;
  memoryMib: number;
  gpus: number;
  model: string;
}

/** A pod of an openb pod list; `gpus` is rounded up to whole GPUs (the allocator does not share them). */
export interface OpenbPod {
  name: string;
  cpuMilli: number;
  memoryMib: number;
  gpus: number;
  /** The trace's own share of each GPU (1000 = whole), kept to report how much rounding added. */
  gpuMilli: number;
  /** Seconds the pod ran, when the file has times. */
  duration?: number;
  /**
   * The GPU models the pod accepts (the trace's `gpu_spec`, e.g. `V100M16|V100M32`); absent when the
   * file has no such column or the cell is empty, which means any model.
   */
  gpuSpec?: string[];
}

export class TraceMissingError extends Error {}

function readCsv(path: string, what: string): Record<string, string>[] {
  if (!existsSync(path)) {
    throw new TraceMissingError(
      `${what} not found at ${path}. The benchmark reads the Alibaba openb trace from ../shared/traces/alibaba-openb/ next to the repository; pass --pods and --nodes to use other files of the same format.`,
    );
  }
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = lines[0]!.split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const row: Record<string, string> = {};
    header.forEach((h, i) => {
      row[h] = cells[i] ?? '';
    });
    return row;
  });
}

function need(row: Record<string, string>, column: string, path: string): number {
  const v = Number(row[column]);
  if (row[column] === undefined || row[column] === '' || !Number.isFinite(v))
    throw new Error(`${path}: column ${column} is missing or not a number (row ${row.name ?? row.sn ?? '?'})`);
  return v;
}

export function readNodes(path: string): OpenbNode[] {
  return readCsv(path, 'node list').map((r) => ({
    name: r.sn!,
    cpuMilli: need(r, 'cpu_milli', path),
    memoryMib: need(r, 'memory_mib', path),
    gpus: need(r, 'gpu', path),
    model: r.model ?? '',
  }));
}

export function readPods(path: string): OpenbPod[] {
  return readCsv(path, 'pod list').map((r) => {
    const num = need(r, 'num_gpu', path);
    const milli = need(r, 'gpu_milli', path);
    // A share of one GPU (gpu_milli < 1000) becomes a whole GPU; multi-GPU pods ask for whole GPUs already.
    const pod: OpenbPod = { name: r.name!, cpuMilli: need(r, 'cpu_milli', path), memoryMib: need(r, 'memory_mib', path), gpus: num, gpuMilli: milli };
    if (r.creation_time && r.deletion_time) pod.duration = Number(r.deletion_time) - Number(r.creation_time);
    const spec = parseGpuSpec(r.gpu_spec);
    if (spec.length > 0) pod.gpuSpec = spec;
    return pod;
  });
}

/**
 * The GPU models one `gpu_spec` cell names: '|'-separated, each once, in the order given; an empty
 * cell (or `nan`, as pandas writes a missing value) names none, which means the pod accepts any model.
 */
export function parseGpuSpec(cell: string | undefined): string[] {
  const out: string[] = [];
  for (const raw of (cell ?? '').split('|')) {
    const m = raw.trim();
    if (m === '' || m.toLowerCase() === 'nan' || out.includes(m)) continue;
    out.push(m);
  }
  return out;
}
