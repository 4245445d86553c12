import { CONFIG_SPECS } from './generated/registry.ts';
import { isUnknown } from './unknown.ts';

/** The provider's settings, the same five for every front end (schema/schema.json's `config`). */
export interface ProviderSettings {
  endpoint?: string;
  token?: string;
  project?: string;
  region?: string;
  /** A capacity lease that cluster creates draw their placement from (docs/leases.md). */
  lease?: string;
}

export type ConfigKey = keyof ProviderSettings;

/** The settings' keys, in the schema's order. */
export const CONFIG_KEYS = Object.keys(CONFIG_SPECS) as ConfigKey[];

/** The project used when none is configured: the schema's default. */
export const DEFAULT_PROJECT = String(CONFIG_SPECS.project?.default ?? 'default');

/**
 * Merges settings by precedence: each source in the order given (a front end's explicit arguments
 * first, then its other places), then each key's environment variables (`AICLOUD_ENDPOINT`,
 * `AICLOUD_TOKEN`, `AICLOUD_PROJECT`, `AICLOUD_REGION`, `AICLOUD_LEASE`). Empty strings count as unset, because
 * Terraform and Pulumi pass unset configuration that way; so an empty `endpoint` means the embedded
 * cloud. Values that are not strings are kept for the check to refuse.
 */
export function mergeProviderSettings(sources: readonly Readonly<Record<string, unknown>>[], env: NodeJS.ProcessEnv = process.env): ProviderSettings {
  const out: ProviderSettings = {};
  for (const key of CONFIG_KEYS) {
    const candidates: unknown[] = [...sources.map((s) => s[key]), ...(CONFIG_SPECS[key]!.env ?? []).map((name) => env[name])];
    const value = candidates.find((c) => c !== undefined && c !== null && c !== '');
    if (value !== undefined) out[key] = value as string;
  }
  return out;
}

/** A setting that does not match its schema: which one, how, and a sentence that never shows a secret. */
export interface ConfigProblem {
  key: ConfigKey;
  rule: 'type' | 'pattern' | 'minLength';
  /** The schema's pattern or minimum length that was not met. */
  expected?: string | number;
  reason: string;
}

/**
 * Checks each setting against its schema (type, pattern, minimum length). Unknown values pass: settings
 * that come from another resource's outputs are checked again once known.
 */
export function checkProviderSettings(settings: Readonly<Record<string, unknown>>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const key of CONFIG_KEYS) {
    const value = settings[key];
    if (value === undefined || value === null || isUnknown(value)) continue;
    const spec = CONFIG_SPECS[key]!;
    // Never echo the token back, not even a malformed one.
    const shown = spec.secret ? '' : ` (got ${JSON.stringify(value)})`;
    if (typeof value !== 'string') {
      problems.push({ key, rule: 'type', reason: `${key} must be a string${shown}` });
      continue;
    }
    if (spec.pattern && !new RegExp(spec.pattern).test(value)) {
      problems.push({ key, rule: 'pattern', expected: spec.pattern, reason: `${key} ${describePattern(key, spec.pattern)}${shown}` });
    }
    if (spec.minLength !== undefined && value.length < spec.minLength) {
      problems.push({ key, rule: 'minLength', expected: spec.minLength, reason: `${key} must be at least ${spec.minLength} characters long${shown}` });
    }
  }
  return problems;
}

function describePattern(key: ConfigKey, pattern: string): string {
  switch (key) {
    case 'endpoint':
      return 'must be an http:// or https:// URL such as http://127.0.0.1:8080';
    case 'project':
      return 'must start with a lowercase letter and hold only lowercase letters, digits and dashes (at most 63)';
    case 'region':
      return 'must look like cn-southwest-2';
    case 'lease':
      return 'must be a lease id such as lse-0123abcd (from aicloud plan --lease)';
    default:
      return `must match ${pattern}`;
  }
}

/** Keys of the settings the schema marks secret (the token). */
export const SECRET_SETTINGS: readonly ConfigKey[] = CONFIG_KEYS.filter((k) => CONFIG_SPECS[k]!.secret);
