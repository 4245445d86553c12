import type { ManifestProblem } from './check-manifest.ts';
import { copyFields } from './copy-fields.ts';
import type { Manifest, ManifestDiagnostic } from './manifest.ts';
import type { SourcePosition } from './source-position.ts';

/** A checked document as a Manifest; `positionOf` may be lazy, since only errors ask for it. */
export function toManifest(value: Record<string, unknown>, source: SourcePosition, positionOf: (path: string) => SourcePosition): Manifest {
  const metadata = value.metadata as Record<string, unknown>;
  return {
    apiVersion: String(value.apiVersion),
    kind: String(value.kind),
    name: String(metadata.name),
    labels: copyFields(metadata.labels as Record<string, string> | undefined),
    annotations: copyFields(metadata.annotations as Record<string, string> | undefined),
    spec: copyFields(value.spec as Record<string, unknown> | undefined),
    source,
    positionOf,
  };
}

/** Gives a structural problem its place in the file. */
export function placeProblem(problem: ManifestProblem, position: SourcePosition): ManifestDiagnostic {
  const { code, path, message, hint } = problem;
  return { code, path, message, ...(hint === undefined ? {} : { hint }), position, ...('value' in problem ? { value: problem.value } : {}) };
}
