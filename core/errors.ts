/**
 * The one error catalogue: every stable code any part of aicloud reports, with its HTTP status and the
 * hint users see when nothing more specific is known. Front ends and the control plane share it, so a
 * code means the same thing in a plan, a Terraform diagnostic, a Pulumi failure and an API reply.
 */
export const ERROR_CATALOGUE = {
  // `refusesCreate`: the cloud answers a create with this code only before accepting it, so no
  // resource exists afterwards (front ends need not look for one).
  // Inputs (validation).
  INVALID_TYPE: { status: 400, refusesCreate: true, hint: 'Check the type the reference (docs/reference.md) gives for this field.' },
  MISSING_FIELD: { status: 400, refusesCreate: true, hint: 'Add the field; docs/reference.md lists required inputs.' },
  UNKNOWN_FIELD: { status: 400, refusesCreate: true, hint: 'Remove the field or fix its spelling.' },
  INVALID_VALUE: { status: 400, refusesCreate: true, hint: 'Use one of the allowed values.' },
  OUT_OF_RANGE: { status: 400, refusesCreate: true, hint: 'Use a value inside the allowed range.' },
  INVALID_FORMAT: { status: 400, refusesCreate: true, hint: 'Match the pattern the reference gives for this field.' },
  CONFLICTING_FIELDS: { status: 400, refusesCreate: true, hint: 'Set only one of the fields.' },
  CANNOT_SHRINK: { status: 400, hint: 'Storage only grows; create a new resource to get a smaller one.' },
  PARALLELISM_MISMATCH: { status: 400, refusesCreate: true, hint: 'Make tensor x expert x pipeline x data equal acceleratorsPerReplica.' },
  RUNTIME_MISMATCH: { status: 400, refusesCreate: true, hint: 'Use a framework and software stack built for the accelerator type.' },
  TOPOLOGY_MISMATCH: { status: 400, refusesCreate: true, hint: 'Pick a size the accelerator topology can host in one piece.' },
  ENDPOINT_DOES_NOT_FIT: { status: 400, refusesCreate: true, hint: 'Raise acceleratorsPerReplica, lower the precision, or shorten the context.' },
  INVALID_BODY: { status: 400, refusesCreate: true, hint: 'Send a JSON object.' },
  INVALID_CONFIG: { status: 400, hint: 'Fix the provider configuration (endpoint, token, project, region).' },
  // Manifests and plans.
  MANIFEST_INVALID: { status: 400, hint: 'Fix the manifest at the position shown.' },
  DUPLICATE_NAME: { status: 400, hint: 'Give each resource of a kind its own name.' },
  DANGLING_REFERENCE: { status: 400, hint: 'Declare the referenced resource in the stack, or fix the name.' },
  REFERENCE_CYCLE: { status: 400, hint: 'Break the cycle: references must form a tree.' },
  PROTECTED_RESOURCE: { status: 400, hint: 'Apply the resource once with aicloud.dev/protect: "false" first.' },
  PLAN_STALE: { status: 409, hint: 'The stack changed since the plan was made; run plan again.' },
  PLAN_WILL_NOT_FIT: { status: 409, hint: 'Free capacity, pick another zone, or shrink the request.' },
  APPROVAL_REQUIRED: { status: 400, hint: 'Run in a terminal to confirm, or pass --auto-approve.' },
  // Auth and addressing.
  UNAUTHENTICATED: { status: 401, refusesCreate: true, hint: 'Send a bearer token (AICLOUD_TOKEN).' },
  FORBIDDEN: { status: 403, refusesCreate: true, hint: 'This route needs the admin token.' },
  NOT_FOUND: { status: 404, hint: 'Check the project and name.' },
  BODY_TOO_LARGE: { status: 413, hint: 'Send a smaller request body.' },
  // Conflicts.
  ALREADY_EXISTS: { status: 409, refusesCreate: true, hint: 'Pick another name, or import the existing resource.' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, hint: 'Use a new Idempotency-Key for a different request.' },
  FIELD_REQUIRES_REPLACE: { status: 409, hint: 'This field forces replacement: delete and create the resource.' },
  RESOURCE_PENDING: { status: 409, hint: 'Wait until its queue admits it, or delete it and create it again as it should be.' },
  RESOURCE_IN_USE: { status: 409, hint: 'Delete or move the resources that use it first.' },
  DEPENDENCY_NOT_FOUND: { status: 409, refusesCreate: true, hint: 'Create the resource it depends on first.' },
  CAPACITY_EXHAUSTED: { status: 409, refusesCreate: true, hint: 'Free capacity, pick another zone or placement, or ask for fewer accelerators.' },
  QUOTA_EXCEEDED: { status: 409, refusesCreate: true, hint: 'Ask an admin to raise the quota, or release accelerators.' },
  PRECONDITION_FAILED: { status: 412, hint: 'The resource changed since you read it; read it again.' },
  LEASE_EXPIRED: { status: 410, refusesCreate: true, hint: 'The lease ended (expired or released) and its accelerators are free again; run plan again.' },
  LEASE_MISMATCH: {
    status: 409,
    refusesCreate: true,
    hint: 'The lease was taken for another plan or project, or the change differs from what it holds (the message says how); apply the plan it was taken for, or plan again.',
  },
  STACK_LOCKED: { status: 423, hint: 'Wait for the other run, or use force-unlock if it died.' },
  RATE_LIMITED: { status: 429, hint: 'Slow down; retry after the time given.' },
  // Failures.
  OPERATION_FAILED: { status: 500, hint: 'The cloud failed the operation; retry, or look at the resource status.' },
  OPERATION_TIMEOUT: { status: 504, hint: 'Raise the timeout, or check the operation later.' },
  CANCELLED: { status: 499, hint: 'The request was cancelled.' },
  UNAVAILABLE: { status: 503, hint: 'The control plane is unreachable or failing; it is retried automatically.' },
  INTERNAL: { status: 500, hint: 'This is a bug in aicloud; please report it with the command you ran.' },
} as const satisfies Record<string, { status: number; hint: string; refusesCreate?: true }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/**
 * Whether the cloud gives `code` only when it refuses a create before accepting it (the catalogue's
 * `refusesCreate`): after such an error no resource exists. After any other failure the create may
 * have been accepted, so a front end must look for the resource before it forgets it.
 */
