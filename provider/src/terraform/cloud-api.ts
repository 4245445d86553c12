// What the Terraform adapter needs from the control-plane client, as a structural type so tests can
// hand in a fake and the real CloudClient is loaded only when a command first talks to the cloud.
import type { CloudClient } from '../client/index.ts';

export type { PlacementRequest, PlacementResult } from '../client/index.ts';

export type CloudApi = Pick<CloudClient, 'create' | 'get' | 'update' | 'delete' | 'previewPlacements' | 'capacity' | 'regions'>;

/** Provider block values after the AICLOUD_* fallbacks; `token` never leaves this object. */
export interface ProviderConfig {
  endpoint?: string;
  token?: string;
  project?: string;
  region?: string;
  lease?: string;
}

export type CloudApiFactory = (config: ProviderConfig) => Promise<CloudApi>;
