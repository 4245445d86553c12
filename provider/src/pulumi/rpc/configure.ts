import { isAicloudError } from '../../../../core/index.ts';
import { resolveConfig } from '../../client/index.ts';
import { providerPb } from '../proto.ts';
import { fromWire } from '../from-wire.ts';
import { checkSettings, mergeSettings } from '../provider-config.ts';
import { inputPropertiesError } from '../rpc-error.ts';
import type { ProviderRpcs } from '../rpcs.ts';
import type { ProviderState } from '../provider-state.ts';

/**
 * Settles the settings (args, then `aicloud:config:*` variables, then `AICLOUD_*`) and says what the provider
 * supports: secrets, and previews, so Create/Update get `preview=true` and can answer with unknowns.
 */
export function configureRpc(state: ProviderState, env: NodeJS.ProcessEnv = process.env): NonNullable<ProviderRpcs['configure']> {
  return async (req) => {
    const args = fromWire(req.getArgs(), state.secrets).values;
    const variables = req.getVariablesMap();
    const vars = new Map<string, string>();
    variables.forEach((value: string, key: string) => vars.set(key, value));
    const settings = mergeSettings(args, vars, env);
    const failures = checkSettings(settings as Record<string, unknown>);
    if (failures.length) {
      state.secrets.add(settings.token);
      throw inputPropertiesError(
        `invalid aicloud provider configuration: ${failures.map((f) => f.reason).join('; ')}`,
        failures.map((f) => ({ path: f.property, reason: f.reason })),
      );
    }
    try {
      // The client's own rules (a remote endpoint needs a token) fail here, naming the field, rather than at
      // the first resource operation.
      resolveConfig(settings, {});
    } catch (err) {
      if (isAicloudError(err) && err.field)
        throw inputPropertiesError(`invalid aicloud provider configuration: ${err.message}`, [{ path: err.field, reason: `${err.message}. ${err.hint}` }]);
      throw err;
    }
    state.configure(settings);
    const res = new providerPb.ConfigureResponse();
    res.setAcceptsecrets(true);
    res.setSupportspreview(true);
    res.setAcceptresources(false);
    res.setAcceptoutputs(false);
    return res;
  };
}
