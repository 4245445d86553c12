import { writeFile } from 'node:fs/promises';
import type { CliContext, CloudOptions } from '../cli-context.ts';
import { withCloud } from '../open-cloud.ts';

/** `aicloud snapshot save FILE`: the cloud's occupancy, for `aicloud plan --what-if FILE`. */
export async function save(options: CloudOptions & { args: string[] }, ctx: CliContext): Promise<number> {
  const file = options.args[0]!;
  return withCloud(options, async (cloud) => {
    const res = await cloud.raw<{ holdings: unknown[]; pending: unknown[]; leases: unknown[]; complete: boolean }>(
      'GET',
      `/v1/projects/${cloud.project}/snapshot`,
    );
    await writeFile(file, `${JSON.stringify(res.body)}\n`);
    const s = res.body;
    ctx.stdout.write(
      `Saved the occupancy of project ${cloud.project} to ${file}: ${s.holdings.length} holding rows, ${s.pending.length} waiting requests, ${s.leases.length} active leases${s.complete ? '' : " (other projects' holders anonymous)"}.\n`,
    );
    return 0;
  });
}
