// Every variant the allocator benchmark can measure against best-fit, by name, with what it changes.
import { bestFitPolicy } from '../../../controlplane/src/allocator/policies/best-fit.ts';
import { fgdPackPolicy } from '../../../controlplane/src/allocator/policies/fgd-pack.ts';
import type { Policy } from '../../../controlplane/src/allocator/policy.ts';
import { protectAndSpreadInOrder } from './combined.ts';
import { LifetimeOracle, lifetimeAligned } from './lifetime-aligned.ts';
import { capacityLookAhead, fgdForGangs, sumOfSquares } from './look-ahead.ts';
import { gangTiesHigh, previousFgdPack, spreadInOrder } from './order-rules.ts';
import { protectBigHoles, protectLargestHoles } from './protect-holes.ts';
import { lifetimeSegregation, sizeSegregation } from './segregation.ts';

export interface Variant {
  name: string;
  what: string;
  /** A fresh policy; `oracle` is set only for variants that are told lifetimes. */
  make(oracle: LifetimeOracle): Policy;
  needsOracle?: boolean;
}

const v = (name: string, what: string, make: (oracle: LifetimeOracle) => Policy, needsOracle = false): Variant => ({ name, what, make, needsOracle });

export const VARIANTS: readonly Variant[] = [
  v('fgd-pack', 'the shipped policy', () => fgdPackPolicy()),
  v('fgd-pack-previous', 'FGD pieces; break a whole server in the supernode with the fewest whole servers left', () => previousFgdPack()),
  v('protect-largest', 'best-fit; never break a whole server in the largest hole while another supernode has one', () => protectLargestHoles(1, 'best-fit')),
  v('fgd-pack-protect-largest', 'fgd-pack, protecting the largest hole', () => protectLargestHoles(1, 'fgd-pack')),
  v('fgd-pack-protect-two', 'fgd-pack, protecting the two largest holes', () => protectLargestHoles(2, 'fgd-pack')),
  v('protect-big', 'best-fit; whole servers of supernodes with 24 or more broken last', () => protectBigHoles(24)),
  v('spread-in-order', 'best-fit; spreading clusters take supernodes in a fixed order', () => spreadInOrder('best-fit')),
  v('fgd-pack-spread-in-order', 'fgd-pack; spreading clusters in a fixed order', () => spreadInOrder('fgd-pack')),
  v('protect-largest-spread-in-order', 'protect-largest and spread-in-order together', () => protectAndSpreadInOrder('best-fit')),
  v('fgd-pack-protect-largest-spread-in-order', 'fgd-pack, protecting the largest hole, spreading clusters in order', () =>
    protectAndSpreadInOrder('fgd-pack'),
  ),
  v('gang-ties-high', 'block best-fit, ties to the highest-numbered supernode', () => gangTiesHigh()),
  v('fgd-for-gangs', 'gangs where whole servers stranded for the learned gang sizes grow least', () => fgdForGangs()),
  ...[1, 2, 3, 5, 1000].map((k) =>
    v(`room-for-${k}`, `pieces and gangs keep room for the next ${k} gangs of each learned size, NPU-weighted`, () => capacityLookAhead(k)),
  ),
  v('room-for-2-unweighted', 'room for the next 2 gangs of each size, by count', () => capacityLookAhead(2, false)),
  ...[2, 8, 24].flatMap((s) => [
    v(`size-split-${s}`, `gangs of 20+ servers lean high, smaller low, by ${s} servers`, () => sizeSegregation(s, false)),
    v(`size-smooth-${s}`, `each gang leans to a position by its size, by ${s} servers`, () => sizeSegregation(s, true)),
  ]),
  ...[0, 4, 16, 48].map((s) => v(`lifetime-${s}`, `endpoint clusters in supernode order; gangs lean high by ${s} servers`, () => lifetimeSegregation(s))),
  v('lifetime-first-fit-top', 'endpoint clusters in supernode order; gangs first-fit from the top', () => lifetimeSegregation(undefined)),
  v('lifetime-4-endpoints-best-fit', 'gangs lean high by 4 servers; endpoint clusters best-fit', () => lifetimeSegregation(4, true)),
  v('lifetime-16-endpoints-best-fit', 'gangs lean high by 16 servers; endpoint clusters best-fit', () => lifetimeSegregation(16, true)),
  v('sum-of-squares-gangs', 'gangs by the sum of squares of hole counts; best-fit pieces', () => sumOfSquares(false)),
  v('sum-of-squares', 'gangs and broken servers by the sum of squares of hole counts', () => sumOfSquares(true)),
  ...[1, 10, 100, 1000].map((w) =>
    v(
      `oracle-lifetime-${w}`,
      `told run times: least extension of a supernode's last departure (weight ${w}), then best-fit`,
      (o) => lifetimeAligned(o, w, true),
      true,
    ),
  ),
  v('oracle-lifetime-10-gangs', 'told run times, gangs only (weight 10)', (o) => lifetimeAligned(o, 10, false), true),
];

/** The baseline every variant is paired against. */
export const BASELINE: Variant = v('best-fit', 'best-fit', () => bestFitPolicy());

export function findVariant(name: string): Variant | undefined {
  return name === BASELINE.name ? BASELINE : VARIANTS.find((x) => x.name === name);
}
