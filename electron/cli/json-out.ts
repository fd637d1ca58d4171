/**
 * Writes a --json report through the CLI's output in pieces: a long array goes out one item per call, so a
 * report of 100,000 detail lines never becomes one string of tens of megabytes. Newlines between the pieces
 * are JSON whitespace: what is printed parses as one document.
 */
const LONG = 200;

export function writeJson(out: (text: string) => void, value: unknown): void {
  if (value === null || typeof value !== 'object' || (Array.isArray(value) && value.length <= LONG) || !Array.isArray(value) && !hasLongArray(value)) {
    out(JSON.stringify(value, null, 2));
    return;
  }
  if (Array.isArray(value)) {
    out('[');
    value.forEach((item, i) => out(`${JSON.stringify(item)}${i < value.length - 1 ? ',' : ''}`));
    out(']');
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  out('{');
  entries.forEach(([key, v], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (Array.isArray(v) && v.length > LONG) {
      out(`${JSON.stringify(key)}: [`);
      v.forEach((item, j) => out(`${JSON.stringify(item)}${j < v.length - 1 ? ',' : ''}`));
      out(`]${comma}`);
    } else out(`${JSON.stringify(key)}: ${JSON.stringify(v, null, 2)}${comma}`);
  });
  out('}');
}

function hasLongArray(value: object): boolean {
  return Object.values(value).some((v) => Array.isArray(v) && v.length > LONG);
}
