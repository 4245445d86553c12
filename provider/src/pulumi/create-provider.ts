import { withCancel } from './middleware/with-cancel.ts';
import { withErrorMapping } from './middleware/with-error-mapping.ts';
import { withLogging } from './middleware/with-logging.ts';
import type { LogSink } from './middleware/with-logging.ts';
import { withUnimplemented } from './middleware/with-unimplemented.ts';
import { ProviderState } from './provider-state.ts';
import type { ClientFactory } from './provider-state.ts';
import { cancelRpc } from './rpc/cancel.ts';
import { checkConfigRpc } from './rpc/check-config.ts';
import { checkRpc } from './rpc/check.ts';
import { configureRpc } from './rpc/configure.ts';
import { createRpc } from './rpc/create.ts';
import { deleteRpc } from './rpc/delete.ts';
import { diffConfigRpc } from './rpc/diff-config.ts';
import { diffRpc } from './rpc/diff.ts';
import { getPluginInfoRpc } from './rpc/get-plugin-info.ts';
import { getSchemaRpc } from './rpc/get-schema.ts';
import { handshakeRpc } from './rpc/handshake.ts';
import { invokeRpc } from './rpc/invoke.ts';
import { readRpc } from './rpc/read.ts';
import { updateRpc } from './rpc/update.ts';
import type { ProviderRpcs } from './rpcs.ts';

/** What a provider instance is built from; tests inject the client factory, the environment and the log sink. */
export interface ProviderOptions {
  version: string;
  schemaPath: URL;
  makeClient: ClientFactory;
  env?: NodeJS.ProcessEnv;
  /** Per-RPC log lines; off unless given (the plugin turns it on with AICLOUD_LOG=debug). */
  log?: LogSink;
}

/** A provider: the complete RPC table (wrapped) and the state behind it, which in-process callers may use directly. */
export interface Provider {
  rpcs: Required<ProviderRpcs>;
  state: ProviderState;
}

/** Assembles the RPC handlers and wraps them: cancel innermost (signals), then error mapping, logging, unimplemented. */
export function createProvider(opts: ProviderOptions): Provider {
  const state = new ProviderState({ version: opts.version, makeClient: opts.makeClient });
  const base: ProviderRpcs = {
    handshake: handshakeRpc(),
    getPluginInfo: getPluginInfoRpc(state),
    getSchema: getSchemaRpc(opts.schemaPath),
    checkConfig: checkConfigRpc(state),
    diffConfig: diffConfigRpc(state),
    configure: configureRpc(state, opts.env),
    check: checkRpc(state),
    diff: diffRpc(state),
    create: createRpc(state),
    read: readRpc(state),
    update: updateRpc(state),
    delete: deleteRpc(state),
    invoke: invokeRpc(state),
    cancel: cancelRpc(),
  };
  let rpcs = withErrorMapping(withCancel(base), state.secrets);
  if (opts.log) rpcs = withLogging(rpcs, state.secrets, opts.log);
  return { rpcs: withUnimplemented(rpcs), state };
}
