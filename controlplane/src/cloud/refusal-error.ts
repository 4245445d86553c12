import type { Refusal } from '../allocator/index.ts';
import { apiError, type AicloudError } from './errors.ts';

/** The allocator's request fields, named as the resource's inputs. */
export const CLUSTER_FIELDS: Readonly<Record<string, string>> = { count: 'nodeCount', scope: 'placement', unit: 'nodeCount' };
export const ENDPOINT_FIELDS: Readonly<Record<string, string>> = { cluster: 'cluster', replicas: 'replicas', acceleratorsPerReplica: 'acceleratorsPerReplica', acceleratorProfile: 'acceleratorProfile' };

/**
 * An allocator refusal as the API's error, in the allocator's own words (the request and the largest
 * free block, or the quota with what is used and what was asked); both ride along as data too.
 */
export function refusalError(r: Refusal, fields: Readonly<Record<string, string>>, fallbackField: string): AicloudError {
  const details: Record<string, unknown> = {};
  if (r.largestFreeBlock) details.largestFreeBlock = r.largestFreeBlock;
  if (r.quota) details.quota = r.quota;
  return apiError(r.code, r.message, {
    field: r.field ? (fields[r.field] ?? r.field) : fallbackField,
    hint: r.hint,
    details: Object.keys(details).length ? details : undefined,
  });
}
