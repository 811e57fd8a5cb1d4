// Where each key of a TOML text is written, so a bad value can be reported as `file:line`. The toml parser
// only locates syntax errors; this is a line scanner good enough for config files (tables, arrays of tables,
// dotted keys, multi-line strings skipped).

/**
 * Path → 1-based line of its first definition. Paths: `port`, `inc` (the `[inc]` header), `inc.max_keys`,
 * `log.file.filename`, `users[0]`, `users[1].password`.
 */
export function keyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const arrayCounts = new Map<string, number>();
  let table = '';
  let inMultiline: '"""' | "'''" | null = null;
  text.split(/\r?\n/).forEach((line, index) => {
    const lineNo = index + 1;
    if (inMultiline) {
      if (countOf(line, inMultiline) % 2 === 1) inMultiline = null;
      return;
    }
    const arrayHeader = /^\s*\[\[\s*([^\]]+?)\s*\]\]\s*(#.*)?$/.exec(line);
    if (arrayHeader) {
      const path = normalisePath(arrayHeader[1]!);
      const next = (arrayCounts.get(path) ?? -1) + 1;
      arrayCounts.set(path, next);
      table = `${path}[${next}]`;
      setOnce(lines, table, lineNo);
      return;
    }
    const header = /^\s*\[\s*([^\]]+?)\s*\]\s*(#.*)?$/.exec(line);
    if (header) {
      table = normalisePath(header[1]!);
      setOnce(lines, table, lineNo);
      return;
    }
    const key = /^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=(.*)$/.exec(line);
    if (key) {
      const path = normalisePath(key[1]!);
      setOnce(lines, table ? `${table}.${path}` : path, lineNo);
      for (const quote of ['"""', "'''"] as const) {
        if (countOf(key[2]!, quote) % 2 === 1) inMultiline = quote;
      }
    }
  });
  return lines;
}

function setOnce(map: Map<string, number>, key: string, line: number): void {
  if (!map.has(key)) map.set(key, line);
}

function countOf(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

function normalisePath(raw: string): string {
  return raw
    .split('.')
    .map((part) => part.trim().replace(/^"(.*)"$|^'(.*)'$/, '$1$2'))
    .join('.');
}

/** The line of `path`, falling back to its enclosing table, then to nothing. */
export function lineOf(lines: Map<string, number>, path: string): number | undefined {
  let p = path;
  for (;;) {
    const line = lines.get(p);
    if (line !== undefined) return line;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return undefined;
    p = p.slice(0, cut);
  }
}
