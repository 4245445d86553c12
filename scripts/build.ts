// The build step: derives every generated artefact from schema/schema.json.
// `npm run build` writes them (the CDKTF bindings too); `npm run build -- --check` fails when one is out of date.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadSchema, repoRoot } from './build/load-schema.ts';
import { generateRegistry } from './build/gen-registry.ts';
import { generateManifestSchema } from './build/gen-manifest-schema.ts';
import { generateOpenApi } from './build/gen-openapi.ts';
import { generateDocs } from './build/gen-docs.ts';
import { generateErrorsDoc } from './build/gen-errors-doc.ts';
import { generatePulumiSdks, orphanedSdkFiles } from './build/gen-pulumi-sdks.ts';
import { staleCdktfBindings, writeCdktfBindings } from './build/cdktf-bindings.ts';

/** One generated file: its path relative to the repository and its full text. */
export interface Artefact {
  path: string;
  text: string;
}

export function buildArtefacts(): Artefact[] {
  const schema = loadSchema();
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  return [
    { path: 'core/generated/registry.ts', text: generateRegistry(schema) },
    { path: 'schema/generated/manifest.schema.json', text: json(generateManifestSchema(schema)) },
    { path: 'schema/generated/openapi.json', text: json(generateOpenApi(schema)) },
    { path: 'docs/reference.md', text: `${generateDocs(schema)}\n` },
    { path: 'docs/errors.md', text: generateErrorsDoc() },
    ...generatePulumiSdks(),
  ];
}

/**
 * Returns the artefacts whose file on disk differs from what the schema generates, and the files in the
 * SDK folders that are no longer generated.
 */
export function staleArtefacts(artefacts = buildArtefacts()): string[] {
  const changed = artefacts
    .filter((a) => {
      const file = join(repoRoot, a.path);
      return !existsSync(file) || readFileSync(file, 'utf8') !== a.text;
    })
    .map((a) => a.path);
  return [...changed, ...orphanedSdkFiles(artefacts.map((a) => a.path))];
}

const isMain = process.argv[1] && relative(process.argv[1], new URL(import.meta.url).pathname) === '';
if (isMain) {
  const check = process.argv.includes('--check');
  const artefacts = buildArtefacts();
  if (check) {
    const stale = [...staleArtefacts(artefacts), ...(await staleCdktfBindings())];
    if (stale.length) {
      console.error(`out of date (run npm run build): ${stale.join(', ')}`);
      process.exit(1);
    }
    console.error('generated files are up to date');
  } else {
    for (const a of artefacts) {
      const file = join(repoRoot, a.path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, a.text);
      console.error(`wrote ${a.path}`);
    }
    for (const path of orphanedSdkFiles(artefacts.map((a) => a.path))) {
      rmSync(join(repoRoot, path));
      console.error(`removed ${path}`);
    }
    console.error(`wrote ${(await writeCdktfBindings()).length} files of sdk/cdktf/providers`);
  }
}
