import type { SourcePosition } from '../plan/index.ts';

/** The API version every manifest must declare; bumped only with a migration path. */
export const API_VERSION = 'aicloud.dev/v1';

// The stack's labels and addresses are the plan's (the plan reads them); manifests name them too.
export { PROTECT_ANNOTATION, STACK_LABEL, ADDRESS_LABEL, addressOf } from '../plan/index.ts';

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
