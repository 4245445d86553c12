import { docComment, enumMemberName, GENERATED_BANNER } from './names.ts';
import type { PackageSchema } from './schema-model.ts';
import { splitToken } from './schema-model.ts';
import { tsType } from './ts-types.ts';
import type { Side } from './ts-types.ts';

function byModule(schema: PackageSchema, pick: (t: PackageSchema['types'][string]) => boolean): Map<string, [string, PackageSchema['types'][string]][]> {
  const out = new Map<string, [string, PackageSchema['types'][string]][]>();
  for (const [token, type] of Object.entries(schema.types).sort(([a], [b]) => a.localeCompare(b))) {
    if (!pick(type)) continue;
    const { module } = splitToken(token);
    out.set(module, [...(out.get(module) ?? []), [token, type]]);
  }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** `types/input.ts` or `types/output.ts`: one namespace per module with the object types' interfaces. */
export function renderObjectTypes(schema: PackageSchema, side: Side): string {
  const l: string[] = [GENERATED_BANNER, '', `import * as pulumi from "@pulumi/pulumi";`];
  l.push(`import * as inputs from "../types/input";`, `import * as outputs from "../types/output";`, `import * as enums from "../types/enums";`, '');
  for (const [module, types] of byModule(schema, (t) => t.type === 'object')) {
    l.push(`export namespace ${module} {`);
    for (const [token, type] of types) {
      const name = splitToken(token).name + (side === 'input' ? 'Args' : '');
      const required = new Set(type.required ?? []);
      l.push(docComment(type.description, '    ').trimEnd());
      l.push(`    export interface ${name} {`);
      for (const [key, prop] of Object.entries(type.properties ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
        l.push(docComment(prop.description, '        ').trimEnd());
        l.push(`        ${key}${required.has(key) ? '' : '?'}: ${tsType(schema, prop, side)};`);
      }
      l.push(`    }`, '');
    }
    l.push(`}`, '');
  }
  return l.join('\n');
}

/** `types/enums.ts`: each enum as a const object plus a type of its values, the way gen-sdk writes them. */
export function renderEnums(schema: PackageSchema): string {
  const l: string[] = [GENERATED_BANNER, ''];
  for (const [module, types] of byModule(schema, (t) => !!t.enum)) {
    l.push(`export namespace ${module} {`);
    for (const [token, type] of types) {
      const { name } = splitToken(token);
      l.push(`    export const ${name} = {`);
      for (const e of type.enum ?? []) {
        l.push(docComment(e.description, '        ').trimEnd());
        l.push(`        ${e.name ?? enumMemberName(e.value)}: ${JSON.stringify(e.value)},`);
      }
      l.push(`    } as const;`, '');
      l.push(docComment(type.description, '    ').trimEnd());
      l.push(`    export type ${name} = (typeof ${name})[keyof typeof ${name}];`, '');
    }
    l.push(`}`, '');
  }
  return l.join('\n');
}

/** `types/index.ts`: the three type namespaces under one import. */
export function renderTypesIndex(): string {
  return [GENERATED_BANNER, '', `// Export sub-modules:`, `import * as enums from "./enums";`, `import * as input from "./input";`, `import * as output from "./output";`, '', `export {`, `    enums,`, `    input,`, `    output,`, `};`, ''].join('\n');
}
