import { serverSize } from '../../../controlplane/src/allocator/index.ts';
import type { Displaced, Plan, WaitEstimate, WhatIfReport } from '../plan/index.ts';
import { estimateWait, formatWait } from './what-if-wait.ts';
import type { WhatIfWorld } from './what-if-world.ts';

/** Reads the plan's placement outcomes (computed on the degraded world) into the report. */
export function buildWhatIfReport(world: WhatIfWorld, plan: Plan, degrade: string | undefined): WhatIfReport {
  const { snapshot, allocator } = world;
  const report: WhatIfReport = {
    snapshotTakenAt: new Date(snapshot.takenAt).toISOString(),
    complete: snapshot.complete,
    degrade: degrade ?? null,
    scenario: world.effects.map((e) => e.label).join(' and ') || 'nothing fails',
    lost: { faultyAccelerators: new Set(world.effects.flatMap((e) => e.faulty)).size, drainedServers: new Set(world.effects.flatMap((e) => e.drained)).size },
    displaced: world.displaced,
    wouldNotFit: [],
    wouldQueue: [],
    fits: [],
  };
  const requests = plan.placement?.requests ?? [];
  for (const [i, o] of (plan.placement?.outcomes ?? []).entries()) {
    if (o.action === 'release') continue;
    if (o.fits) {
      report.fits.push({ address: o.address, supernodes: o.supernodes ?? [] });
      continue;
    }
    if (!o.queued) {
      report.wouldNotFit.push({ address: o.address, message: o.message ?? 'does not fit' });
      continue;
    }
    const r = requests[i] ?? requests.find((x) => x.address === o.address);
    let wait: WaitEstimate = { waitMs: null, basis: 'replicas wait for room inside their cluster; the estimate covers clusters' };
    if (r && r.action === 'create' && r.zone && r.acceleratorType) {
      const perServer = serverSize(allocator.topology, r.acceleratorType);
      const free = allocator.capacity({ zone: r.zone, acceleratorType: r.acceleratorType }).zones[0]?.free ?? 0;
      const accelerators = r.acceleratorProfile ? 1 : (r.nodeCount ?? 1) * perServer;
      wait = estimateWait(snapshot, { acceleratorType: r.acceleratorType, zone: r.zone, accelerators }, free);
    }
    report.wouldQueue.push({ address: o.address, message: o.message ?? 'waits in its queue', wait });
  }
  return report;
}

function displacedLine(d: Displaced): string {
  const who = d.name ? `${d.kind ?? 'resource'} ${d.name}` : `a holder of another project`;
  const refit = !d.refit
    ? ''
    : d.refit.fits
      ? `; it would fit again in ${d.refit.supernodes.join(', ') || 'its zone'}`
      : `; it would not fit again: ${d.refit.message}`;
  return `${who} (${d.acceleratorCount} accelerators) loses its placement${refit}`;
}

/** The report as lines, shared by the text and Markdown renderings. */
function lines(r: WhatIfReport): string[] {
  const out: string[] = [];
  out.push(`lost: ${r.lost.faultyAccelerators} accelerators faulty, ${r.lost.drainedServers} servers drained`);
  for (const d of r.displaced) out.push(displacedLine(d));
  for (const n of r.wouldNotFit) out.push(`would not fit: ${n.address}: ${n.message}`);
  for (const q of r.wouldQueue) out.push(`would queue: ${q.address}: ${q.message}; estimated wait ${formatWait(q.wait.waitMs)} (${q.wait.basis})`);
  for (const f of r.fits) out.push(`fits: ${f.address}${f.supernodes.length ? ` in ${f.supernodes.join(', ')}` : ''}`);
  if (!r.complete) out.push("(other projects' holders are anonymous in this snapshot)");
  return out;
}

/** `What if sn-2 fails (snapshot of ...):` and one indented line per finding. */
export function renderWhatIfText(r: WhatIfReport): string {
  return `\nWhat if ${r.scenario} (snapshot of ${r.snapshotTakenAt}):\n${lines(r)
    .map((l) => `  ${l}`)
    .join('\n')}\n`;
}

/** The optional pull-request section: `### If sn-2 fails: ...` with a bullet per finding. */
export function renderWhatIfMarkdown(r: WhatIfReport): string {
  const verdict = r.wouldNotFit.length
    ? `${r.wouldNotFit.length} would not fit`
    : r.wouldQueue.length
      ? `${r.wouldQueue.length} would queue`
      : 'the plan still fits';
  return `\n### If ${r.scenario}: ${verdict}\n\n${lines(r)
    .map((l) => `- ${l.replace(/\|/g, '\\|')}`)
    .join('\n')}\n\n<sub>What-if on the snapshot of ${r.snapshotTakenAt}; nothing live was changed.</sub>\n`;
}
