import type { Policy, PolicyName } from '../policy.ts';
import { bestFitPolicy } from './best-fit.ts';
import { fgdPackPolicy } from './fgd-pack.ts';
import { fgdPolicy } from './fgd.ts';
import { firstFitPolicy } from './first-fit.ts';
import { randomPolicy } from './random.ts';

export const POLICY_NAMES: readonly PolicyName[] = ['first-fit', 'best-fit', 'random', 'fgd', 'fgd-pack'];

/** Policies selectable by name but not run by default: measured variants (see `bench/allocator`'s README). */
export const OPT_IN_POLICY_NAMES: readonly PolicyName[] = ['fgd-pack-cpu'];

/** The policy the allocator ships with; `bench/allocator` shows why (see its README). */
export const DEFAULT_POLICY: PolicyName = 'fgd-pack';

export function isPolicyName(name: string): name is PolicyName {
  return (POLICY_NAMES as readonly string[]).includes(name) || (OPT_IN_POLICY_NAMES as readonly string[]).includes(name);
}

export function createPolicy(name: PolicyName): Policy {
  switch (name) {
    case 'first-fit':
      return firstFitPolicy();
    case 'best-fit':
      return bestFitPolicy();
    case 'random':
      return randomPolicy();
    case 'fgd':
      return fgdPolicy();
    case 'fgd-pack':
      return fgdPackPolicy();
    case 'fgd-pack-cpu':
      return fgdPackPolicy('fgd-pack-cpu');
  }
}
