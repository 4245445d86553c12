import { withPosition } from '../admission/index.ts';
import type { ResourceRecord } from '../store/index.ts';
import type { Positions } from './admission-cache.ts';
import { positionsOf } from './admission-state.ts';
import type { ControlPlane } from './control-plane.ts';
import { readDoc, type WireResource } from './resource-doc.ts';

/**
 * Reads of waiting resources. A pass writes a waiting request's document only when more than its
 * position changed, and saves every position apart (`keepPositions`), so a read puts the current
 * position into the reason it returns. One per read: positions are looked up once, on the first
 * record that may be waiting.
 */
export function currentReasons(cp: ControlPlane) {
  let positions: Promise<Positions> | undefined;
  const positionOf = async (record: ResourceRecord): Promise<number | undefined> => {
    // Cheap for every record of a list: only a document that may say `pending` needs the positions.
    if (!record.doc.includes('"status":"pending"')) return undefined;
    positions ??= positionsOf(cp);
    return (await positions)[record.id];
  };
  const current = (doc: WireResource, position: number | undefined): string | null =>
    position !== undefined && doc.status === 'pending' && doc.statusReason ? withPosition(doc.statusReason, position) : doc.statusReason;
  return {
    /** The record's document as a reply body. */
    async text(record: ResourceRecord): Promise<string> {
      const position = await positionOf(record);
      if (position === undefined) return record.doc;
      const doc = readDoc(record);
      const reason = current(doc, position);
      return reason === doc.statusReason ? record.doc : JSON.stringify({ ...doc, statusReason: reason });
    },
    /** The record's document, read from it, with the current reason. */
    async doc(record: ResourceRecord, doc: WireResource = readDoc(record)): Promise<WireResource> {
      const reason = current(doc, await positionOf(record));
      return reason === doc.statusReason ? doc : { ...doc, statusReason: reason };
    },
  };
}
