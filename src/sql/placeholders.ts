// `?` placeholders of a prepared statement and the values bound to them, as SQL text: a prepared statement's
// parameters are written into its text as literals, and the text then runs like a COM_QUERY (docs/wire.md,
// "Prepared statements"). The placeholders are found with the one tokenizer (lex.ts), so a `?` inside a string,
// a quoted name or a comment is never one.

import { Lexer } from './lex.js';

/** A bound value as the protocol decodes it (strings, numbers, big integers, bytes, NULL). */
export type BoundValue = string | number | bigint | Buffer | null;

/** Offsets of the `?` placeholders in `sql`; scanning stops at an unterminated quote or comment. */
export function placeholderPositions(sql: string): number[] {
  if (!sql.includes('?')) return [];
  const out: number[] = [];
  const lexer = new Lexer(sql);
  for (let t = lexer.next(); t; t = lexer.next()) if (t.type === 'punct' && t.text === '?') out.push(t.start);
  return out;
}

const STRING_ESCAPES: Readonly<Record<string, string>> = { '\0': '\\0', '\n': '\\n', '\r': '\\r', '\x1a': '\\Z' };

/** A value as an SQL literal: strings quoted and escaped as mysql_real_escape_string does; bytes as UTF-8 text. */
export function sqlLiteral(v: BoundValue): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NULL';
  if (typeof v === 'bigint') return v.toString();
  const text = Buffer.isBuffer(v) ? v.toString('utf8') : v;
  return `'${text.replace(/[\0\n\r\x1a'"\\]/g, (c) => STRING_ESCAPES[c] ?? `\\${c}`)}'`;
}

/** The statement text with every placeholder replaced by its value's literal (a missing value is NULL). */
export function bindPlaceholders(sql: string, positions: readonly number[], values: readonly BoundValue[]): string {
  let out = '';
  let from = 0;
  positions.forEach((at, i) => {
    out += sql.slice(from, at) + sqlLiteral(values[i] ?? null);
    from = at + 1;
  });
  return out + sql.slice(from);
}
