import type { CliContext, CloudOptions } from '../cli-context.ts';
import { withCloud } from '../open-cloud.ts';
import { renderCapacity, type CapacityReport } from '../render-capacity.ts';
import { renderQueues } from '../render-queues.ts';
import { renderLeases } from '../render-leases.ts';
import { listLeases } from '../../client/index.ts';

/** `aicloud capacity`: what is free where, before anyone writes a manifest that will not fit. */
export async function run(options: CloudOptions & { zone?: string; acceleratorType?: string }, ctx: CliContext): Promise<number> {
  return withCloud(options, async (cloud) => {
    const report = (await cloud.capacity({
      ...(options.zone ? { zone: options.zone } : {}),
      ...(options.acceleratorType ? { acceleratorType: options.acceleratorType } : {}),
    })) as CapacityReport;
    ctx.stdout.write(renderCapacity(report));
    const queues = await cloud.list('Queue');
    // Clusters wait for servers, endpoints for room inside their cluster; both are listed under their queue.
    const waiting = queues.length ? [...(await cloud.list('Cluster')), ...(await cloud.list('ModelEndpoint'))].filter((c) => c.status === 'pending') : [];
    ctx.stdout.write(renderQueues(queues, waiting));
    ctx.stdout.write(renderLeases(await listLeases(cloud)));
    return 0;
  });
}
