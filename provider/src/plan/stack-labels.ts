/** Annotation that turns a prune of this resource into a plan error. */
export const PROTECT_ANNOTATION = 'aicloud.dev/protect';

/** Labels the stack writes on every resource it manages; the cloud is the state. */
export const STACK_LABEL = 'aicloud.dev/stack';
export const ADDRESS_LABEL = 'aicloud.dev/address';

/** `Kind/name`: how plans, graphs and labels name a resource of a stack. */
export function addressOf(kind: string, name: string): string {
  return `${kind}/${name}`;
}
