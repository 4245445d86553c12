import { findProfile } from '../../../core/index.ts';
import { AllocState } from './alloc-state.ts';
import type { AllocatorCore } from './allocator-core.ts';
import { addSliceChild, carve, newHolding } from './holding-book.ts';
import type { HoldingState } from './holding-state.ts';
import { addQuotaUse } from './quotas.ts';
import type { HoldingRow } from './types.ts';

/** Rebuilds holdings from persisted rows (replacing any held now); health marks and quotas stay. */
export function loadRows(core: AllocatorCore, rows: readonly HoldingRow[]): void {
  const { topo } = core;
  const fresh = new AllocState(topo);
  for (let s = 0; s < topo.serverCount; s++) {
    if (core.state.faulty[s]) {
      fresh.faulty[s] = core.state.faulty[s]!;
      fresh.refresh(s);
    }
    if (core.state.draining[s]) fresh.setDraining(s, true);
  }
  core.state = fresh;
  core.sliceCache = undefined;
  core.holdings.clear();
  core.ownerNames.length = 0;
  core.freeOwnerNos.length = 0;
  core.quotaUsed.clear();
  core.loadViolations = [];
  core.sliceHoldings.clear();
  core.slicedTypes.clear();
  // Clusters' partitions first, then the endpoint replicas that run on them.
  core.carved.clear();
  core.sliceChildren.clear();
  addRows(core, rows);
}

/**
 * Adds persisted rows to what is held now, clusters before the endpoints inside them; owners must not
 * be held already (a full load starts empty, a per-server reload releases them first).
 */
export function addRows(core: AllocatorCore, rows: readonly HoldingRow[]): void {
  const { topo } = core;
  for (const row of rows) if (row.slice && row.parentOwner === undefined) loadSliceRow(core, row);
  const resolved = rows.filter((row) => !row.slice).map((row) => ({ row, at: topo.resolveAccelerator(row.acceleratorId) }));
  for (const pass of ['clusters', 'endpoints'] as const) {
    for (const { row, at } of resolved) {
      if ((row.parentOwner === undefined) !== (pass === 'clusters')) continue;
      if (!at) {
        core.loadViolations.push(`row of ${row.owner} names unknown accelerator ${row.acceleratorId}`);
        continue;
      }
      const bit = (1 << at.index) >>> 0;
      const acc = topo.serverBase[at.server]! + at.index;
      let h = core.holdings.get(row.owner);
      if (!h) h = newHolding(core, row.owner, row.project, topo.serverType[at.server]!, topo.serverZone[at.server]!, row.parentOwner);
      if (h.type !== topo.serverType[at.server] || h.zone !== topo.serverZone[at.server]) {
        core.loadViolations.push(`${row.owner} has rows in more than one zone or type (${row.acceleratorId})`);
        continue;
      }
      if (pass === 'clusters') {
        const other = core.state.holder[acc]!;
        if (other >= 0) {
          core.loadViolations.push(`${row.acceleratorId} is held twice: by ${core.ownerNames[other]} and ${row.owner}`);
          continue;
        }
        core.state.hold(at.server, bit, h.no, 0, 0);
        addQuotaUse(core, h.project, h.type, 1);
      } else {
        const parent = core.holdings.get(row.parentOwner!);
        if (!parent || parent.parent !== undefined || !((parent.parts.get(at.server)?.mask ?? 0) & bit)) {
          core.loadViolations.push(`endpoint ${row.owner} uses ${row.acceleratorId}, which ${row.parentOwner} does not hold`);
          continue;
        }
        if (core.state.subHolder[acc]! >= 0) {
          core.loadViolations.push(`${row.acceleratorId} is used by two endpoints: ${core.ownerNames[core.state.subHolder[acc]!]} and ${row.owner}`);
          continue;
        }
        core.state.subHolder[acc] = h.no;
      }
      const prev = h.parts.get(at.server);
      h.parts.set(at.server, { mask: ((prev?.mask ?? 0) | bit) >>> 0, cpu: 0, mem: 0 });
      h.count++;
    }
  }
  // Endpoint instances last: they need their cluster, and whole endpoints' accelerators known.
  for (const row of rows) if (row.slice && row.parentOwner !== undefined) loadReplicaSliceRow(core, row);
}

/** Rebuilds one partition row; a row that clashes is recorded as a violation, not loaded. */
function loadSliceRow(core: AllocatorCore, row: HoldingRow): void {
  const at = core.topo.resolveAccelerator(row.acceleratorId);
  if (!at) {
    core.loadViolations.push(`row of ${row.owner} names unknown accelerator ${row.acceleratorId}`);
    return;
  }
  const type = core.topo.serverType[at.server]!;
  const catalogue = core.partitions[type];
  const profile = findProfile(catalogue, row.slice!.profile);
  if (!catalogue || !profile) {
    core.loadViolations.push(`row of ${row.owner} names unknown profile ${row.slice!.profile} of ${core.topo.typeNames[type]}`);
    return;
  }
  const acc = core.topo.serverBase[at.server]! + at.index;
  const positions = catalogue.kind === 'positional' ? (((1 << profile.size) - 1) << row.slice!.start) >>> 0 : 0;
  let sh = core.sliceHoldings.get(row.owner);
  if (sh && (sh.server !== at.server || sh.profile !== profile.name)) {
    core.loadViolations.push(`${row.owner} has partition rows on more than one server or profile (${row.acceleratorId})`);
    return;
  }
  if (core.state.sliceUnits[acc]! + profile.size > catalogue.units || (core.state.slicePositions[acc]! & positions) !== 0) {
    core.loadViolations.push(`${row.acceleratorId}: partition ${profile.name} of ${row.owner} overlaps slices already held`);
    return;
  }
  if (!sh) {
    sh = {
      owner: row.owner,
      project: row.project,
      type,
      zone: core.topo.serverZone[at.server]!,
      server: at.server,
      profile: profile.name,
      pieces: [],
      cpu: 0,
      mem: 0,
    };
    core.sliceHoldings.set(row.owner, sh);
    core.slicedTypes.set(type, (core.slicedTypes.get(type) ?? 0) + 1);
  }
  core.state.slice(at.server, at.index, profile.size, positions, 0, 0, 1);
  sh.pieces.push({ acc, start: row.slice!.start, positions, units: profile.size });
}

