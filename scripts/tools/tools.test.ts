// The tools script's inputs and error messages: the manifest agrees with each go.mod, and a refusal
// by the Go module proxy is reported with the module and version it concerns.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFailure, findRefusal } from './go-errors.mjs';
import { manifestProblems, readManifest, requiredVersion, toolsBinDir, toolsRoot } from './tools-cache.mjs';

test('tools.json names the versions that the go.mod files require', () => {
  const tools = readManifest();
  assert.deepEqual(tools.map((t) => t.name).sort(), ['pulumi', 'pulumi-language-nodejs', 'pulumi-language-yaml', 'tofu']);
  assert.deepEqual(manifestProblems(tools), []);
  assert.equal(manifestProblems([{ ...tools[0]!, version: 'v0.0.1' }]).length, 1);
});

test('requiredVersion reads both require forms and ignores other modules', () => {
  const goMod = 'module m\n\nrequire github.com/a/b v1.2.3\n\nrequire (\n\tgithub.com/c/d v0.4.0 // indirect\n\tgithub.com/a/bc v9.9.9\n)\n';
  assert.equal(requiredVersion(goMod, 'github.com/a/b'), 'v1.2.3');
  assert.equal(requiredVersion(goMod, 'github.com/c/d'), 'v0.4.0');
  assert.equal(requiredVersion(goMod, 'github.com/e/f'), undefined);
});

test('a proxy refusal names the module and version', () => {
  const out =
    'go: github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3@v3.276.0: reading https://proxy.example/github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3/@v/v3.276.0.info: 403 Forbidden\n\tserver response: This module version is not available.\n';
  assert.deepEqual(findRefusal(out), {
    module: 'github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3',
    version: 'v3.276.0',
    reason: '403 Forbidden',
  });
  const message = buildFailure(
    { name: 'pulumi-language-nodejs', module: 'github.com/pulumi/pulumi/sdk/v3', version: 'v3.276.0', dir: 'pulumi-language-nodejs' },
    out,
  );
  assert.match(message, /^the Go module proxy refused github\.com\/pulumi\/pulumi\/sdk\/nodejs\/cmd\/pulumi-language-nodejs\/v3@v3\.276\.0 \(403 Forbidden\)/);
});

test('a refused module listing and an unknown version are named too; other failures say what was built', () => {
  assert.deepEqual(findRefusal('go: module github.com/x/y: reading https://proxy.example/github.com/x/y/@v/list: 404 Not Found\n'), {
    module: 'github.com/x/y',
    reason: '404 Not Found',
  });
  assert.equal(findRefusal('go: github.com/x/y@v9.9.9: invalid version: unknown revision v9.9.9\n')?.version, 'v9.9.9');
  const message = buildFailure({ name: 'tofu', module: 'github.com/opentofu/opentofu', version: 'v1.12.6', dir: 'tofu' }, 'main.go:3: syntax error\n');
  assert.match(message, /^building tofu from github\.com\/opentofu\/opentofu@v1\.12\.6 failed \(module tools\/tofu\)\nmain\.go:3: syntax error$/);
});

test('AICLOUD_TOOLS_DIR replaces the cache root, and the bin folder is named for the pulumi version', () => {
  assert.equal(toolsRoot({ AICLOUD_TOOLS_DIR: '/opt/t' }), '/opt/t');
  assert.match(toolsBinDir({ AICLOUD_TOOLS_DIR: '/opt/t' }), /^\/opt\/t\/pulumi-v3\.276\.0-[0-9a-f]{12}\/bin$/);
  assert.match(toolsRoot({}), /\/\.cache\/aicloud-tools$/);
});
