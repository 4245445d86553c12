// The control plane's HTTP API: the fastify app, its routes (one plugin per collection), bearer
// auth, request guards (rate limiting, faults, project scope) and the error replies (the OpenAPI
// document is schema/generated/openapi.json). What the routes decide lives in ../cloud/.
export { buildApp } from './build-app.ts';
export type { AppOptions } from './build-app.ts';
export { openControlPlane } from './open-control-plane.ts';
export type { OpenOptions, OpenedControlPlane } from './open-control-plane.ts';
export { createRateLimiter } from './rate-limit.ts';
export type { RateLimitOptions } from './rate-limit.ts';
