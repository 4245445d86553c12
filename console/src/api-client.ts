import type { Session } from './session-token.ts';

/** An API error as the control plane reports it (code, message, field, hint). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/**
 * The console's only way to the control plane: the public REST API with the session's bearer token.
 * Same origin, so the console needs no CORS and the token never goes anywhere else.
 */
export class ApiClient {
  constructor(readonly session: Session) {}

  get project(): string {
    return this.session.project;
  }

  /** `/v1/projects/{project}` + rest, with the project escaped. */
  projectPath(rest: string): string {
    return `/v1/projects/${encodeURIComponent(this.session.project)}${rest}`;
  }

  async get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  /**
   * A GET that sends the last ETag: `undefined` when the answer has not changed (304), so a poll
   * of a large view costs neither the download nor the redraw.
   */
  async getIfChanged<T>(path: string, etag: string | undefined): Promise<{ body: T; etag: string | undefined } | undefined> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.session.token}`, accept: 'application/json' };
    if (etag) headers['if-none-match'] = etag;
    const res = await fetch(path, { headers, cache: 'no-store' });
    if (res.status === 304) return undefined;
    const text = await res.text();
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    if (!res.ok) throw toApiError(res, json);
    return { body: json as T, etag: res.headers.get('etag') ?? undefined };
  }

  async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.session.token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    if (!res.ok) throw toApiError(res, json);
    return json as T;
  }
}

function toApiError(res: Response, json: unknown): ApiError {
  const e = (json ?? {}) as { code?: string; message?: string; hint?: string };
  return new ApiError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? res.statusText, e.hint);
}
