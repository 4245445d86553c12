import type { Store } from '../store/index.ts';
import { apiError, hashToken, type Principal } from '../cloud/index.ts';

export type { Principal };

/**
 * Resolves bearer tokens, caching by raw token so the hot path skips hashing and the database.
 * Tokens are never revoked in this mock, so a cached answer never goes stale; only unknown tokens
 * are not cached (a flood of garbage must not grow memory).
 */
export function createAuthenticator(store: Store): (authorization: string | undefined) => Promise<Principal> {
  const cache = new Map<string, Principal>();
  return async (authorization) => {
    if (!authorization) throw apiError('UNAUTHENTICATED', 'missing bearer token');
    const token = authorization.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
    if (!token) throw apiError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <token>"');
    const hit = cache.get(token);
    if (hit) return hit;
    const hash = hashToken(token);
    const row = await store.getToken(hash);
    if (!row) throw apiError('UNAUTHENTICATED', 'unknown or revoked token');
    const principal: Principal = { admin: row.admin, project: row.project, id: hash.slice(0, 12) };
    if (cache.size >= 10_000) cache.clear();
    cache.set(token, principal);
    return principal;
  };
}

/**
 * A token of another project gets the same 404 as a missing project, so tokens cannot probe which
 * projects exist.
 */
export function assertProjectAccess(principal: Principal, project: string, projectExists: boolean): void {
  if (!principal.admin && principal.project !== project) throw apiError('NOT_FOUND', `project ${project} not found`);
  if (!projectExists) throw apiError('NOT_FOUND', `project ${project} not found`);
}

export function assertAdmin(principal: Principal): void {
  if (!principal.admin) throw apiError('FORBIDDEN', 'this route needs the admin token');
}
