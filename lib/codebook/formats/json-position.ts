/**
 * Where a value sits in a JSON text, so problems found after `JSON.parse` can name a line and
 * column. `jsonPositions` scans valid JSON once and maps every value's path
 * (`aspects.0.groups.1.label.en`) to the offset where the value starts.
 */

export function jsonPositions(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string) => {
    ws();
    out.set(path, i);
    const ch = text[i];
    const join = (part: string | number) => (path ? `${path}.${part}` : String(part));
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        const key = str();
        ws();
        i++; // colon
        value(join(key));
        ws();
        if (text[i++] === '}') return;
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        value(join(n));
        ws();
        if (text[i++] === ']') return;
      }
    }
    if (ch === '"') return void str();
    while (i < text.length && /[^\s,\]}]/.test(text[i] as string)) i++;
  };
  try {
    value('');
  } catch {
    // Invalid JSON: positions found so far are still right.
  }
  return out;
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The position of the deepest known prefix of `path` (a missing key points at its object). */
export function locate(positions: Map<string, number>, path: string): number | undefined {
  let p = path;
  for (;;) {
    const hit = positions.get(p);
    if (hit !== undefined) return hit;
    if (!p) return undefined;
    p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '';
  }
}
