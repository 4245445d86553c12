import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { codeForHttpStatus } from '../../../core/index.ts';
import { AicloudError, apiError, isAicloudError, type ErrorCode } from '../cloud/index.ts';

/** The error code an HTTP status stands for when nothing more specific is known (injected faults). */
export function codeForStatus(status: number): ErrorCode {
  return codeForHttpStatus(status);
}

/** Turns fastify's own errors (body parsing, size limit) into the catalogue's codes. */
function fromFastify(err: FastifyError): AicloudError | undefined {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return apiError('BODY_TOO_LARGE', 'request body is larger than the limit');
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return apiError('INVALID_BODY', 'send the body as application/json', { status: 415 });
  }
  if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
    return apiError(
      codeForStatus(err.statusCode),
      err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'the JSON body is empty' : `the request body is not valid JSON`,
      {
        status: err.statusCode,
      },
    );
  }
  return undefined;
}

/**
 * One reply shape for every error: `{code, message, field?, hint?}`. User errors log at info,
 * server faults at error; clients never see a stack.
 */
export function handleError(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  const known = isAicloudError(err) ? err : fromFastify(err as FastifyError);
  if (known && known.status < 500) {
    request.log.info({ code: known.code, status: known.status }, known.message);
  } else if (known) {
    request.log.warn({ code: known.code, status: known.status }, known.message);
  } else {
    request.log.error({ err }, 'internal error');
  }
  const e = known ?? apiError('INTERNAL', 'internal error in the control plane');
  if (e.details?.retryAfterSeconds !== undefined) reply.header('retry-after', String(e.details.retryAfterSeconds));
  const body = errorBody(e);
  delete body.retryAfterSeconds;
  reply.code(e.status).type('application/json').send(JSON.stringify(body));
}

/** The reply body every error gets: stable code, message, field and hint, never a stack. */
export function errorBody(e: AicloudError): Record<string, unknown> {
  const body: Record<string, unknown> = { code: e.code, message: e.message };
  if (e.field) body.field = e.field;
  if (e.hint) body.hint = e.hint;
  if (e.details) {
    for (const [k, v] of Object.entries(e.details)) if (!(k in body)) body[k] = v;
  }
  return body;
}
