import { joinPath } from '../../../core/index.ts';
import type { PlanFieldChange } from './plan-types.ts';

/**
 * Flattens inputs into leaf fields for create and delete steps, which have no
 * diff to show. Keys are sorted at each level; empty objects and arrays are leaves.
 */
export function listFields(inputs: Record<string, unknown>, impact: 'create' | 'delete'): PlanFieldChange[] {
  const out: PlanFieldChange[] = [];
  collect(inputs, impact, [], '', out);
  return out;
}

/**
 * Field paths by parent path and key. A plan of ten thousand resources writes
 * the same few dozen paths over and over; the core's `joinPath` still decides
 * each one, once. A path depends only on its parent's path and its own key.
 */
const pathCache = new Map<string, Map<string, string>>();

/** Map keys (labels, for one) are the users' own, so the cache stops growing at a size the schema's fields never reach. */
const MAX_PARENTS = 1024;
const MAX_CHILDREN = 256;

function pathOf(segments: readonly string[], parentPath: string): string {
  let children = pathCache.get(parentPath);
  if (!children && pathCache.size < MAX_PARENTS) {
    children = new Map();
    pathCache.set(parentPath, children);
  }
  const key = segments[segments.length - 1]!;
  let path = children?.get(key);
  if (path === undefined) {
    path = joinPath(segments);
    if (children && children.size < MAX_CHILDREN) children.set(key, path);
  }
  return path;
}

/** One shared segment stack and output array, rather than copies per level. */
function collect(inputs: Record<string, unknown>, impact: 'create' | 'delete', segments: string[], parentPath: string, out: PlanFieldChange[]): void {
  for (const key of Object.keys(inputs).sort()) {
    const value = inputs[key];
    if (value === undefined) continue;
    segments.push(key);
    const path = pathOf(segments, parentPath);
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
      collect(value as Record<string, unknown>, impact, segments, path, out);
    } else if (impact === 'create') {
      out.push({ path, new: value, impact });
    } else {
      out.push({ path, old: value, impact });
    }
    segments.pop();
  }
}
