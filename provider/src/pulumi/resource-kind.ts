import { status as GrpcStatus } from '@grpc/grpc-js';
import { KINDS, kindFromToken, kindInfo, type Kind } from '../../../core/index.ts';
import { RpcError } from './rpc-error.ts';

/**
 * The kind a request is about. Newer engines send the type token; older ones only the URN
 * (`urn:pulumi:stack::project::parent$type::name`), whose last type segment is the token.
 */
export function kindOfRequest(req: { getType?(): string; getUrn(): string }): Kind {
  let token = req.getType?.() ?? '';
  if (!token) {
    const qualified = req.getUrn().split('::')[2] ?? '';
    token = qualified.split('$').pop() ?? '';
  }
  const kind = kindFromToken(token);
  if (!kind)
    throw new RpcError(
      GrpcStatus.INVALID_ARGUMENT,
      `unknown resource type ${JSON.stringify(token)}; the aicloud provider manages ${KINDS.map((k) => kindInfo(k).token).join(', ')}`,
    );
  return kind;
}
