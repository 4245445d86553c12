import type { PolicyName } from '../../controlplane/src/allocator/policy.ts';
import { isPolicyName, POLICY_NAMES } from '../../controlplane/src/allocator/policies/policy-registry.ts';
import { TraceMissingError } from './read-openb.ts';

/**
 * The argument handling every allocator benchmark command shares, so that they check flags and report
 * bad input the same way: `command` names the npm script in messages (`bench:allocator:shared`).
 */
export function benchArgs(command: string) {
  const fail = (msg: string): never => {
    process.stderr.write(`${command}: ${msg}\n`);
    process.exit(2);
  };
  return {
    fail,
    /** A flag that must be a whole number of at least 1. */
    positiveInt(text: string, flag: string): number {
      const n = Number(text);
      if (!Number.isInteger(n) || n < 1) fail(`${flag} must be a whole number of at least 1, got ${text}`);
      return n;
    },
    /** `--policies a,b`: known policy names, or a message naming the unknown ones. */
    policies(text: string): PolicyName[] {
      const policies = text.split(',').map((p) => p.trim());
      const unknown = policies.filter((p) => !isPolicyName(p));
      if (unknown.length) fail(`unknown policy ${unknown.join(', ')}; use some of ${POLICY_NAMES.join(', ')}`);
      return policies as PolicyName[];
    },
    /** Runs `main`, turning a missing trace into a message instead of a stack trace. */
    run(main: () => void | Promise<void>): void {
      const onError = (e: unknown) => {
        if (e instanceof TraceMissingError) fail(e.message);
        throw e;
      };
      try {
        const done = main();
        if (done) done.catch(onError);
      } catch (e) {
        onError(e);
      }
    },
  };
}

/** Progress on stderr, so that stdout carries only the tables. */
export function log(msg: string): void {
  process.stderr.write(`${msg}\n`);
}

/** A difference with its sign, two decimals. */
export function signed(x: number): string {
  return `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;
}
