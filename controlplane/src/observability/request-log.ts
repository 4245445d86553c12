import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LogController } from 'fastify';

/** What a caller may send as its own request id: short, printable, no spaces (it is echoed in a header). */
const CALLER_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/**
 * Fields pino replaces before a line is written. Nothing the control plane logs should hold a secret;
 * this keeps one out even if a future log call passes a header set, a token or a reply document.
 */
export const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'token',
  'adminToken',
  'apiKey',
  'secret',
  '*.authorization',
  '*.token',
  '*.adminToken',
  '*.apiKey',
  '*.secret',
  'outputs.apiKey',
  '*.outputs.apiKey',
];

/**
 * The request id: the caller's `X-Request-Id` when it sent a usable one (a load balancer's or a
 * client's, so one id follows a request across hops), else a new UUID, unique across instances.
 */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && CALLER_ID.test(given) ? given : randomUUID();
}

/**
 * fastify's logger set-up: JSON lines on stderr (stdout is left to the CLI's start-up line), each
 * request's lines carrying `requestId`, secrets redacted. 'silent' turns logging off. fastify's own
 * two lines per request stay off: `installObservability` writes one, with the route and the time.
 */
export function loggerOptions(level: string, stream: NodeJS.WritableStream = process.stderr) {
  return {
    logger: level === 'silent' ? false : { level, stream, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    genReqId: requestId,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
  } as const;
}
