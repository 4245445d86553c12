import { LineCounter, isMap, parseAllDocuments, type Document, type Node } from 'yaml';
import { checkManifestValue } from './check-manifest.ts';
import type { Manifest, ManifestDiagnostic } from './manifest.ts';
import { nodeAtPath, positionOf, splitPath, type SourcePosition } from './source-position.ts';
import { placeProblem, toManifest } from './to-manifest.ts';

/**
 * Parses a file with the full `yaml` package, keeping every node's source
 * range. Slower than the fast path, so it runs only for files the fast path
 * does not read and for files that have something to report.
 */
export function parseWithPositions(text: string, file: string): { manifests: Manifest[]; diagnostics: ManifestDiagnostic[] } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const manifests: Manifest[] = [];
  const diagnostics: ManifestDiagnostic[] = [];
  for (const doc of Array.isArray(docs) ? docs : []) {
    if (doc.errors.length > 0) {
      diagnostics.push(...syntaxErrors(doc, file, lineCounter));
      continue;
    }
    const root = doc.contents as Node | null;
    if (root == null) continue; // an empty document between `---` separators
    const at = (path: string): SourcePosition => positionOf(file, lineCounter, nodeAtPath(root, splitPath(path)), root.range?.[0]);
    if (!isMap(root)) {
      diagnostics.push({
        code: 'MANIFEST_INVALID',
        path: '',
        message: 'a manifest must be a mapping',
        hint: 'start the document with `apiVersion: aicloud.dev/v1`',
        position: at(''),
      });
      continue;
    }
    const value = toValue(doc);
    if (value instanceof Error) {
      diagnostics.push({ code: 'MANIFEST_INVALID', path: '', message: firstLine(value.message), hint: SYNTAX_HINT, position: at('') });
      continue;
    }
    const problems = checkManifestValue(value);
    if (problems.length > 0) diagnostics.push(...problems.map((p) => placeProblem(p, at(p.path))));
    else manifests.push(toManifest(value, positionOf(file, lineCounter, root), at));
  }
  return { manifests, diagnostics };
}

/**
 * Finds positions in a file the fast path read, parsing it fully the first
 * time one is asked for. Documents are told apart by the offset where their
 * root mapping starts, which both parsers agree on.
 */
export function lazyPositions(text: string, file: string): (documentOffset: number, path: string) => SourcePosition {
  let parsed: { lineCounter: LineCounter; roots: Map<number, Node> } | undefined;
  return (documentOffset, path) => {
    if (!parsed) {
      const lineCounter = new LineCounter();
      const roots = new Map<number, Node>();
      const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true });
      for (const doc of Array.isArray(docs) ? docs : []) {
        const root = doc.contents as Node | null;
        if (root?.range) roots.set(root.range[0], root);
      }
      parsed = { lineCounter, roots };
    }
    const root = parsed.roots.get(documentOffset);
    return positionOf(file, parsed.lineCounter, nodeAtPath(root, splitPath(path)), documentOffset);
  };
}

/**
 * The document as plain data. The yaml package reports an alias without its
 * anchor, or one that expands too far, only here, by throwing; that is the
 * user's mistake, so it becomes a diagnostic rather than a crash.
 */
function toValue(doc: Document.Parsed): Record<string, unknown> | Error {
  try {
    return doc.toJS() as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ReferenceError || error instanceof RangeError) return error;
    throw error;
  }
}

function syntaxErrors(doc: Document.Parsed, file: string, lc: LineCounter): ManifestDiagnostic[] {
  return doc.errors.map((error) => {
    const { line, col } = lc.linePos(error.pos[0]);
    return {
      code: 'MANIFEST_INVALID',
      message: firstLine(error.message),
      position: { file, line, column: col },
      path: '',
      hint: SYNTAX_HINT,
    };
  });
}

const SYNTAX_HINT = 'fix the YAML syntax; every document needs apiVersion, kind, metadata and spec';

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
