/**
 * Every secret string the provider has seen (the token, secret inputs, API keys it returned), so anything
 * about to leave the process as text (an error message, a log line) can be scrubbed of them.
 */
export class SecretRegistry {
  private readonly values = new Set<string>();

  add(value: unknown): void {
    // Very short strings would blank out ordinary words in messages; no real credential is that short.
    if (typeof value === 'string' && value.length >= 6) this.values.add(value);
  }

  /** Adds every string inside a secret value (a secret object or list hides all of its leaves). */
  addDeep(value: unknown): void {
    if (typeof value === 'string') this.add(value);
    else if (Array.isArray(value)) value.forEach((v) => this.addDeep(v));
    else if (value && typeof value === 'object') Object.values(value).forEach((v) => this.addDeep(v));
  }

  scrub(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const s of [...this.values].sort((a, b) => b.length - a.length)) out = out.split(s).join('[secret]');
    return out;
  }
}
