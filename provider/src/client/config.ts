import { join, resolve } from 'node:path';
import { AicloudError, checkProviderSettings, DEFAULT_PROJECT, mergeProviderSettings } from '../../../core/index.ts';

/** Where and as whom the client talks to the cloud. No endpoint means the embedded cloud. */
export interface ClientConfig {
  endpoint?: string;
  token?: string;
  project: string;
  region?: string;
  /** Folder of the embedded cloud's database (`cloud.db`); used only without an endpoint. */
  dataDir: string;
  /** A capacity lease that cluster creates draw their placement from (docs/leases.md). */
  lease?: string;
}

/**
 * Fills a partial configuration the core's way (explicit values, then AICLOUD_ENDPOINT, AICLOUD_TOKEN,
 * AICLOUD_PROJECT, AICLOUD_REGION, AICLOUD_LEASE; empty strings unset; the schema's patterns and default project),
 * plus AICLOUD_DATA_DIR, which only the client has.
 */
export function resolveConfig(partial: Partial<ClientConfig> = {}, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): ClientConfig {
  const settings = mergeProviderSettings(
    [{ endpoint: partial.endpoint, token: partial.token, project: partial.project, region: partial.region, lease: partial.lease }],
    env,
  );
  const endpoint = settings.endpoint?.replace(/\/+$/, '');
  const dataDir = partial.dataDir !== undefined && partial.dataDir !== '' ? partial.dataDir : env.AICLOUD_DATA_DIR || undefined;
  const config: ClientConfig = {
    endpoint,
    token: settings.token,
    project: settings.project ?? DEFAULT_PROJECT,
    region: settings.region,
    dataDir: resolve(cwd, dataDir ?? join('.aicloud')),
  };
  if (settings.lease !== undefined) config.lease = settings.lease;
  const [problem] = checkProviderSettings({ ...config });
  if (problem) {
    throw new AicloudError('INVALID_CONFIG', problem.reason, { field: problem.key, ...(problem.key === 'token' ? {} : { value: config[problem.key] }) });
  }
  if (endpoint !== undefined && config.token === undefined) {
    throw new AicloudError('INVALID_CONFIG', `a token is needed for ${endpoint}`, {
      field: 'token',
      hint: "Set AICLOUD_TOKEN (or the provider's token), or leave the endpoint empty to use the embedded cloud.",
    });
  }
  return config;
}
