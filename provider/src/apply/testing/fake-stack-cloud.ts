import { AicloudError, diffResource, type CloudResource, type Kind } from '../../../../core/index.ts';
import type { StackCloud } from '../stack-cloud.ts';

type Method = 'create' | 'update' | 'delete';

/**
 * A fault the next matching call meets. `operation`: the cloud accepts the
 * change and its operation fails, leaving what the control plane leaves (a
 * failed create keeps the resource, failed; a failed update keeps the new
 * spec, failed; a failed delete keeps the resource, failed). `lost-answer`:
 * the change is made and the caller hears only that the cloud was unreachable.
 * `busy`: the change is made and stays in progress for `reads` reads.
 */
export interface Fault {
  method: Method;
  name: string;
  mode: 'operation' | 'lost-answer' | 'busy';
  reads?: number;
}

interface Remembered {
  request: string;
  failed: boolean;
  resource: CloudResource;
}

/**
 * An in-memory cloud with the control plane's rules for writes (Idempotency-Key
 * replay, If-Match, generation, retry of a failed resource sent its own spec)
 * and scripted faults, for unit tests of the applier.
 */
export class FakeStackCloud implements StackCloud {
  readonly resources = new Map<string, CloudResource>();
  readonly calls: string[] = [];
  readonly faults: Fault[] = [];
  /** Names held in another project, as a bucket's global name can be. */
  readonly takenElsewhere = new Set<string>();
  readonly #keys = new Map<string, Remembered>();
  readonly #busy = new Map<string, { reads: number; settle: () => void }>();
  #ids = 0;

  /** Puts a resource in place as if it had been created and settled. */
  seed(kind: Kind, spec: Record<string, unknown>, extra: Partial<CloudResource> = {}): CloudResource {
    const r: CloudResource = {
      kind,
      project: 'p',
      name: String(spec.name),
      id: `id-${++this.#ids}`,
      spec: structuredClone(spec),
      status: 'ready',
      statusReason: null,
      allocation: null,
      outputs: {},
      resourceVersion: 1,
      generation: 1,
      ...extra,
    };
    this.resources.set(`${kind}/${r.name}`, r);
    return structuredClone(r);
  }

  /** Someone else's change: a new spec, a new generation and version. */
  changeBehindTheBack(kind: Kind, name: string, spec: Record<string, unknown>): void {
    const r = this.#must(kind, name);
    r.spec = structuredClone(spec);
    r.generation = (r.generation ?? 1) + 1;
    r.resourceVersion++;
  }

  async create(kind: Kind, inputs: Record<string, unknown>, options: { idempotencyKey?: string } = {}): Promise<CloudResource> {
    const name = String(inputs.name);
    this.calls.push(`create ${kind}/${name}${options.idempotencyKey ? ` key=${options.idempotencyKey}` : ''}`);
    const request = `${kind}\n${JSON.stringify(inputs)}`;
    const seen = options.idempotencyKey ? this.#keys.get(options.idempotencyKey) : undefined;
    if (seen) {
      if (seen.request !== request) throw new AicloudError('IDEMPOTENCY_KEY_REUSED', `key used for another request`);
      if (seen.failed) throw new AicloudError('OPERATION_FAILED', `the cloud failed to create ${kind} ${name} (replayed)`);
      return structuredClone(seen.resource);
    }
    if (this.resources.has(`${kind}/${name}`) || this.takenElsewhere.has(name)) throw new AicloudError('ALREADY_EXISTS', `${kind} ${name} already exists`);
    const fault = this.#fault('create', name);
    this.seed(kind, inputs, { status: fault?.mode === 'busy' ? 'provisioning' : 'ready' });
    const r = this.#must(kind, name);
    const failed = fault?.mode === 'operation';
    if (failed) this.#fail(r, 'create');
    if (options.idempotencyKey) this.#keys.set(options.idempotencyKey, { request, failed, resource: this.#must(kind, name) });
    return this.#answer(fault, kind, name, 'create');
  }

  async get(kind: Kind, name: string): Promise<CloudResource | undefined> {
    this.calls.push(`get ${kind}/${name}`);
    const busy = this.#busy.get(`${kind}/${name}`);
    if (busy && --busy.reads < 0) {
      this.#busy.delete(`${kind}/${name}`);
      busy.settle();
    }
    const r = this.resources.get(`${kind}/${name}`);
    return r && structuredClone(r);
  }

  async list(kind: Kind): Promise<CloudResource[]> {
    return [...this.resources.values()].filter((r) => r.kind === kind).map((r) => structuredClone(r));
  }

