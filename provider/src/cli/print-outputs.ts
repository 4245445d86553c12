import { maskedOutputs } from '../apply/index.ts';
import { kindInfo, type CloudResource } from '../../../core/index.ts';
import { formatUsd, summarizeServers } from '../plan/index.ts';

const SHOWN = ['status', 'url', 'apiKey', 'mountTarget', 'acceleratorCount', 'totalGib', 'hourlyCost'] as const;

/**
 * The outputs people look for after an apply (endpoint URLs, mount targets,
 * where the accelerators went), secrets masked. Full outputs stay in the
 * cloud; this is a summary.
 */
export function formatOutputs(resources: readonly CloudResource[]): string {
  if (resources.length === 0) return '';
  const lines = ['Outputs:'];
  const sorted = [...resources].sort((a, b) => `${a.kind}/${a.name}`.localeCompare(`${b.kind}/${b.name}`));
  for (const resource of sorted) {
    const outputs = maskedOutputs(resource);
    lines.push(`  ${resource.kind}/${resource.name}`);
    for (const key of SHOWN) {
      // Secrets are masked even when the listing left them out, so users learn that one exists.
      if (key === 'apiKey' && kindInfo(resource.kind).secretOutputs.includes(key)) {
        lines.push(`    ${key}: (secret)`);
        continue;
      }
      if (outputs[key] === undefined) continue;
      const value =
        key === 'hourlyCost' ? `${formatUsd(Number(outputs[key]))}/h` : typeof outputs[key] === 'string' ? outputs[key] : JSON.stringify(outputs[key]);
      lines.push(`    ${key}: ${value}`);
    }
    const allocation = outputs.allocation as { zone?: string; supernodes?: string[]; servers?: string[] } | undefined;
    if (allocation?.zone) {
      lines.push(`    placed: ${allocation.zone} / ${(allocation.supernodes ?? []).join(', ')}; servers ${summarizeServers(allocation.servers ?? [])}`);
    }
    const replicas = outputs.replicaPlacements as
      { replica: number; supernode?: string; servers: string[]; slice?: { accelerator: string; profile: string; start: number } }[] | undefined;
    for (const r of replicas ?? []) {
      // A replica on a partition names its instance: the profile, the accelerator and the MIG position.
      const slice = r.slice ? `, ${r.slice.profile} on ${r.slice.accelerator}${r.slice.start >= 0 ? ` at position ${r.slice.start}` : ''}` : '';
      lines.push(`    replica ${r.replica}: ${summarizeServers(r.servers, 4)}${slice}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
