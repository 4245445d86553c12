// What operators see of a control-plane instance: the Prometheus series (`GET /metrics`, one
// registry per instance plus the process's own series) and the JSON request log with request ids.
// docs/scale-out.md lists the series and how to alert on them.
export { createControlPlaneMetrics } from './control-plane-metrics.ts';
export type { ControlPlaneMetrics, FullReloadReason, ZoneCount } from './control-plane-metrics.ts';
export { installObservability } from './http-hooks.ts';
export { loggerOptions, requestId, REDACTED_PATHS } from './request-log.ts';
