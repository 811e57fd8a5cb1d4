// SQL literal text → the value it denotes, as `inception set` reads it.

import { unescapeString } from '../sql/lex.js';

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
    return sign + unescapeString(text.slice(1, -1), quote.charCodeAt(0));
  }
  return sign + text;
}
