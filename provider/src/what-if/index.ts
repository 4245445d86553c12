// What-if plans: a saved occupancy snapshot rebuilt in process, degraded as asked (faulty accelerators,
// drained servers, a lost supernode or rack), planned against with the control plane's own placement
// preview, and the report of what would not fit or would queue. Nothing live is touched.
export { buildWhatIfWorld, type WhatIfWorld } from './what-if-world.ts';
export { parseDegrade, applyDegrade, type Degradation, type DegradeEffect } from './what-if-degrade.ts';
export { whatIfCloud } from './what-if-cloud.ts';
export { buildWhatIfReport, renderWhatIfMarkdown, renderWhatIfText } from './what-if-report.ts';
export { estimateWait, formatWait } from './what-if-wait.ts';
