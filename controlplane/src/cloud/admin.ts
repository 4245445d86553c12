import { ACCELERATOR_TYPES } from '../../../core/index.ts';
import { apiError, notFound } from './errors.ts';
import { FaultSpecError, parseFaultSpec, type FaultRule, type FaultSpec } from './faults.ts';
import { hashToken, newToken } from './tokens.ts';
import { changeHoldings, writeTransaction, type ControlPlane } from './control-plane.ts';

const PROJECT_NAME = /^[a-z][a-z0-9-]{0,62}$/;

export async function createProject(cp: ControlPlane, body: unknown): Promise<{ name: string }> {
  const name = (body as { name?: unknown } | null)?.name;
  if (typeof name !== 'string' || !PROJECT_NAME.test(name)) {
    throw apiError('INVALID_FORMAT', 'name must match ^[a-z][a-z0-9-]{0,62}$', { field: 'name', value: name, status: 400 });
  }
  return writeTransaction(cp, async () => {
    if (await cp.store.hasProject(name)) throw apiError('ALREADY_EXISTS', `project ${name} already exists`, { field: 'name', value: name });
    await cp.store.putProject(name, cp.clock.now());
    cp.projects.add(name);
    return { name };
  });
}

/** Issues a project token; only its hash is kept, so this reply is the one chance to read it. */
export async function createProjectToken(cp: ControlPlane, project: string): Promise<{ token: string; project: string }> {
  if (!cp.projects.has(project)) throw notFound(`project ${project}`);
  const token = newToken();
  await writeTransaction(cp, () => cp.store.putToken({ hash: hashToken(token), project, admin: false, createdAt: cp.clock.now() }));
  return { token, project };
}

export async function setQuota(cp: ControlPlane, project: string, acceleratorType: string, body: unknown) {
  if (!cp.projects.has(project)) throw notFound(`project ${project}`);
  if (!ACCELERATOR_TYPES[acceleratorType]) {
    throw apiError('INVALID_VALUE', `unknown accelerator type ${acceleratorType}`, { field: 'acceleratorType', value: acceleratorType, status: 400 });
  }
  const limit = (body as { limit?: unknown } | null)?.limit;
  if (!Number.isInteger(limit) || (limit as number) < 0) {
    throw apiError('OUT_OF_RANGE', 'limit must be a whole number of accelerators, 0 or more', { field: 'limit', value: limit, status: 400 });
  }
  const quota = { project, acceleratorType, limit: limit as number };
  await writeTransaction(cp, () =>
    changeHoldings(
      cp,
      (store) => store.putQuota(quota),
      (allocator) => allocator.setQuota(project, acceleratorType, quota.limit),
    ),
  );
  return { ...quota, used: cp.allocator.quota(project, acceleratorType).used };
}

/** Accepts `{ "spec": "..." }` (the --faults format) or the structured form the GET returns. */
export function setFaults(cp: ControlPlane, body: unknown): FaultSpec {
  const b = (body ?? {}) as { spec?: unknown; rules?: unknown; latencyMs?: unknown; operationFailureRate?: unknown };
  try {
    if (typeof b.spec === 'string') cp.faults = parseFaultSpec(b.spec);
    else {
      const rules = (Array.isArray(b.rules) ? b.rules : []) as Partial<FaultRule>[];
      const spec = rules
        .map((r) => `${r.method ?? '*'} ${r.path ?? '*'}=${r.rate ?? 0}:${r.status ?? 503}`)
        .concat(b.latencyMs !== undefined ? [`latency=${String(b.latencyMs)}ms`] : [])
        .concat(b.operationFailureRate !== undefined ? [`opfail=${String(b.operationFailureRate)}`] : [])
        .join(',');
      cp.faults = parseFaultSpec(spec);
    }
  } catch (e) {
    if (e instanceof FaultSpecError) throw apiError('INVALID_VALUE', e.message, { field: 'spec', status: 400 });
    throw e;
  }
  return cp.faults;
}
