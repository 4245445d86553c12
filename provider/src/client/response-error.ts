import { AicloudError, codeForHttpStatus, isErrorCode, type ErrorCode } from '../../../core/index.ts';

/**
 * The control plane's `{code, message, field, hint}` reply as an AicloudError; anything else the
 * server said (holder of a lock, who uses a cluster) rides in `details`.
 */
export function errorFromResponse(status: number, body: string, what: string): AicloudError {
  let parsed: Record<string, unknown> = {};
  try {
    const p = JSON.parse(body) as unknown;
    if (p && typeof p === 'object') parsed = p as Record<string, unknown>;
  } catch {
    // A proxy's HTML error page; the status is all there is.
  }
  const code: ErrorCode = typeof parsed.code === 'string' && isErrorCode(parsed.code) ? parsed.code : codeForHttpStatus(status);
  const message = typeof parsed.message === 'string' ? parsed.message : `${what} failed with HTTP ${status}`;
  const { code: _c, message: _m, field, hint, ...rest } = parsed;
  return new AicloudError(code, message, {
    field: typeof field === 'string' ? field : undefined,
    hint: typeof hint === 'string' ? hint : undefined,
    status,
    details: { httpStatus: status, ...rest },
  });
}
