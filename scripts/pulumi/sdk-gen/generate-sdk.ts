import { renderFunction, functionFile } from './render-function.ts';
import { modulesOf, renderModuleIndex, renderRootIndex } from './render-index.ts';
import { renderPackageJson, renderReadme, renderTsconfig } from './render-package.ts';
import { renderProvider } from './render-provider.ts';
import { renderResource, resourceFile } from './render-resource.ts';
import { renderEnums, renderObjectTypes, renderTypesIndex } from './render-types.ts';
import { renderUtilities } from './render-utilities.ts';
import type { PackageSchema } from './schema-model.ts';
import { splitToken } from './schema-model.ts';

/**
 * Every file of the Node.js SDK, keyed by path relative to `sdk/nodejs/`. Pure, so a test can compare it
 * with what is checked in and fail when the schema moved without a rebuild.
 */
export function generateSdk(schema: PackageSchema): Map<string, string> {
  const files = new Map<string, string>();
  const modules = modulesOf(schema);
  for (const [module, contents] of modules) {
    for (const token of contents.resources) files.set(`${module}/${resourceFile(token)}`, renderResource(schema, token, schema.resources[token]));
    for (const token of contents.functions) files.set(`${module}/${functionFile(token)}`, renderFunction(schema, token, schema.functions![token]));
    files.set(`${module}/index.ts`, renderModuleIndex(schema, module, contents));
  }
  files.set('types/input.ts', renderObjectTypes(schema, 'input'));
  files.set('types/output.ts', renderObjectTypes(schema, 'output'));
  files.set('types/enums.ts', renderEnums(schema));
  files.set('types/index.ts', renderTypesIndex());
  files.set('provider.ts', renderProvider(schema));
  files.set('utilities.ts', renderUtilities());
  files.set('index.ts', renderRootIndex(schema, [...modules.keys()]));
  const tsFiles = [...files.keys()];
  files.set('package.json', renderPackageJson(schema));
  files.set('tsconfig.json', renderTsconfig(tsFiles));
  files.set('README.md', renderReadme(schema));
  return files;
}
