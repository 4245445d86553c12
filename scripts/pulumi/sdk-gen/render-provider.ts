import { docComment, GENERATED_BANNER } from './names.ts';
import type { PackageSchema } from './schema-model.ts';
import { resolveLocalRef } from './schema-model.ts';
import { tsType } from './ts-types.ts';

/**
 * `provider.ts`: the explicit provider resource. Settings fall back to their `AICLOUD_*` variables (and the
 * schema default) as gen-sdk does; the token is wrapped secret before it leaves the program.
 */
export function renderProvider(schema: PackageSchema): string {
  const inputs = Object.entries(schema.provider?.inputProperties ?? {}).map(([k, p]) => [k, resolveLocalRef(schema, p)] as const).sort(([a], [b]) => a.localeCompare(b));
  const outputs = Object.entries(schema.provider?.properties ?? {}).map(([k, p]) => [k, resolveLocalRef(schema, p)] as const).sort(([a], [b]) => a.localeCompare(b));
  const secrets = inputs.filter(([, p]) => p.secret).map(([k]) => k);
  const l: string[] = [GENERATED_BANNER, '', `import * as pulumi from "@pulumi/pulumi";`, `import * as utilities from "./utilities";`, ''];
  l.push(docComment(schema.provider?.description).trimEnd());
  l.push(`export class Provider extends pulumi.ProviderResource {`);
  l.push(`    /** @internal */`);
  l.push(`    public static readonly __pulumiType = '${schema.name}';`, '');
  l.push(`    /**`);
  l.push(`     * Returns true if the given object is an instance of Provider.  This is designed to work even`);
  l.push(`     * when multiple copies of the Pulumi SDK have been loaded into the same process.`);
  l.push(`     */`);
  l.push(`    public static override isInstance(obj: any): obj is Provider {`);
  l.push(`        if (obj === undefined || obj === null) {`);
  l.push(`            return false;`);
  l.push(`        }`);
  l.push(`        return obj['__pulumiType'] === "pulumi:providers:" + Provider.__pulumiType;`);
  l.push(`    }`, '');
  for (const [k, p] of outputs) {
    l.push(docComment(p.description, '    ').trimEnd());
    l.push(`    declare public readonly ${k}: pulumi.Output<${tsType(schema, p, "output")} | undefined>;`);
  }
  l.push('');
  l.push(`    /**`);
  l.push(`     * Create a Provider resource with the given unique name, arguments, and options.`);
  l.push(`     *`);
  l.push(`     * @param name The _unique_ name of the resource.`);
  l.push(`     * @param args The arguments to use to populate this resource's properties.`);
  l.push(`     * @param opts A bag of options that control this resource's behavior.`);
  l.push(`     */`);
  l.push(`    constructor(name: string, args?: ProviderArgs, opts?: pulumi.ResourceOptions) {`);
  l.push(`        let resourceInputs: pulumi.Inputs = {};`);
  l.push(`        opts = opts || {};`);
  l.push(`        {`);
  for (const [k, p] of inputs) {
    const env = p.defaultInfo?.environment ?? [];
    let fallback = env.length ? `utilities.getEnv(${env.map((e) => JSON.stringify(e)).join(', ')})` : '';
    if (p.default !== undefined) fallback = fallback ? `(${fallback} || ${JSON.stringify(p.default)})` : JSON.stringify(p.default);
    const value = fallback ? `(args ? args.${k} : undefined) ?? ${fallback}` : `args ? args.${k} : undefined`;
    l.push(p.secret ? `            const ${k} = ${value};\n            resourceInputs["${k}"] = ${k} ? pulumi.secret(${k}) : undefined;` : `            resourceInputs["${k}"] = ${value};`);
  }
  l.push(`        }`);
  l.push(`        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);`);
  if (secrets.length) {
    l.push(`        const secretOpts = { additionalSecretOutputs: [${secrets.map((s) => JSON.stringify(s)).join(', ')}] };`);
    l.push(`        opts = pulumi.mergeOptions(opts, secretOpts);`);
  }
  l.push(`        super(Provider.__pulumiType, name, resourceInputs, opts);`);
  l.push(`    }`);
  l.push(`}`, '');
  l.push(`/**`, ` * The set of arguments for constructing a Provider resource.`, ` */`);
  l.push(`export interface ProviderArgs {`);
  for (const [k, p] of inputs) {
    l.push(docComment(p.description, '    ').trimEnd());
    l.push(`    ${k}?: ${tsType(schema, p, 'input')};`);
  }
  l.push(`}`, '');
  return l.join('\n');
}
