import { pluginPb } from '../proto.ts';
import type { ProviderRpcs } from '../rpcs.ts';
import type { ProviderState } from '../provider-state.ts';

/** The engine warns about a provider without a version and uses it to match the SDK's requested version. */
export function getPluginInfoRpc(state: ProviderState): NonNullable<ProviderRpcs['getPluginInfo']> {
  return async () => {
    const info = new pluginPb.PluginInfo();
    info.setVersion(state.version);
    return info;
  };
}
