// Time-based operations: latencies per kind, clocks, and advancing what is due on read (no timers).
export { systemClock, createVirtualClock } from './clock.ts';
export type { Clock, VirtualClock } from './clock.ts';
export { KIND_LATENCY_MS, operationLatencyMs } from './latencies.ts';
export { advanceDueOperations, finishOperation } from './advance-operations.ts';
export { toWireOperation, PENDING_DUE_AT } from './operation-wire.ts';
export type { WireOperation } from './operation-wire.ts';
