import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// The Go SDK as users meet it: a module that builds, passes go vet and runs its mock test
// (sdk/go/aicloud/mock_test.go) against the Pulumi Go SDK its go.mod pins.
const SDK = fileURLToPath(new URL('../../sdk/go/', import.meta.url));
const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../schema/schema.json', import.meta.url)), 'utf8')) as {
  language: { go: { importBasePath: string } };
};

function go(args: string[]): string {
  const res = spawnSync('go', args, { cwd: SDK, encoding: 'utf8', env: { ...process.env, GOFLAGS: '-mod=readonly' } });
  assert.ifError(res.error);
  assert.equal(res.status, 0, `go ${args.join(' ')}:\n${res.stdout}${res.stderr}`);
  return res.stdout;
}

test('sdk/go declares the module that the schema imports it as', () => {
  const module = /^module (\S+)$/m.exec(readFileSync(`${SDK}go.mod`, 'utf8'))?.[1];
  assert.equal(module, dirname(schema.language.go.importBasePath));
});

test('sdk/go builds, passes go vet and gofmt, and its mock test passes', () => {
  go(['build', './...']);
  go(['vet', './...']);
  const unformatted = spawnSync('gofmt', ['-l', '.'], { cwd: SDK, encoding: 'utf8' });
  assert.equal(unformatted.status, 0, unformatted.stderr);
  assert.equal(unformatted.stdout, '', 'files gofmt would change');
  const out = go(['test', '-count=1', './...']);
  assert.match(out, /^ok\s+github\.com\/aicloud-dev\/aicloud\/sdk\/go\/aicloud\s/m);
});
