import type { AllocationRequest, Allocator } from '../allocator/index.ts';
import type { RunningWork } from './types.ts';

/**
 * The fewest running holdings to preempt so `req` fits: only work of lower priority that is
 * preemptible, lowest priority and latest admitted first; then victims that turn out not to be needed
 * are spared. Decided on the allocator's preview, so nothing changes here. `quotaFits` says whether
 * the request's queue could take it once the given work is gone (preemption frees quota as well as
 * capacity); without it only capacity is asked. Undefined when even all of them would not make room,
 * or when the place found would enter a fence.
 */
export function findVictims(
  allocator: Allocator,
  req: AllocationRequest,
  priority: number,
  running: readonly RunningWork[],
  fences: ReadonlySet<string>,
  quotaFits: (victims: readonly RunningWork[]) => boolean = () => true,
): string[] | undefined {
  const candidates = running
    .filter((w) => w.preemptible && w.priority < priority && w.request.acceleratorType === req.acceleratorType && w.id !== req.owner)
    .sort((a, b) => a.priority - b.priority || b.admittedAt - a.admittedAt || (a.id < b.id ? 1 : -1));
  const byId = new Map(candidates.map((w) => [w.id, w]));
  const fitsWith = (releases: string[]): boolean => {
    if (!quotaFits(releases.map((id) => byId.get(id)!))) return false;
    const r = allocator.preview([req], { releases }).results[0]!;
    return r.ok && !r.supernodes.some((sn) => fences.has(sn));
  };
  return fewestVictims(
    candidates.map((c) => c.id),
    fitsWith,
  );
}

/**
 * The shortest prefix of `ordered` (most expendable first) whose release lets the request fit, then
 * with every victim that turns out not to be needed spared; undefined when even all of them would
 * not make room. Gangs and endpoints preempt by the same rule, each with its own `fitsWith`.
 */
export function fewestVictims(ordered: readonly string[], fitsWith: (releases: string[]) => boolean): string[] | undefined {
  const victims: string[] = [];
  let fits = false;
  for (const id of ordered) {
    victims.push(id);
    if (fitsWith(victims)) {
      fits = true;
      break;
    }
  }
  if (!fits) return undefined;
  for (let i = victims.length - 2; i >= 0; i--) {
    const without = victims.filter((_, j) => j !== i);
    if (fitsWith(without)) victims.splice(i, 1);
  }
  return victims;
}
