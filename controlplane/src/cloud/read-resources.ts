import type { Kind } from '../../../core/index.ts';
import type { ResourceRecord } from '../store/index.ts';
import { apiError } from './errors.ts';
import { matchesLabels, parseLabelSelector } from './label-selector.ts';
import type { ControlPlane } from './control-plane.ts';
import { withSecret } from './kind-effects.ts';
import { labelsOf, readDoc } from './resource-doc.ts';
import type { AdmissionState } from '../admission/index.ts';
import { loadAdmissionState } from './admission-state.ts';
import { withQueueOutputs } from './queue-outputs.ts';
import { currentReasons } from './current-reason.ts';

/** A resource for its own project: the stored document, plus the apiKey for endpoints. */
export async function getResourceReply(cp: ControlPlane, project: string, kind: Kind, name: string): Promise<{ body: string; version: number } | undefined> {
  const record = await cp.store.getResource(project, kind, name);
  if (!record) return undefined;
  if (kind === 'Queue') return { body: JSON.stringify(await withQueueOutputs(cp, readDoc(record))), version: record.resourceVersion };
  const current = currentReasons(cp);
  if (!record.secret) return { body: await current.text(record), version: record.resourceVersion };
  return { body: JSON.stringify(withSecret(cp, record, await current.doc(record))), version: record.resourceVersion };
}

export interface ListQuery {
  labelSelector?: string;
  pageSize?: string;
  pageToken?: string;
}

/**
 * One page of a collection ordered by name; the page token is the last name returned, so pages stay
 * stable while resources come and go. Lists never carry secrets.
 */
export async function listResources(cp: ControlPlane, project: string, kind: Kind, q: ListQuery): Promise<string> {
  const terms = q.labelSelector ? parseLabelSelector(q.labelSelector) : [];
  if (!Array.isArray(terms)) {
    throw apiError('INVALID_VALUE', `labelSelector term "${terms.badTerm}" is not k=v, k!=v, k or !k`, { field: 'labelSelector', status: 400 });
  }
  const pageSize = q.pageSize === undefined ? 100 : Number(q.pageSize);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
    throw apiError('OUT_OF_RANGE', 'pageSize must be an integer from 1 to 1000', { field: 'pageSize', value: q.pageSize, status: 400 });
  }
  let after = '';
  if (q.pageToken) {
    after = Buffer.from(q.pageToken, 'base64url').toString('utf8');
    if (!after) throw apiError('INVALID_VALUE', 'pageToken is not one this server gave out', { field: 'pageToken', status: 400 });
  }
  const items: string[] = [];
  let last = '';
  let more = false;
  let admission: AdmissionState | undefined;
  const current = currentReasons(cp);
  // Read in batches until the page is full, because the selector filters after the query.
  for (;;) {
    const batch: ResourceRecord[] = await cp.store.listResources(project, kind, after, Math.max(pageSize * 2, 50));
    for (const r of batch) {
      if (items.length === pageSize) {
        more = true;
        break;
      }
      after = r.name;
      if (terms.length && !matchesLabels(labelsOf(readDoc(r)), terms)) continue;
      items.push(
        kind === 'Queue' ? JSON.stringify(await withQueueOutputs(cp, readDoc(r), (admission ??= await loadAdmissionState(cp.store)))) : await current.text(r),
      );
      last = r.name;
    }
    if (more || batch.length < Math.max(pageSize * 2, 50)) break;
  }
  const nextPageToken = more ? JSON.stringify(Buffer.from(last, 'utf8').toString('base64url')) : 'null';
  return `{"items":[${items.join(',')}],"nextPageToken":${nextPageToken}}`;
}
