// A small SQL tokenizer for the statements the compat layer answers itself (SET, simple SELECT, SHOW
// VARIABLES, USE). Comments are skipped; anything it cannot tokenize makes the caller give up.

export type TokenType = 'ident' | 'quoted_ident' | 'string' | 'number' | 'sysvar' | 'uservar' | 'punct' | 'eof';

export interface Token {
  type: TokenType;
  /** Identifier/keyword text, unquoted string value, number text, variable name, or the punctuation. */
  value: string;
  /** For sysvar: 'session' | 'global' | '' (no scope given). */
  scope?: string;
  start: number;
  end: number;
}

/** Identifier characters: [A-Za-z0-9_$] and everything from U+0080 (char codes, not a RegExp per character). */
export function isIdentCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24 || c >= 0x80;
}

function isIdent(ch: string): boolean {
  return isIdentCode(ch.charCodeAt(0));
}

/** What /\s/ matches in the ASCII range, plus the Unicode spaces it also matches. */
export function isSpaceCode(c: number): boolean {
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  return c >= 0x80 && /\s/.test(String.fromCharCode(c));
}
const PUNCT2 = [':=', '<=', '>=', '<>', '!='];

/** A number literal at `lastIndex` (sticky: no copy of the rest of the text). */
const NUMBER = /(\d*\.?\d+(?:[eE][-+]?\d+)?|\d+\.)/y;

export class LexError extends Error {}

function unescape(body: string, quote: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length) {
      const n = body[++i]!;
      out += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n === '0' ? '\0' : n === 'Z' ? '\x1a' : n;
    } else if (c === quote && body[i + 1] === quote) {
      out += c;
      i++;
    } else out += c;
  }
  return out;
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (isSpaceCode(sql.charCodeAt(i))) {
      i++;
      continue;
    }
    if (c === '#' || (c === '-' && sql[i + 1] === '-' && (i + 2 >= n || /\s/.test(sql[i + 2]!)))) {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? n : nl + 1;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      if (close < 0) throw new LexError('unterminated comment');
      i = close + 2;
      continue;
    }
    const start = i;
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      for (;;) {
        if (j >= n) throw new LexError('unterminated quote');
        const d = sql[j]!;
        if (d === '\\' && c !== '`') {
          j += 2;
          continue;
        }
        if (d === c) {
          if (sql[j + 1] === c) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      const body = sql.slice(i + 1, j);
      tokens.push({ type: c === '`' ? 'quoted_ident' : 'string', value: c === '`' ? body.replaceAll('``', '`') : unescape(body, c), start, end: j + 1 });
      i = j + 1;
      continue;
    }
    if (c === '@' && sql[i + 1] === '@') {
      let j = i + 2;
      let name = '';
      let scope = '';
      const readName = (): string => {
        if (sql[j] === '`') {
          const close = sql.indexOf('`', j + 1);
          if (close < 0) throw new LexError('unterminated quote');
          const v = sql.slice(j + 1, close);
          j = close + 1;
          return v;
        }
        const s = j;
        while (j < n && isIdent(sql[j]!)) j++;
        return sql.slice(s, j);
      };
      name = readName();
      if (sql[j] === '.' && /^(session|global|local)$/i.test(name)) {
        scope = name.toLowerCase() === 'global' ? 'global' : 'session';
        j++;
        name = readName();
      }
      if (!name) throw new LexError('empty system variable name');
      tokens.push({ type: 'sysvar', value: name, scope, start, end: j });
      i = j;
      continue;
    }
    if (c === '@') {
      let j = i + 1;
      if (sql[j] === '`' || sql[j] === "'" || sql[j] === '"') {
        const q = sql[j]!;
        const close = sql.indexOf(q, j + 1);
        if (close < 0) throw new LexError('unterminated quote');
        j = close + 1;
      } else {
        while (j < n && (isIdent(sql[j]!) || sql[j] === '.')) j++;
      }
      tokens.push({ type: 'uservar', value: sql.slice(i + 1, j), start, end: j });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(sql)!;
      const after = sql[i + m[0].length];
      if (after !== undefined && isIdent(after) && !/^\d+$/.test(m[0])) throw new LexError('bad number');
      if (after !== undefined && isIdent(after)) {
        // identifiers may start with digits (e.g. 1abc)
        let j = i;
        while (j < n && isIdent(sql[j]!)) j++;
        tokens.push({ type: 'ident', value: sql.slice(i, j), start, end: j });
        i = j;
        continue;
      }
      tokens.push({ type: 'number', value: m[0], start, end: i + m[0].length });
      i += m[0].length;
      continue;
    }
    if (isIdent(c)) {
      let j = i;
      while (j < n && isIdent(sql[j]!)) j++;
      tokens.push({ type: 'ident', value: sql.slice(i, j), start, end: j });
      i = j;
      continue;
    }
    const two = sql.slice(i, i + 2);
    if (PUNCT2.includes(two)) {
      tokens.push({ type: 'punct', value: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    if ('(),;=.*+-<>'.includes(c)) {
      tokens.push({ type: 'punct', value: c, start, end: i + 1 });
      i++;
      continue;
    }
    throw new LexError(`unexpected character ${c}`);
  }
  tokens.push({ type: 'eof', value: '', start: n, end: n });
  return tokens;
}
