/**
 * Validation results are data, never exceptions, so each front end can place them where its users look:
 * the GitOps loader adds file:line:column, Pulumi turns them into check failures, Terraform into
 * attribute diagnostics.
 */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable code from the error catalogue (errors.ts). */
  code: string;
  /** Dotted path of the field: `nodeCount`, `model.precision`, `labels.team`, `autoscaling`. Empty for the whole resource. */
  path: string;
  /** The offending value, when there is one (never a secret). */
  value?: unknown;
  message: string;
  hint?: string;
}

export function error(code: string, path: string, message: string, extra: { value?: unknown; hint?: string } = {}): Diagnostic {
  const d: Diagnostic = { severity: 'error', code, path, message };
  if ('value' in extra) d.value = extra.value;
  if (extra.hint) d.hint = extra.hint;
  return d;
}

export function warning(code: string, path: string, message: string, extra: { value?: unknown; hint?: string } = {}): Diagnostic {
  return { ...error(code, path, message, extra), severity: 'warning' };
}

/** One line for people: `nodeCount: must be <= 4096 (got 5000). Hint: ...`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.path ? `${d.path}: ` : '';
  const hint = d.hint ? ` Hint: ${d.hint}` : '';
  return `${where}${d.message}${hint}`;
}

/** Renders a value for a message without flooding it. */
export function showValue(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
