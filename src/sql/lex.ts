// The one MySQL tokenizer (statement recognisers, local commands, the compat layer, prepared-statement
// placeholders, the COUNT rewrite) and its comment and quote rules (`commentEnd`, `quotedEnd`: also the batch
// splitter's). It is right about token boundaries and literal values,
// nothing more: whitespace and comments (`#`, `-- `, `/* */` incl. `/*! */`) are skipped, quotes and backticks
// are single tokens. Char codes only (it runs on every client start-up query).

export type TokenType = 'word' | 'quoted_ident' | 'string' | 'number' | 'sysvar' | 'uservar' | 'punct';

export interface Token {
  type: TokenType;
  /** Source text of the token (quotes included). */
  text: string;
  /**
   * word: the upper-cased text; quoted_ident / string: the contents, unescaped (MySQL escapes, doubled quotes);
   * sysvar / uservar: the name without `@@scope.` / `@` (unquoted); number / punct: the text.
   */
  value: string;
  /** sysvar only: `@@global.x` → 'global', `@@session.x` / `@@local.x` → 'session', `@@x` → ''. */
  scope?: 'global' | 'session' | '';
  start: number;
  end: number;
}

/** Where scanning stopped early: an unterminated quote (at its opening quote) or comment. */
export interface Unterminated {
  kind: 'quote' | 'comment';
  start: number;
}

/** Identifier characters: [A-Za-z0-9_$] and everything from U+0080. */
export function isIdentCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24 || c >= 0x80;
}

/** What /\s/ matches: ASCII blanks, plus the Unicode spaces (looked up only beyond ASCII). */
export function isSpaceCode(c: number): boolean {
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  return c >= 0x80 && /\s/.test(String.fromCharCode(c));
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

const BACKSLASH = 0x5c;
const BACKTICK = 0x60;
const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const AT = 0x40;
const DOT = 0x2e;

/**
 * Skips whitespace and comments from `from`: `# …` and `-- …` (two dashes and whitespace) to the end of the
 * line, `/* … *\/` (also `/*! … *\/`). Returns the index of the first character that is neither — or of a `/*`
 * that never closes, so a caller can tell an unterminated comment from the end of the text. The lexer, the
 * compat layer's first-keyword test and the batch markers use it; the splitter uses `commentEnd` below.
 */
export function skipSpaceAndComments(sql: string, from = 0): number {
  const n = sql.length;
  let i = from;
  while (i < n) {
    if (isSpaceCode(sql.charCodeAt(i))) {
      i++;
      continue;
    }
    const end = commentEnd(sql, i);
    if (end === i || end < 0) return i;
    i = end;
  }
  return i;
}

/**
 * Char codes a comment can start with (`#`, `-`, `/`), as a table: a hot loop (the splitter) looks a character
 * up here before it asks `commentEnd`, which is far cheaper than a call per character.
 */
export const COMMENT_START: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (const c of '#-/') table[c.charCodeAt(0)] = 1;
  return table;
})();

/**
 * The one comment rule. Where a comment starts at `i`: the index after its `*\/` for `/* … *\/` (also the
 * executable `/*! … *\/`), or the index of the newline ending `# …` and `-- …` (the end of the text when there is
 * none); -1 for a `/*` that never closes. `i` itself when no comment starts there. `--` opens a comment only
 * when followed by a space or a control character, or at the end (MySQL's rule: `--x` is minus minus x).
 */
export function commentEnd(sql: string, i: number): number {
  const c = sql.charCodeAt(i);
  if (c === 0x23 /* # */ || (c === 0x2d /* - */ && sql.charCodeAt(i + 1) === 0x2d && !(sql.charCodeAt(i + 2) > 0x20))) {
    const nl = sql.indexOf('\n', i);
    return nl < 0 ? sql.length : nl;
  }
  if (c === 0x2f /* / */ && sql.charCodeAt(i + 1) === 0x2a /* * */) {
    const close = sql.indexOf('*/', i + 2);
    return close < 0 ? -1 : close + 2;
  }
  return i;
}

/**
 * The one quote rule. The index after the quote that closes the `'`, `"` or backtick at `open`, or -1 when it
 * never closes. Inside `'` and `"` a backslash escapes the next character; in all three a doubled quote is one.
 */
export function quotedEnd(sql: string, open: number): number {
  const n = sql.length;
  const quote = sql.charCodeAt(open);
  let i = open + 1;
  while (i < n) {
    const d = sql.charCodeAt(i);
    if (d === BACKSLASH && quote !== BACKTICK) {
      i += 2;
    } else if (d === quote) {
      if (sql.charCodeAt(i + 1) !== quote) return i + 1;
      i += 2;
    } else {
      i++;
    }
  }
  return -1;
}

