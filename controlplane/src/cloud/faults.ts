/**
 * Fault injection, so clients can prove their retries.
 *
 * Spec format (for `--faults` and `POST /v1/admin/faults {"spec": ...}`): comma-separated rules.
 *
 *   [METHOD ]PATH=RATE[:STATUS]   fail that share of matching requests with STATUS (default 503)
 *   latency=DURATION              add this delay to every request (`20ms`, `1s`, or a bare number of ms)
 *   opfail=RATE                   share of new operations that fail when they come due
 *
 * METHOD is an HTTP method or `*` (any; the default). PATH is a request path where `*` stands for
 * one segment and a trailing `**` for any rest; a bare `*` as PATH matches every path. RATE is a
 * probability between 0 and 1. Example:
 *
 *   POST /v1/projects/STAR/clusters=0.2:503,*=0.05:429,latency=20ms,opfail=0.1
 *
 * (with STAR written `*`). Routes under `/v1/admin` and `/healthz` never fail, so a test can
 * always switch faults off again.
 */
export interface FaultRule {
  method: string;
  path: string;
  rate: number;
  status: number;
}

export interface FaultSpec {
  rules: FaultRule[];
  latencyMs: number;
  operationFailureRate: number;
}

export const NO_FAULTS: FaultSpec = { rules: [], latencyMs: 0, operationFailureRate: 0 };

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', '*']);

/** Thrown for a malformed spec; the message names the bad part. */
export class FaultSpecError extends Error {}

export function parseFaultSpec(spec: string): FaultSpec {
  const out: FaultSpec = { rules: [], latencyMs: 0, operationFailureRate: 0 };
  for (const raw of spec.split(',')) {
    const part = raw.trim();
    if (!part) continue;
    const eq = part.lastIndexOf('=');
    if (eq <= 0) throw new FaultSpecError(`fault rule "${part}" has no "="`);
    const left = part.slice(0, eq).trim();
    const right = part.slice(eq + 1).trim();
    if (left === 'latency') {
      out.latencyMs = parseDuration(right, part);
    } else if (left === 'opfail') {
      out.operationFailureRate = parseRate(right, part);
    } else {
      const [first, second] = left.split(/\s+/, 2);
      const hasMethod = second !== undefined;
      const method = hasMethod ? first.toUpperCase() : '*';
      if (!METHODS.has(method)) throw new FaultSpecError(`fault rule "${part}": unknown method ${first}`);
      const path = hasMethod ? second : first;
      if (path !== '*' && !path.startsWith('/')) throw new FaultSpecError(`fault rule "${part}": path must start with /`);
      const [rate, status] = right.split(':');
      const code = status === undefined ? 503 : Number(status);
      if (!Number.isInteger(code) || code < 400 || code > 599) throw new FaultSpecError(`fault rule "${part}": status must be 400-599`);
      out.rules.push({ method, path, rate: parseRate(rate, part), status: code });
    }
  }
  return out;
}

function parseRate(s: string, part: string): number {
  const n = Number(s);
  if (s === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new FaultSpecError(`fault rule "${part}": rate must be 0..1`);
  return n;
}

function parseDuration(s: string, part: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(s);
  if (!m) throw new FaultSpecError(`fault rule "${part}": latency must look like 20ms or 1s`);
  return Number(m[1]) * (m[2] === 's' ? 1000 : 1);
}

/** Whether a rule's path pattern matches a request path (without query string). */
export function pathMatches(pattern: string, path: string): boolean {
  if (pattern === '*' || pattern === '/**') return true;
  const p = pattern.split('/');
  const s = path.split('/');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '**') return true;
    if (i >= s.length) return false;
    if (p[i] !== '*' && p[i] !== s[i]) return false;
  }
  return p.length === s.length;
}

/** The status to fail this request with, or undefined to let it through. */
export function pickFault(spec: FaultSpec, method: string, path: string, random: () => number): number | undefined {
  if (path.startsWith('/v1/admin') || path === '/healthz') return undefined;
  for (const rule of spec.rules) {
    if (rule.method !== '*' && rule.method !== method) continue;
    if (!pathMatches(rule.path, path)) continue;
    if (random() < rule.rate) return rule.status;
  }
  return undefined;
}
