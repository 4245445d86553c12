// The real cloud behind the provider: the shared client, imported on first use so processes that
// only answer GetProviderSchema or validation never load it (or open the embedded database).
import type { CloudApi, ProviderConfig } from './cloud-api.ts';

export async function openCloud(config: ProviderConfig): Promise<CloudApi> {
  const { CloudClient } = await import('../client/index.ts');
  return CloudClient.connect(config);
}