/** Pulls tokens one at a time (a caller that only needs the first few never scans the rest). */
export class Lexer {
  private pos: number;
  /** Set when scanning stopped at an unterminated quote or comment; next() then returns null. */
  unterminated: Unterminated | null = null;

  constructor(
    readonly sql: string,
    start = 0,
  ) {
    this.pos = start;
  }

  /** The next token, or null at the end of the text (or at an unterminated quote/comment). */
  next(): Token | null {
    const sql = this.sql;
    const n = sql.length;
    if (this.unterminated) return null;
    let i = this.skipSpaceAndComments();
    if (i >= n) return null;
    const c = sql.charCodeAt(i);
    const start = i;
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE || c === BACKTICK) {
      const q = this.quoted(start);
      if (!q) return null;
      return this.token(c === BACKTICK ? 'quoted_ident' : 'string', start, q.end, q.value);
    }
    if (c === AT) return this.variable(start);
    if (isDigitCode(c) || (c === DOT && isDigitCode(sql.charCodeAt(i + 1)) && !this.followsName(i))) return this.numberOrWord(start);
    if (isIdentCode(c)) {
      // upper-casing allocates: skip it for words already in upper case (most keywords as clients send them)
      let lower = c >= 0x61;
      i++;
      for (let d = sql.charCodeAt(i); i < n && isIdentCode(d); d = sql.charCodeAt(++i)) if (d >= 0x61) lower = true;
      const text = sql.slice(start, i);
      this.pos = i;
      return { type: 'word', text, value: lower ? text.toUpperCase() : text, start, end: i };
    }
    return this.token('punct', start, start + operatorLength(sql, i));
  }

  private token(type: TokenType, start: number, end: number, value?: string): Token {
    this.pos = end;
    const text = this.sql.slice(start, end);
    return { type, text, value: value ?? text, start, end };
  }

  private skipSpaceAndComments(): number {
    const sql = this.sql;
    let i = skipSpaceAndComments(sql, this.pos);
    if (i < sql.length && sql.charCodeAt(i) === 0x2f /* / */ && sql.charCodeAt(i + 1) === 0x2a /* * */) {
      this.unterminated = { kind: 'comment', start: i };
      i = sql.length;
    }
    this.pos = i;
    return i;
  }

  /** The quoted token opening at `start`: its end and unescaped value; null (and `unterminated`) when it never closes. */
  private quoted(start: number): { end: number; value: string } | null {
    const sql = this.sql;
    const end = quotedEnd(sql, start);
    if (end < 0) {
      this.unterminated = { kind: 'quote', start };
      this.pos = sql.length;
      return null;
    }
    const quote = sql.charCodeAt(start);
    const body = sql.slice(start + 1, end - 1);
    // Any quote inside the body is escaped, and so is anything after a backslash: without either, the body is the value.
    const plain = body.indexOf(sql[start]!) < 0 && (quote === BACKTICK || body.indexOf('\\') < 0);
    const value = plain ? body : quote === BACKTICK ? body.replaceAll('``', '`') : unescapeString(body, quote);
    return { end, value };
  }

  /**
   * `@@[scope.]name` (sysvar), `@name` / `@'name'` (uservar). A `@` right after a name or quote is the `@` of
   * `user@host` and stays punctuation.
   */
  private variable(start: number): Token | null {
    const sql = this.sql;
    if (sql.charCodeAt(start + 1) === AT) {
      let i = start + 2;
      let scope: Token['scope'] = '';
      let name = this.variableName(i);
      if (!name) return null;
      i = name.end;
      if (sql.charCodeAt(i) === DOT && /^(session|global|local)$/i.test(name.value)) {
        scope = name.value.toLowerCase() === 'global' ? 'global' : 'session';
        name = this.variableName(i + 1);
        if (!name) return null;
        i = name.end;
      }
      this.pos = i;
      return { type: 'sysvar', text: sql.slice(start, i), value: name.value, scope, start, end: i };
    }
    const before = start > 0 ? sql.charCodeAt(start - 1) : -1;
    if (isIdentCode(before) || before === BACKTICK || before === SINGLE_QUOTE || before === DOUBLE_QUOTE) {
      return this.token('punct', start, start + 1);
    }
    const c = sql.charCodeAt(start + 1);
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE || c === BACKTICK) {
      const q = this.quoted(start + 1);
      if (!q) return null;
      return this.token('uservar', start, q.end, q.value);
    }
    let i = start + 1;
    while (i < sql.length && (isIdentCode(sql.charCodeAt(i)) || sql.charCodeAt(i) === DOT)) i++;
    return this.token('uservar', start, i, sql.slice(start + 1, i));
  }

  /** A variable name at `i`: backticked or a run of identifier characters (possibly empty). Null when unterminated. */
  private variableName(i: number): { value: string; end: number } | null {
    const sql = this.sql;
    if (sql.charCodeAt(i) === BACKTICK) {
      const q = this.quoted(i);
      return q && { value: q.value, end: q.end };
    }
    let j = i;
    while (j < sql.length && isIdentCode(sql.charCodeAt(j))) j++;
    return { value: sql.slice(i, j), end: j };
  }

  /** Whether the `.` at `i` qualifies a name (`t.5` is t, ., 5 — not t and .5). */
  private followsName(i: number): boolean {
    const before = i > 0 ? this.sql.charCodeAt(i - 1) : -1;
    return isIdentCode(before) || before === BACKTICK;
  }

  /** `12`, `1.5`, `.5`, `1e-3`; digits running into letters (`1abc`, `1e5x`) make a word, as in MySQL. */
  private numberOrWord(start: number): Token {
    const sql = this.sql;
    const n = sql.length;
    let i = start;
    while (i < n && isDigitCode(sql.charCodeAt(i))) i++;
    let fraction = false;
    // `1.5`, `1.`; but `123.tbl` is a name, a dot and a name
    if (sql.charCodeAt(i) === DOT && (isDigitCode(sql.charCodeAt(i + 1)) || !isIdentCode(sql.charCodeAt(i + 1)))) {
      fraction = true;
      i++;
      while (i < n && isDigitCode(sql.charCodeAt(i))) i++;
    }
    const e = sql.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      let j = i + 1;
      const sign = sql.charCodeAt(j);
      if (sign === 0x2b || sign === 0x2d) j++;
      if (isDigitCode(sql.charCodeAt(j))) {
        while (j < n && isDigitCode(sql.charCodeAt(j))) j++;
        i = j;
      }
    }
    if (!fraction && i < n && isIdentCode(sql.charCodeAt(i))) {
      i = start;
      while (i < n && isIdentCode(sql.charCodeAt(i))) i++;
      const text = sql.slice(start, i);
      this.pos = i;
      return { type: 'word', text, value: text.toUpperCase(), start, end: i };
    }
    return this.token('number', start, i);
  }
}

