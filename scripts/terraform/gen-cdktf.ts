// Generates the CDKTF bindings in sdk/cdktf/providers/ from the provider's schema, as `cdktf get`
// would from `terraform providers schema -json` (the same document; see dump-schema.ts).
// Usage: tsx scripts/terraform/gen-cdktf.ts [--outdir DIR]
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeMaker } from 'codemaker';
import { PACKAGE } from '../../core/index.ts';
import { PROVIDER_ADDRESS, providerSchemas, toSchemaJson } from '../../provider/src/terraform/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const GENERATED_HEADER = '// Generated from schema/schema.json by scripts/terraform/gen-cdktf.ts. Do not edit.';

interface Generator {
  generateAll(): void;
  save(outdir: string): Promise<void>;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

/** Writes the bindings to `<outdir>/providers/aicloud` (replacing what was there); returns the files written. */
export async function generateCdktf(outdir = join(ROOT, 'sdk/cdktf')): Promise<string[]> {
  process.env.CHECKPOINT_DISABLE = '1';
  // The generator's helpers run `terraform version`; keep a missing ~/.terraformrc from adding noise.
  process.env.TF_CLI_CONFIG_FILE = '/dev/null';
  // The package's main entry needs jsii-pacmak, which is not installed; the generator itself does not.
  const require = createRequire(import.meta.url);
  const { TerraformProviderGenerator } = require('@cdktf/provider-generator/lib/get/generator/provider-generator') as {
    TerraformProviderGenerator: new (code: CodeMaker, schema: unknown) => Generator;
  };
  const schema = { ...toSchemaJson(providerSchemas()), provider_versions: { [PROVIDER_ADDRESS]: PACKAGE.version } };
  const code = new CodeMaker();
  code.indentation = 2;
  const generator = new TerraformProviderGenerator(code, schema);
  generator.generateAll();
  rmSync(join(outdir, 'providers'), { recursive: true, force: true });
  await generator.save(outdir);
  // The lazy index is CommonJS-only; the project is ES modules, whose imports name their files.
  rmSync(join(outdir, 'providers/aicloud/lazy-index.ts'), { force: true });
  const files = walk(join(outdir, 'providers')).sort();
  for (const file of files) {
    let text = readFileSync(file, 'utf8');
    text = text.replace(/from '\.\/([a-z0-9-]+)';/g, "from './$1/index.ts';");
    // The project compiles with noImplicitOverride; the generator predates it.
    text = text
      .replace(/protected (synthesize(?:Hcl)?Attributes)\(/g, 'protected override $1(')
      .replace(/public (get|set) alias\(/g, 'public override $1 alias(')
      .replace(
        /constructor\(protected terraformResource: cdktf\.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean\)/g,
        'constructor(protected override terraformResource: cdktf.IInterpolatingParent, protected override terraformAttribute: string, protected override wrapsSet: boolean)',
      );
    if (file.endsWith('.ts')) writeFileSync(file, `${GENERATED_HEADER}\n${text}`);
    else if (file.endsWith('.md')) writeFileSync(file, `<!-- ${GENERATED_HEADER.slice(3)} -->\n${text}`);
  }
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--outdir');
  const files = await generateCdktf(i >= 0 ? resolve(process.argv[i + 1]!) : undefined);
  process.stderr.write(`wrote ${files.length} files\n`);
}
