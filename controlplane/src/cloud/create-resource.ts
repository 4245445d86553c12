import { createHash } from 'node:crypto';
import { clusterNameOf, clusterTypeContext, clusterTypesOf, validate, type Kind } from '../../../core/index.ts';
import type { Principal } from './principal.ts';
import { apiError, diagnosticsError } from './errors.ts';
import { writeTransaction, type ControlPlane } from './control-plane.ts';
import { checkLocation } from './check-location.ts';
import { createEffects, wakesAdmission } from './kind-effects.ts';
import { referencedCluster } from './resource-references.ts';
import { asSpec, iso, newResourceId, runningStatus, specOf, toRecord, type WireResource } from './resource-doc.ts';
import { startOperation, toWireOperation } from './start-operation.ts';
import { writeChange } from './apply-finished.ts';
import { runAdmission } from './admission-pass.ts';
import { startPendingOperation } from './pending-operation.ts';
import { checkQueuedCluster, enqueueCluster, isQueued, pendingClusterOutputs, queuedClusterSpec } from './queued-cluster.ts';
import { checkQueuedEndpoint, enqueueEndpoint, pendingEndpointEffects } from './queued-endpoint.ts';

/** A reply already serialized, so an idempotent replay sends exactly the first answer. */
export interface SerializedReply {
  status: number;
  body: string;
}

/**
 * Creates a resource: validation by the core, the kind's effects (accelerators, outputs), then the
 * resource, its operation, its allocation rows and the idempotency record in one transaction.
 */
