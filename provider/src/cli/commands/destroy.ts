import type { CliContext } from '../cli-context.ts';
import { withCloud } from '../open-cloud.ts';
import { applyDirectory, type ApplyOptions } from './apply.ts';

/** `aicloud destroy`: deletes everything labelled with the stack, dependents first; protected resources stop it. */
export async function run(options: ApplyOptions, ctx: CliContext): Promise<number> {
  const dir = options.args[0] ?? '.';
  return withCloud(options, (cloud) => applyDirectory(cloud, dir, true, options, ctx));
}
