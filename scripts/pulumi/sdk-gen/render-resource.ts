import { camel, docComment, GENERATED_BANNER } from './names.ts';
import type { PackageSchema, SchemaProperty, SchemaResource } from './schema-model.ts';
import { splitToken } from './schema-model.ts';
import { tsType } from './ts-types.ts';

/** Paths whose change replaces the resource: top-level marks and marks inside referenced object types. */
export function replaceOnChangesPaths(schema: PackageSchema, props: Record<string, SchemaProperty>, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, prop] of Object.entries(props)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (prop.replaceOnChanges) out.push(path);
    const ref = prop.$ref?.replace(/^#\/types\//, '');
    const type = ref ? schema.types[ref] : undefined;
    if (type?.properties && !prop.replaceOnChanges) out.push(...replaceOnChangesPaths(schema, type.properties, path));
  }
  return out;
}

/** A resource module file in the shape `pulumi package gen-sdk` writes: the class, then its args interface. */
export function renderResource(schema: PackageSchema, token: string, res: SchemaResource): string {
  const { name } = splitToken(token);
  const required = new Set(res.requiredInputs ?? []);
  const requiredOutputs = new Set(res.required ?? []);
  const outputs = Object.entries(res.properties).sort(([a], [b]) => a.localeCompare(b));
  const inputs = Object.entries(res.inputProperties).sort(([a], [b]) => a.localeCompare(b));
  const secretOutputs = outputs.filter(([, p]) => p.secret).map(([k]) => k);
  const replaceOnChanges = replaceOnChangesPaths(schema, res.inputProperties);
  const l: string[] = [];
  l.push(GENERATED_BANNER, '');
  l.push(`import * as pulumi from "@pulumi/pulumi";`);
  l.push(`import * as inputs from "../types/input";`);
  l.push(`import * as outputs from "../types/output";`);
  l.push(`import * as enums from "../types/enums";`);
  l.push(`import * as utilities from "../utilities";`, '');
  l.push(docComment(res.description).trimEnd());
  l.push(`export class ${name} extends pulumi.CustomResource {`);
  l.push(`    /**`);
  l.push(`     * Get an existing ${name} resource's state with the given name, ID, and optional extra`);
  l.push(`     * properties used to qualify the lookup.`);
  l.push(`     *`);
  l.push(`     * @param name The _unique_ name of the resulting resource.`);
  l.push(`     * @param id The _unique_ provider ID of the resource to lookup (its name in the cloud).`);
  l.push(`     * @param opts Optional settings to control the behavior of the CustomResource.`);
  l.push(`     */`);
  l.push(`    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): ${name} {`);
  l.push(`        return new ${name}(name, undefined as any, { ...opts, id: id });`);
  l.push(`    }`, '');
  l.push(`    /** @internal */`);
  l.push(`    public static readonly __pulumiType = '${token}';`, '');
  l.push(`    /**`);
  l.push(`     * Returns true if the given object is an instance of ${name}.  This is designed to work even`);
  l.push(`     * when multiple copies of the Pulumi SDK have been loaded into the same process.`);
  l.push(`     */`);
  l.push(`    public static override isInstance(obj: any): obj is ${name} {`);
  l.push(`        if (obj === undefined || obj === null) {`);
  l.push(`            return false;`);
  l.push(`        }`);
  l.push(`        return obj['__pulumiType'] === ${name}.__pulumiType;`);
  l.push(`    }`, '');
  for (const [key, prop] of outputs) {
    l.push(docComment(prop.description, '    ').trimEnd());
    const t = tsType(schema, prop, 'output');
    // `declare` emits no field, so the values the base constructor sets survive ES2022 class-field semantics.
    l.push(`    declare public readonly ${key}: pulumi.Output<${requiredOutputs.has(key) ? t : `${t} | undefined`}>;`);
  }
  l.push('');
  l.push(`    /**`);
  l.push(`     * Create a ${name} resource with the given unique name, arguments, and options.`);
  l.push(`     *`);
  l.push(`     * @param name The _unique_ name of the resource.`);
  l.push(`     * @param args The arguments to use to populate this resource's properties.`);
  l.push(`     * @param opts A bag of options that control this resource's behavior.`);
  l.push(`     */`);
  l.push(`    constructor(name: string, args: ${name}Args, opts?: pulumi.CustomResourceOptions) {`);
  l.push(`        let resourceInputs: pulumi.Inputs = {};`);
  l.push(`        opts = opts || {};`);
  l.push(`        if (!opts.id) {`);
  for (const [key] of inputs.filter(([k]) => required.has(k))) {
    l.push(`            if ((!args || args.${key} === undefined) && !opts.urn) {`);
    l.push(`                throw new Error("Missing required property '${key}'");`);
    l.push(`            }`);
  }
  for (const [key, prop] of inputs) {
    const value = prop.default !== undefined ? `(args ? args.${key} : undefined) ?? ${JSON.stringify(prop.default)}` : `args ? args.${key} : undefined`;
    l.push(`            resourceInputs["${key}"] = ${prop.secret ? `args?.${key} ? pulumi.secret(args.${key}) : undefined` : value};`);
  }
  for (const [key] of outputs.filter(([k]) => !(k in res.inputProperties))) l.push(`            resourceInputs["${key}"] = undefined /*out*/;`);
  l.push(`        } else {`);
  for (const [key] of outputs) l.push(`            resourceInputs["${key}"] = undefined /*out*/;`);
  l.push(`        }`);
  l.push(`        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);`);
  if (secretOutputs.length) {
    l.push(`        const secretOpts = { additionalSecretOutputs: [${secretOutputs.map((s) => JSON.stringify(s)).join(', ')}] };`);
    l.push(`        opts = pulumi.mergeOptions(opts, secretOpts);`);
  }
  if (replaceOnChanges.length) {
    l.push(`        const replaceOnChanges = { replaceOnChanges: [${replaceOnChanges.map((s) => JSON.stringify(s)).join(', ')}] };`);
    l.push(`        opts = pulumi.mergeOptions(opts, replaceOnChanges);`);
  }
  l.push(`        super(${name}.__pulumiType, name, resourceInputs, opts);`);
  l.push(`    }`);
  l.push(`}`, '');
  l.push(`/**`, ` * The set of arguments for constructing a ${name} resource.`, ` */`);
  l.push(`export interface ${name}Args {`);
  for (const [key, prop] of inputs) {
    l.push(docComment(prop.description, '    ').trimEnd());
    l.push(`    ${key}${required.has(key) ? '' : '?'}: ${tsType(schema, prop, 'input')};`);
  }
  l.push(`}`, '');
  return l.filter((x, i, a) => !(x === '' && a[i - 1] === '')).join('\n');
}

/** File name of a resource module, as gen-sdk names it (`modelEndpoint.ts`). */
export const resourceFile = (token: string): string => `${camel(splitToken(token).name)}.ts`;
