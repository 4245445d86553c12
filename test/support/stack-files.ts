import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Kind } from '../../core/index.ts';
import { sampleInputs } from './sample-inputs.ts';

/** A resource as a GitOps manifest declares it. */
export interface StackResource {
  kind: Kind;
  name: string;
  spec: Record<string, unknown>;
  labels?: Record<string, string>;
}

/** Writes the resources as one multi-document YAML file in `dir` (made if missing), replacing what was there. */
export function writeStack(dir: string, resources: readonly StackResource[], file = 'stack.yaml'): string {
  mkdirSync(dir, { recursive: true });
  const docs = resources.map((r) =>
    stringify({ apiVersion: 'aicloud.dev/v1', kind: r.kind, metadata: { name: r.name, ...(r.labels ? { labels: r.labels } : {}) }, spec: r.spec }),
  );
  const path = join(dir, file);
  writeFileSync(path, docs.join('---\n'));
  return path;
}

const MIX: readonly Kind[] = ['Cluster', 'Volume', 'Bucket', 'FileSystem', 'KvCachePool'];

/**
 * `count` resources of five kinds in equal shares, each cluster one 8-accelerator server and each
 * pool attached to a cluster of the stack, so the stack has a dependency graph and holds
 * accelerators. Names carry `prefix` because bucket names are global.
 */
export function bigStack(count: number, prefix = 'big'): StackResource[] {
  const out: StackResource[] = [];
  for (let i = 0; i < count; i++) {
    const kind = MIX[i % MIX.length];
    const group = Math.floor(i / MIX.length);
    const name = `${prefix}-${kind.toLowerCase()}-${group}`;
    const { name: _n, ...spec } = sampleInputs(kind, name, { cluster: `${prefix}-cluster-${group}` });
    out.push({ kind, name, spec });
  }
  return out;
}

/** Accelerators a stack from `bigStack` holds once applied. */
export function bigStackAccelerators(count: number): number {
  return Math.ceil(count / MIX.length) * 8;
}
