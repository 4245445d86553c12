import { keyOfMask, popcount } from './server-layout.ts';
import { quotaKey, type AllocatorInternals, type SliceHolding } from './holding-state.ts';
import type { InvariantReport } from './types.ts';

const MAX_VIOLATIONS = 200;

/**
 * Recomputes everything the allocator keeps incrementally and compares: no accelerator held twice,
 * every holder a live resource, endpoints only inside their cluster, and every counter, bucket and
 * capacity sum equal to a recount from scratch.
 */
export function checkInvariants(a: AllocatorInternals, liveOwners: ReadonlySet<string>): InvariantReport {
  const { topo, state } = a;
  const violations: string[] = [...a.loadViolations];
  const add = (v: string) => {
    if (violations.length < MAX_VIOLATIONS) violations.push(v);
  };
  const accName = (acc: number) => {
    const s = topo.acceleratorServer[acc]!;
    return topo.acceleratorName(s, acc - topo.serverBase[s]!);
  };

  const heldBy = new Int32Array(topo.acceleratorCount).fill(-1);
  const subBy = new Int32Array(topo.acceleratorCount).fill(-1);
  const used = new Map<string, number>();
  for (const h of a.holdings.values()) {
    if (a.ownerNames[h.no] !== h.owner) add(`owner number ${h.no} is recorded for ${a.ownerNames[h.no] ?? 'nobody'}, not ${h.owner}`);
    if (!liveOwners.has(h.owner)) add(`${h.owner} holds ${h.count} ${topo.typeNames[h.type]} but is not a live resource`);
    let count = 0;
    const parent = h.parent === undefined ? undefined : a.holdings.get(h.parent);
    if (h.parent !== undefined && !parent) add(`endpoint ${h.owner} uses accelerators of ${h.parent}, which holds nothing`);
    for (const [s, part] of h.parts) {
      if (topo.serverType[s] !== h.type || topo.serverZone[s] !== h.zone) add(`${h.owner} holds ${topo.serverName[s]}, outside its type or zone`);
      count += popcount(part.mask);
      const base = topo.serverBase[s]!;
      for (let i = 0, m = part.mask; m !== 0; i++, m >>>= 1) {
        if (!(m & 1)) continue;
        const acc = base + i;
        if (h.parent === undefined) {
          if (heldBy[acc]! >= 0) add(`${accName(acc)} is held twice: by ${a.ownerNames[heldBy[acc]!]} and ${h.owner}`);
          heldBy[acc] = h.no;
        } else {
          if (subBy[acc]! >= 0) add(`${accName(acc)} is used by two endpoints: ${a.ownerNames[subBy[acc]!]} and ${h.owner}`);
          subBy[acc] = h.no;
          if (!parent || ((parent.parts.get(s)?.mask ?? 0) & (1 << i)) === 0)
            add(`endpoint ${h.owner} uses ${accName(acc)}, which its cluster ${h.parent} does not hold`);
        }
      }
    }
    if (count !== h.count) add(`${h.owner} counts ${h.count} accelerators but holds ${count}`);
    if (h.parent === undefined) {
      const key = quotaKey(h.project, topo.typeNames[h.type]!);
      used.set(key, (used.get(key) ?? 0) + count);
    }
  }
  for (const [key, n] of a.quotaUsed) {
    if ((used.get(key) ?? 0) !== n) add(`quota use of ${key.replace('\u0000', '/')} is recorded as ${n} but holdings add up to ${used.get(key) ?? 0}`);
  }
  for (const [key, n] of used) if (!a.quotaUsed.has(key) && n > 0) add(`quota use of ${key.replace('\u0000', '/')} is not recorded (${n} held)`);

  for (let acc = 0; acc < topo.acceleratorCount; acc++) {
    if (state.holder[acc] !== heldBy[acc])
      add(`${accName(acc)}: holder index says ${a.ownerNames[state.holder[acc]!] ?? 'free'}, holdings say ${a.ownerNames[heldBy[acc]!] ?? 'free'}`);
    if (state.subHolder[acc] !== subBy[acc])
      add(`${accName(acc)}: endpoint index says ${a.ownerNames[state.subHolder[acc]!] ?? 'none'}, holdings say ${a.ownerNames[subBy[acc]!] ?? 'none'}`);
  }

  // Partitions: no position or pool unit held twice, none on an accelerator held whole, owners live.
  const sliceUnits = new Int32Array(topo.acceleratorCount);
  const slicePositions = new Uint32Array(topo.acceleratorCount);
  const carvedUnits = new Int32Array(topo.acceleratorCount);
  const carvedPositions = new Uint32Array(topo.acceleratorCount);
  for (const sh of a.sliceHoldings.values()) {
    if (!liveOwners.has(sh.owner)) add(`${sh.owner} holds ${sh.pieces.length} ${sh.profile} partitions but is not a live resource`);
    if (sh.parent !== undefined) {
      if (a.sliceHoldings.has(sh.parent) || !a.holdings.has(sh.parent)) {
        replicaSliceViolations(a, sh, add);
        continue;
      }
      // Instances cut from a whole-accelerator cluster: inside it, on no accelerator an endpoint holds whole, never overlapping.
      const cluster = a.holdings.get(sh.parent)!;
      const catalogue = a.partitions[sh.type];
      for (const p of sh.pieces) {
        const s = topo.acceleratorServer[p.acc]!;
        const i = p.acc - topo.serverBase[s]!;
        if (s !== sh.server || ((cluster.parts.get(s)?.mask ?? 0) & (1 << i)) === 0)
          add(`endpoint ${sh.owner} cuts an instance from ${accName(p.acc)}, which its cluster ${sh.parent} does not hold`);
        if (subBy[p.acc]! >= 0) add(`${accName(p.acc)} is used whole by endpoint ${a.ownerNames[subBy[p.acc]!]} and cut for ${sh.owner}`);
        if ((carvedPositions[p.acc]! & p.positions) !== 0) add(`${accName(p.acc)}: an instance position is cut twice (${sh.owner} overlaps)`);
        carvedPositions[p.acc] = (carvedPositions[p.acc]! | p.positions) >>> 0;
        carvedUnits[p.acc] = carvedUnits[p.acc]! + p.units;
        if (catalogue && carvedUnits[p.acc]! > catalogue.units)
          add(`${accName(p.acc)}: ${carvedUnits[p.acc]} units cut for endpoints, it has ${catalogue.units}`);
      }
      continue;
    }
    for (const p of sh.pieces) {
      const user = p.user === undefined ? undefined : a.sliceHoldings.get(p.user);
      if (p.user !== undefined && user?.parent !== sh.owner)
        add(`${accName(p.acc)}: a ${sh.profile} instance of ${sh.owner} is marked for endpoint ${p.user}, which holds no replica there`);
    }
    const catalogue = a.partitions[sh.type];
    if (!catalogue) {
      add(`${sh.owner} holds partitions of ${topo.typeNames[sh.type]}, which cannot be partitioned`);
      continue;
    }
    if (a.holdings.has(sh.owner)) add(`${sh.owner} holds both whole accelerators and partitions`);
    for (const p of sh.pieces) {
      if (topo.acceleratorServer[p.acc] !== sh.server) add(`${sh.owner}: partition on ${accName(p.acc)} is outside its server ${topo.serverName[sh.server]}`);
      if (heldBy[p.acc]! >= 0) add(`${accName(p.acc)} is held whole by ${a.ownerNames[heldBy[p.acc]!]} and partitioned for ${sh.owner}`);
      if ((slicePositions[p.acc]! & p.positions) !== 0) add(`${accName(p.acc)}: a slice position is held twice (${sh.owner} overlaps)`);
      slicePositions[p.acc] = (slicePositions[p.acc]! | p.positions) >>> 0;
      sliceUnits[p.acc] = sliceUnits[p.acc]! + p.units;
      if (sliceUnits[p.acc]! > catalogue.units) add(`${accName(p.acc)}: ${sliceUnits[p.acc]} partition units held, it has ${catalogue.units}`);
    }
  }
  // The index of each cluster's instance endpoints equals the holdings.
  let indexed = 0;
  for (const [cluster, children] of a.sliceChildren ?? []) {
    for (const child of children) {
      indexed++;
      if (a.sliceHoldings.get(child)?.parent !== cluster) add(`the endpoint index lists ${child} under ${cluster}, which it does not run on`);
    }
  }
  const withParent = [...a.sliceHoldings.values()].filter((sh) => sh.parent !== undefined).length;
  if (a.sliceChildren && indexed !== withParent) add(`the endpoint index lists ${indexed} endpoints on partition instances, holdings have ${withParent}`);
  for (let acc = 0; acc < topo.acceleratorCount; acc++) {
    const cut = a.carved?.get(acc) ?? { units: 0, positions: 0 };
    if (cut.units !== carvedUnits[acc] || cut.positions !== carvedPositions[acc]) {
      add(
        `${accName(acc)}: the cut index says ${cut.units} units / positions ${cut.positions}, endpoint instances say ${carvedUnits[acc]} / ${carvedPositions[acc]}`,
      );
    }
    if (state.sliceUnits[acc] !== sliceUnits[acc] || state.slicePositions[acc] !== slicePositions[acc]) {
      add(
        `${accName(acc)}: slice index says ${state.sliceUnits[acc]} units / positions ${state.slicePositions[acc]}, holdings say ${sliceUnits[acc]} / ${slicePositions[acc]}`,
      );
    }
  }

  const blockFree = new Int32Array(topo.blockCount);
  const blockFull = new Int32Array(topo.blockCount);
  let total = 0;
  let held = 0;
  let free = 0;
  for (let s = 0; s < topo.serverCount; s++) {
    const layout = topo.layoutOf(s);
    const base = topo.serverBase[s]!;
    let freeMask = 0;
    for (let i = 0; i < layout.count; i++) {
      total++;
      if (heldBy[base + i]! >= 0 || sliceUnits[base + i]! > 0) held++;
      else {
        free++;
        freeMask |= 1 << i;
      }
    }
    freeMask >>>= 0;
    if (state.free[s] !== freeMask) add(`${topo.serverName[s]}: free mask ${state.free[s]} but holdings leave ${freeMask}`);
    const usable = state.draining[s] ? 0 : (freeMask & ~state.faulty[s]!) >>> 0;
    if (state.usable[s] !== usable) add(`${topo.serverName[s]}: usable mask ${state.usable[s]} but should be ${usable}`);
    const b = topo.serverBlock[s]!;
    blockFree[b] = blockFree[b]! + popcount(usable);
    if (usable === layout.fullMask) blockFull[b] = blockFull[b]! + 1;
    const key = topo.layoutKeyBase[layout.id]! + keyOfMask(layout, usable);
    if (state.serverKey[s] !== key || state.buckets[b]![key]![state.serverPos[s]!] !== s) add(`${topo.serverName[s]} is in the wrong state bucket`);
  }
  for (let b = 0; b < topo.blockCount; b++) {
    if (state.blockFree[b] !== blockFree[b]) add(`${topo.blockLabel(b)}: free count ${state.blockFree[b]} but servers add up to ${blockFree[b]}`);
    if (state.blockFull[b] !== blockFull[b]) add(`${topo.blockLabel(b)}: ${state.blockFull[b]} whole free servers recorded but ${blockFull[b]} counted`);
    let inBuckets = 0;
    for (const key of topo.blockKeys[b]!) inBuckets += state.buckets[b]![key]!.length;
    if (inBuckets !== topo.blockEnd[b]! - topo.blockStart[b]!)
      add(`${topo.blockLabel(b)}: buckets list ${inBuckets} servers, the block has ${topo.blockEnd[b]! - topo.blockStart[b]!}`);
  }
  if (held + free !== total || total !== topo.acceleratorCount) add(`capacity does not add up: ${held} held + ${free} free != ${topo.acceleratorCount}`);
  const more = violations.length >= MAX_VIOLATIONS ? ['(further violations omitted)'] : [];
  return { ok: violations.length === 0, violations: [...violations, ...more] };
}

