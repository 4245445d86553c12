import { join, resolve } from 'node:path';
import { AicloudError } from '../core/index.ts';

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

const PROJECT = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * Fills a partial configuration from AICLOUD_ENDPOINT, AICLOUD_TOKEN, AICLOUD_PROJECT,
 * AICLOUD_REGION and AICLOUD_DATA_DIR; explicit values win. Empty strings count as unset, because
 * Terraform and Pulumi pass unset config that way.
 */
export function resolveConfig(
  partial: Partial<ClientConfig> = {},
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): ClientConfig {
  const pick = (v: string | undefined, e: string | undefined) => (v !== undefined && v !== '' ? v : e !== undefined && e !== '' ? e : undefined);
  const endpoint = pick(partial.endpoint, env.AICLOUD_ENDPOINT)?.replace(/\/+$/, '');
  const config: ClientConfig = {
    endpoint,
    token: pick(partial.token, env.AICLOUD_TOKEN),
    project: pick(partial.project, env.AICLOUD_PROJECT) ?? 'default',
    region: pick(partial.region, env.AICLOUD_REGION),
    dataDir: resolve(cwd, pick(partial.dataDir, env.AICLOUD_DATA_DIR) ?? join('.aicloud')),
  };
  const lease = pick(partial.lease, env.AICLOUD_LEASE);
  if (lease !== undefined) config.lease = lease;
  if (endpoint !== undefined && !/^https?:\/\/[^\s/$.?#][^\s]*$/.test(endpoint)) {
    throw new AicloudError('INVALID_CONFIG', `endpoint ${endpoint} is not an http(s) URL`, { field: 'endpoint', value: endpoint });
  }
  if (!PROJECT.test(config.project)) {
    throw new AicloudError('INVALID_CONFIG', `project ${config.project} must match ^[a-z][a-z0-9-]{0,62}$`, { field: 'project', value: config.project });
  }
  if (endpoint !== undefined && config.token === undefined) {
    throw new AicloudError('INVALID_CONFIG', `a token is needed for ${endpoint}`, {
      field: 'token',
      hint: 'Set AICLOUD_TOKEN (or the provider\'s token), or leave the endpoint empty to use the embedded cloud.',
    });
  }
  return config;
}
