// The core functions and types the Terraform adapter uses, named in one place.
export {
  KINDS, FUNCTION_SPECS, CONFIG_SPECS, PACKAGE, kindInfo, kindFromTfType, validate, diffResource,
  resourceOutputs, UNKNOWN, isUnknown, isAicloudError, AicloudError, ACCELERATOR_TYPES, reservedReplicas,
  clusterPreviewCreate, clusterSizeField, checkProviderSettings, CONFIG_KEYS, mergeProviderSettings, splitFieldPath, clusterNameOf, endpointNeedsPreview,
} from '../../../core/index.ts';
export type { Kind, KindInfo, PropertySpec, FunctionSpec, Diagnostic, CloudResource, ResourceDiff, ClusterInputs } from '../../../core/index.ts';
