// A token cursor for our recursive-descent DDL parser (docs/parsing.md): it reads keywords, identifiers, literals
// and balanced parenthesised spans over the one tokenizer (../lex.ts), and throws DdlSyntaxError at the first
// token it cannot accept, so the caller can write a syntax error at that token's position.

import { Lexer, type Token } from '../lex.js';
import type { QualifiedName } from './model.js';

/** Thrown at the token (or end of text) the grammar cannot accept; `offset` is where that token starts. */
export class DdlSyntaxError extends Error {
  constructor(readonly offset: number) {
    super(`syntax error at offset ${offset}`);
  }
}

/**
 * Words MySQL 8.0 and MariaDB 10.11 both reserve: they cannot be unquoted identifiers. (Either server reserves a
 * few more; we accept those names rather than refuse valid SQL on the other server.)
 */
const RESERVED = new Set(
  (
    'ADD ALL ALTER ANALYZE AND AS ASC BEFORE BETWEEN BIGINT BINARY BLOB BOTH BY CALL CASCADE CASE CHANGE CHAR ' +
    'CHARACTER CHECK COLLATE COLUMN CONDITION CONSTRAINT CONTINUE CONVERT CREATE CROSS CURRENT_DATE CURRENT_TIME ' +
    'CURRENT_TIMESTAMP CURRENT_USER CURSOR DATABASE DATABASES DAY_HOUR DAY_MICROSECOND DAY_MINUTE DAY_SECOND DEC ' +
    'DECIMAL DECLARE DEFAULT DELAYED DELETE DESC DESCRIBE DETERMINISTIC DISTINCT DISTINCTROW DIV DOUBLE DROP DUAL ' +
    'EACH ELSE ELSEIF ENCLOSED ESCAPED EXISTS EXIT EXPLAIN FALSE FETCH FLOAT FLOAT4 FLOAT8 FOR FORCE FOREIGN FROM ' +
    'FULLTEXT GRANT GROUP HAVING HIGH_PRIORITY HOUR_MICROSECOND HOUR_MINUTE HOUR_SECOND IF IGNORE IN INDEX INFILE ' +
    'INNER INOUT INSENSITIVE INSERT INT INT1 INT2 INT3 INT4 INT8 INTEGER INTERVAL INTO IS ITERATE JOIN KEY KEYS ' +
    'KILL LEADING LEAVE LEFT LIKE LIMIT LINEAR LINES LOAD LOCALTIME LOCALTIMESTAMP LOCK LONG LONGBLOB LONGTEXT LOOP ' +
    'LOW_PRIORITY MATCH MEDIUMBLOB MEDIUMINT MEDIUMTEXT MIDDLEINT MINUTE_MICROSECOND MINUTE_SECOND MOD MODIFIES ' +
    'NATURAL NOT NO_WRITE_TO_BINLOG NULL NUMERIC ON OPTIMIZE OPTION OPTIONALLY OR ORDER OUT OUTER OUTFILE PARTITION ' +
    'PRECISION PRIMARY PROCEDURE PURGE RANGE READ READS REAL REFERENCES REGEXP RELEASE RENAME REPEAT REPLACE REQUIRE ' +
    'RESTRICT RETURN REVOKE RIGHT RLIKE SCHEMA SCHEMAS SECOND_MICROSECOND SELECT SENSITIVE SEPARATOR SET SHOW ' +
    'SMALLINT SPATIAL SPECIFIC SQL SQLEXCEPTION SQLSTATE SQLWARNING SQL_BIG_RESULT SQL_CALC_FOUND_ROWS ' +
    'SQL_SMALL_RESULT SSL STARTING STRAIGHT_JOIN TABLE TERMINATED THEN TINYBLOB TINYINT TINYTEXT TO TRAILING TRIGGER ' +
    'TRUE UNDO UNION UNIQUE UNLOCK UNSIGNED UPDATE USAGE USE USING UTC_DATE UTC_TIME UTC_TIMESTAMP VALUES VARBINARY ' +
    'VARCHAR VARCHARACTER VARYING WHEN WHERE WHILE WITH WRITE XOR YEAR_MONTH ZEROFILL'
  ).split(' '),
);

export function isReserved(word: string): boolean {
  return RESERVED.has(word);
}

export class Reader {
  readonly toks: Token[] = [];
  i = 0;

  constructor(readonly sql: string) {
    const lexer = new Lexer(sql);
    for (let t = lexer.next(); t; t = lexer.next()) this.toks.push(t);
    // An unterminated quote or comment: the error stands where it opens.
    if (lexer.unterminated) this.unterminatedAt = lexer.unterminated.start;
  }

  private readonly unterminatedAt: number | null = null;

  get peek(): Token | undefined {
    return this.toks[this.i];
  }

  at(k: number): Token | undefined {
    return this.toks[this.i + k];
  }

  get done(): boolean {
    return this.i >= this.toks.length;
  }

  /** The syntax error at the current token (or the end of the text). */
  fail(): never {
    const t = this.peek;
    throw new DdlSyntaxError(t ? t.start : (this.unterminatedAt ?? this.sql.length));
  }

  /** Ends the statement: anything left over is the error. */
  end(): void {
    if (!this.done || this.unterminatedAt !== null) this.fail();
  }

  isWord(...words: string[]): boolean {
    const t = this.peek;
    return t !== undefined && t.type === 'word' && words.includes(t.value);
  }

  isWordAt(k: number, ...words: string[]): boolean {
    const t = this.at(k);
    return t !== undefined && t.type === 'word' && words.includes(t.value);
  }

