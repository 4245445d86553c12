import { splitFieldPath } from '../../../core/index.ts';
import type { SourcePosition } from '../plan/index.ts';
import { isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

/** Where a value sits in a manifest file, so every error can point an editor at it. */
export type { SourcePosition };

/** Formats a position as `file:line:column`, the shape editors and CI annotations link. */
export function formatPosition(pos: SourcePosition): string {
  return `${pos.file}:${pos.line}:${pos.column}`;
}

/**
 * Finds the node at a dotted path (`spec.model.bucket`, `spec.items.0`).
 * When the path goes deeper than the document does (a missing field), the
 * deepest node that exists is returned: pointing at the parent beats pointing nowhere.
 */
export function nodeAtPath(root: Node | null | undefined, path: readonly (string | number)[]): Node | undefined {
  let node: unknown = root;
  let found: Node | undefined = root ?? undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair || !isPair(pair)) return found;
      // A key with no value (`spec:` alone) has a null value node; point at the key instead.
      node = pair.value ?? pair.key;
      if (pair.value == null) return pair.key as Node;
    } else if (isSeq(node)) {
      const index = typeof segment === 'number' ? segment : Number(segment);
      const item = Number.isInteger(index) ? node.items[index] : undefined;
      if (item === undefined) return found;
      node = item;
    } else {
      return found;
    }
    found = node as Node;
  }
  return found;
}

/**
 * Splits a core diagnostic path into segments. The core writes paths as users
 * do: `model.precision`, `items[0]`, `labels["aicloud.dev/stack"]`.
 */
export const splitPath = splitFieldPath;

/** The position of a node, or of the document start when the node has no range. */
export function positionOf(file: string, lineCounter: LineCounter, node: Node | undefined, fallbackOffset = 0): SourcePosition {
  const offset = node?.range?.[0] ?? fallbackOffset;
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, column: col };
}
