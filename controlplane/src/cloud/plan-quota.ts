import type { ClusterInputs } from '../../../core/index.ts';
import type { PreviewItem } from '../allocator/index.ts';
import { QuotaLedger } from '../admission/index.ts';
import { admissionStateOf, currentQueues, queueKey } from './admission-state.ts';
import type { ControlPlane } from './control-plane.ts';
import { queuedClusterAsk } from './queued-cluster.ts';

/**
 * Queue quota use as a plan's queued creates will leave it, in plan order. The creates of one plan
 * are admitted one after another, each against what the earlier ones took, so the preview judges the
 * second against the first's quota as well as today's running work (less what the plan deletes).
 * A queued create the allocator is asked about takes its quota, on the type it lands on, once the
 * preview says it fits; one that will wait takes none.
 */
export class PlanQuota {
  private ledger: QuotaLedger | undefined;
  /** Ids of what the plan releases, all of them (the batch releases them first, wherever they are listed). */
  private gone = new Set<string>();
  // `type`: the one type an endpoint's replicas run on (their cluster's); a cluster's is the type it lands on.
  private placed: { item: number; queue: string; type?: string; askOn: (type: string) => number }[] = [];

  constructor(
    private readonly cp: ControlPlane,
    private readonly project: string,
    /** Names of the clusters and endpoints the plan deletes or replaces: their quota comes back first. */
    private readonly released: readonly { name: string; kind: 'Cluster' | 'ModelEndpoint' }[],
  ) {}

  /**
   * The quota use a queued create at this point of the plan is judged against. `items` is the preview
   * batch so far: the creates before this one that were asked about are placed on the allocator's
   * preview (after every release of the plan, as the batch is) to learn which fit, and on which type.
   */
  async before(items: readonly PreviewItem[]): Promise<QuotaLedger> {
    const ledger = this.ledger ?? (this.ledger = await this.start());
    if (this.placed.length > 0) {
      const { results } = this.cp.allocator.preview(items, { releases: [...this.gone] });
      for (const p of this.placed) {
        const d = results[p.item];
        const type = p.type ?? (d?.ok ? d.acceleratorType : undefined);
        if (d?.ok && type !== undefined) ledger.add(p.queue, type, p.askOn(type));
      }
      this.placed = [];
    }
    return ledger;
  }

  /** A queued cluster put into the batch as item `item`: it takes its quota if the preview places it. */
  asked(item: number, spec: ClusterInputs & { queue: string }): void {
    this.placed.push({ item, queue: queueKey(this.project, spec.queue), askOn: (type) => queuedClusterAsk(this.cp, this.project, spec, type) });
  }

  /** A new queued endpoint's replicas put into the batch as item `item`: they take `ask` of `type` if placed. */
  askedReplicas(item: number, queue: string, type: string, ask: number): void {
    this.placed.push({ item, queue: queueKey(this.project, queue), type, askOn: () => ask });
  }

  /** The queue key of `queue` in this plan's project, as the ledger names it. */
  queueOf(queue: string): string {
    return queueKey(this.project, queue);
  }

  private async start(): Promise<QuotaLedger> {
    for (const r of this.released) {
      const rec = await this.cp.store.getResource(this.project, r.kind, r.name);
      if (rec) this.gone.add(rec.id);
    }
    const queues = await currentQueues(this.cp);
    const running = (await admissionStateOf(this.cp)).running.filter((w) => !this.gone.has(w.id));
    return new QuotaLedger(new Map(queues.map((q) => [q.name, q]))).charge(running);
  }
}
