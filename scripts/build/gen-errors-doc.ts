// Generates docs/errors.md from the error catalogue, so the documented codes can never drift from the code.
// The catalogue file itself, not core/index.ts: the build must run before core/generated exists.
import { ERROR_CATALOGUE } from '../../core/errors.ts';

export function generateErrorsDoc(): string {
  const rows = Object.entries(ERROR_CATALOGUE).map(([code, e]) => `| \`${code}\` | ${e.status} | ${e.hint} |`);
  return [
    '<!-- Generated from core/errors.ts by scripts/build.ts. Do not edit. -->',
    '# Error codes',
    '',
    'Every error aicloud reports carries one of these stable codes, the field at fault where there is one, and a hint.',
    'The control plane answers `{"code", "message", "field", "hint"}` with the HTTP status below; the CLI, the Pulumi',
    'provider and the Terraform provider show the same code.',
    '',
    '| code | HTTP status | default hint |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
