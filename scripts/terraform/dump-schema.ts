// Prints the provider's schema as `terraform providers schema -json` would, without needing terraform.
// Usage: tsx scripts/terraform/dump-schema.ts [--out FILE]
import { writeFileSync } from 'node:fs';
import { providerSchemas, toSchemaJson } from '../../provider/src/terraform/index.ts';

const text = `${JSON.stringify(toSchemaJson(providerSchemas()), null, 2)}\n`;
const i = process.argv.indexOf('--out');
if (i >= 0 && process.argv[i + 1]) writeFileSync(process.argv[i + 1]!, text);
else process.stdout.write(text);
