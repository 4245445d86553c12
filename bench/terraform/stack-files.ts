// The benchmark's stack, written four ways: aicloud HCL, GitOps manifests, and two minimal-provider HCLs.

/** Resources of the stack: buckets and volumes, which need no accelerators, so 1,000 always fit. */
export function stackResources(count: number, prefix: string): { kind: 'Bucket' | 'Volume'; name: string }[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: i % 5 < 3 ? ('Bucket' as const) : ('Volume' as const),
    name: `${prefix}-${String(i).padStart(4, '0')}`,
  }));
}

const HEADER = (source: string) => `terraform {
  required_providers {
    ${source.split('/')[1]} = { source = "${source}" }
  }
}
`;

export function aicloudHcl(count: number, prefix: string): string {
  const body = stackResources(count, prefix).map((r) =>
    r.kind === 'Bucket'
      ? `resource "aicloud_bucket" "${r.name}" {\n  name   = "${r.name}"\n  region = "cn-southwest-2"\n}\n`
      : `resource "aicloud_volume" "${r.name}" {\n  name     = "${r.name}"\n  zone     = "cn-southwest-2a"\n  size_gib = 100\n}\n`,
  );
  return `${HEADER('aicloud/aicloud')}\nprovider "aicloud" {}\n\n${body.join('\n')}`;
}

export function gitopsManifests(count: number, prefix: string): string {
  return stackResources(count, prefix)
    .map((r) =>
      r.kind === 'Bucket'
        ? `apiVersion: aicloud.dev/v1\nkind: Bucket\nmetadata:\n  name: ${r.name}\nspec:\n  region: cn-southwest-2\n`
        : `apiVersion: aicloud.dev/v1\nkind: Volume\nmetadata:\n  name: ${r.name}\nspec:\n  zone: cn-southwest-2a\n  sizeGib: 100\n`,
    )
    .join('---\n');
}

export function minimalHcl(count: number): string {
  const body = Array.from({ length: count }, (_, i) => `resource "minimal_item" "i${i}" {\n  name = "item-${i}"\n}\n`);
  return `${HEADER('aicloud/minimal')}\n${body.join('\n')}`;
}

/** The second baseline: `minimal_shaped` has `aicloud_bucket`'s schema shape and gets the same config. */
export function shapedHcl(count: number, prefix: string): string {
  const body = Array.from(
    { length: count },
    (_, i) => `resource "minimal_shaped" "s${i}" {\n  name   = "${prefix}-${String(i).padStart(4, '0')}"\n  region = "cn-southwest-2"\n}\n`,
  );
  return `${HEADER('aicloud/minimal')}\n${body.join('\n')}`;
}
