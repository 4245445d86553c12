// CDKTF bindings for the aicloud Terraform provider: the generated classes (providers/, from
// scripts/terraform/gen-cdktf.ts) and hand-written higher-level constructs (constructs/).
export * as aicloud from './providers/aicloud/index.ts';
export { AicloudProvider, type AicloudProviderConfig } from './providers/aicloud/provider/index.ts';
export { InferenceStack, type InferenceStackProps, type InferenceModel } from './constructs/inference-stack.ts';
