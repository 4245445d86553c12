// Placement policies behind the one `Policy` interface, and the registry that picks one by name.
export { createPolicy, DEFAULT_POLICY, isPolicyName, OPT_IN_POLICY_NAMES, POLICY_NAMES } from './policy-registry.ts';
export { bestFitPolicy } from './best-fit.ts';
export { fgdPackPolicy } from './fgd-pack.ts';
export { fgdPolicy } from './fgd.ts';
export { firstFitPolicy } from './first-fit.ts';
export { randomPolicy } from './random.ts';
