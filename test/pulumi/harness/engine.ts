import { providerPb } from '../../../provider/src/pulumi/proto.ts';
import { encode, decode } from './engine-values.ts';
import { ProviderClient } from './provider-client.ts';

type Pb = typeof providerPb;
type DiffResponse = InstanceType<Pb['DiffResponse']>;

/** A resource as the program declares it. */
export interface Declared {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

/** What the engine's state file keeps for a resource. */
export interface StateEntry {
  type: string;
  name: string;
  id: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

/** A step the engine decided, for assertions. */
export interface Step {
  op: 'create' | 'same' | 'update' | 'replace' | 'delete' | 'read';
  urn: string;
  diff?: DiffSummary;
  outputs?: Record<string, unknown>;
}

/** A Diff answer in plain terms. */
export interface DiffSummary {
  changes: 'none' | 'some' | 'unknown';
  replaces: string[];
  diffs: string[];
  detailed: Record<string, string>;
  deleteBeforeReplace: boolean;
}

const KIND_NAMES = ['ADD', 'ADD_REPLACE', 'DELETE', 'DELETE_REPLACE', 'UPDATE', 'UPDATE_REPLACE'];

/**
 * Drives the provider in the order the Pulumi engine does (see the protocol notes): configuration first, then
 * per resource Check and Diff, Create/Update/replace, deletes of removed resources in reverse order, and
 * Read for refresh and import. It keeps a state like the engine's, so a test reads as a sequence of commands.
 */
export class Engine {
  readonly state = new Map<string, StateEntry>();
  readonly client: ProviderClient;

  constructor(
    port: number,
    readonly stack = 'dev',
    readonly project = 'aicloud-test',
  ) {
    this.client = new ProviderClient(port);
  }

  urn(type: string, name: string): string {
    return `urn:pulumi:${this.stack}::${this.project}::${type}::${name}`;
  }

