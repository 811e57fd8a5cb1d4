// Recognises local commands (docs/commands.md): `inception show|get|set …` and `kill …`.
// Case-insensitive, whitespace and comment tolerant, optional trailing `;` (anything after it is ignored, as
// goInception ignores the rest of the packet). Returns null when the text is not a local command; throws a
// MysqlError (1064, or 1105 `不支持的操作` for an unsupported levels WHERE operator) when it is a malformed one.

import { ER, mysqlError, type MysqlError } from '../protocol/result.js';
import type { KillMode } from '../process/registry.js';
import { nameOf, TokenCursor } from '../sql/cursor.js';
import { Lexer, type Token } from '../sql/lex.js';
import type { LevelsWhere, LikeFilter, LocalCommand } from './types.js';

export const UNSUPPORTED_OPERATION_MESSAGE = '不支持的操作';

/** Reads command tokens lazily (most texts are not commands: only their first token is looked at). */
class CommandTokens {
  private readonly lexer: Lexer;

  constructor(readonly text: string) {
    this.lexer = new Lexer(text);
  }

  /**
   * The next token, null at the end; an unterminated quote is a 1064 at the quote. Variables (`@x`, `@@x`) read
   * as punctuation: no command takes one.
   */
  next(): Token | null {
    const t = this.lexer.next();
    if (!t) {
      const open = this.lexer.unterminated;
      if (open?.kind === 'quote') throw syntaxError(this.text, open.start);
      return null;
    }
    return t.type === 'sysvar' || t.type === 'uservar' ? { ...t, type: 'punct', value: t.text } : t;
  }
}

export function parseLocalCommand(text: string): LocalCommand | null {
  const lexer = new CommandTokens(text);
  const first = lexer.next();
  if (!first || first.type !== 'word') return null;
  const head = first.text.toLowerCase();
  if (head !== 'inception' && head !== 'kill') return null;
  const tokens = [first, ...untilSemicolon(lexer)];
  const cursor = new Cursor(text, tokens);
  cursor.take();
  return head === 'kill' ? parseKill(cursor) : parseInception(cursor, first);
}

function untilSemicolon(lexer: CommandTokens): Token[] {
  const out: Token[] = [];
  for (let t = lexer.next(); t && !(t.type === 'punct' && t.text === ';'); t = lexer.next()) out.push(t);
  return out;
}

/** The shared token cursor, with the command parser's 1064 errors. */
class Cursor extends TokenCursor {
  expectEnd(): void {
    if (!this.atEnd()) throw this.error();
  }

  /** 1064 pointing at the current token (or the end of the text). */
  error() {
    const t = this.peek();
    return syntaxError(this.text, t ? t.start : this.text.replace(/[\s;]+$/, '').length);
  }

  /** Source text from token `from` to the last token. */
  sourceFrom(from: Token): string {
    const last = this.tokens[this.tokens.length - 1] ?? from;
    return this.text.slice(from.start, last.end);
  }
}

/** MariaDB's own KILL forms: refused by name rather than with a syntax error (docs/kill.md). */
export const MARIADB_KILL_MESSAGE = 'KILL HARD|SOFT, KILL USER and KILL QUERY ID are MariaDB extensions inceptor does not support; use KILL [CONNECTION|QUERY] <id>';

function parseKill(c: Cursor): LocalCommand {
  c.acceptWord('tidb');
  if (c.isWord('hard') || c.isWord('soft') || c.isWord('user') || (c.isWord('query') && c.isWord('id', 1))) {
    throw mysqlError(ER.UNKNOWN, MARIADB_KILL_MESSAGE);
  }
  let mode: KillMode = 'connection';
  if (c.acceptWord('query')) mode = 'query';
  else if (c.isWord('connection')) c.take();
  const t = c.peek();
  let id: bigint | null;
  if (t?.type === 'number' && /^\d+$/.test(t.value)) {
    c.take();
    id = BigInt(t.value);
  } else if (c.isWord('connection_id') && c.isPunct('(', 1) && c.isPunct(')', 2)) {
    c.take();
    c.take();
    c.take();
    id = null;
  } else {
    throw c.error();
  }
  c.expectEnd();
  return { kind: 'kill', mode, id };
}

function parseInception(c: Cursor, first: Token): LocalCommand {
  const unsupported: LocalCommand = { kind: 'unsupported', text: c.sourceFrom(first) };
  if (c.acceptWord('show') || c.acceptWord('get')) {
    if (c.acceptWord('variables')) return { kind: 'show_variables', like: parseVariablesFilter(c) };
    if (c.acceptWord('levels')) return parseShowLevels(c);
    const full = c.isWord('full') && (c.isWord('processlist', 1) || (c.isWord('cluster', 1) && c.isWord('processlist', 2)));
    if (full) c.take();
    const cluster = c.isWord('cluster') && c.isWord('processlist', 1);
    if (cluster) c.take();
    if (c.acceptWord('processlist')) {
      c.expectEnd();
      return { kind: 'show_processlist', full, cluster };
    }
    if (c.isWord('osc') && c.isWord('processlist', 1)) {
      c.take();
      c.take();
      c.expectEnd();
      return { kind: 'osc_processlist' };
    }
    if (c.acceptWord('osc_percent')) return { kind: 'osc_percent', sqlsha1: parseSqlSha1(c) };
    return unsupported;
  }
  for (const word of ['kill', 'stop', 'pause', 'resume'] as const) {
    if (c.isWord(word) && (c.isWord('osc', 1) || c.isWord('alter', 1))) {
      c.take();
      c.take();
      return { kind: 'osc_control', action: word === 'stop' ? 'kill' : word, sqlsha1: parseSqlSha1(c) };
    }
  }
  if (c.acceptWord('set')) {
    if (c.isWord('level') && !isAssignOp(c.peek(1))) {
      c.take();
      return { kind: 'set_level', assignments: parseAssignments(c) };
    }
    let scope: 'global' | 'session' | null = null;
    for (const s of ['global', 'session'] as const) {
      if (c.isWord(s) && !isAssignOp(c.peek(1))) {
        c.take();
        scope = s;
      }
    }
    return { kind: 'set_variables', scope, assignments: parseAssignments(c) };
  }
  return unsupported;
}

