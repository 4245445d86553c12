import { showValue } from '../../../core/index.ts';
import type { ManifestDiagnostic } from './manifest.ts';
import { formatPosition } from './source-position.ts';

/**
 * `clusters.yaml:12:14: spec.nodeCount: must be at most 4096 (got 5000)` and
 * an indented hint line: the first line is what editors and CI annotations link.
 */
export function formatManifestDiagnostic(d: ManifestDiagnostic, severity: 'error' | 'warning' = 'error'): string {
  const where = formatPosition(d.position);
  const path = d.path ? `${d.path}: ` : '';
  const got = 'value' in d && d.value !== undefined && !d.message.includes('got ') ? ` (got ${showValue(d.value)})` : '';
  const head = `${where}: ${severity === 'warning' ? 'warning: ' : ''}${path}${d.message}${got} [${d.code}]`;
  return d.hint ? `${head}\n    hint: ${d.hint}` : head;
}
