import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { PulumiFn } from '@pulumi/pulumi/automation/index.js';
import { resolveSdkFromSources } from '../../test/pulumi/harness/resolve-sdk.ts';

/** examples/pulumi-ts's program, which the README runs with `pulumi up`. */
export const EXAMPLE_PROGRAM = fileURLToPath(new URL('../../examples/pulumi-ts/index.ts', import.meta.url));

const require = createRequire(import.meta.url);

/**
 * The example program as an Automation API inline program: the same file, loaded afresh for each run, its
 * exports the stack's outputs. `@aicloud/pulumi` resolves to the SDK's sources in the repository.
 */
export const exampleProgram: PulumiFn = async () => {
  resolveSdkFromSources();
  delete require.cache[EXAMPLE_PROGRAM];
  return { ...(require(EXAMPLE_PROGRAM) as Record<string, unknown>) };
};