/** Length of the punctuation at `i`: the comparison/assignment operators `<=>`, `<=`, `>=`, `<>`, `!=`, `:=` or 1. */
function operatorLength(sql: string, i: number): number {
  const c = sql.charCodeAt(i);
  const d = sql.charCodeAt(i + 1);
  if (c === 0x3c /* < */) {
    if (d === 0x3d /* = */) return sql.charCodeAt(i + 2) === 0x3e /* > */ ? 3 : 2;
    return d === 0x3e ? 2 : 1;
  }
  if (c === 0x3e /* > */ || c === 0x21 /* ! */ || c === 0x3a /* : */) return d === 0x3d ? 2 : 1;
  return 1;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', '0': '\0', Z: '\x1a' };

/** A string literal's body → its value: MySQL backslash escapes (`\%`, `\_` keep the backslash: LIKE escapes), doubled quotes. */
export function unescapeString(body: string, quote: number): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === BACKSLASH && i + 1 < body.length) {
      const next = body[++i]!;
      if (next === '%' || next === '_') out += '\\' + next;
      else out += ESCAPES[next] ?? next;
    } else if (c === quote && body.charCodeAt(i + 1) === quote) {
      out += body[i];
      i++;
    } else {
      out += body[i];
    }
  }
  return out;
}

/** Tokenizes `sql`; an unterminated quote or comment ends the token stream there (the caller sees no closure). */
export function tokenize(sql: string): Token[] {
  const lexer = new Lexer(sql);
  const out: Token[] = [];
  for (let t = lexer.next(); t; t = lexer.next()) out.push(t);
  return out;
}

/** Length of the token starting at `offset` (1 for punctuation or when no token starts there, 0 at the end of the text). */
export function tokenLengthAt(sql: string, offset: number): number {
  if (offset >= sql.length) return 0;
  const first = new Lexer(sql, offset).next();
  return first && first.start === offset ? first.end - offset : 1;
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
