import { GENERATED_BANNER } from './names.ts';
import type { PackageSchema } from './schema-model.ts';

/**
 * `package.json` with the `pulumi` block the engine reads to find the provider plugin. The @pulumi/pulumi
 * range stops below 3.249 because later releases declare Node >= 22 and the project supports Node 20.
 */
export function renderPackageJson(schema: PackageSchema): string {
  const pkg = {
    '//': GENERATED_BANNER.replace(/^\/\/ /, ''),
    name: schema.language?.nodejs?.packageName ?? `@pulumi/${schema.name}`,
    version: schema.version,
    description: schema.language?.nodejs?.packageDescription ?? schema.description,
    keywords: schema.keywords,
    license: schema.license,
    main: 'bin/index.js',
    types: 'bin/index.d.ts',
    files: ['bin/'],
    scripts: { build: "tsc && node -e \"require('fs').copyFileSync('package.json', 'bin/package.json')\"" },
    dependencies: { '@pulumi/pulumi': '>=3.142.0 <3.249.0' },
    devDependencies: { '@types/node': '^20', typescript: '^5.0.0' },
    engines: { node: '>=20' },
    pulumi: { resource: true, name: schema.name, version: schema.version },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** `tsconfig.json` of the SDK: CommonJS like every gen-sdk package, strict, declarations into bin/. */
export function renderTsconfig(files: string[]): string {
  const cfg = {
    '//': GENERATED_BANNER.replace(/^\/\/ /, ''),
    compilerOptions: {
      outDir: 'bin',
      target: 'es2020',
      module: 'commonjs',
      moduleResolution: 'node',
      declaration: true,
      sourceMap: true,
      stripInternal: true,
      experimentalDecorators: true,
      noFallthroughCasesInSwitch: true,
      forceConsistentCasingInFileNames: true,
      strict: true,
      skipLibCheck: true,
      types: ['node'],
    },
    files: [...files].sort(),
  };
  return `${JSON.stringify(cfg, null, 2)}\n`;
}

/** The SDK's README: what it is, which plugin it drives, and the Node.js / @pulumi/pulumi versions. */
export function renderReadme(schema: PackageSchema): string {
  const name = schema.language?.nodejs?.packageName ?? schema.name;
  return `<!-- ${GENERATED_BANNER.replace(/^\/\/ /, '')} -->

# ${name}

${schema.description ?? ''}

The Node.js SDK of the \`${schema.name}\` Pulumi package, version ${schema.version}. Its resources are served by the
\`pulumi-resource-${schema.name}\` provider plugin (see \`examples/pulumi-ts/README.md\` for how to put it on PATH or
reference it from \`plugins.providers\` in \`Pulumi.yaml\`).

- Node.js 20 or later. \`@pulumi/pulumi\` up to 3.248: later releases declare Node.js >= 22.
- Build: \`npm install && npm run build\` (writes \`bin/\`).

Resources: ${Object.keys(schema.resources).map((t) => `\`${t}\``).join(', ')}.
Functions: ${Object.keys(schema.functions ?? {}).map((t) => `\`${t}\``).join(', ')}.
`;
}
