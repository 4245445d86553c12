/**
 * Counts of how an instance keeps up with the others on one database, kept as plain numbers so the
 * metrics endpoint can export each with one line.
 */
export interface ScaleOutStats {
  /** Catch-ups that applied another writer's changes server by server. */
  deltaCatchUps: number;
  /** Servers re-read by those catch-ups. */
  serversReloaded: number;
  /** Reloads of everything (start-up, a cursor behind the pruned feed, a rolled-back change on SQLite). */
  fullReloads: number;
  /** Write transactions that found another writer had changed what they decided on. */
  writeConflicts: number;
  /** Runs of a change again after a conflict. */
  writeRetries: number;
}

export function newScaleOutStats(): ScaleOutStats {
  return { deltaCatchUps: 0, serversReloaded: 0, fullReloads: 0, writeConflicts: 0, writeRetries: 0 };
}
