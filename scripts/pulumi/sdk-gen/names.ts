/** `modelEndpoint` from `ModelEndpoint`: gen-sdk names files and functions in camelCase. */
export function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** `ascend-910c` → `Ascend910c`, `tokens-per-second` → `TokensPerSecond`: how gen-sdk names enum members. */
export function enumMemberName(value: string): string {
  const name = value
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** A JSDoc block from a schema description, indented; descriptions may hold anything, including `*\/`. */
export function docComment(text: string | undefined, indent = ''): string {
  if (!text) return '';
  const lines = text.replace(/\*\//g, '*\\/').split('\n');
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

/** The banner every generated file starts with, so nobody edits one by hand. */
export const GENERATED_BANNER = '// Generated from schema/schema.json by scripts/build.ts. Do not edit.';
