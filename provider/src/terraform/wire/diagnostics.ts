// Core diagnostics and errors as protocol diagnostics, pinned to the attribute at fault.
import { isAicloudError, type Diagnostic } from '../core-api.ts';
import type { TfAttribute } from '../schema/tf-attribute.ts';
import { toAttributePath } from './attribute-path.ts';
import { SEVERITY, type WireDiagnostic } from './messages.ts';

/** Terraform prints the summary as a title and the detail below it; the code stays greppable. */
export function wireDiagnostic(d: Diagnostic, attributes: readonly TfAttribute[]): WireDiagnostic {
  const out: WireDiagnostic = {
    severity: d.severity === 'error' ? SEVERITY.ERROR : SEVERITY.WARNING,
    summary: d.message,
    detail: [d.hint, `(${d.code}${d.path ? ` at ${d.path}` : ''})`].filter(Boolean).join('\n'),
  };
  const attribute = toAttributePath(d.path, attributes);
  if (attribute) out.attribute = attribute;
  return out;
}

/** A thrown error as a diagnostic: AicloudErrors keep code, field and hint; anything else reads as a bug. */
export function errorDiagnostic(err: unknown, summary: string, attributes: readonly TfAttribute[] = []): WireDiagnostic {
  if (isAicloudError(err)) {
    const out: WireDiagnostic = {
      severity: SEVERITY.ERROR,
      summary: `${summary}: ${err.message}`,
      detail: [err.hint, `(${err.code}${err.field ? ` at ${err.field}` : ''})`].filter(Boolean).join('\n'),
    };
    const attribute = err.field ? toAttributePath(err.field, attributes) : undefined;
    if (attribute) out.attribute = attribute;
    return out;
  }
  const message = err instanceof Error ? err.message : String(err);
  return {
    severity: SEVERITY.ERROR,
    summary,
    detail: `${message}\n\nThis is a bug in the aicloud provider; please report it with the command you ran.`,
  };
}

export function plainDiagnostic(severity: 'error' | 'warning', summary: string, detail?: string, attributeName?: string): WireDiagnostic {
  const out: WireDiagnostic = { severity: severity === 'error' ? SEVERITY.ERROR : SEVERITY.WARNING, summary };
  if (detail) out.detail = detail;
  if (attributeName) out.attribute = { steps: [{ attribute_name: attributeName }] };
  return out;
}
