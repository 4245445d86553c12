import { status as GrpcStatus } from '@grpc/grpc-js';
import { isAicloudError, type AicloudError } from '../../../../core/index.ts';
import { RpcError } from '../rpc-error.ts';
import type { AnyRpc, ProviderRpcs } from '../rpcs.ts';
import type { SecretRegistry } from '../secret-registry.ts';

/**
 * Every failure leaves as an RpcError whose text is scrubbed of known secrets. User errors carry code, field and
 * hint and never a stack; anything else is reported as a provider bug with only its message.
 */
export function withErrorMapping(rpcs: ProviderRpcs, secrets: SecretRegistry): ProviderRpcs {
  const out: ProviderRpcs = {};
  for (const [name, rpc] of Object.entries(rpcs) as [keyof ProviderRpcs, AnyRpc][]) {
    (out as Record<string, AnyRpc>)[name] = async (req, ctx) => {
      try {
        return await rpc(req, ctx);
      } catch (err) {
        throw scrubbed(toRpcError(err, ctx.signal), secrets);
      }
    };
  }
  return out;
}

function toRpcError(err: unknown, signal: AbortSignal): RpcError {
  if (err instanceof RpcError) return err;
  if (isAicloudError(err)) return new RpcError(grpcCodeFor(err), describeAicloudError(err));
  if (signal.aborted) return new RpcError(GrpcStatus.CANCELLED, 'cancelled: the operation was aborted by the engine');
  const message = err instanceof Error ? err.message : String(err);
  return new RpcError(GrpcStatus.INTERNAL, `internal error in the aicloud provider: ${message}. This is a bug; please report it with the command you ran.`);
}

/** One line for people: what went wrong, which field, the stable code, and what to do. */
export function describeAicloudError(err: AicloudError): string {
  const field = err.field ? ` (field ${err.field})` : '';
  return `${err.message}${field} [${err.code}]. ${err.hint}`;
}

function grpcCodeFor(err: AicloudError): GrpcStatus {
  if (err.code === 'CANCELLED') return GrpcStatus.CANCELLED;
  if (err.code === 'OPERATION_TIMEOUT') return GrpcStatus.DEADLINE_EXCEEDED;
  switch (err.status) {
    case 400:
      return GrpcStatus.INVALID_ARGUMENT;
    case 401:
      return GrpcStatus.UNAUTHENTICATED;
    case 403:
      return GrpcStatus.PERMISSION_DENIED;
    case 404:
      return GrpcStatus.NOT_FOUND;
    case 409:
      return err.code === 'ALREADY_EXISTS' ? GrpcStatus.ALREADY_EXISTS : GrpcStatus.FAILED_PRECONDITION;
    case 412:
    case 423:
      return GrpcStatus.FAILED_PRECONDITION;
    case 429:
      return GrpcStatus.RESOURCE_EXHAUSTED;
    case 503:
      return GrpcStatus.UNAVAILABLE;
    default:
      return err.source === 'internal' ? GrpcStatus.INTERNAL : GrpcStatus.UNKNOWN;
  }
}

function scrubbed(err: RpcError, secrets: SecretRegistry): RpcError {
  const message = secrets.scrub(err.message);
  if (message === err.message) return err;
  // Details (an init-failure's properties) are encoded already, with secrets wrapped; only the text is redone.
  return new RpcError(err.code, message, err.detail);
}
