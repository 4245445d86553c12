import fc from 'fast-check';

/**
 * Runs a fast-check property and, on failure, throws a short error: hostile inputs can be megabytes,
 * and fast-check's default report prints them whole. `describe` names the failing input briefly.
 */
export async function checkProperty<T>(
  arb: fc.Arbitrary<T>,
  predicate: (v: T) => Promise<void> | void,
  opts: { numRuns: number; seed: number; describe?: (v: T) => string },
): Promise<void> {
  const details = await fc.check(
    fc.asyncProperty(arb, async (v) => {
      await predicate(v);
    }),
    { numRuns: opts.numRuns, seed: opts.seed, endOnFailure: true },
  );
  if (!details.failed) return;
  const input = details.counterexample?.[0] as T;
  const named = opts.describe ? opts.describe(input) : JSON.stringify(input);
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    `property failed after ${details.numRuns} runs (seed ${opts.seed}, path ${details.counterexamplePath}):\n  input: ${named.slice(0, 600)}\n  ${cause.slice(0, 1500)}`,
  );
}
