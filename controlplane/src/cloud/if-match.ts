import { apiError } from './errors.ts';

/** Accepts `"3"`, `W/"3"`, `3` and `*`; a mismatch is the API's 412. */
export function checkIfMatch(ifMatch: string | undefined, resourceVersion: number): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const wanted = ifMatch.split(',').map((t) => t.trim().replace(/^W\//, '').replace(/^"|"$/g, ''));
  if (!wanted.includes(String(resourceVersion))) {
    throw apiError('PRECONDITION_FAILED', `If-Match ${ifMatch} does not match the current version "${resourceVersion}"`, {
      details: { resourceVersion },
    });
  }
}

export const etag = (resourceVersion: number) => `"${resourceVersion}"`;