/** The quoted sqlsha1 that ends an OSC command. */
function parseSqlSha1(c: Cursor): string {
  const t = c.peek();
  if (t?.type !== 'string') throw c.error();
  c.take();
  c.expectEnd();
  return t.value;
}

/** `[like 'p' | not like 'p' | where …]`; WHERE is accepted and ignored for variables. */
function parseVariablesFilter(c: Cursor): LikeFilter {
  if (c.atEnd()) return null;
  const like = parseLike(c);
  if (like) {
    c.expectEnd();
    return like;
  }
  if (c.acceptWord('where')) {
    if (c.atEnd()) throw c.error();
    return null;
  }
  throw c.error();
}

function parseLike(c: Cursor): LikeFilter {
  let negate = false;
  if (c.isWord('not') && c.isWord('like', 1)) {
    c.take();
    negate = true;
  }
  if (!c.acceptWord('like')) return null;
  const pattern = c.take();
  if (pattern?.type !== 'string') throw pattern ? syntaxError(c.text, pattern.start) : c.error();
  return { pattern: pattern.value, negate };
}

function parseShowLevels(c: Cursor): LocalCommand {
  if (c.atEnd()) return { kind: 'show_levels', like: null, where: [] };
  const like = parseLike(c);
  if (like) {
    c.expectEnd();
    return { kind: 'show_levels', like, where: [] };
  }
  if (!c.acceptWord('where')) throw c.error();
  const where: LevelsWhere[] = [];
  do {
    where.push(parseLevelsCondition(c));
  } while (c.acceptWord('and'));
  if (!c.atEnd()) {
    if (c.peek()?.type === 'word' || c.peek()?.type === 'punct') throw unsupportedOperation();
    throw c.error();
  }
  return { kind: 'show_levels', like: null, where };
}

function parseLevelsCondition(c: Cursor): LevelsWhere {
  const column = c.take();
  if (!column || (column.type !== 'word' && column.type !== 'quoted_ident')) {
    if (column?.type === 'punct') throw unsupportedOperation();
    throw column ? syntaxError(c.text, column.start) : c.error();
  }
  let op: LevelsWhere['op'];
  if (c.isPunct('=')) {
    c.take();
    op = '=';
  } else if (c.acceptWord('like')) {
    op = 'like';
  } else if (c.isWord('not') && c.isWord('like', 1)) {
    c.take();
    c.take();
    op = 'not like';
  } else if (c.atEnd()) {
    throw c.error();
  } else {
    throw unsupportedOperation();
  }
  const value = c.take();
  if (!value || (value.type !== 'string' && value.type !== 'number' && value.type !== 'word')) {
    throw value ? syntaxError(c.text, value.start) : c.error();
  }
  return { column: nameOf(column), op, value: nameOf(value) };
}

function unsupportedOperation() {
  return mysqlError(ER.UNKNOWN, UNSUPPORTED_OPERATION_MESSAGE);
}

function isAssignOp(t: Token | undefined): boolean {
  return t?.type === 'punct' && (t.value === '=' || t.value === ':=');
}

/**
 * `a = v[, b = w]…`: each value is the source text up to the next `, name =` (so an unquoted list such as
 * `support_charset = utf8,utf8mb4` stays one value) or the end.
 */
function parseAssignments(c: Cursor): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (;;) {
    const name = c.take();
    if (!name || (name.type !== 'word' && name.type !== 'quoted_ident')) throw name ? syntaxError(c.text, name.start) : c.error();
    if (!isAssignOp(c.peek())) throw c.error();
    c.take();
    const first = c.peek();
    if (!first) throw c.error();
    let last = first;
    while (!c.atEnd() && !(c.isPunct(',') && isName(c.peek(1)) && isAssignOp(c.peek(2)))) last = c.take()!;
    if (last === first && first.type === 'punct' && first.value === ',') throw c.error();
    out.push({ name: nameOf(name), value: c.text.slice(first.start, last.end) });
    if (c.atEnd()) return out;
    c.take(); // the comma
  }
}

function isName(t: Token | undefined): boolean {
  return t?.type === 'word' || t?.type === 'quoted_ident';
}

/** MySQL's 1064 message pointing at `offset` of `text`. */
function syntaxError(text: string, offset: number): MysqlError {
  const near = text.slice(offset).replace(/[\s;]+$/, '').slice(0, 80);
  const line = text.slice(0, offset).split('\n').length;
  return mysqlError(
    ER.PARSE,
    `You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${near}' at line ${line}`,
  );
}
