import type { SourcePosition } from './source-position.ts';

/** The API version every manifest must declare; bumped only with a migration path. */
export const API_VERSION = 'aicloud.dev/v1';

/** Annotation that turns a prune of this resource into a plan error. */
export const PROTECT_ANNOTATION = 'aicloud.dev/protect';

/** Labels the stack writes on every resource it manages; the cloud is the state. */
export const STACK_LABEL = 'aicloud.dev/stack';
export const ADDRESS_LABEL = 'aicloud.dev/address';

/** One YAML document of a GitOps repository, with enough source to point errors at it. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The kind's inputs without `name`, exactly as written (defaults are the core's business). */
  spec: Record<string, unknown>;
  /** Start of the document. */
  source: SourcePosition;
  /** Position of a path inside the document (`spec.model.bucket`); the nearest existing node when missing. */
  positionOf(path: string): SourcePosition;
}

/** `Kind/name`: how plans, graphs and labels name a resource of a stack. */
export function addressOf(kind: string, name: string): string {
  return `${kind}/${name}`;
}

/**
 * A problem found in the manifests. Collected rather than thrown so one run
 * reports every mistake of a repository at once.
 */
export interface ManifestDiagnostic {
  code: string;
  message: string;
  /** Where to look. */
  position: SourcePosition;
  /** Path inside the document, e.g. `spec.nodeCount`. */
  path: string;
  value?: unknown;
  hint?: string;
}
