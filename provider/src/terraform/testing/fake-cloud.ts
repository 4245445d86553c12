// An in-memory CloudApi for unit tests of the RPCs: it keeps specs as given and can be told to fail.
import { AicloudError, type CloudResource, type Kind } from '../core-api.ts';
import type { CloudApi, PlacementRequest, PlacementResult } from '../cloud-api.ts';

export class FakeCloud implements CloudApi {
  readonly resources = new Map<string, CloudResource>();
  readonly calls: string[] = [];
  /** Options of the last create, update or delete (timeouts, idempotency key). */
  lastOptions?: Record<string, unknown>;
  /** Set to make the next create store the resource and then fail, as a failed operation does. */
  failCreateAfterAccept?: AicloudError;
  fits = true;
  private seq = 0;

  key = (kind: Kind, name: string) => `${kind}/${name}`;

  async create(kind: Kind, inputs: Record<string, unknown>, options?: Record<string, unknown>): Promise<CloudResource> {
    this.calls.push(`create ${kind} ${String(inputs.name)}`);
    this.lastOptions = options;
    const name = String(inputs.name);
    if (this.resources.has(this.key(kind, name))) throw new AicloudError('ALREADY_EXISTS', `${kind} ${name} already exists`, { field: 'name' });
    const resource: CloudResource = {
      kind,
      project: 'default',
      name,
      id: `id-${++this.seq}`,
      spec: structuredClone(inputs),
      status: 'ready',
      statusReason: null,
      allocation: null,
      outputs: { hourlyCost: 1.5 },
      resourceVersion: 1,
    };
    if (kind === 'Cluster') resource.outputs = { hourlyCost: 1.5, acceleratorCount: Number(inputs.nodeCount) * 8 };
    this.resources.set(this.key(kind, name), resource);
    if (this.failCreateAfterAccept) {
      resource.status = 'failed';
      const err = this.failCreateAfterAccept;
      this.failCreateAfterAccept = undefined;
      throw err;
    }
    return structuredClone(resource);
  }

  async get(kind: Kind, name: string): Promise<CloudResource | undefined> {
    this.calls.push(`get ${kind} ${name}`);
    const r = this.resources.get(this.key(kind, name));
    return r && structuredClone(r);
  }

  async update(kind: Kind, name: string, patch: Record<string, unknown>, options?: { ifMatch?: string | number }): Promise<CloudResource> {
    this.calls.push(`update ${kind} ${name} ${JSON.stringify(patch)}`);
    this.lastOptions = options;
    const r = this.resources.get(this.key(kind, name));
    if (!r) throw new AicloudError('NOT_FOUND', `${kind} ${name} not found`);
    if (options?.ifMatch !== undefined && Number(options.ifMatch) !== r.resourceVersion) {
      throw new AicloudError('PRECONDITION_FAILED', `${kind} ${name} changed`);
    }
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete r.spec[k];
      else r.spec[k] = v;
    }
    r.resourceVersion++;
    return structuredClone(r);
  }

  async delete(kind: Kind, name: string, options?: Record<string, unknown>): Promise<void> {
    this.calls.push(`delete ${kind} ${name}`);
    this.lastOptions = options;
    this.resources.delete(this.key(kind, name));
  }

  async previewPlacements(requests: PlacementRequest[]): Promise<PlacementResult[]> {
    this.calls.push(`preview ${requests.map((r) => `${r.action ?? 'create'} ${r.name}${'nodeCount' in r ? ` ${r.nodeCount}` : ''}`).join(', ')}`);
    return requests.map((r, index) => ({
      index,
      action: r.action ?? 'create',
      name: r.name,
      fits: this.fits,
      ...(this.fits ? {} : { code: 'CAPACITY_EXHAUSTED', message: `need more than is free; largest free block: 8` }),
    }));
  }

  async capacity(): Promise<unknown> {
    return { zones: [{ zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', total: 768, free: 760, largestFreeBlock: 376 }] };
  }

  async regions(): Promise<unknown> {
    return { regions: [] };
  }
}