  async update(kind: Kind, name: string, patch: Record<string, unknown>, options: { ifMatch?: number | string } = {}): Promise<CloudResource> {
    this.calls.push(`update ${kind}/${name} ${JSON.stringify(patch)}${options.ifMatch !== undefined ? ` if-match=${options.ifMatch}` : ''}`);
    const r = this.#must(kind, name);
    this.#checkIfMatch(r, options.ifMatch);
    const spec = { ...r.spec };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete spec[k];
      else spec[k] = v;
    }
    const diff = diffResource(kind, r.spec, spec);
    if (diff.step === 'replace') throw new AicloudError('FIELD_REQUIRES_REPLACE', `${diff.fields[0]?.path} cannot change in place`);
    const retry = diff.step === 'no-op' && r.status === 'failed';
    if (diff.step === 'no-op' && !retry) return structuredClone(r);
    const fault = this.#fault('update', name);
    r.spec = spec;
    r.generation = retry ? r.generation : (r.generation ?? 1) + 1;
    r.resourceVersion++;
    r.status = fault?.mode === 'busy' ? 'updating' : 'ready';
    r.statusReason = null;
    if (fault?.mode === 'operation') this.#fail(r, 'update');
    return this.#answer(fault, kind, name, 'update');
  }

  async delete(kind: Kind, name: string, options: { ifMatch?: number | string } = {}): Promise<void> {
    this.calls.push(`delete ${kind}/${name}${options.ifMatch !== undefined ? ` if-match=${options.ifMatch}` : ''}`);
    const r = this.resources.get(`${kind}/${name}`);
    // The client tolerates a resource that is already gone.
    if (!r) return;
    this.#checkIfMatch(r, options.ifMatch);
    const fault = this.#fault('delete', name);
    r.resourceVersion++;
    if (fault?.mode === 'operation') {
      this.#fail(r, 'delete');
      await this.#answer(fault, kind, name, 'delete');
      return;
    }
    if (fault?.mode === 'busy') {
      r.status = 'deleting';
      this.#busy.set(`${kind}/${name}`, { reads: fault.reads ?? 1, settle: () => this.resources.delete(`${kind}/${name}`) });
      throw lost('DELETE', name);
    }
    this.resources.delete(`${kind}/${name}`);
    if (fault?.mode === 'lost-answer') throw lost('DELETE', name);
  }

  async previewPlacements(): Promise<never[]> {
    return [];
  }

  async lock(stack: string, holder: string): Promise<{ stack: string; holder: string; since: string; expiresAt: null }> {
    return { stack, holder, since: '2026-01-01T00:00:00.000Z', expiresAt: null };
  }

  async unlock(): Promise<void> {}

  #fault(method: Method, name: string): Fault | undefined {
    const i = this.faults.findIndex((f) => f.method === method && f.name === name);
    return i < 0 ? undefined : this.faults.splice(i, 1)[0];
  }

  #fail(r: CloudResource, what: Method): void {
    r.status = 'failed';
    r.statusReason = `the cloud failed to ${what} ${r.kind} ${r.name} (injected fault)`;
  }

  async #answer(fault: Fault | undefined, kind: Kind, name: string, what: Method): Promise<CloudResource> {
    const r = this.#must(kind, name);
    if (fault?.mode === 'lost-answer') throw lost(what, name);
    if (fault?.mode === 'busy') {
      const settled = r.status;
      r.status = what === 'create' ? 'provisioning' : 'updating';
      this.#busy.set(`${kind}/${name}`, { reads: fault.reads ?? 1, settle: () => void (r.status = settled === 'failed' ? 'failed' : 'ready') });
      // The caller stopped waiting (its answer was lost in flight); the operation runs on.
      throw lost(what, name);
    }
    if (r.status === 'failed') throw new AicloudError('OPERATION_FAILED', r.statusReason ?? 'failed');
    return structuredClone(r);
  }

  #must(kind: Kind, name: string): CloudResource {
    const r = this.resources.get(`${kind}/${name}`);
    if (!r) throw new AicloudError('NOT_FOUND', `${kind} ${name} not found`);
    return r;
  }

  #checkIfMatch(r: CloudResource, ifMatch: number | string | undefined): void {
    if (ifMatch !== undefined && Number(ifMatch) !== r.resourceVersion) {
      throw new AicloudError('PRECONDITION_FAILED', `If-Match "${ifMatch}" does not match the current version "${r.resourceVersion}"`);
    }
  }
}

function lost(what: string, name: string): AicloudError {
  return new AicloudError('UNAVAILABLE', `the answer to ${what} ${name} was lost`);
}