export async function createResource(
  cp: ControlPlane,
  _principal: Principal,
  project: string,
  kind: Kind,
  body: unknown,
  idempotencyKey: string | undefined,
  /** A capacity lease (header `Aicloud-Lease`) that a cluster or endpoint create draws its placement from. */
  leaseId?: string,
): Promise<SerializedReply> {
  const requestHash = idempotencyKey ? hashRequest(kind, body) : '';
  // The create route skips the read's catch-up before this (see `projectGuard`): what the write finds
  // due once it has caught up is settled first.
  return writeTransaction(
    cp,
    async () => {
      if (idempotencyKey) {
        const seen = await cp.store.getIdempotency(project, idempotencyKey);
        if (seen) {
          if (seen.requestHash !== requestHash) {
            throw apiError('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key ${idempotencyKey} was used for a different request`);
          }
          cp.metrics.replayed();
          return replay(cp, project, kind, seen.status, seen.body);
        }
      }
      const b = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
      // The core says which kinds run on a cluster: validated against its type (each type it may still
      // start on, while a cluster listing several waits), placed in its region.
      const clusterName = clusterNameOf(kind, b);
      const cluster = clusterName !== undefined ? await referencedCluster(cp, project, clusterName) : undefined;
      const clusterSpec = cluster ? specOf(cluster, 'Cluster') : undefined;
      // A zone names its region; the cloud's default applies only to resources with neither.
      const v = validate(kind, body, {
        ...(b.zone === undefined ? { defaultRegion: cp.defaultRegion } : {}),
        ...(clusterSpec ? { clusterRegion: clusterSpec.region, ...clusterTypeContext(clusterTypesOf(cluster!.spec, cluster!.outputs)) } : {}),
      });
      if (!v.ok) throw diagnosticsError(v.diagnostics);
      const spec = asSpec(v.value);
      const name = v.value.name;
      checkLocation(cp, spec);
      if (await cp.store.getResource(project, kind, name)) {
        throw apiError('ALREADY_EXISTS', `${kind} ${name} already exists in project ${project}`, { field: 'name', value: name });
      }
      if (kind === 'Bucket' && (await cp.store.findResourcesByName('Bucket', name)).length) {
        throw apiError('ALREADY_EXISTS', `bucket name ${name} is taken (bucket names are global)`, { field: 'name', value: name });
      }
      const now = cp.clock.now();
      const id = newResourceId(kind);
      // A cluster or endpoint that names a queue waits there when it does not fit, instead of being refused.
      const leasable = kind === 'Cluster' || kind === 'ModelEndpoint';
      const queued = isQueued(kind, spec) && !(leasable && leaseId && (await cp.leases?.covers(cp, project, leaseId, spec, kind)));
      const queuedEndpoint = queued && kind === 'ModelEndpoint';
      const endpointCluster = queuedEndpoint ? await checkQueuedEndpoint(cp, project, spec, cluster) : undefined;
      const queuedCluster = queued && !queuedEndpoint ? queuedClusterSpec(spec) : undefined;
      if (queuedCluster) await checkQueuedCluster(cp, project, queuedCluster);
      const effects = endpointCluster
        ? pendingEndpointEffects(spec, endpointCluster)
        : queuedCluster
          ? { allocation: null, outputs: pendingClusterOutputs(queuedCluster) }
          : await createEffects(cp, project, kind, id, spec, leaseId);
      const doc: WireResource = {
        kind,
        project,
        name,
        id,
        spec,
        status: queued ? 'pending' : runningStatus('create'),
        statusReason: queued ? 'waiting for admission' : null,
        allocation: effects.allocation,
        outputs: effects.outputs,
        resourceVersion: 1,
        generation: 1,
        createdAt: iso(now),
        updatedAt: iso(now),
      };
      const secret = effects.secret ? cp.secrets.seal(effects.secret) : null;
      let op;
      // The stored document is the reply's resource; it is serialized once.
      let docJson = '';
      if (queued) {
        op = await startPendingOperation(cp, doc, now);
        await cp.store.putResource(toRecord(doc, secret));
        if (endpointCluster) await enqueueEndpoint(cp, project, id, spec, endpointCluster, now);
        else if (queuedCluster) await enqueueCluster(cp, project, id, queuedCluster, now);
        // The pass may admit it at once; the reply shows what it decided.
        await runAdmission(cp);
        docJson = (await cp.store.getResourceById(id))!.doc;
        op = (await cp.store.getOperation(project, op.id)) ?? op;
      } else {
        op = await startOperation(cp, 'create', doc, now);
        await writeChange(cp, doc, op, async (d) => {
          const record = toRecord(d, secret);
          docJson = record.doc;
          await cp.store.putResource(record);
        });
      }
      const reply = `{"resource":${docJson},"operation":${JSON.stringify(toWireOperation(op))}}`;
      if (idempotencyKey) {
        // The stored reply has no secret; a replay adds the apiKey again from the resource.
        await cp.store.putIdempotency({ project, key: idempotencyKey, requestHash, status: 202, body: reply, createdAt: now });
      }
      await effects.commitHoldings?.(cp);
      if (wakesAdmission(kind, 'create')) await runAdmission(cp);
      return { status: 202, body: withApiKey(reply, effects.secret) };
    },
    settleFirst,
  );
}

const settleFirst = { settleDueFirst: true };

function hashRequest(kind: string, body: unknown): string {
  return createHash('sha256')
    .update(kind)
    .update('\n')
    .update(JSON.stringify(body) ?? '')
    .digest('hex');
}

async function replay(cp: ControlPlane, project: string, kind: Kind, status: number, body: string): Promise<SerializedReply> {
  if (kind !== 'ModelEndpoint') return { status, body };
  const parsed = JSON.parse(body) as { resource: WireResource };
  const r = parsed.resource;
  const found = await cp.store.getResource(r.project, r.kind, r.name);
  const record = found?.id === r.id ? found : undefined;
  const key = record?.secret ? cp.secrets.open(record.secret) : undefined;
  return { status, body: withApiKey(body, key) };
}

function withApiKey(reply: string, apiKey: string | undefined): string {
  if (!apiKey) return reply;
  const parsed = JSON.parse(reply) as { resource: WireResource };
  parsed.resource.outputs = { ...parsed.resource.outputs, apiKey };
  return JSON.stringify(parsed);
}
