import { checkProviderSettings, mergeProviderSettings, SECRET_SETTINGS as CORE_SECRET_SETTINGS, type ProviderSettings } from '../../../core/index.ts';

export type { ProviderSettings };

/** A setting that does not match its schema, named the way users wrote it. */
export interface ConfigFailure {
  property: string;
  reason: string;
}

/**
 * Merges settings by the core's precedence: explicit provider args, then stack config variables
 * (`aicloud:config:<key>`, or the older `aicloud:<key>`), then each key's environment variables.
 */
export function mergeSettings(
  args: Record<string, unknown>,
  variables: ReadonlyMap<string, string> | Record<string, string> = {},
  env: NodeJS.ProcessEnv = process.env,
): ProviderSettings {
  const vars = variables instanceof Map ? variables : new Map(Object.entries(variables));
  const prefixed = (prefix: string) => Object.fromEntries([...vars].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
  return mergeProviderSettings([args, prefixed('aicloud:config:'), prefixed('aicloud:')], env);
}

/** The core's check of each setting, as Pulumi's check failures. */
export function checkSettings(settings: Record<string, unknown>): ConfigFailure[] {
  return checkProviderSettings(settings).map((p) => ({ property: p.key, reason: p.reason }));
}

/** Keys of the provider's settings the schema marks secret (the token), to re-wrap in CheckConfig's answer. */
export const SECRET_SETTINGS: readonly string[] = CORE_SECRET_SETTINGS;
