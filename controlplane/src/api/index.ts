// The control plane's HTTP API: the fastify app, its routes (one plugin per collection), auth,
// fault injection, rate limiting and the error replies (the OpenAPI document is schema/generated/openapi.json); `service/` holds
// what the routes decide.
export { buildApp } from './build-app.ts';
export type { AppOptions } from './build-app.ts';
export { openControlPlane } from './open-control-plane.ts';
export type { OpenOptions, OpenedControlPlane } from './open-control-plane.ts';
export { parseFaultSpec, pickFault, pathMatches, FaultSpecError, NO_FAULTS } from './faults.ts';
export type { FaultRule, FaultSpec } from './faults.ts';
export { parseLabelSelector, matchesLabels } from './label-selector.ts';
export { createRateLimiter } from './rate-limit.ts';
export type { RateLimitOptions } from './rate-limit.ts';
export { hashToken, newToken } from './tokens.ts';
export type { ControlPlane } from './service/control-plane.ts';
