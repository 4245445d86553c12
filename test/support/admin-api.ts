import { KINDS, kindInfo } from '../../core/index.ts';
import { apiRequest } from './api-request.ts';

/** Creates a project and returns a fresh token scoped to it. */
export async function createProjectWithToken(url: string, adminToken: string, project: string): Promise<string> {
  const p = await apiRequest(url, 'POST', '/v1/admin/projects', { token: adminToken, body: { name: project } });
  if (p.status !== 201 && p.status !== 409) throw new Error(`create project ${project}: ${p.status} ${p.text}`);
  const t = await apiRequest(url, 'POST', `/v1/admin/projects/${project}/tokens`, { token: adminToken });
  if (t.status !== 201) throw new Error(`create token for ${project}: ${t.status} ${t.text}`);
  return t.body.token as string;
}

/** The control plane's own proof that no accelerator is held twice or by a dead resource. */
export async function invariants(url: string, adminToken: string): Promise<{ ok: boolean; violations: string[] }> {
  const r = await apiRequest(url, 'GET', '/v1/admin/invariants', { token: adminToken });
  if (r.status !== 200) throw new Error(`invariants: ${r.status} ${r.text}`);
  return r.body;
}

/** Every resource of a project, all kinds, following pages; what "the cloud holds" means in tests. */
export async function listEverything(url: string, token: string, project: string): Promise<any[]> {
  const out: any[] = [];
  for (const kind of KINDS) {
    let pageToken: string | undefined;
    do {
      const q = pageToken ? `?pageToken=${encodeURIComponent(pageToken)}` : '';
      const r = await apiRequest(url, 'GET', `/v1/projects/${project}/${kindInfo(kind).collection}${q}`, { token });
      if (r.status !== 200) throw new Error(`list ${kind}: ${r.status} ${r.text}`);
      out.push(...r.body.items);
      pageToken = r.body.nextPageToken ?? undefined;
    } while (pageToken);
  }
  return out;
}

/** Switches injected faults on (a spec in the `--faults` format) or, with undefined, off. */
export async function setFaults(url: string, adminToken: string, spec: string | undefined): Promise<void> {
  const r =
    spec === undefined
      ? await apiRequest(url, 'DELETE', '/v1/admin/faults', { token: adminToken })
      : await apiRequest(url, 'POST', '/v1/admin/faults', { token: adminToken, body: { spec } });
  if (r.status !== 200) throw new Error(`faults: ${r.status} ${r.text}`);
}

/**
 * Accelerators in use two ways: what the capacity report says is taken, and what the live clusters
 * say they hold. They differ when an accelerator is held twice or by nothing, which is an
 * independent cross-check of the control plane's own invariant route.
 */
export async function acceleratorLedger(url: string, adminToken: string, projects: readonly string[]): Promise<{ taken: number; heldByClusters: number }> {
  const cap = await apiRequest(url, 'GET', '/v1/capacity', { token: adminToken });
  if (cap.status !== 200) throw new Error(`capacity: ${cap.status} ${cap.text}`);
  const taken = (cap.body.zones as { total: number; free: number }[]).reduce((n, z) => n + z.total - z.free, 0);
  let heldByClusters = 0;
  for (const p of projects) {
    for (const r of await listEverything(url, adminToken, p)) heldByClusters += r.allocation?.acceleratorCount ?? 0;
  }
  return { taken, heldByClusters };
}
