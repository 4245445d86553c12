import { error, type Diagnostic } from '../diagnostics.ts';

/** A size field that may grow in place but never shrink (block volumes, file systems). */
export function growOnly(field: string, unit: string) {
  return (oldValue: Record<string, unknown>, newValue: Record<string, unknown>): Diagnostic[] => {
    const before = oldValue[field];
    const after = newValue[field];
    if (typeof before === 'number' && typeof after === 'number' && after < before) {
      return [error('CANNOT_SHRINK', field, `cannot shrink from ${before} ${unit} to ${after} ${unit}`, { value: after })];
    }
    return [];
  };
}
