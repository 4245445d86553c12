import { AicloudError, isAicloudError, type ErrorCode, type Diagnostic } from '../../../core/index.ts';

export { AicloudError, isAicloudError };
export type { ErrorCode };

/** Shorthand for the API's user errors; the status and default hint come from the core's catalogue. */
export function apiError(
  code: ErrorCode,
  message: string,
  opts: { field?: string; value?: unknown; hint?: string; status?: number; details?: Record<string, unknown> } = {},
): AicloudError {
  return new AicloudError(code, message, opts);
}

/** The first error diagnostic as the API's 400; the rest ride along in `details` for tools. */
export function diagnosticsError(diagnostics: readonly Diagnostic[]): AicloudError {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0] ?? diagnostics[0];
  const code = first.code as ErrorCode;
  return new AicloudError(code, first.path ? `${first.path}: ${first.message}` : first.message, {
    field: first.path || undefined,
    value: first.value,
    hint: first.hint,
    status: 400,
    details: { diagnostics: errors },
  });
}

export function notFound(what: string, field?: string): AicloudError {
  return apiError('NOT_FOUND', `${what} not found`, { field });
}
