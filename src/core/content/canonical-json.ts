/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, undefined members dropped.
 * The same pack always gives the same text, so its hash can serve as its version.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries: [string, unknown][] = Object.entries(value).filter(([, member]) => member !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // fromEntries defines own properties, so even a "__proto__" key stays data.
    return Object.fromEntries(entries.map(([key, member]) => [key, sortKeys(member)]));
  }
  return value;
}
