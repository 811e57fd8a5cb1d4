// SQL literal text → the value it denotes, as `inception set` and the local-command lexer read it.

/**
 * The value a SQL literal denotes: `'a''b'` / `"a\"b"` unquoted with MySQL escapes, `- 5` → `-5`, anything
 * else trimmed as written.
 */
export function literalText(raw: string): string {
  let text = raw.trim();
  let sign = '';
  const negative = /^-\s*(.+)$/s.exec(text);
  if (negative && !/^-\d/.test(text)) {
    sign = '-';
    text = negative[1]!;
  }
  const quote = text[0];
  if ((quote === "'" || quote === '"') && text.length >= 2 && text.endsWith(quote)) {
    return sign + unescapeSqlString(text.slice(1, -1), quote);
  }
  return sign + text;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', '0': '\0', Z: '\x1a' };

/** MySQL string-literal escapes; `\%` and `\_` keep their backslash (they are LIKE escapes). */
export function unescapeSqlString(body: string, quote: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length) {
      const next = body[++i]!;
      if (next === '%' || next === '_') out += '\\' + next;
      else out += ESCAPES[next] ?? next;
    } else if (c === quote && body[i + 1] === quote) {
      out += quote;
      i++;
    } else {
      out += c;
    }
  }
  return out;
}
