import { credentials, Metadata } from '@grpc/grpc-js';
import type { ServiceError } from '@grpc/grpc-js';
import { anyPb, emptyPb, errorsPb, providerGrpc, providerPb, statusPb } from '../../../provider/src/pulumi/proto.ts';
import { decode } from './engine-values.ts';

type Client = InstanceType<typeof providerGrpc.ResourceProviderClient>;

/** A failed RPC with what the engine would read from it: status code, message and structured details. */
export class RpcFailure extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    message: string,
    readonly initFailed?: { id: string; properties: Record<string, unknown>; inputs: Record<string, unknown>; reasons: string[] },
    readonly propertyErrors?: { path: string; reason: string }[],
  ) {
    super(message);
  }
}

/** The provider's gRPC service with promise-returning methods and a log of the calls made, in order. */
export class ProviderClient {
  readonly calls: string[] = [];
  private readonly client: Client;

  constructor(port: number) {
    this.client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, credentials.createInsecure());
  }

  close(): void {
    this.client.close();
  }

  call<Res>(method: string, request: unknown): Promise<Res> {
    this.calls.push(method);
    const fn = (this.client as unknown as Record<string, (req: unknown, md: Metadata, cb: (err: ServiceError | null, res: Res) => void) => void>)[method];
    return new Promise<Res>((resolve, reject) => {
      fn.call(this.client, request, new Metadata(), (err, res) => (err ? reject(toFailure(method, err)) : resolve(res)));
    });
  }

  handshake = () =>
    this.call<InstanceType<typeof providerPb.ProviderHandshakeResponse>>(
      'handshake',
      new providerPb.ProviderHandshakeRequest().setEngineAddress('127.0.0.1:1'),
    );
  getPluginInfo = () => this.call<{ getVersion(): string }>('getPluginInfo', new emptyPb.Empty());
  cancel = () => this.call<unknown>('cancel', new emptyPb.Empty());
}

function toFailure(method: string, err: ServiceError): RpcFailure {
  const bin = err.metadata?.get('grpc-status-details-bin')?.[0];
  let initFailed: RpcFailure['initFailed'];
  let propertyErrors: RpcFailure['propertyErrors'];
  if (bin) {
    const st = statusPb.Status.deserializeBinary(new Uint8Array(bin as Buffer));
    for (const any of st.getDetailsList() as InstanceType<typeof anyPb.Any>[]) {
      if (any.getTypeName() === 'pulumirpc.ErrorResourceInitFailed') {
        const d = providerPb.ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8());
        initFailed = { id: d.getId(), properties: decode(d.getProperties()), inputs: decode(d.getInputs()), reasons: d.getReasonsList() };
      } else if (any.getTypeName() === 'pulumirpc.InputPropertiesError') {
        const d = errorsPb.InputPropertiesError.deserializeBinary(any.getValue_asU8());
        propertyErrors = d.getErrorsList().map((e) => ({ path: e.getPropertyPath(), reason: e.getReason() }));
      }
    }
  }
  return new RpcFailure(method, err.code, err.details || err.message, initFailed, propertyErrors);
}
