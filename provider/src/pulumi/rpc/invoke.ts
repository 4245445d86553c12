import { ACCELERATOR_TYPES, FUNCTION_SPECS } from '../../../../core/index.ts';
import { checkFunctionArgs } from '../check-function-args.ts';
import { toCheckFailures } from '../check-failures.ts';
import { fromWire } from '../from-wire.ts';
import { providerPb } from '../proto.ts';
import { toWire } from '../to-wire.ts';
import { RpcError } from '../rpc-error.ts';
import { status as GrpcStatus } from '@grpc/grpc-js';
import type { ProviderRpcs } from '../rpcs.ts';
import type { ProviderState } from '../provider-state.ts';
import type { CloudApi } from '../cloud-api.ts';

type FunctionImpl = (client: () => Promise<CloudApi>, args: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** The schema's functions. Accelerator types come from the catalogue the control plane is built from. */
const FUNCTIONS: Record<string, FunctionImpl> = {
  'aicloud:compute:getAcceleratorTypes': async () => ({
    types: Object.values(ACCELERATOR_TYPES).map((t) => ({
      name: t.name,
      vendor: t.vendor,
      memoryGib: t.memoryGib,
      bf16Tflops: t.bf16Tflops,
      acceleratorsPerServer: t.acceleratorsPerServer,
      interconnect: t.interconnect,
      pricePerHour: t.pricePerHour,
    })),
  }),
  'aicloud:compute:getCapacity': async (client, args) => {
    const query: { zone?: string; acceleratorType?: string } = {};
    if (typeof args.zone === 'string') query.zone = args.zone;
    if (typeof args.acceleratorType === 'string') query.acceleratorType = args.acceleratorType;
    const capacity = (await (await client()).capacity(query)) as { zones?: Record<string, unknown>[] };
    // The API also lists supernodes and servers; the function's schema returns the per-zone summary.
    return {
      zones: (capacity.zones ?? []).map((z) => ({
        zone: z.zone,
        acceleratorType: z.acceleratorType,
        total: z.total,
        free: z.free,
        largestFreeBlock: z.largestFreeBlock,
      })),
    };
  },
};

/** Functions (`getCapacity`, `getAcceleratorTypes`): bad arguments come back as failures, like Check's. */
export function invokeRpc(state: ProviderState): NonNullable<ProviderRpcs['invoke']> {
  return async (req) => {
    const token = req.getTok();
    const impl = FUNCTIONS[token];
    if (!impl || !FUNCTION_SPECS[token]) {
      throw new RpcError(
        GrpcStatus.INVALID_ARGUMENT,
        `unknown function ${JSON.stringify(token)}; the aicloud provider offers ${Object.keys(FUNCTIONS).join(', ')}`,
      );
    }
    const args = fromWire(req.getArgs(), state.secrets).values;
    const res = new providerPb.InvokeResponse();
    const problems = checkFunctionArgs(token, args);
    if (problems.length) {
      res.setFailuresList(toCheckFailures(problems));
      return res;
    }
    res.setReturn(toWire(await impl(() => state.getClient(), args)));
    return res;
  };
}
