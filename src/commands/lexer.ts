// A small SQL tokenizer for local commands: words, quoted strings, back-quoted names, numbers and
// punctuation, with `/* */`, `-- ` and `#` comments skipped. Every token keeps its offsets so a value can be
// taken verbatim from the source text.

import { ER, mysqlError, type MysqlError } from '../protocol/result.js';
import { unescapeSqlString } from '../config/sql-literal.js';

export type TokenType = 'word' | 'string' | 'number' | 'ident' | 'punct';

export interface Token {
  type: TokenType;
  /** Unquoted value for strings and back-quoted names; the source text otherwise. */
  value: string;
  start: number;
  end: number;
}

const TWO_CHAR_PUNCT = new Set(['<>', '!=', '<=', '>=', ':=', '<=>']);

export class Lexer {
  private pos = 0;

  constructor(readonly text: string) {}

  /** The next token, or null at the end of the text. */
  next(): Token | null {
    this.skipSpaceAndComments();
    const { text } = this;
    const start = this.pos;
    if (start >= text.length) return null;
    const c = text[start]!;
    if (c === "'" || c === '"') return this.quoted(c, 'string');
    if (c === '`') return this.quoted(c, 'ident');
    const number = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(?![A-Za-z_$])/.exec(text.slice(start));
    if (number) return this.token('number', start, start + number[0].length);
    const word = /^[A-Za-z0-9_$\u0080-\uffff]+/.exec(text.slice(start));
    if (word) return this.token('word', start, start + word[0].length);
    const three = text.slice(start, start + 3);
    const two = text.slice(start, start + 2);
    const len = TWO_CHAR_PUNCT.has(three) ? 3 : TWO_CHAR_PUNCT.has(two) ? 2 : 1;
    return this.token('punct', start, start + len);
  }

  /** Every remaining token. */
  all(): Token[] {
    const out: Token[] = [];
    for (let t = this.next(); t; t = this.next()) out.push(t);
    return out;
  }

  private token(type: TokenType, start: number, end: number): Token {
    this.pos = end;
    return { type, value: this.text.slice(start, end), start, end };
  }

  private quoted(quote: string, type: 'string' | 'ident'): Token {
    const { text } = this;
    const start = this.pos;
    let i = start + 1;
    for (;;) {
      if (i >= text.length) throw syntaxError(text, start);
      const c = text[i]!;
      if (c === '\\' && type === 'string') i += 2;
      else if (c === quote && text[i + 1] === quote) i += 2;
      else if (c === quote) break;
      else i++;
    }
    this.pos = i + 1;
    const body = text.slice(start + 1, i);
    const value = type === 'string' ? unescapeSqlString(body, quote) : body.replaceAll('``', '`');
    return { type, value, start, end: i + 1 };
  }

  private skipSpaceAndComments(): void {
    const { text } = this;
    for (;;) {
      const rest = text.slice(this.pos);
      const space = /^\s+/.exec(rest);
      if (space) {
        this.pos += space[0].length;
        continue;
      }
      if (rest.startsWith('/*')) {
        const close = text.indexOf('*/', this.pos + 2);
        this.pos = close < 0 ? text.length : close + 2;
        continue;
      }
      if (rest.startsWith('#') || /^--(\s|$)/.test(rest)) {
        const eol = text.indexOf('\n', this.pos);
        this.pos = eol < 0 ? text.length : eol + 1;
        continue;
      }
      return;
    }
  }
}

/** MySQL's 1064 message pointing at `offset` of `text`. */
export function syntaxError(text: string, offset: number): MysqlError {
  const near = text.slice(offset).replace(/[\s;]+$/, '').slice(0, 80);
  const line = text.slice(0, offset).split('\n').length;
  return mysqlError(
    ER.PARSE,
    `You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${near}' at line ${line}`,
  );
}
