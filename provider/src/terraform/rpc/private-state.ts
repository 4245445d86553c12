// Private state: the resource version Terraform last saw, sent back as If-Match on update so a
// change made between plan and apply is refused rather than overwritten.
export function encodePrivate(resourceVersion: number | undefined): Buffer {
  return resourceVersion === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify({ v: resourceVersion }));
}

export function decodePrivate(bytes: Uint8Array | undefined): number | undefined {
  if (!bytes || bytes.length === 0) return undefined;
  try {
    const v = (JSON.parse(Buffer.from(bytes).toString('utf8')) as { v?: unknown }).v;
    return typeof v === 'number' ? v : undefined;
  } catch {
    return undefined;
  }
}
