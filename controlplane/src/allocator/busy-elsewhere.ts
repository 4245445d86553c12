/** Catch-ups a block stays busy for after another instance last changed it. */
const WINDOW = 8;
/** Blocks remembered at most; past it the ones changed longest ago are forgotten first. */
const LIMIT = 4096;

/**
 * The blocks (supernodes) other instances of one database changed in this instance's last few
 * catch-ups: where they are placing now. Several instances that pack into the same fullest supernode
 * pick its free servers without seeing each other's placements still in flight, and lose one in
 * seven at commit (each loss a whole write again, most of the three-instance create p99). An instance
 * places elsewhere first and uses a busy block only when no other can host the gang, so packing
 * loses at most one partly filled supernode per instance. A control plane alone never has one.
 */
export class BusyElsewhere {
  private readonly changedAt = new Map<number, number>();
  private catchUps = 0;

  /** A catch-up applied other instances' changes to these blocks. */
  note(blocks: Iterable<number>): void {
    this.catchUps++;
    for (const b of blocks) {
      this.changedAt.delete(b);
      this.changedAt.set(b, this.catchUps);
    }
    while (this.changedAt.size > LIMIT) this.changedAt.delete(this.changedAt.keys().next().value!);
  }

  /** Whether another instance changed block `b` within the window. */
  has(b: number): boolean {
    const at = this.changedAt.get(b);
    return at !== undefined && this.catchUps - at < WINDOW;
  }
}
