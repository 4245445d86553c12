import { basename, resolve } from 'node:path';
import { AicloudError, isErrorCode } from '../../../core/index.ts';
import type { DesiredResource } from '../plan/index.ts';
import { formatManifestDiagnostic } from './format-diagnostic.ts';
import { loadManifests } from './load-manifests.ts';
import type { ManifestDiagnostic } from './manifest.ts';
import { resolveStack } from './resolve-stack.ts';

export interface LoadedStack {
  stack: string;
  dir: string;
  files: string[];
  desired: DesiredResource[];
  warnings: ManifestDiagnostic[];
}

/** A stack's default name: the directory's basename, made a valid label value. */
export function defaultStackName(dir: string): string {
  const base = basename(resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base || 'default';
}

/**
 * Loads and resolves a stack directory, or throws one user error listing every
 * problem with its `file:line:column`, so a single run shows them all.
 */
export async function loadStack(
  dir: string,
  options: { stack?: string; defaultRegion?: string; chosenTypes?: ReadonlyMap<string, string> } = {},
): Promise<LoadedStack> {
  const stack = options.stack ?? defaultStackName(dir);
  const loaded = await loadManifests(dir);
  const resolved =
    loaded.diagnostics.length === 0
      ? resolveStack(loaded.manifests, {
          stack,
          ...(options.defaultRegion ? { defaultRegion: options.defaultRegion } : {}),
          ...(options.chosenTypes ? { chosenTypes: options.chosenTypes } : {}),
        })
      : undefined;
  const diagnostics = resolved ? resolved.diagnostics : loaded.diagnostics;
  if (diagnostics.length > 0) throw manifestError(diagnostics);
  if (loaded.files.length === 0) {
    throw new AicloudError('MANIFEST_INVALID', `no manifests (*.yaml, *.yml) under ${dir}`, {
      hint: 'pass the directory of the stack; `aicloud destroy` removes a stack without manifests',
    });
  }
  return { stack, dir, files: loaded.files, desired: resolved!.desired, warnings: resolved!.warnings };
}

/** One error for every diagnostic; the code is the diagnostic's own when there is just one. */
export function manifestError(diagnostics: readonly ManifestDiagnostic[]): AicloudError {
  const first = diagnostics[0]!;
  const code = diagnostics.length === 1 && isErrorCode(first.code) ? first.code : 'MANIFEST_INVALID';
  const heading = diagnostics.length === 1 ? 'the manifests have an error' : `the manifests have ${diagnostics.length} errors`;
  const message = `${heading}:\n${diagnostics.map((d) => `  ${formatManifestDiagnostic(d).replace(/\n/g, '\n  ')}`).join('\n')}`;
  return new AicloudError(code, message, {
    field: first.path,
    ...('value' in first ? { value: first.value } : {}),
    hint: diagnostics.length === 1 && first.hint ? first.hint : 'fix the manifests at the positions shown',
    details: { diagnostics: diagnostics.map((d) => ({ ...d })) },
  });
}
