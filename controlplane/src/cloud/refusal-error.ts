import type { Refusal } from '../allocator/index.ts';
import { apiError, type AicloudError } from './errors.ts';

/** The allocator's request fields, named as an endpoint's inputs (a cluster's are the core's: clusterFieldOf). */
export const ENDPOINT_FIELDS: Readonly<Record<string, string>> = {
  cluster: 'cluster',
  replicas: 'replicas',
  acceleratorsPerReplica: 'acceleratorsPerReplica',
  acceleratorProfile: 'acceleratorProfile',
};

/**
 * An allocator refusal as the API's error, in the allocator's own words (the request and the largest
 * free block, or the quota with what is used and what was asked); both ride along as data too.
 */
export function refusalError(r: Refusal, fieldOf: (requestField: string | undefined) => string): AicloudError {
  const details: Record<string, unknown> = {};
  if (r.largestFreeBlock) details.largestFreeBlock = r.largestFreeBlock;
  if (r.quota) details.quota = r.quota;
  return apiError(r.code, r.message, {
    field: fieldOf(r.field),
    hint: r.hint,
    details: Object.keys(details).length ? details : undefined,
  });
}
