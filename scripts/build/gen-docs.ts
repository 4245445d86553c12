// Generates docs/reference.md, the resource reference every front end links to.
import type { ResolvedProperty, ResolvedSchema } from './load-schema.ts';
import { kindMeta } from './gen-registry.ts';

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

function typeText(p: ResolvedProperty): string {
  switch (p.type) {
    case 'map':
      return `map of ${typeText(p.additionalProperties!)}`;
    case 'array':
      return `list of ${typeText(p.items!)}`;
    case 'object':
      return p.typeName ? `object \`${p.typeName.split(':')[2]}\`` : 'object';
    default:
      return p.enum ? p.enum.map((e) => `\`${e.value}\``).join(' \\| ') : p.type;
  }
}

function constraints(p: ResolvedProperty): string {
  const c: string[] = [];
  if (p.minimum !== undefined) c.push(`>= ${p.minimum}`);
  if (p.maximum !== undefined) c.push(`<= ${p.maximum}`);
  if (p.pattern) c.push(`pattern \`${p.pattern.replace(/\|/g, '\\|')}\``);
  if (p.default !== undefined) c.push(`default \`${JSON.stringify(p.default)}\``);
  if (p.replaceOnChanges) c.push('**forces replacement**');
  if (p.secret) c.push('**secret**');
  if (p.references) c.push(`names a \`${p.references.split(':')[2]}\``);
  return c.join(', ');
}

function table(props: Record<string, ResolvedProperty>, required: string[], prefix = ''): string[] {
  const rows: string[] = [];
  for (const [k, p] of Object.entries(props)) {
    const req = required.includes(k) ? 'yes' : '';
    rows.push(`| \`${prefix}${k}\` | ${typeText(p)} | ${req} | ${p.description.replace(/\|/g, '\\|')} | ${constraints(p)} |`);
    if (p.type === 'object' && p.properties) rows.push(...table(p.properties, p.required ?? [], `${prefix}${k}.`));
  }
  return rows;
}

export function generateDocs(schema: ResolvedSchema): string {
  const out: string[] = [
    '<!-- Generated from schema/schema.json by scripts/build.ts. Do not edit. -->',
    '# Resource reference',
    '',
    schema.raw.description,
    '',
    'Names per front end: Pulumi token, Terraform type (attributes in snake_case), GitOps `kind` (inputs under `spec`, the name under `metadata.name`).',
    '',
    '## Provider configuration',
    '',
    '| name | type | description | constraints | environment |',
    '| --- | --- | --- | --- | --- |',
    ...Object.entries(schema.config).map(
      ([k, p]) => `| \`${k}\` | ${typeText(p)} | ${p.description} | ${constraints(p)} | ${(p.env ?? []).map((e) => `\`${e}\``).join(', ')} |`,
    ),
    '',
  ];
  for (const r of schema.resources) {
    const m = kindMeta(r.token, schema.raw);
    out.push(`## ${m.kind}`, '', r.description, '');
    out.push(`Pulumi \`${m.token}\` · Terraform \`${m.tfType}\` · GitOps \`kind: ${m.kind}\` · REST \`/v1/projects/{project}/${m.collection}\``, '');
    out.push('### Inputs', '', '| name | type | required | description | constraints |', '| --- | --- | --- | --- | --- |');
    out.push(...table(r.inputs, r.requiredInputs), '');
    const outputsOnly = Object.fromEntries(Object.entries(r.outputs).filter(([k]) => !(k in r.inputs)));
    out.push('### Outputs', '', '| name | type | always set | description | constraints |', '| --- | --- | --- | --- | --- |');
    out.push(...table(outputsOnly, r.requiredOutputs), '');
    out.push(
      `Terraform attribute names: ${Object.keys(r.inputs)
        .map((k) => `\`${snake(k)}\``)
        .join(', ')}.`,
      '',
    );
  }
  out.push('## Functions', '');
  for (const f of schema.functions) {
    out.push(`### ${f.token}`, '', f.description, '');
    if (Object.keys(f.inputs).length) {
      out.push('| input | type | description | constraints |', '| --- | --- | --- | --- |');
      out.push(...Object.entries(f.inputs).map(([k, p]) => `| \`${k}\` | ${typeText(p)} | ${p.description} | ${constraints(p)} |`), '');
    }
    out.push('| output | type | description |', '| --- | --- | --- |');
    out.push(...Object.entries(f.outputs).map(([k, p]) => `| \`${k}\` | ${typeText(p)} | ${p.description} |`), '');
  }
  return out.join('\n');
}
