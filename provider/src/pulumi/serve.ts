import { Server, ServerCredentials, status as GrpcStatus } from '@grpc/grpc-js';
import type { ServiceError, UntypedServiceImplementation } from '@grpc/grpc-js';
import { providerGrpc } from './proto.ts';
import { RpcError } from './rpc-error.ts';
import { UNARY_METHODS } from './rpcs.ts';
import type { AnyRpc, ProviderRpcs } from './rpcs.ts';

/** A running provider server: the port the engine dials and a way to stop it. */
export interface ServingProvider {
  port: number;
  stop(): Promise<void>;
}

/**
 * Serves `pulumirpc.ResourceProvider` on 127.0.0.1 (port 0 picks a free one). Takes the complete table
 * (see `withUnimplemented`), so every method the engine may call is bound.
 */
export async function serveProvider(rpcs: Required<ProviderRpcs>, opts: { port?: number; host?: string } = {}): Promise<ServingProvider> {
  const server = new Server({ 'grpc.max_receive_message_length': 400 * 1024 * 1024 });
  const impl: UntypedServiceImplementation = {};
  for (const method of UNARY_METHODS) {
    const handler = rpcs[method] as AnyRpc;
    impl[method] = (
      call: { request: unknown; cancelled: boolean; on(e: string, f: () => void): void },
      callback: (err: Partial<ServiceError> | null, res?: unknown) => void,
    ) => {
      const abort = new AbortController();
      call.on('cancelled', () => abort.abort(new Error('the engine cancelled the call')));
      handler(call.request, { method, signal: abort.signal }).then(
        (res) => callback(null, res),
        (err: unknown) =>
          callback(err instanceof RpcError ? err.toServiceError() : new RpcError(GrpcStatus.INTERNAL, String((err as Error)?.message ?? err)).toServiceError()),
      );
    };
  }
  impl.list = (call: { emit(e: string, err: unknown): void }) => {
    call.emit('error', new RpcError(GrpcStatus.UNIMPLEMENTED, 'list is not implemented by the aicloud provider').toServiceError());
  };
  server.addService(providerGrpc.ResourceProviderService, impl);
  const host = opts.host ?? '127.0.0.1';
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host}:${opts.port ?? 0}`, ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p)));
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
      }),
  };
}
