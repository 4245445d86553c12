// One variant on one mode-B stream: the figure the variants command pairs against best-fit.
import type { OpenbPod } from '../read-openb.ts';
import { dynamicRun, modeBSetting } from '../mode-b.ts';
import { LifetimeOracle } from './lifetime-aligned.ts';
import { findVariant } from './registry.ts';

export interface StreamFigure {
  variant: string;
  stream: number;
  /** NPU demand accepted, in %. */
  npuAcceptance: number;
  gangAcceptance: number;
}

/** Runs `variant` on dynamic stream `stream` (the same stream mode B's seed `stream` gives every policy). */
export function measureVariant(pods: readonly OpenbPod[], variant: string, stream: number, arrivals: number): StreamFigure {
  const found = findVariant(variant);
  if (!found) throw new Error(`unknown variant ${variant}`);
  const { topo, capacity, modalGangNpus, rate } = modeBSetting(pods);
  const oracle = found.needsOracle ? new LifetimeOracle(topo) : undefined;
  const policy = found.make(oracle ?? new LifetimeOracle(topo));
  const d = dynamicRun(topo, pods, policy, stream, capacity, modalGangNpus, rate, arrivals, { oracle });
  return { variant, stream, npuAcceptance: 100 * d.npuAcceptance, gangAcceptance: 100 * d.acceptanceBySource['synthetic-gang'] };
}
