// Provisioning plans: building one from desired and observed state (pure), its fingerprint, the
// placement preview attached to it, and its three renderings (text, Markdown, JSON).
export {
  PLAN_FORMAT_VERSION,
  planHasChanges,
  type Plan,
  type PlanStep,
  type PlanFieldChange,
  type PlanProblem,
  type StepAction,
  type DesiredResource,
  type ObservedResource,
  type PlacementRequest,
  type PlacementOutcome,
  type PlacementPreview,
  type CostSummary,
  type SourcePosition,
} from './plan-types.ts';
export { PROTECT_ANNOTATION, STACK_LABEL, ADDRESS_LABEL, addressOf } from './stack-labels.ts';
export { DependencyGraph } from './dependency-graph.ts';
export { buildPlan, type BuildPlanOptions } from './build-plan.ts';
export { type PlanRegistry } from './plan-registry.ts';
export { coreRegistry } from './core-registry.ts';
export { fingerprintState, idempotencyKey } from './fingerprint.ts';
export { mergePatch, deepEqual } from './merge-patch.ts';
export { attachPlacement } from './attach-placement.ts';
export { renderText, summaryLine, type TextOptions } from './render-text.ts';
export { renderMarkdown } from './render-markdown.ts';
export { renderJson, parsePlan, PlanFormatError } from './render-json.ts';
export { clusterPreviewBatch, clusterVerdict, type ClusterPreviewEntry, type ClusterVerdict } from './cluster-preview.ts';
export { formatValue, formatUsd, formatInt, formatDelta, summarizeServers } from './format-value.ts';
