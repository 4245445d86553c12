// GitOps manifests: reading YAML (a fast path for the plain YAML manifests are written in, the full
// parser whenever a file needs file:line:column positions), resolving references between resources
// of a stack (the dependency graph is the plan's). No network and no plan logic lives here.
export { API_VERSION, PROTECT_ANNOTATION, STACK_LABEL, ADDRESS_LABEL, addressOf, type Manifest, type ManifestDiagnostic } from './manifest.ts';
export { formatPosition, nodeAtPath, splitPath, positionOf, type SourcePosition } from './source-position.ts';
export { loadManifests, parseManifests, findManifestFiles, type LoadResult } from './load-manifests.ts';
export { resolveStack, type ResolvedStack, type ResolveOptions } from './resolve-stack.ts';
export { loadStack, defaultStackName, manifestError, type LoadedStack } from './load-stack.ts';
export { formatManifestDiagnostic } from './format-diagnostic.ts';