  /** Handshake, GetPluginInfo, CheckConfig, Configure: what every command starts with. */
  async configure(
    config: Record<string, unknown>,
    variables: Record<string, string> = {},
  ): Promise<{ version: string; checkFailures: { property: string; reason: string }[] }> {
    await this.client.handshake();
    const info = await this.client.getPluginInfo();
    const providerUrn = this.urn('pulumi:providers:aicloud', 'default');
    const check = await this.client.call<InstanceType<Pb['CheckResponse']>>(
      'checkConfig',
      new providerPb.CheckRequest().setUrn(providerUrn).setOlds(encode({})).setNews(encode(config)).setName('default').setType('pulumi:providers:aicloud'),
    );
    const checkFailures = check.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() }));
    if (checkFailures.length) return { version: info.getVersion(), checkFailures };
    const req = new providerPb.ConfigureRequest()
      .setArgs(check.getInputs())
      .setAcceptsecrets(true)
      .setAcceptresources(true)
      .setSendsOldInputs(true)
      .setSendsOldInputsToDelete(true);
    for (const [k, v] of Object.entries(variables)) req.getVariablesMap().set(k, v);
    await this.client.call('configure', req);
    return { version: info.getVersion(), checkFailures };
  }

  async check(d: Declared, olds: Record<string, unknown>): Promise<{ inputs: Record<string, unknown>; failures: { property: string; reason: string }[] }> {
    const res = await this.client.call<InstanceType<Pb['CheckResponse']>>(
      'check',
      new providerPb.CheckRequest().setUrn(this.urn(d.type, d.name)).setType(d.type).setName(d.name).setOlds(encode(olds)).setNews(encode(d.inputs)),
    );
    return { inputs: decode(res.getInputs()), failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })) };
  }

  async diff(
    urn: string,
    type: string,
    id: string,
    oldOutputs: Record<string, unknown>,
    oldInputs: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<DiffSummary> {
    const res = await this.client.call<DiffResponse>(
      'diff',
      new providerPb.DiffRequest().setUrn(urn).setType(type).setId(id).setOlds(encode(oldOutputs)).setOldInputs(encode(oldInputs)).setNews(encode(news)),
    );
    const detailed: Record<string, string> = {};
    res.getDetaileddiffMap().forEach((v: InstanceType<Pb['PropertyDiff']>, k: string) => (detailed[k] = KIND_NAMES[v.getKind()]));
    const changes = res.getChanges() === 1 ? 'none' : res.getChanges() === 2 ? 'some' : 'unknown';
    return { changes, replaces: res.getReplacesList(), diffs: res.getDiffsList(), detailed, deleteBeforeReplace: res.getDeletebeforereplace() };
  }

  async create(
    urn: string,
    type: string,
    inputs: Record<string, unknown>,
    opts: { preview?: boolean; timeout?: number } = {},
  ): Promise<{ id: string; outputs: Record<string, unknown> }> {
    const res = await this.client.call<InstanceType<Pb['CreateResponse']>>(
      'create',
      new providerPb.CreateRequest()
        .setUrn(urn)
        .setType(type)
        .setProperties(encode(inputs))
        .setPreview(!!opts.preview)
        .setTimeout(opts.timeout ?? 0),
    );
    return { id: res.getId(), outputs: decode(res.getProperties()) };
  }

  async update(entry: StateEntry, news: Record<string, unknown>, opts: { preview?: boolean } = {}): Promise<Record<string, unknown>> {
    const urn = this.urn(entry.type, entry.name);
    const res = await this.client.call<InstanceType<Pb['UpdateResponse']>>(
      'update',
      new providerPb.UpdateRequest()
        .setUrn(urn)
        .setType(entry.type)
        .setId(entry.id)
        .setOlds(encode(entry.outputs))
        .setOldInputs(encode(entry.inputs))
        .setNews(encode(news))
        .setPreview(!!opts.preview),
    );
    return decode(res.getProperties());
  }

  async delete(entry: StateEntry): Promise<void> {
    await this.client.call(
      'delete',
      new providerPb.DeleteRequest()
        .setUrn(this.urn(entry.type, entry.name))
        .setType(entry.type)
        .setId(entry.id)
        .setProperties(encode(entry.outputs))
        .setOldInputs(encode(entry.inputs)),
    );
  }

  async read(
    type: string,
    name: string,
    id: string,
    outputs: Record<string, unknown> = {},
    inputs: Record<string, unknown> = {},
  ): Promise<{ id: string; outputs: Record<string, unknown>; inputs: Record<string, unknown> }> {
    const res = await this.client.call<InstanceType<Pb['ReadResponse']>>(
      'read',
      new providerPb.ReadRequest().setUrn(this.urn(type, name)).setType(type).setId(id).setProperties(encode(outputs)).setInputs(encode(inputs)),
    );
    return { id: res.getId(), outputs: decode(res.getProperties()), inputs: decode(res.getInputs()) };
  }

  /** A function call; failures (bad arguments) come back in the response, as the engine receives them. */
  async invoke(tok: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
    const res = await this.client.call<InstanceType<Pb['InvokeResponse']>>('invoke', new providerPb.InvokeRequest().setTok(tok).setArgs(encode(args)));
    if (res.getFailuresList().length)
      throw new Error(
        `invoke ${tok} failed: ${res
          .getFailuresList()
          .map((f) => `${f.getProperty()}: ${f.getReason()}`)
          .join('; ')}`,
      );
    return decode(res.getReturn());
  }

  async invokeFailures(tok: string, args: Record<string, unknown>): Promise<{ property: string; reason: string }[]> {
    const res = await this.client.call<InstanceType<Pb['InvokeResponse']>>('invoke', new providerPb.InvokeRequest().setTok(tok).setArgs(encode(args)));
    return res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() }));
  }

  /**
   * `pulumi preview` (preview=true) or `pulumi up`: the engine's step generation for each declared resource, in
   * program order, then deletes of resources no longer declared. Check failures throw, as they stop the update.
   */
  async up(program: Declared[], opts: { preview?: boolean; timeout?: number } = {}): Promise<Step[]> {
    const steps: Step[] = [];
    const pendingDeletes: StateEntry[] = [];
    const declared = new Set<string>();
    for (const d of program) {
      const urn = this.urn(d.type, d.name);
      declared.add(urn);
      const old = this.state.get(urn);
      const checked = await this.check(d, old ? old.inputs : {});
      if (checked.failures.length) throw new CheckFailed(urn, checked.failures);
      if (!old) {
        const created = await this.create(urn, d.type, checked.inputs, opts);
        if (!opts.preview) this.state.set(urn, { type: d.type, name: d.name, id: created.id, inputs: checked.inputs, outputs: created.outputs });
        steps.push({ op: 'create', urn, outputs: created.outputs });
        continue;
      }
      const diff = await this.diff(urn, d.type, old.id, old.outputs, old.inputs, checked.inputs);
      if (diff.changes === 'none') {
        steps.push({ op: 'same', urn, diff });
        continue;
      }
      if (!diff.replaces.length) {
        const outputs = await this.update(old, checked.inputs, opts);
        if (!opts.preview) this.state.set(urn, { ...old, inputs: checked.inputs, outputs });
        steps.push({ op: 'update', urn, diff, outputs });
        continue;
      }
      // A replacement is checked again with no olds, as a brand-new resource.
      const fresh = await this.check(d, {});
      if (fresh.failures.length) throw new CheckFailed(urn, fresh.failures);
      if (opts.preview) {
        const created = await this.create(urn, d.type, fresh.inputs, opts);
        steps.push({ op: 'replace', urn, diff, outputs: created.outputs });
        continue;
      }
      if (diff.deleteBeforeReplace) await this.delete(old);
      else pendingDeletes.push(old);
      const created = await this.create(urn, d.type, fresh.inputs, opts);
      this.state.set(urn, { type: d.type, name: d.name, id: created.id, inputs: fresh.inputs, outputs: created.outputs });
      steps.push({ op: 'replace', urn, diff, outputs: created.outputs });
    }
    const removed = [...this.state.entries()].filter(([urn]) => !declared.has(urn)).reverse();
    for (const [urn, entry] of removed) {
      if (!opts.preview) {
        await this.delete(entry);
        this.state.delete(urn);
      }
      steps.push({ op: 'delete', urn });
    }
    // Old copies of replaced resources go last, after everything new exists.
    for (const old of pendingDeletes.reverse()) await this.delete(old);
    return steps;
  }

  /** `pulumi refresh`: Read each resource; an empty id drops it; a changed one gets new outputs and inputs. */
  async refresh(): Promise<Step[]> {
    const steps: Step[] = [];
    for (const [urn, entry] of [...this.state.entries()]) {
      const r = await this.read(entry.type, entry.name, entry.id, entry.outputs, entry.inputs);
      if (!r.id) {
        this.state.delete(urn);
        steps.push({ op: 'delete', urn });
        continue;
      }
      this.state.set(urn, { ...entry, id: r.id, outputs: r.outputs, inputs: r.inputs });
      steps.push({ op: 'read', urn, outputs: r.outputs });
    }
    return steps;
  }

  /** The `import` resource option: Read with empty state, then Check and Diff against the program; any diff fails. */
  async import(d: Declared, id: string): Promise<DiffSummary> {
    const urn = this.urn(d.type, d.name);
    const read = await this.read(d.type, d.name, id, {}, {});
    if (!read.id) throw new Error(`import of ${urn}: resource ${id} does not exist`);
    const checked = await this.check(d, read.inputs);
    if (checked.failures.length) throw new CheckFailed(urn, checked.failures);
    const diff = await this.diff(urn, d.type, read.id, read.outputs, read.inputs, checked.inputs);
    if (diff.changes === 'none') this.state.set(urn, { type: d.type, name: d.name, id: read.id, inputs: read.inputs, outputs: read.outputs });
    return diff;
  }

  /** `pulumi destroy`: Delete in reverse creation order. */
  async destroy(): Promise<void> {
    for (const [urn, entry] of [...this.state.entries()].reverse()) {
      await this.delete(entry);
      this.state.delete(urn);
    }
  }

  close(): void {
    this.client.close();
  }
}

/** Check failures of one resource; the engine prints each property with its reason and stops. */
export class CheckFailed extends Error {
  constructor(
    readonly urn: string,
    readonly failures: { property: string; reason: string }[],
  ) {
    super(`check failed for ${urn}: ${failures.map((f) => `${f.property}: ${f.reason}`).join('; ')}`);
  }
}