  isPunct(p: string): boolean {
    const t = this.peek;
    return t !== undefined && t.type === 'punct' && t.text === p;
  }

  /** Consumes one of `words` when it is next; returns the upper-case word or null. */
  acceptWord(...words: string[]): string | null {
    if (!this.isWord(...words)) return null;
    return this.toks[this.i++]!.value;
  }

  /** Consumes the whole sequence `words` when it is next (all or nothing). */
  acceptWords(...words: string[]): boolean {
    for (let k = 0; k < words.length; k++) if (!this.isWordAt(k, words[k]!)) return false;
    this.i += words.length;
    return true;
  }

  expectWord(...words: string[]): string {
    return this.acceptWord(...words) ?? this.fail();
  }

  acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.i++;
    return true;
  }

  expectPunct(p: string): void {
    if (!this.acceptPunct(p)) this.fail();
  }

  /** Optional `=` after an option name. */
  optionalEquals(): void {
    this.acceptPunct('=');
  }

  /** An identifier: a backticked name or an unquoted word that is not reserved. */
  ident(): string {
    const t = this.peek;
    if (t?.type === 'quoted_ident') {
      this.i++;
      return t.value;
    }
    if (t?.type === 'word' && !RESERVED.has(t.value)) {
      this.i++;
      return t.text;
    }
    return this.fail();
  }

  isIdent(): boolean {
    const t = this.peek;
    return t !== undefined && (t.type === 'quoted_ident' || (t.type === 'word' && !RESERVED.has(t.value)));
  }

  /** `name` or `db.name`. */
  qualifiedName(): QualifiedName {
    const first = this.ident();
    if (this.isPunct('.') && this.dotJoins()) {
      this.i++;
      return { db: first, name: this.nameAfterDot() };
    }
    return { db: null, name: first };
  }

  /** Whether the `.` at the cursor sits directly between two name parts (no blank around it). */
  private dotJoins(): boolean {
    const dot = this.peek!;
    const next = this.at(1);
    return next !== undefined && next.start === dot.end;
  }

  /** After a `.`, any word is a name, reserved or not (`db.order` is table `order`). */
  nameAfterDot(): string {
    const t = this.peek;
    if (t?.type === 'quoted_ident') {
      this.i++;
      return t.value;
    }
    if (t?.type === 'word') {
      this.i++;
      return t.text;
    }
    return this.fail();
  }

  /** A string literal's value (adjacent literals concatenated, a `_charset` introducer allowed). */
  string(): string {
    if (this.peek?.type === 'word' && this.peek.value.startsWith('_') && this.at(1)?.type === 'string') this.i++;
    const t = this.peek;
    if (t?.type !== 'string') return this.fail();
    this.i++;
    let value = t.value;
    while (this.peek?.type === 'string') value += this.toks[this.i++]!.value;
    return value;
  }

  isString(): boolean {
    const t = this.peek;
    return t?.type === 'string' || (t?.type === 'word' && t.value.startsWith('_') && this.at(1)?.type === 'string');
  }

  /** An unsigned integer literal. */
  integer(): number {
    const t = this.peek;
    if (t?.type !== 'number' || !/^\d+$/.test(t.text)) return this.fail();
    this.i++;
    return Number(t.text);
  }

  /** A name or a string (charset names, engine names, parser names may be either). */
  nameOrString(): string {
    if (this.isString()) return this.string();
    const t = this.peek;
    if (t?.type === 'quoted_ident' || t?.type === 'word') {
      this.i++;
      return t.type === 'word' ? t.text : t.value;
    }
    return this.fail();
  }

  /**
   * A parenthesised span: consumes `(` … matching `)` and returns the text strictly inside. Nothing inside is
   * checked but the balance of parentheses.
   */
  parenthesised(): string {
    const open = this.peek;
    if (open?.type !== 'punct' || open.text !== '(') return this.fail();
    let depth = 0;
    for (let k = this.i; k < this.toks.length; k++) {
      const t = this.toks[k]!;
      if (t.type !== 'punct') continue;
      if (t.text === '(') depth++;
      else if (t.text === ')' && --depth === 0) {
        this.i = k + 1;
        return this.sql.slice(open.end, t.start).trim();
      }
    }
    this.i = this.toks.length;
    return this.fail();
  }

  /**
   * An expression up to (not including) a top-level `,` or `)` or one of `stop` words: returns its text.
   * Parentheses inside must balance; an empty expression is an error.
   */
  expressionUntil(stop: readonly string[] = []): string {
    const from = this.i;
    let depth = 0;
    while (this.i < this.toks.length) {
      const t = this.toks[this.i]!;
      if (t.type === 'punct' && t.text === '(') depth++;
      else if (t.type === 'punct' && t.text === ')') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && t.type === 'punct' && t.text === ',') break;
      else if (depth === 0 && t.type === 'word' && stop.includes(t.value)) break;
      this.i++;
    }
    if (this.i === from || depth !== 0) this.fail();
    return this.textFrom(from);
  }

  /** Source text of tokens [from, cursor). */
  textFrom(from: number): string {
    if (from >= this.i) return '';
    return this.sql.slice(this.toks[from]!.start, this.toks[this.i - 1]!.end);
  }

  /** Source text from token `from` to the end of the statement. */
  restFrom(from: number): string {
    const t = this.toks[from];
    return t ? this.sql.slice(t.start).trim() : '';
  }

  /** `(a, b, c)`: a parenthesised list of identifiers. */
  identList(): string[] {
    this.expectPunct('(');
    const out = [this.ident()];
    while (this.acceptPunct(',')) out.push(this.ident());
    this.expectPunct(')');
    return out;
  }
}
