import { FUNCTION_SPECS, error, showValue, type Diagnostic } from '../../../core/index.ts';

/**
 * Checks a function's arguments against the schema (known names, enums, patterns). The core validates resources
 * only; function arguments are flat strings, so the schema alone decides.
 */
export function checkFunctionArgs(token: string, args: Record<string, unknown>): Diagnostic[] {
  const inputs = FUNCTION_SPECS[token]?.inputs ?? {};
  const out: Diagnostic[] = [];
  for (const [key, value] of Object.entries(args)) {
    const spec = inputs[key];
    if (!spec) {
      out.push(error('UNKNOWN_FIELD', key, `${token} takes no argument ${key}`, { value }));
      continue;
    }
    if (value === undefined || value === null) continue;
    if (spec.type === 'string' && typeof value !== 'string') {
      out.push(error('INVALID_TYPE', key, `${key} must be a string, got ${showValue(value)}`, { value }));
    } else if (spec.enum && !spec.enum.some((e) => e.value === value)) {
      out.push(error('INVALID_VALUE', key, `${key} must be one of ${spec.enum.map((e) => e.value).join(', ')}, got ${showValue(value)}`, { value }));
    } else if (spec.pattern && typeof value === 'string' && !new RegExp(spec.pattern).test(value)) {
      out.push(error('INVALID_FORMAT', key, `${key} must match ${spec.pattern}, got ${showValue(value)}`, { value }));
    }
  }
  return out;
}
