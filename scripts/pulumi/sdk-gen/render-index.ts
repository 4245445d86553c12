import { camel, GENERATED_BANNER } from './names.ts';
import type { PackageSchema } from './schema-model.ts';
import { splitToken } from './schema-model.ts';

/** The modules of the package and what each holds, in a stable order. */
export function modulesOf(schema: PackageSchema): Map<string, { resources: string[]; functions: string[] }> {
  const out = new Map<string, { resources: string[]; functions: string[] }>();
  const entry = (m: string) => {
    if (!out.has(m)) out.set(m, { resources: [], functions: [] });
    return out.get(m)!;
  };
  for (const token of Object.keys(schema.resources).sort()) entry(splitToken(token).module).resources.push(token);
  for (const token of Object.keys(schema.functions ?? {}).sort()) entry(splitToken(token).module).functions.push(token);
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * A module's `index.ts`: its resources and functions, and the module registered so the runtime can rebuild
 * resources from URNs (`get`, stack references, mocks). Exports are plain re-exports rather than gen-sdk's
 * lazy getters, which rely on tsc's CommonJS output and break when the sources run through esbuild or tsx.
 */
export function renderModuleIndex(schema: PackageSchema, module: string, contents: { resources: string[]; functions: string[] }): string {
  const l: string[] = [GENERATED_BANNER, '', `import * as pulumi from "@pulumi/pulumi";`, `import * as utilities from "../utilities";`, ''];
  for (const token of contents.functions) {
    const f = camel(splitToken(token).name);
    const T = splitToken(token).name.charAt(0).toUpperCase() + splitToken(token).name.slice(1);
    l.push(`export { ${f}, ${f}Output } from "./${f}";`);
    l.push(`export type { ${T}Args, ${T}Result, ${T}OutputArgs } from "./${f}";`);
  }
  for (const token of contents.resources) {
    const { name } = splitToken(token);
    const f = camel(name);
    l.push(`import { ${name} } from "./${f}";`);
    l.push(`export { ${name} };`);
    l.push(`export type { ${name}Args } from "./${f}";`);
  }
  l.push('');
  if (contents.resources.length) {
    l.push(`const _module = {`);
    l.push(`    version: utilities.getVersion(),`);
    l.push(`    construct: (name: string, type: string, urn: string): pulumi.Resource => {`);
    l.push(`        switch (type) {`);
    for (const token of contents.resources) {
      const { name } = splitToken(token);
      l.push(`            case "${token}":`);
      l.push(`                return new ${name}(name, <any>undefined, { urn })`);
    }
    l.push(`            default:`);
    l.push(`                throw new Error(\`unknown resource type \${type}\`);`);
    l.push(`        }`);
    l.push(`    },`);
    l.push(`};`);
    l.push(`pulumi.runtime.registerResourceModule("${schema.name}", "${module}", _module)`, '');
  }
  return l.join('\n');
}

/** The package's `index.ts`: the provider, the modules and the types, and the provider package registration. */
export function renderRootIndex(schema: PackageSchema, modules: string[]): string {
  const l: string[] = [GENERATED_BANNER, '', `import * as pulumi from "@pulumi/pulumi";`, `import * as utilities from "./utilities";`, ''];
  l.push(`import { Provider } from "./provider";`);
  l.push(`export { Provider };`);
  l.push(`export type { ProviderArgs } from "./provider";`, '');
  l.push(`// Export sub-modules:`);
  for (const m of modules) l.push(`import * as ${m} from "./${m}";`);
  l.push(`import * as types from "./types";`, '');
  l.push(`export {`);
  for (const m of modules) l.push(`    ${m},`);
  l.push(`    types,`);
  l.push(`};`);
  l.push(`pulumi.runtime.registerResourcePackage("${schema.name}", {`);
  l.push(`    version: utilities.getVersion(),`);
  l.push(`    constructProvider: (name: string, type: string, urn: string): pulumi.ProviderResource => {`);
  l.push(`        if (type !== "pulumi:providers:${schema.name}") {`);
  l.push(`            throw new Error(\`unknown provider type \${type}\`);`);
  l.push(`        }`);
  l.push(`        return new Provider(name, <any>undefined, { urn });`);
  l.push(`    },`);
  l.push(`});`, '');
  return l.join('\n');
}
