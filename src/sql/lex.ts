// A small MySQL tokenizer for our own recognisers (the forms node-sql-parser lacks). It only needs to be right
// about token boundaries: comments and whitespace are skipped, quotes and backticks are single tokens.

export type TokenType = 'word' | 'quoted_ident' | 'string' | 'number' | 'punct';

export interface Token {
  type: TokenType;
  /** Source text of the token. */
  text: string;
  /** Unquoted value: identifier name, string contents, or the upper-cased keyword for words. */
  value: string;
  start: number;
  end: number;
}

const WORD = /[A-Za-z0-9_$\u0080-\uffff]/;

/** Tokenizes `sql`; an unterminated quote or comment ends the token stream there (the caller sees no closure). */
export function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0') {
      i++;
    } else if (c === '#' || (c === '-' && sql[i + 1] === '-' && (i + 2 >= n || /\s/.test(sql[i + 2]!)))) {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? n : nl + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      const start = i;
      let value = '';
      i++;
      let closed = false;
      while (i < n) {
        const d = sql[i]!;
        if (d === '\\' && c !== '`' && i + 1 < n) {
          value += sql[i + 1];
          i += 2;
        } else if (d === c) {
          if (sql[i + 1] === c) {
            value += c;
            i += 2;
          } else {
            i++;
            closed = true;
            break;
          }
        } else {
          value += d;
          i++;
        }
      }
      if (!closed) return out;
      out.push({ type: c === '`' ? 'quoted_ident' : 'string', text: sql.slice(start, i), value, start, end: i });
    } else if (WORD.test(c)) {
      const start = i;
      while (i < n && WORD.test(sql[i]!)) i++;
      const text = sql.slice(start, i);
      const type: TokenType = /^[0-9]+(\.[0-9]*)?$/.test(text) ? 'number' : 'word';
      out.push({ type, text, value: type === 'word' ? text.toUpperCase() : text, start, end: i });
    } else {
      out.push({ type: 'punct', text: c, value: c, start: i, end: i + 1 });
      i++;
    }
  }
  return out;
}

/** Length of the token starting at `offset` (1 for punctuation, 0 at the end of the text). */
export function tokenLengthAt(sql: string, offset: number): number {
  if (offset >= sql.length) return 0;
  const first = tokenize(sql.slice(offset))[0];
  return first && first.start === 0 ? first.end : 1;
}

/** Whether `tok` is the keyword `word` (case-insensitive, unquoted). */
export function isWord(tok: Token | undefined, ...words: string[]): boolean {
  return tok !== undefined && tok.type === 'word' && words.includes(tok.value);
}

/** Identifier value of a word or backticked token, or null. */
export function identOf(tok: Token | undefined): string | null {
  if (!tok) return null;
  if (tok.type === 'quoted_ident') return tok.value;
  if (tok.type === 'word' || tok.type === 'number') return tok.text;
  return null;
}

/**
 * Reads `name` or `db.name` starting at token index `i`.
 * Returns the parts and the index after them, or null when no identifier is there.
 */
export function readQualifiedName(toks: Token[], i: number): { db: string | null; name: string; next: number } | null {
  const first = identOf(toks[i]);
  if (first === null) return null;
  if (toks[i + 1]?.text === '.' && identOf(toks[i + 2]) !== null) {
    return { db: first, name: identOf(toks[i + 2])!, next: i + 3 };
  }
  return { db: null, name: first, next: i + 1 };
}

/** Splits tokens [from, to) at top-level commas (outside parentheses). Null when parentheses do not balance. */
export function splitTopLevel(toks: Token[], from: number, to = toks.length): Token[][] | null {
  const parts: Token[][] = [];
  let cur: Token[] = [];
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = toks[i]!;
    if (t.text === '(' && t.type === 'punct') depth++;
    if (t.text === ')' && t.type === 'punct') depth--;
    if (depth < 0) return null;
    if (depth === 0 && t.type === 'punct' && t.text === ',') {
      parts.push(cur);
      cur = [];
    } else {
      cur.push(t);
    }
  }
  if (depth !== 0) return null;
  parts.push(cur);
  return parts;
}
