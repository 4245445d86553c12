import { status as GrpcStatus, Metadata } from '@grpc/grpc-js';
import type { ServiceError } from '@grpc/grpc-js';
import { anyPb, errorsPb, providerPb, statusPb } from './proto.ts';
import type { Struct } from './proto.ts';

/**
 * An error the provider answers an RPC with: a gRPC status code, a message for the user, and optional
 * structured details the engine understands (input property errors, a resource that failed to initialise).
 */
export class RpcError extends Error {
  readonly code: GrpcStatus;
  readonly detail?: { typeName: string; bytes: Uint8Array };

  constructor(code: GrpcStatus, message: string, detail?: { typeName: string; bytes: Uint8Array }) {
    super(message);
    this.name = 'RpcError';
    this.code = code;
    this.detail = detail;
  }

  /** The shape grpc-js sends; details ride in `grpc-status-details-bin` as the Go engine expects. */
  toServiceError(): Partial<ServiceError> {
    const metadata = new Metadata();
    if (this.detail) {
      const st = new statusPb.Status();
      st.setCode(this.code);
      st.setMessage(this.message);
      const any = new anyPb.Any();
      any.pack(this.detail.bytes, this.detail.typeName);
      st.addDetails(any);
      metadata.add('grpc-status-details-bin', Buffer.from(st.serializeBinary()));
    }
    return { code: this.code, details: this.message, message: this.message, metadata };
  }
}

/**
 * The cloud accepted a create (or update) but the resource did not become ready: the engine records the id and
 * state so the next `up` updates or replaces it and `destroy` deletes it, instead of losing track of it.
 * The CLI prints the reasons, not the message, so each reason must say what happened on its own.
 */
export function resourceInitFailed(message: string, id: string, properties: Struct, inputs: Struct | undefined, reasons: string[]): RpcError {
  const detail = new providerPb.ErrorResourceInitFailed();
  detail.setId(id);
  detail.setProperties(properties);
  if (inputs) detail.setInputs(inputs);
  detail.setReasonsList(reasons);
  return new RpcError(GrpcStatus.UNKNOWN, message, { typeName: 'pulumirpc.ErrorResourceInitFailed', bytes: detail.serializeBinary() });
}

/** Invalid inputs with property paths, the way the engine prints them next to each property. */
export function inputPropertiesError(message: string, errors: { path: string; reason: string }[]): RpcError {
  const detail = new errorsPb.InputPropertiesError();
  for (const e of errors) {
    const pe = new errorsPb.InputPropertiesError.PropertyError();
    pe.setPropertyPath(e.path);
    pe.setReason(e.reason);
    detail.addErrors(pe);
  }
  return new RpcError(GrpcStatus.INVALID_ARGUMENT, message, { typeName: 'pulumirpc.InputPropertiesError', bytes: detail.serializeBinary() });
}
