import { extendLease, releaseLease } from '../../client/index.ts';
import type { CliContext, CloudOptions } from '../cli-context.ts';
import { withCloud } from '../open-cloud.ts';

/** `aicloud lease release ID`: frees what the lease still holds. */
export async function release(options: CloudOptions & { args: string[] }, ctx: CliContext): Promise<number> {
  const id = options.args[0]!;
  return withCloud(options, async (cloud) => {
    const lease = await releaseLease(cloud, id);
    ctx.stdout.write(
      lease.status === 'released' && lease.endedAt
        ? `Released lease ${lease.id}; ${lease.acceleratorCount} accelerators are free again.\n`
        : `Lease ${lease.id} had already ended (${lease.status}).\n`,
    );
    return 0;
  });
}

/** `aicloud lease extend ID --by 30m`: moves the expiry of an active lease later. */
export async function extend(options: CloudOptions & { args: string[]; by: number }, ctx: CliContext): Promise<number> {
  const id = options.args[0]!;
  return withCloud(options, async (cloud) => {
    const lease = await extendLease(cloud, id, Math.max(1, Math.round(options.by / 1000)));
    ctx.stdout.write(`Lease ${lease.id} now expires at ${lease.expiresAt}.\n`);
    return 0;
  });
}
