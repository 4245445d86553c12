import { CONFIG_SPECS, isUnknown } from '../core/index.ts';

/** The provider's own settings, as users give them in `Pulumi.yaml`/stack config, provider args or `AICLOUD_*`. */
export interface ProviderSettings {
  endpoint?: string;
  token?: string;
  project?: string;
  region?: string;
  lease?: string;
}

/** A setting that does not match its schema, named the way users wrote it. */
export interface ConfigFailure {
  property: string;
  reason: string;
}

const KEYS = Object.keys(CONFIG_SPECS) as (keyof ProviderSettings)[];

/**
 * Merges settings by precedence: explicit provider args, then stack config variables (`aicloud:config:<key>`,
 * or the older `aicloud:<key>`), then each key's environment variables. Empty strings count as unset, so an
 * empty `endpoint` means the embedded cloud.
 */
export function mergeSettings(
  args: Record<string, unknown>,
  variables: ReadonlyMap<string, string> | Record<string, string> = {},
  env: NodeJS.ProcessEnv = process.env,
): ProviderSettings {
  const vars = variables instanceof Map ? variables : new Map(Object.entries(variables));
  const out: ProviderSettings = {};
  for (const key of KEYS) {
    const fromArgs = args[key];
    const candidates: unknown[] = [
      fromArgs,
      vars.get(`aicloud:config:${key}`),
      vars.get(`aicloud:${key}`),
      ...(CONFIG_SPECS[key].env ?? []).map((name) => env[name]),
    ];
    const value = candidates.find((c) => c !== undefined && c !== null && c !== '');
    if (value !== undefined) out[key] = typeof value === 'string' ? value : (value as string);
  }
  return out;
}

/**
 * Checks each setting against its schema (type, pattern, minimum length). Unknown values pass: a provider whose
 * settings come from another resource's outputs is checked again once they are known.
 */
export function checkSettings(settings: Record<string, unknown>): ConfigFailure[] {
  const failures: ConfigFailure[] = [];
  for (const key of KEYS) {
    const value = settings[key];
    if (value === undefined || value === null || isUnknown(value)) continue;
    const spec = CONFIG_SPECS[key];
    // Never echo the token back, not even a malformed one.
    const shown = spec.secret ? '' : ` (got ${JSON.stringify(value)})`;
    if (typeof value !== 'string') {
      failures.push({ property: key, reason: `${key} must be a string${shown}` });
      continue;
    }
    if (spec.pattern && !new RegExp(spec.pattern).test(value)) {
      failures.push({ property: key, reason: `${key} ${describePattern(key)}${shown}` });
    }
    if (spec.minLength !== undefined && value.length < spec.minLength) {
      failures.push({ property: key, reason: `${key} must be at least ${spec.minLength} characters long${shown}` });
    }
  }
  return failures;
}

function describePattern(key: string): string {
  switch (key) {
    case 'endpoint': return 'must be an http:// or https:// URL such as http://127.0.0.1:8080';
    case 'project': return 'must start with a lowercase letter and hold only lowercase letters, digits and dashes (at most 63)';
    case 'region': return 'must look like cn-southwest-2';
    default: return `must match ${CONFIG_SPECS[key]?.pattern}`;
  }
}

/** Keys of the provider's settings the schema marks secret (the token), to re-wrap in CheckConfig's answer. */
export const SECRET_SETTINGS: readonly string[] = KEYS.filter((k) => CONFIG_SPECS[k].secret);
