import { formatInt } from '../plan/index.ts';

/** The control plane's `/v1/capacity` answer. */
export interface CapacityReport {
  zones: { zone: string; acceleratorType: string; total: number; free: number; largestFreeBlock: number }[];
  supernodes: { id: string; zone: string; acceleratorType: string; total: number; free: number }[];
  servers: {
    id: string;
    zone: string;
    supernode: string | null;
    acceleratorType: string;
    total: number;
    free: number;
    /** Faulty accelerators (not free) and whether the server is draining (nothing on it is free). */
    faulty?: number;
    draining?: boolean;
    /** Accelerators cut into partitions (MIG, vNPU), not counted free, and their slice units still free. */
    partitioned?: number;
    freeSliceUnits?: number;
    /** Clusters' partition instances on the server, and how many endpoint replicas run on. */
    instances?: number;
    endpointInstances?: number;
  }[];
}

/**
 * A table of free and total accelerators per zone and supernode, then an
 * occupancy map with one character per server (`#` held, `.` free, `+` partly
 * free), so fragmentation shows at a glance. Servers whose accelerators are cut into partitions are
 * listed last with the slice units (MIG positions, vNPU AI cores) they still have free, the clusters'
 * instances there and how many of those endpoint replicas run on.
 */
export function renderCapacity(report: CapacityReport): string {
  const lines: string[] = [];
  const rows: string[][] = [['ZONE / SUPERNODE', 'TYPE', 'FREE', 'TOTAL', 'LARGEST FREE BLOCK']];
  const zones = [...report.zones].sort((a, b) => a.zone.localeCompare(b.zone) || a.acceleratorType.localeCompare(b.acceleratorType));
  for (const z of zones) {
    rows.push([z.zone, z.acceleratorType, formatInt(z.free), formatInt(z.total), formatInt(z.largestFreeBlock)]);
    const supernodes = report.supernodes
      .filter((s) => s.zone === z.zone && s.acceleratorType === z.acceleratorType)
      .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    for (const s of supernodes) rows.push([`  ${s.id}`, '', formatInt(s.free), formatInt(s.total), '']);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) {
    lines.push(
      row
        .map((cell, i) => (i >= 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    );
  }
  lines.push('');
  lines.push('Fragmentation: free accelerators stranded on partly held servers, which no whole-server request (a gang, a');
  lines.push('multi-server cluster) can use, as a share of free accelerators; 0% for an empty zone:');
  for (const z of zones) {
    const servers = report.servers.filter((s) => s.zone === z.zone && s.acceleratorType === z.acceleratorType);
    const stranded = strandedFree(servers);
    const free = servers.reduce((n, s) => n + s.free, 0);
    lines.push(
      `  ${z.zone} ${z.acceleratorType}  ${free ? ((100 * stranded) / free).toFixed(1) : '0.0'}%  (${formatInt(stranded)} of ${formatInt(free)} free stranded)`,
    );
  }
  lines.push('');
  lines.push('Occupancy, one character per server (# held, + partly free, . free):');
  const groups = new Map<string, CapacityReport['servers']>();
  for (const server of report.servers) {
    const key = `${server.zone} ${server.supernode ?? `(${server.acceleratorType})`}`;
    groups.set(key, [...(groups.get(key) ?? []), server]);
  }
  const keys = [...groups.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const labelWidth = Math.max(0, ...keys.map((k) => k.length));
  for (const key of keys) {
    const servers = groups.get(key)!.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    const free = servers.reduce((n, s) => n + s.free, 0);
    const total = servers.reduce((n, s) => n + s.total, 0);
    const map = servers.map((s) => (s.free === 0 ? '#' : s.free < s.total ? '+' : '.')).join('');
    // Long rows wrap at 64 servers so the map stays readable in a terminal.
    const chunks = map.match(/.{1,64}/g) ?? [''];
    chunks.forEach((chunk, i) => {
      const label = i === 0 ? key.padEnd(labelWidth) : ' '.repeat(labelWidth);
      lines.push(`${label}  ${chunk.padEnd(Math.min(64, map.length))}${i === 0 ? `  ${formatInt(free)}/${formatInt(total)} free` : ''}`);
    });
  }
  const partitioned = report.servers
    .filter((s) => (s.partitioned ?? 0) > 0 || (s.instances ?? 0) > 0)
    .sort((a, b) => a.zone.localeCompare(b.zone) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  if (partitioned.length) {
    lines.push('');
    lines.push('Partitioned accelerators (not free whole; slice units are MIG positions or vNPU AI cores):');
    const prow = [
      ['SERVER', 'TYPE', 'PARTITIONED', 'FREE SLICE UNITS', 'INSTANCES', 'IN ENDPOINTS'],
      ...partitioned.map((s) => [
        `${s.zone}/${s.id}`,
        s.acceleratorType,
        formatInt(s.partitioned ?? 0),
        formatInt(s.freeSliceUnits ?? 0),
        formatInt(s.instances ?? 0),
        formatInt(s.endpointInstances ?? 0),
      ]),
    ];
    const w = prow[0]!.map((_, i) => Math.max(...prow.map((r) => r[i]!.length)));
    for (const row of prow)
      lines.push(
        row
          .map((cell, i) => (i >= 2 ? cell.padStart(w[i]!) : cell.padEnd(w[i]!)))
          .join('  ')
          .trimEnd(),
      );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Free accelerators on servers where work holds others (the console's fragmentation figure): they
 * cannot serve a request for whole servers. Faulty accelerators are not held, so a server whose only
 * gaps are faults strands nothing; a draining server has nothing free.
 */
export function strandedFree(servers: readonly CapacityReport['servers'][number][]): number {
  let n = 0;
  for (const s of servers) {
    if (s.draining || s.free === 0) continue;
    if (s.total - s.free - (s.faulty ?? 0) > 0) n += s.free;
  }
  return n;
}
