import { randomUUID } from 'node:crypto';
import type { PlanStep } from '../plan/index.ts';

/**
 * The Idempotency-Key each create step sends, for the length of one apply.
 *
 * The plan's key comes first, so a rerun after a crash reuses the dead run's
 * create. Once a create with a key has failed, that key is spent: the control
 * plane replays the failure to anyone who sends it again. The next create gets
 * a new key made of the plan's key, the number of the try and a nonce of this
 * apply, so it can never replay what an earlier apply did with the same plan.
 */
export class CreateKeys {
  readonly #current = new Map<string, string>();
  readonly #tries = new Map<string, number>();
  readonly #nonce: string;

  constructor(nonce: string = randomUUID().slice(0, 8)) {
    this.#nonce = nonce;
  }

  /** The key to send now: the plan's until it is spent. */
  current(step: PlanStep): string | undefined {
    return this.#current.get(step.address) ?? step.idempotencyKey;
  }

  /** Marks the current key as spent by a failed create; the next `current` is a fresh one. */
  spend(step: PlanStep): void {
    const tries = (this.#tries.get(step.address) ?? 1) + 1;
    this.#tries.set(step.address, tries);
    const base = step.idempotencyKey ?? step.address;
    this.#current.set(step.address, `${base}-try${tries}-${this.#nonce}`);
  }
}
