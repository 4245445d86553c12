import { clusterNameOf, clusterTypeContext, clusterTypesOf, diffResource, validate, type Kind } from '../../../core/index.ts';
import { apiError, diagnosticsError, notFound } from './errors.ts';
import { writeTransaction, type ControlPlane } from './control-plane.ts';
import type { SerializedReply } from './create-resource.ts';
import { checkIfMatch } from './if-match.ts';
import { updateEffects, wakesAdmission, withSecret } from './kind-effects.ts';
import { referencedCluster } from './resource-references.ts';
import { mergePatch } from './merge-patch.ts';
import { asSpec, iso, readDoc, runningStatus, clusterTypeOf, specOf, toRecord } from './resource-doc.ts';
import { writeChange } from './apply-finished.ts';
import { startOperation, toWireOperation } from './start-operation.ts';
import { runAdmission } from './admission-pass.ts';
import { currentReasons } from './current-reason.ts';
import { syncQueuedEndpoint } from './queued-endpoint.ts';

/**
 * Applies a JSON merge patch to a resource's inputs. Only in-place changes are allowed: the core's
 * diff decides, and a replace-only field is a 409 naming it. A cluster's new size is allocated (or
 * freed) in the same transaction.
 */
export async function updateResource(
  cp: ControlPlane,
  project: string,
  kind: Kind,
  name: string,
  patch: unknown,
  ifMatch: string | undefined,
  /** A capacity lease (header `Aicloud-Lease`) that a cluster's growth or an endpoint's replicas draw on. */
  leaseId?: string,
): Promise<SerializedReply> {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    throw apiError('INVALID_BODY', 'a PATCH body must be a JSON object (merge patch of the spec)');
  }
  return writeTransaction(cp, async () => {
    const record = await cp.store.getResource(project, kind, name);
    if (!record) throw notFound(`${kind} ${name}`);
    checkIfMatch(ifMatch, record.resourceVersion);
    const before = readDoc(record);
    if (before.status === 'deleting') throw notFound(`${kind} ${name} (it is being deleted)`);
    if (before.status === 'pending') {
      const { statusReason } = await currentReasons(cp).doc(record, before);
      throw apiError(
        'RESOURCE_PENDING',
        `${kind} ${name} is waiting in queue ${String(before.spec.queue)} (${statusReason ?? 'not admitted yet'}); it cannot change until it is admitted`,
        {
          field: 'queue',
          value: before.spec.queue,
        },
      );
    }
    const merged = mergePatch(before.spec, patch) as Record<string, unknown>;
    const clusterName = clusterNameOf(kind, merged);
    const cluster = clusterName !== undefined ? await referencedCluster(cp, project, clusterName) : undefined;
    const v = validate(kind, merged, cluster ? clusterTypeContext(clusterTypesOf(cluster.spec, cluster.outputs)) : {});
    if (!v.ok) throw diagnosticsError(v.diagnostics);
    const spec = asSpec(v.value);
    // A cluster listing several types is replaced only when the list drops the type it runs on.
    const diff = diffResource(kind, before.spec, spec, kind === 'Cluster' ? { acceleratorType: clusterTypeOf(before) } : {});
    if (diff.diagnostics.length) throw diagnosticsError(diff.diagnostics);
    // Sending a failed resource its own spec again retries the failed change, the way a real
    // cloud re-reconciles an errored resource; otherwise nothing could make it ready in place.
    const retry = diff.step === 'no-op' && before.status === 'failed';
    if (diff.step === 'no-op' && !retry) {
      return { status: 200, body: JSON.stringify({ resource: withSecret(cp, record, before), operation: null }) };
    }
    if (diff.step === 'replace') {
      const field = diff.fields.find((f) => f.impact === 'replace')!;
      throw apiError('FIELD_REQUIRES_REPLACE', `${field.path} cannot change in place (${field.reason ?? 'forces replacement'})`, {
        field: field.path,
        value: field.new,
      });
    }
    if (kind === 'ModelEndpoint') await syncQueuedEndpoint(cp, before, spec);
    const effects = await updateEffects(cp, before, spec, leaseId);
    const now = cp.clock.now();
    const doc = {
      ...before,
      spec,
      status: runningStatus('update'),
      statusReason: null,
      allocation: effects.allocation,
      outputs: effects.outputs,
      resourceVersion: before.resourceVersion + 1,
      // The spec is what it was, so a retry is not a new generation.
      generation: retry ? before.generation : before.generation + 1,
      updatedAt: iso(now),
    };
    const op = await startOperation(cp, 'update', doc, now);
    await writeChange(cp, doc, op, (d) => cp.store.putResource(toRecord(d, record.secret)));
    await effects.commitHoldings?.(cp);
    // A resized cluster or endpoint, or a changed queue, can let waiting work in.
    if (wakesAdmission(kind, 'update')) await runAdmission(cp);
    return {
      status: 202,
      body: JSON.stringify({ resource: withSecret(cp, record, doc), operation: toWireOperation(op) }),
    };
  });
}
