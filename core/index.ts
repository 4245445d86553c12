// The core: the one place that decides validation, defaults, diffs and what forces replacement.
// Every front end (GitOps planner, Pulumi provider, Terraform provider) and the control plane's API
// call these functions; none of them re-implements a rule. No I/O lives here.
export { KINDS, KIND_SPECS, FUNCTION_SPECS, CONFIG_SPECS, PACKAGE } from './generated/registry.ts';
export type {
  Kind,
  InputsByKind,
  ClusterInputs,
  VolumeInputs,
  FileSystemInputs,
  BucketInputs,
  KvCachePoolInputs,
  ModelEndpointInputs,
  QueueInputs,
} from './generated/registry.ts';
export type { KindSpec, FunctionSpec, PropertySpec } from './registry-types.ts';
export { kindInfo, isKind, kindFromToken, kindFromCollection, kindFromTfType, type KindInfo } from './kinds-registry.ts';
export { UNKNOWN, isUnknown, containsUnknown, type Unknown } from './unknown.ts';
export { error, warning, formatDiagnostic, showValue, type Diagnostic } from './diagnostics.ts';
export { validate, checkChange, type Validation, type ValidateContext } from './validate.ts';
export { diffContextOf, diffResource, replacedKeys, type DiffContext, type ResourceDiff, type FieldChange, type Impact } from './diff-resource.ts';
export { AicloudError, isAicloudError, isErrorCode, codeForHttpStatus, refusedBeforeAccepting, ERROR_CATALOGUE, type ErrorCode } from './errors.ts';
export { acceleratorTypeChoice, acceptedTypes, acceptedTypesImpact } from './kinds/accelerator-types.ts';
export { ACCELERATOR_TYPES, PRECISION_BYTES, compareVersions, type AcceleratorTypeSpec } from './accelerators.ts';
export { checkEndpointFits, sizeEndpoint, USABLE_MEMORY_FRACTION, type EndpointSizing } from './endpoint-fit.ts';
export { hourlyCost, acceleratorsHeld, reservedReplicas, BILLED_KINDS, STORAGE_PRICES, type CostContext } from './cost.ts';
export { resourceOutputs, sanitize, type CloudResource } from './resource-outputs.ts';
export { NOMINAL_LATENCY_MS, DELETE_LATENCY_FRACTION } from './latencies.ts';
export { joinPath, splitFieldPath } from './field-path.ts';
export { didYouMean } from './did-you-mean.ts';
export { PARTITION_CATALOGUE, findProfile, placementMasks, catalogueProblems, type PartitionCatalogue, type PartitionProfile } from './partitions.ts';
export {
  clusterAsk,
  clusterAskOfType,
  clusterPreviewFields,
  CLUSTER_PREVIEW_FIELDS,
  clusterSizeField,
  clusterFieldOf,
  clusterPreviewCreate,
  clusterNeedsPreview,
  partitionCount,
  type AcceleratorAsk,
  type AnyTypeAsk,
  type ClusterShape,
  type ClusterPreviewCreate,
} from './kinds/cluster.ts';
export { runsOnCluster, clusterNameOf } from './kinds/index.ts';
export { clusterTypesOf, clusterTypeContext } from './kinds/open-cluster-types.ts';
export {
  mergeProviderSettings,
  checkProviderSettings,
  CONFIG_KEYS,
  DEFAULT_PROJECT,
  SECRET_SETTINGS,
  type ProviderSettings,
  type ConfigKey,
  type ConfigProblem,
} from './provider-config.ts';
export { endpointNeedsPreview } from './kinds/model-endpoint.ts';
