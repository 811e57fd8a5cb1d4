// Reading a statement after the lexer (lex.ts) has scanned it: a cursor over its tokens. The two small
// statement readers that are not parsers of the target's SQL — local commands (commands/parse.ts) and the
// client start-up queries the connection answers itself (server/compat.ts) — both walk their tokens with it,
// so there is one way to scan SQL and one way to step through it.

import type { Token } from './lex.js';

/** A name as written: a word's or number's own spelling, a quoted name's or string's contents. */
export function nameOf(t: Token): string {
  return t.type === 'word' || t.type === 'number' ? t.text : t.value;
}

/** Steps through `tokens` (of `text`); past the last token, `peek` and `take` answer undefined. */
export class TokenCursor {
  protected i = 0;

  constructor(
    readonly text: string,
    protected readonly tokens: readonly Token[],
  ) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }

  /** The next token, consumed; undefined (and nothing consumed) at the end. */
  take(): Token | undefined {
    const t = this.tokens[this.i];
    if (t) this.i++;
    return t;
  }

  /** The token `take` returned last. */
  previous(): Token | undefined {
    return this.tokens[this.i - 1];
  }

  atEnd(): boolean {
    return this.i >= this.tokens.length;
  }

  /** Is the token at `offset` one of the keywords `words` (given in lower case; matched case-insensitively)? */
  isWord(words: string | readonly string[], offset = 0): boolean {
    const t = this.tokens[this.i + offset];
    if (t?.type !== 'word') return false;
    const word = t.text.toLowerCase();
    return typeof words === 'string' ? word === words : words.includes(word);
  }

  isPunct(p: string, offset = 0): boolean {
    const t = this.tokens[this.i + offset];
    return t?.type === 'punct' && t.text === p;
  }

  /** Consumes the next token when it is one of the keywords `words`. */
  acceptWord(...words: string[]): boolean {
    if (!this.isWord(words)) return false;
    this.i++;
    return true;
  }

  /** Consumes the next token when it is the punctuation `p`. */
  acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.i++;
    return true;
  }
}