/** Rebuilds one carved instance row; a clash is recorded as a violation, not loaded. */
function loadCarvedRow(core: AllocatorCore, row: HoldingRow, whole: HoldingState): void {
  const { topo, state } = core;
  const at = topo.resolveAccelerator(row.acceleratorId);
  const catalogue = core.partitions[whole.type];
  const profile = findProfile(catalogue, row.slice!.profile);
  const acc = at ? topo.serverBase[at.server]! + at.index : -1;
  if (!at || !catalogue || !profile || ((whole.parts.get(at.server)?.mask ?? 0) & (1 << at.index)) === 0) {
    core.loadViolations.push(
      `endpoint ${row.owner} uses a ${row.slice!.profile} instance on ${row.acceleratorId}, which cluster ${row.parentOwner} does not hold`,
    );
    return;
  }
  const positions = catalogue.kind === 'positional' ? (((1 << profile.size) - 1) << row.slice!.start) >>> 0 : 0;
  const cut = core.carved.get(acc) ?? { units: 0, positions: 0 };
  if (state.subHolder[acc]! >= 0 || cut.units + profile.size > catalogue.units || (cut.positions & positions) !== 0) {
    core.loadViolations.push(`${row.acceleratorId}: the ${profile.name} instance of endpoint ${row.owner} overlaps what another endpoint holds there`);
    return;
  }
  let sh = core.sliceHoldings.get(row.owner);
  if (sh && (sh.parent !== row.parentOwner || sh.server !== at.server)) {
    core.loadViolations.push(`${row.owner} has instance rows on more than one server or cluster (${row.acceleratorId})`);
    return;
  }
  if (!sh) {
    sh = {
      owner: row.owner,
      project: row.project,
      type: whole.type,
      zone: whole.zone,
      server: at.server,
      profile: profile.name,
      pieces: [],
      cpu: 0,
      mem: 0,
      parent: row.parentOwner!,
    };
    core.sliceHoldings.set(row.owner, sh);
    addSliceChild(core, row.parentOwner!, row.owner);
  }
  const piece = { acc, start: row.slice!.start, positions, units: profile.size };
  carve(core, [piece], 1);
  sh.pieces.push(piece);
}

/** Rebuilds one replica's instance row: it must name a free instance of its partitioned cluster. */
function loadReplicaSliceRow(core: AllocatorCore, row: HoldingRow): void {
  const c = row.parentOwner!;
  const cluster = core.sliceHoldings.get(c);
  const whole = core.holdings.get(c);
  if (!cluster && whole && whole.parent === undefined) return loadCarvedRow(core, row, whole);
  const at = core.topo.resolveAccelerator(row.acceleratorId);
  const acc = at && cluster && at.server === cluster.server ? core.topo.serverBase[at.server]! + at.index : -1;
  const piece = cluster?.parent === undefined ? cluster?.pieces.find((p) => p.acc === acc && p.start === row.slice!.start && p.user === undefined) : undefined;
  if (!cluster || cluster.profile !== row.slice!.profile || !piece) {
    const held = cluster?.pieces.find((p) => p.acc === acc && p.start === row.slice!.start)?.user;
    core.loadViolations.push(
      held
        ? `${row.acceleratorId}: the ${row.slice!.profile} instance at ${row.slice!.start} is used by two endpoints: ${held} and ${row.owner}`
        : `endpoint ${row.owner} uses a ${row.slice!.profile} instance on ${row.acceleratorId}, which cluster ${c} does not hold`,
    );
    return;
  }
  let sh = core.sliceHoldings.get(row.owner);
  if (sh && sh.parent !== c) {
    core.loadViolations.push(`${row.owner} has partition rows in more than one cluster (${row.acceleratorId})`);
    return;
  }
  if (!sh) {
    sh = {
      owner: row.owner,
      project: row.project,
      type: cluster.type,
      zone: cluster.zone,
      server: cluster.server,
      profile: cluster.profile,
      pieces: [],
      cpu: 0,
      mem: 0,
      parent: c,
    };
    core.sliceHoldings.set(row.owner, sh);
    addSliceChild(core, c, row.owner);
  }
  piece.user = row.owner;
  sh.pieces.push({ acc: piece.acc, start: piece.start, positions: piece.positions, units: piece.units });
}
