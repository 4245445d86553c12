import { CloudClient } from '../client/index.ts';
import type { CloudApi } from './cloud-api.ts';
import type { ProviderSettings } from './provider-config.ts';

/** The project's client for the settled settings: HTTP with an endpoint, the embedded cloud without one. */
export async function defaultClient(settings: ProviderSettings, env: NodeJS.ProcessEnv = process.env): Promise<CloudApi> {
  return CloudClient.connect({ ...settings, dataDir: env.AICLOUD_DATA_DIR || undefined });
}
