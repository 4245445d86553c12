import type { HeldSlice, HoldingRecord } from './records.ts';

/** A holding row as both databases return it: the partition instances still as JSON text. */
export type StoredHolding = Omit<HoldingRecord, 'slices'> & { slices: string | null };

/** Parses a stored row's partition instances; rows of whole accelerators (and old rows) carry none. */
export function readHoldingRow(row: StoredHolding): HoldingRecord {
  const { slices, ...rest } = row;
  return slices ? { ...rest, slices: JSON.parse(slices) as HeldSlice[] } : rest;
}
