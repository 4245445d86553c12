// The engine's generated gRPC stubs are CommonJS and attach their classes at run time, so ES named imports
// cannot see them; default imports give the whole module object with its declared types.
import { createRequire } from 'node:module';
import providerPb from '@pulumi/pulumi/proto/provider_pb.js';
import providerGrpc from '@pulumi/pulumi/proto/provider_grpc_pb.js';
import pluginPb from '@pulumi/pulumi/proto/plugin_pb.js';
import statusPb from '@pulumi/pulumi/proto/status_pb.js';
import errorsPb from '@pulumi/pulumi/proto/errors_pb.js';
import type * as StructModule from 'google-protobuf/google/protobuf/struct_pb.js';
import type * as EmptyModule from 'google-protobuf/google/protobuf/empty_pb.js';
import type * as AnyModule from 'google-protobuf/google/protobuf/any_pb.js';

// The stubs were generated against the google-protobuf copy that @pulumi/pulumi resolves (a nested, older
// one); messages built with another copy would serialise through a different runtime, so the well-known
// types are loaded from where the stubs load them.
const requireFromStubs = createRequire(createRequire(import.meta.url).resolve('@pulumi/pulumi/proto/provider_pb.js'));
const structPb = requireFromStubs('google-protobuf/google/protobuf/struct_pb.js') as typeof StructModule;
const emptyPb = requireFromStubs('google-protobuf/google/protobuf/empty_pb.js') as typeof EmptyModule;
const anyPb = requireFromStubs('google-protobuf/google/protobuf/any_pb.js') as typeof AnyModule;

export { providerPb, providerGrpc, pluginPb, statusPb, errorsPb, structPb, emptyPb, anyPb };
export type Struct = StructModule.Struct;
