// The committed CDKTF bindings must be what the generator makes from the current schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_HEADER, generateCdktf } from '../../scripts/terraform/gen-cdktf.ts';

const SDK = fileURLToPath(new URL('../../sdk/cdktf', import.meta.url));

test('sdk/cdktf/providers is up to date (npx tsx scripts/terraform/gen-cdktf.ts)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aicloud-cdktf-gen-'));
  try {
    const files = await generateCdktf(dir);
    assert.ok(files.length > 10);
    for (const file of files) {
      const rel = relative(dir, file);
      const fresh = readFileSync(file, 'utf8');
      let committed: string;
      try {
        committed = readFileSync(join(SDK, rel), 'utf8');
      } catch {
        assert.fail(`${rel} is missing from sdk/cdktf; regenerate`);
      }
      assert.equal(committed, fresh, `${rel} is stale; regenerate`);
      if (rel.endsWith('.ts')) assert.equal(fresh.split('\n')[0], GENERATED_HEADER);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