export function refusedBeforeAccepting(code: string): boolean {
  return isErrorCode(code) && 'refusesCreate' in ERROR_CATALOGUE[code];
}

const BRAND = Symbol.for('aicloud.error');

/** Errors users can act on: a stable code, the field at fault, and what to do about it. */
export class AicloudError extends Error {
  readonly [BRAND] = true;
  readonly code: ErrorCode;
  readonly field?: string;
  readonly value?: unknown;
  readonly hint: string;
  readonly status: number;
  readonly source: 'user' | 'internal';
  /** Extra machine-readable facts (e.g. the operation id, retry-after seconds). */
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { field?: string; value?: unknown; hint?: string; status?: number; cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AicloudError';
    this.code = code;
    this.field = opts.field;
    if ('value' in opts) this.value = opts.value;
    this.hint = opts.hint ?? ERROR_CATALOGUE[code].hint;
    this.status = opts.status ?? ERROR_CATALOGUE[code].status;
    this.source = code === 'INTERNAL' ? 'internal' : 'user';
    this.details = opts.details;
  }

  /** The body the API answers with. */
  toJSON(): { code: string; message: string; field?: string; hint: string } {
    const body: { code: string; message: string; field?: string; hint: string } = { code: this.code, message: this.message, hint: this.hint };
    if (this.field) body.field = this.field;
    return body;
  }
}

/** Brand check that survives duplicate module copies (bundles, tsx and plain node in one process). */
export function isAicloudError(e: unknown): e is AicloudError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, code);
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'INVALID_BODY',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  412: 'PRECONDITION_FAILED',
  413: 'BODY_TOO_LARGE',
  423: 'STACK_LOCKED',
  429: 'RATE_LIMITED',
};

/** The catalogue code for an HTTP status when nothing more specific is known (a framework error, a bare reply). */
export function codeForHttpStatus(status: number): ErrorCode {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'UNAVAILABLE' : 'INVALID_BODY');
}
