// The mock cloud's entry points: the HTTP server, the embedded (in-process) cloud, and the pieces
// tests and tools open directly.
export { startServer } from './server.ts';
export type { ServerOptions, RunningServer } from './server.ts';
export { openEmbeddedCloud } from './embedded.ts';
export type { EmbeddedCloud, EmbeddedOptions, EmbeddedRequest } from './embedded.ts';
export { buildApp, openControlPlane } from './api/index.ts';
export { parseFaultSpec } from './cloud/index.ts';
export { createVirtualClock } from './operations/index.ts';
export type { Clock, VirtualClock } from './operations/index.ts';
