import { kindInfo, UNKNOWN, resourceOutputs, type Kind } from '../../../core/index.ts';
import { toWire } from './to-wire.ts';
import type { CloudResource } from './cloud-api.ts';
import type { Struct } from './proto.ts';
import type { SecretRegistry } from './secret-registry.ts';

/** A cloud resource in the engine's terms. */
export interface EncodedResource {
  id: string;
  properties: Struct;
  inputs: Struct;
}

/**
 * A resource's outputs and inputs for the engine. The id is the resource's name, unique per project and kind,
 * so `pulumi import <type> <name> <name>` works with the name users know. Schema secrets (the API key) and
 * whatever arrived secret are wrapped again.
 */
export function encodeResource(kind: Kind, resource: CloudResource, inputSecretKeys: Iterable<string>, secrets: SecretRegistry): EncodedResource {
  const info = kindInfo(kind);
  const outputs = resourceOutputs(resource);
  const secretKeys = new Set([...info.secretOutputs, ...inputSecretKeys]);
  for (const key of info.secretOutputs) secrets.addDeep(outputs[key]);
  return {
    id: resource.name,
    properties: toWire(outputs, secretKeys),
    inputs: toWire(inputsOf(kind, resource.spec), secretKeys),
  };
}

/** Label keys aicloud writes itself (the GitOps CLI's `aicloud.dev/stack` and `aicloud.dev/address`). */
export const MANAGED_LABEL_PREFIX = 'aicloud.dev/';

/**
 * The inputs part of a spec: only the kind's input fields, so an import matches what a program declares.
 * Labels aicloud manages are nobody's input: a resource the GitOps CLI created imports with no diff, and an
 * update's merge patch leaves those labels alone.
 */
export function inputsOf(kind: Kind, spec: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(kindInfo(kind).inputs)) {
    if (spec[key] !== undefined && spec[key] !== null) out[key] = spec[key];
  }
  if (isRecord(out.labels)) {
    const own = Object.entries(out.labels).filter(([k]) => !k.startsWith(MANAGED_LABEL_PREFIX));
    if (own.length) out.labels = Object.fromEntries(own);
    else delete out.labels;
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * What a preview says a new resource will look like: its inputs as given, and every other output unknown, so
 * dependents see "known after apply" instead of a guess.
 */
export function previewOutputs(kind: Kind, inputs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...inputs };
  for (const key of Object.keys(kindInfo(kind).outputs)) if (!(key in out)) out[key] = UNKNOWN;
  return out;
}
