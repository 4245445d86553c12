import type { CliContext, CloudOptions } from '../cli-context.ts';
import { withCloud } from '../open-cloud.ts';

/** `aicloud force-unlock STACK`: for a lock whose holder died; says whose lock it broke. */
export async function run(options: CloudOptions & { args: string[] }, ctx: CliContext): Promise<number> {
  const stack = options.args[0]!;
  return withCloud(options, async (cloud) => {
    const held = await cloud.getLock(stack);
    await cloud.unlock(stack, { force: true });
    ctx.stdout.write(held ? `Released the lock of stack ${stack} held by ${held.holder} since ${held.since}.\n` : `Stack ${stack} was not locked.\n`);
    return 0;
  });
}
