import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { providerSchemas } from '../../provider/src/terraform/schema/provider-schemas.ts';
import { writeShapeFile } from './shape-file.ts';
import { shapedHcl } from './stack-files.ts';

interface TextBlock {
  attributes: { name: string; type?: string; computed?: boolean; required?: boolean; optional?: boolean }[];
  block_types: { type_name: string }[];
}

test('the shaped baseline has the bucket schema shape: names, types, flags and the timeouts block', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'aicloud-shape-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'shape.json');
  writeShapeFile(file);
  const written = JSON.parse(readFileSync(file, 'utf8')) as { ctyType: unknown; block: TextBlock };
  const bucket = providerSchemas().resources.get('aicloud_bucket')!.schema;
  assert.deepEqual(written.ctyType, bucket.type);
  assert.deepEqual(
    written.block.attributes.map((a) => a.name),
    bucket.attributes.map((a) => a.name),
  );
  for (const attr of bucket.attributes) {
    const w = written.block.attributes.find((a) => a.name === attr.name)!;
    assert.equal(w.computed, !!attr.computed, attr.name);
    assert.equal(w.required, !!attr.required, attr.name);
    // Types travel as JSON text, since a Buffer does not survive JSON.
    assert.equal(typeof w.type, 'string', attr.name);
  }
  assert.deepEqual(
    written.block.block_types.map((b) => b.type_name),
    ['timeouts'],
  );
});

test('the shaped stack sets the same arguments as the bucket stack', () => {
  const hcl = shapedHcl(3, 'p');
  assert.equal(hcl.match(/resource "minimal_shaped"/g)?.length, 3);
  assert.match(hcl, /name {3}= "p-0002"/);
  assert.match(hcl, /region = "cn-southwest-2"/);
});

test('writeShapeFile refuses a type the provider does not have', () => {
  assert.throws(() => writeShapeFile(join(tmpdir(), 'never-written.json'), 'aicloud_nothing'), /unknown resource type/);
});