/**
 * An endpoint's replica instances must be instances of its partitioned cluster marked for it, one
 * each: so no instance serves two endpoints and none outlives its cluster.
 */
function replicaSliceViolations(a: AllocatorInternals, sh: SliceHolding, add: (v: string) => void): void {
  const cluster = a.sliceHoldings.get(sh.parent!);
  if (!cluster || cluster.parent !== undefined) {
    add(`endpoint ${sh.owner} runs on partitions of ${sh.parent}, which holds none`);
    return;
  }
  if (cluster.profile !== sh.profile) add(`endpoint ${sh.owner} runs on ${sh.profile} instances of ${sh.parent}, which holds ${cluster.profile}`);
  const marked = cluster.pieces.filter((p) => p.user === sh.owner);
  const left = [...marked];
  for (const p of sh.pieces) {
    const i = left.findIndex((q) => q.acc === p.acc && q.start === p.start);
    if (i < 0) add(`endpoint ${sh.owner} runs on an instance (accelerator ${p.acc}, start ${p.start}) that ${sh.parent} does not mark for it`);
    else left.splice(i, 1);
  }
  if (left.length > 0) add(`${sh.parent} marks ${marked.length} instances for endpoint ${sh.owner}, which runs ${sh.pieces.length} replicas`);
}
