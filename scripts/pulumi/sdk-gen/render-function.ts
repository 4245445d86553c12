import { camel, docComment, GENERATED_BANNER } from './names.ts';
import type { PackageSchema, SchemaFunction } from './schema-model.ts';
import { splitToken } from './schema-model.ts';
import { tsType } from './ts-types.ts';

/** A function module: the promise form, the Output form, and their argument and result interfaces. */
export function renderFunction(schema: PackageSchema, token: string, fn: SchemaFunction): string {
  const fname = camel(splitToken(token).name);
  const Type = splitToken(token).name.charAt(0).toUpperCase() + splitToken(token).name.slice(1);
  const args = Object.entries(fn.inputs?.properties ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const requiredArgs = new Set(fn.inputs?.required ?? []);
  const anyRequired = requiredArgs.size > 0;
  const results = Object.entries(fn.outputs.properties).sort(([a], [b]) => a.localeCompare(b));
  const requiredResults = new Set(fn.outputs.required ?? []);
  const argsObject = args.length ? `{\n${args.map(([k]) => `        "${k}": args.${k},`).join('\n')}\n    }` : '{\n    }';
  const l: string[] = [GENERATED_BANNER, ''];
  l.push(`import * as pulumi from "@pulumi/pulumi";`);
  l.push(`import * as inputs from "../types/input";`);
  l.push(`import * as outputs from "../types/output";`);
  l.push(`import * as enums from "../types/enums";`);
  l.push(`import * as utilities from "../utilities";`, '');
  l.push(docComment(fn.description).trimEnd());
  l.push(`export function ${fname}(args${anyRequired ? '' : '?'}: ${Type}Args, opts?: pulumi.InvokeOptions): Promise<${Type}Result> {`);
  if (!anyRequired) l.push(`    args = args || {};`);
  l.push(`    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});`);
  l.push(`    return pulumi.runtime.invoke("${token}", ${argsObject}, opts);`);
  l.push(`}`, '');
  l.push(`export interface ${Type}Args {`);
  for (const [k, p] of args) {
    l.push(docComment(p.description, '    ').trimEnd());
    l.push(`    ${k}${requiredArgs.has(k) ? '' : '?'}: ${tsType(schema, p, 'output')};`);
  }
  l.push(`}`, '');
  l.push(docComment(`A collection of values returned by ${fname}.`).trimEnd());
  l.push(`export interface ${Type}Result {`);
  for (const [k, p] of results) {
    l.push(docComment(p.description, '    ').trimEnd());
    l.push(`    readonly ${k}${requiredResults.has(k) ? '' : '?'}: ${tsType(schema, p, 'output')};`);
  }
  l.push(`}`);
  l.push(docComment(fn.description).trimEnd());
  l.push(`export function ${fname}Output(args${anyRequired ? '' : '?'}: ${Type}OutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<${Type}Result> {`);
  if (!anyRequired) l.push(`    args = args || {};`);
  l.push(`    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});`);
  l.push(`    return pulumi.runtime.invokeOutput("${token}", ${argsObject}, opts);`);
  l.push(`}`, '');
  l.push(`export interface ${Type}OutputArgs {`);
  for (const [k, p] of args) {
    l.push(docComment(p.description, '    ').trimEnd());
    l.push(`    ${k}${requiredArgs.has(k) ? '' : '?'}: ${tsType(schema, p, 'input')};`);
  }
  l.push(`}`, '');
  return l.filter((x) => x !== undefined).join('\n').replace(/\n{3,}/g, '\n\n');
}

export const functionFile = (token: string): string => `${camel(splitToken(token).name)}.ts`;
