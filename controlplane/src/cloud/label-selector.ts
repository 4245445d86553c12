/** One term of a selector: `k=v`, `k!=v`, `k` (present) or `!k` (absent). */
export type LabelTerm = { key: string; op: 'eq' | 'ne'; value: string } | { key: string; op: 'exists' | 'absent' };

/**
 * Parses `aicloud.dev/stack=prod,team!=ml,gpu`. Returns the index of the bad term on failure, so
 * the API can name it.
 */
export function parseLabelSelector(selector: string): LabelTerm[] | { badTerm: string } {
  const terms: LabelTerm[] = [];
  for (const raw of selector.split(',')) {
    const term = raw.trim();
    if (term === '') continue;
    const ne = term.indexOf('!=');
    const eq = term.indexOf('=');
    if (ne > 0) terms.push({ key: term.slice(0, ne).trim(), op: 'ne', value: term.slice(ne + 2).trim() });
    else if (eq > 0)
      terms.push({
        key: term.slice(0, eq).trim(),
        op: 'eq',
        value: term
          .slice(eq + 1)
          .replace(/^=/, '')
          .trim(),
      });
    else if (term.startsWith('!') && term.length > 1) terms.push({ key: term.slice(1).trim(), op: 'absent' });
    else if (eq === -1 && /^[A-Za-z0-9._/-]+$/.test(term)) terms.push({ key: term, op: 'exists' });
    else return { badTerm: term };
  }
  return terms;
}

export function matchesLabels(labels: Record<string, string> | undefined, terms: readonly LabelTerm[]): boolean {
  const l = labels ?? {};
  for (const t of terms) {
    const has = Object.prototype.hasOwnProperty.call(l, t.key);
    if (t.op === 'eq' && (!has || l[t.key] !== t.value)) return false;
    if (t.op === 'ne' && has && l[t.key] === t.value) return false;
    if (t.op === 'exists' && !has) return false;
    if (t.op === 'absent' && has) return false;
  }
  return true;
}
