// Client start-up queries answered on the connection itself, never reaching the batch handler:
// SET of session variables (incl. SET NAMES), SELECT of @@variables / DATABASE() / CONNECTION_ID() / literals,
// SHOW VARIABLES, SHOW WARNINGS, USE db. A pure function of the query text and the session's variables;
// anything it does not recognise returns null and goes to the query handler.

import { ColumnType, ER, MysqlError, mysqlError, type ColumnDef, type QueryResult, type Value, type Warning } from '../protocol/result.js';
import { likeMatcher } from '../sql/like.js';
import { nameOf, TokenCursor } from '../sql/cursor.js';
import { Lexer, type Token } from '../sql/lex.js';
import { displayValue, type SessionVariables } from './variables.js';

export interface CompatSession {
  readonly connectionId: number;
  readonly user: string;
  readonly clientHost: string;
  readonly currentDb: string | null;
  readonly variables: SessionVariables;
  /** What the last handler-answered statement left for SHOW WARNINGS / SHOW ERRORS. */
  readonly warnings?: readonly Warning[];
}

export interface CompatAnswer {
  result: QueryResult;
  /** Set when the statement changed the current database (USE). */
  useDb?: string;
  /** SHOW WARNINGS / SHOW ERRORS: the only statements that leave the previous statement's warnings in place. */
  keepsWarnings?: true;
}

/** Thrown inside the parser when the text is not one of ours: the query goes to the handler. */
class NotCompat extends Error {}

const OK: QueryResult = { kind: 'ok' };

/**
 * Answers `sql` when it is a client-compatibility statement; null otherwise. Throws MysqlError for a
 * statement it recognises but rejects (unknown @@variable, bad SET value). SET changes `session.variables`.
 */
export function answerCompat(sql: string, session: CompatSession): CompatAnswer | null {
  const reply = compatReply(sql, session, false);
  return reply && 'answer' in reply ? reply.answer : null;
}

/** One statement of a multi-statement compat text; answered when run, in order (a SET changes what follows). */
export interface CompatStatement {
  /** Throws MysqlError as answerCompat does. */
  run(session: CompatSession): CompatAnswer;
}

/**
 * For a text of two or more statements that are all compat statements (`SET a=1;SET b=2`, what
 * Connector/J and Connector/ODBC send on connect), the statements to answer one by one; null for anything
 * else — a single statement (answerCompat), or a text with any statement that is not ours (a batch).
 */
export function compatStatements(sql: string, session: CompatSession): CompatStatement[] | null {
  const reply = compatReply(sql, session, true);
  return reply && 'statements' in reply ? reply.statements : null;
}

/** How the connection answers a text locally: one answer, or (multi-statement clients) one per statement. */
export type CompatReply = { answer: CompatAnswer } | { statements: CompatStatement[] };

/**
 * The compat layer's reply to a COM_QUERY text, null when the text is not ours (it goes to the query handler).
 * With `multiStatements` (the client has CLIENT_MULTI_STATEMENTS) a text of several statements that are all
 * compat statements is answered statement by statement; deciding that runs them against a scratch copy of the
 * session, so nothing changes until each `run`. A single statement is answered at once (and may throw).
 */
export function compatReply(sql: string, session: CompatSession, multiStatements: boolean): CompatReply | null {
  if (!startsLikeCompat(sql)) return null;
  const tokens = tokensOf(sql);
  if (!tokens) return null;
  if (multiStatements) {
    const groups = splitAtSemicolons(tokens);
    if (groups.length >= 2) {
      const statements = allCompat(sql, groups, session);
      return statements && { statements };
    }
  }
  try {
    return { answer: new Parser(sql, tokens).statement(session) };
  } catch (err) {
    if (err instanceof NotCompat) return null;
    throw err;
  }
}

function allCompat(sql: string, groups: Token[][], session: CompatSession): CompatStatement[] | null {
  let scratch: CompatSession = { ...session, variables: session.variables.clone() };
  for (const group of groups) {
    try {
      const answer = new Parser(sql, group).statement(scratch);
      if (answer.useDb !== undefined) scratch = { ...scratch, currentDb: answer.useDb };
    } catch (err) {
      if (err instanceof NotCompat) return null;
      // recognised but rejected: still ours (the real run answers the error there)
      if (!(err instanceof MysqlError)) throw err;
    }
  }
  return groups.map((group) => ({
    run(s: CompatSession): CompatAnswer {
      try {
        return new Parser(sql, group).statement(s);
      } catch (err) {
        if (err instanceof NotCompat) throw mysqlError(ER.PARSE, 'You have an error in your SQL syntax');
        throw err;
      }
    },
  }));
}

/** The statement keywords compat answers; anything else is decided without tokenizing the text. */
const COMPAT_KEYWORDS: ReadonlySet<string> = new Set(['set', 'select', 'show', 'use']);

/**
 * Whether the first keyword (after whitespace and comments) is one compat answers. Cheap on purpose: a batch
 * (`/*…*\/ inception_magic_start; …` with thousands of statements) is rejected after its first token, which the
 * lexer reads without scanning the rest.
 */
export function startsLikeCompat(sql: string): boolean {
  const first = new Lexer(sql).next();
  return first?.type === 'word' && first.text.length <= 6 && COMPAT_KEYWORDS.has(first.text.toLowerCase());
}

/** The only punctuation a compat statement can contain; any other character means the text is not ours. */
const COMPAT_PUNCT: ReadonlySet<string> = new Set(['(', ')', ',', ';', '=', '.', '*', '+', '-', '<', '>', ':=', '<=', '>=', '<>', '!=', '<=>']);

/**
 * The text's tokens, or null when it cannot be one of ours: an unterminated quote or comment,
 * an empty `@@` name, a stray character, or a number running into letters (`1.5abc`, `1e5x`).
 */
function tokensOf(sql: string): Token[] | null {
  const lexer = new Lexer(sql);
  const tokens: Token[] = [];
  let prev: Token | null = null;
  for (let t = lexer.next(); t; t = lexer.next()) {
    switch (t.type) {
      case 'word':
        if (isDigitCode(t.text.charCodeAt(0)) && /^\d+[eE]\d/.test(t.text)) return null;
        break;
      case 'punct':
        if (!COMPAT_PUNCT.has(t.text)) return null;
        break;
      case 'sysvar':
        if (t.value === '') return null;
        break;
      case 'number':
        if (t.text.length > 1 && t.text.endsWith('.')) {
          // `1.` reads as the number 1 and a dot here
          const digits = t.text.slice(0, -1);
          tokens.push({ type: 'number', text: digits, value: digits, start: t.start, end: t.end - 1 });
          t = { type: 'punct', text: '.', value: '.', start: t.end - 1, end: t.end };
        }
        break;
    }
    if (prev?.type === 'number' && prev.end === t.start && (t.type === 'word' || t.type === 'number') && !isDigits(prev.text)) return null;
    tokens.push(t);
    prev = t;
  }
  if (lexer.unterminated) return null;
  return tokens;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isDigitCode(text.charCodeAt(i))) return false;
  }
  return true;
}

/** Token runs between top-level `;` (a `;` inside a string is part of its token); empty runs dropped. */
function splitAtSemicolons(tokens: Token[]): Token[][] {
  const groups: Token[][] = [];
  let current: Token[] = [];
  for (const t of tokens) {
    if (t.type === 'punct' && t.text === ';') {
      if (current.length > 0) groups.push(current);
      current = [];
    } else {
      current.push(t);
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** The compat statements, read with the shared token cursor; NotCompat when the text is not one of ours. */
class Parser extends TokenCursor {
  /** The next token; NotCompat at the end of the statement. */
  private next(): Token {
    const t = this.take();
    if (!t) throw new NotCompat();
    return t;
  }

  private expectWord(...words: string[]): void {
    if (!this.acceptWord(...words)) throw new NotCompat();
  }

  private expectPunct(p: string): void {
    if (!this.acceptPunct(p)) throw new NotCompat();
  }

  /** Only trailing `;` may follow: a second statement means a batch, which is not ours. */
  private end(): void {
    while (this.acceptPunct(';'));
    if (!this.atEnd()) throw new NotCompat();
  }

  private identifier(): string {
    const t = this.next();
    if (t.type === 'word' || t.type === 'quoted_ident') return nameOf(t);
    throw new NotCompat();
  }

  statement(s: CompatSession): CompatAnswer {
    if (this.acceptWord('set')) return this.set(s);
    if (this.acceptWord('select')) return this.select(s);
    if (this.acceptWord('show')) return this.show(s);
    if (this.acceptWord('use')) {
      const db = this.identifier();
      this.end();
      return { result: OK, useDb: db };
    }
    throw new NotCompat();
  }

  // ---- SET ----------------------------------------------------------------------------------------------

  private set(s: CompatSession): CompatAnswer {
    // parse everything first so a bad assignment changes nothing
    const assignments: { name: string; value: string | null | undefined }[] = [];
    do {
      assignments.push(...this.assignment(s));
    } while (this.acceptPunct(','));
    this.end();
    for (const a of assignments) s.variables.set(a.name, a.value);
    return { result: OK };
  }

  private assignment(s: CompatSession): { name: string; value: string | null | undefined }[] {
    if (this.acceptWord('names')) {
      if (this.acceptWord('default')) return charsetAssignments('utf8mb4', null);
      const charset = this.charsetName();
      const collation = this.acceptWord('collate') ? this.charsetName() : null;
      return charsetAssignments(charset, collation);
    }
    if (this.isWord(['character', 'charset'])) {
      if (this.acceptWord('character')) this.expectWord('set');
      else this.next();
      const charset = this.acceptWord('default') ? 'utf8mb4' : this.charsetName();
      return [
        { name: 'character_set_client', value: charset },
        { name: 'character_set_results', value: charset },
        { name: 'character_set_connection', value: s.variables.get('character_set_database').value },
        { name: 'collation_connection', value: s.variables.get('collation_database').value },
      ];
    }
    let scope: 'session' | 'global' = 'session';
    if (this.acceptWord('global')) scope = 'global';
    else this.acceptWord('session', 'local');
    if (this.acceptWord('transaction')) return this.transaction(scope);
    const target = this.next();
    let name: string;
    if (target.type === 'sysvar') {
      name = target.value;
      if (target.scope === 'global') scope = 'global';
    } else if (target.type === 'uservar') {
      this.assignOp();
      this.value(s);
      return [];
    } else if (target.type === 'word' || target.type === 'quoted_ident') {
      name = nameOf(target);
      if (/^password$/i.test(name)) throw new NotCompat();
    } else throw new NotCompat();
    this.assignOp();
    const value = this.value(s);
    if (scope === 'global') {
      throw mysqlError(ER.UNKNOWN, `SET GLOBAL is not supported by inceptor (variable '${name}')`);
    }
    if (!s.variables.has(name)) throw mysqlError(ER.UNKNOWN_SYSTEM_VARIABLE, `Unknown system variable '${name}'`);
    return [{ name, value }];
  }

  private assignOp(): void {
    if (!this.acceptPunct('=') && !this.acceptPunct(':=')) throw new NotCompat();
  }

  private charsetName(): string {
    const t = this.next();
    if (t.type === 'word' || t.type === 'quoted_ident' || t.type === 'string') return nameOf(t).toLowerCase();
    throw new NotCompat();
  }

  private transaction(scope: 'session' | 'global'): { name: string; value: string }[] {
    if (scope === 'global') throw mysqlError(ER.UNKNOWN, 'SET GLOBAL is not supported by inceptor');
    const out: { name: string; value: string }[] = [];
    do {
      if (this.acceptWord('isolation')) {
        this.expectWord('level');
        let level: string;
        if (this.acceptWord('repeatable')) {
          this.expectWord('read');
          level = 'REPEATABLE-READ';
        } else if (this.acceptWord('serializable')) level = 'SERIALIZABLE';
        else {
          this.expectWord('read');
          if (this.acceptWord('committed')) level = 'READ-COMMITTED';
          else {
            this.expectWord('uncommitted');
            level = 'READ-UNCOMMITTED';
          }
        }
        out.push({ name: 'transaction_isolation', value: level });
      } else {
        this.expectWord('read');
        if (this.acceptWord('only')) out.push({ name: 'transaction_read_only', value: '1' });
        else {
          this.expectWord('write');
          out.push({ name: 'transaction_read_only', value: '0' });
        }
      }
    } while (this.acceptPunct(','));
    return out;
  }

  /** Right-hand side of SET: undefined = DEFAULT, null = NULL. */
  private value(s: CompatSession): string | null | undefined {
    if (this.acceptWord('default')) return undefined;
    const t = this.peek();
    if (t?.type === 'word' && !/^(null|true|false|concat|concat_ws|ifnull|coalesce)$/i.test(t.text)) {
      // bare words: SET autocommit=ON, SET sql_mode=ANSI, SET time_zone=SYSTEM
      if (!this.isPunct('(', 1)) {
        this.next();
        return t.text;
      }
    }
    const v = this.expr(s).value;
    return v;
  }

  /** Scalar expressions: literals, @@vars, @vars (NULL), a few string functions. */
  private expr(s: CompatSession): { value: string | null; type: ColumnDef['type'] } {
    const t = this.next();
    if (t.type === 'string') {
      let value = t.value;
      // adjacent literals concatenate: 'a' 'b'
      while (this.peek()?.type === 'string') value += this.next().value;
      return { value, type: ColumnType.VAR_STRING };
    }
    if (t.type === 'number') return { value: t.value, type: /^\d+$/.test(t.value) ? ColumnType.LONGLONG : ColumnType.NEWDECIMAL };
    if (t.type === 'punct' && t.value === '-' && this.peek()?.type === 'number') {
      const n = this.next().value;
      return { value: '-' + n, type: /^\d+$/.test(n) ? ColumnType.LONGLONG : ColumnType.NEWDECIMAL };
    }
    if (t.type === 'sysvar') {
      const v = s.variables.get(t.value, t.scope === 'global' ? 'global' : 'session');
      return { value: v.value, type: v.kind === 'string' ? ColumnType.VAR_STRING : ColumnType.LONGLONG };
    }
    if (t.type === 'uservar') return { value: null, type: ColumnType.VAR_STRING };
    if (t.type !== 'word') throw new NotCompat();
    const word = t.text.toLowerCase();
    if (word === 'null') return { value: null, type: ColumnType.NULL };
    if (word === 'true' || word === 'false') return { value: word === 'true' ? '1' : '0', type: ColumnType.LONGLONG };
    if (!this.acceptPunct('(')) throw new NotCompat();
    const args: { value: string | null; type: ColumnDef['type'] }[] = [];
    if (!this.acceptPunct(')')) {
      do args.push(this.expr(s));
      while (this.acceptPunct(','));
      this.expectPunct(')');
    }
    const str = (value: string | null) => ({ value, type: ColumnType.VAR_STRING });
    const noArgs = () => {
      if (args.length) throw new NotCompat();
    };
    switch (word) {
      case 'database':
      case 'schema':
        noArgs();
        return str(s.currentDb);
      case 'connection_id':
        noArgs();
        return { value: String(s.connectionId), type: ColumnType.LONGLONG };
      case 'user':
      case 'session_user':
      case 'system_user':
        noArgs();
        return str(`${s.user}@${hostOnly(s.clientHost)}`);
      case 'current_user':
        noArgs();
        return str(`${s.user}@%`);
      case 'version':
        noArgs();
        return str(s.variables.get('version').value);
      case 'concat':
        if (!args.length) throw new NotCompat();
        return str(args.some((a) => a.value === null) ? null : args.map((a) => a.value).join(''));
      case 'concat_ws': {
        if (args.length < 1) throw new NotCompat();
        const [sep, ...rest] = args;
        if (sep!.value === null) return str(null);
        return str(rest.filter((a) => a.value !== null).map((a) => a.value).join(sep!.value));
      }
      case 'ifnull':
      case 'coalesce': {
        if (word === 'ifnull' && args.length !== 2) throw new NotCompat();
        const found = args.find((a) => a.value !== null);
        return found ?? { value: null, type: ColumnType.NULL };
      }
      default:
        throw new NotCompat();
    }
  }

  // ---- SELECT -------------------------------------------------------------------------------------------

  private select(s: CompatSession): CompatAnswer {
    const columns: ColumnDef[] = [];
    const row: Value[] = [];
    do {
      const start = this.peek()?.start ?? this.text.length;
      const { value, type } = this.expr(s);
      const last = this.previous()!;
      let name = this.text.slice(start, last.end);
      // a lone string literal is named by its value, as MySQL does
      if (last.type === 'string' && last.start === start) name = value ?? 'NULL';
      const next = this.peek();
      if (this.acceptWord('as')) name = this.alias();
      else if ((next?.type === 'word' && !this.isWord(['from', 'limit'])) || next?.type === 'quoted_ident' || next?.type === 'string') {
        name = this.alias();
      }
      columns.push({ name, type });
      row.push(value);
    } while (this.acceptPunct(','));
    if (this.acceptWord('from')) this.expectWord('dual');
    let limit = Infinity;
    if (this.acceptWord('limit')) {
      limit = this.integer();
      if (this.acceptPunct(',')) limit = this.integer();
      else if (this.acceptWord('offset')) {
        const offset = this.integer();
        if (offset > 0) limit = 0;
      }
    }
    this.end();
    return { result: { kind: 'rows', columns, rows: limit >= 1 ? [row] : [] } };
  }

  private alias(): string {
    const t = this.next();
    if (t.type === 'word' || t.type === 'quoted_ident' || t.type === 'string') return nameOf(t);
    throw new NotCompat();
  }

  private integer(): number {
    const t = this.next();
    if (t.type !== 'number' || !/^\d+$/.test(t.value)) throw new NotCompat();
    return Number(t.value);
  }

  // ---- SHOW ---------------------------------------------------------------------------------------------

  private show(s: CompatSession): CompatAnswer {
    const errorsOnly = this.acceptWord('errors');
    if (errorsOnly || this.acceptWord('warnings')) {
      let offset = 0;
      let count = Infinity;
      if (this.acceptWord('limit')) {
        count = this.integer();
        if (this.acceptPunct(',')) {
          offset = count;
          count = this.integer();
        }
      }
      this.end();
      const shown = (s.warnings ?? []).filter((w) => !errorsOnly || w.level === 'Error').slice(offset, offset + count);
      return {
        result: {
          kind: 'rows',
          columns: [
            { name: 'Level', type: ColumnType.VAR_STRING },
            { name: 'Code', type: ColumnType.LONG, length: 4 },
            { name: 'Message', type: ColumnType.VAR_STRING },
          ],
          rows: shown.map((w) => [w.level, String(w.code), w.message]),
        },
        keepsWarnings: true,
      };
    }
    let scope: 'session' | 'global' = 'session';
    if (this.acceptWord('global')) scope = 'global';
    else this.acceptWord('session', 'local');
    this.expectWord('variables');
    let filter: (name: string) => boolean = () => true;
    if (this.acceptWord('like')) {
      const pattern = this.stringLiteral();
      filter = likeMatcher(pattern);
    } else if (this.acceptWord('where')) {
      filter = this.whereNames();
    }
    this.end();
    const rows = s.variables
      .list(scope)
      .filter((v) => filter(v.name))
      .map((v) => [v.name, displayValue(v)]);
    return {
      result: {
        kind: 'rows',
        columns: [
          { name: 'Variable_name', type: ColumnType.VAR_STRING, length: 256 },
          { name: 'Value', type: ColumnType.VAR_STRING, length: 4096 },
        ],
        rows,
      },
    };
  }

  private stringLiteral(): string {
    const t = this.next();
    if (t.type !== 'string') throw new NotCompat();
    return t.value;
  }

  /** WHERE Variable_name = 'x' | IN ('a', …) | LIKE 'p', joined by OR. */
  private whereNames(): (name: string) => boolean {
    const tests: ((name: string) => boolean)[] = [];
    do {
      const parens = this.acceptPunct('(');
      const column = this.identifier();
      if (column.toLowerCase() !== 'variable_name') throw new NotCompat();
      if (this.acceptPunct('=')) {
        const wanted = this.stringLiteral().toLowerCase();
        tests.push((n) => n === wanted);
      } else if (this.acceptWord('like')) {
        tests.push(likeMatcher(this.stringLiteral()));
      } else if (this.acceptWord('in')) {
        this.expectPunct('(');
        const names = new Set<string>();
        do names.add(this.stringLiteral().toLowerCase());
        while (this.acceptPunct(','));
        this.expectPunct(')');
        tests.push((n) => names.has(n));
      } else throw new NotCompat();
      if (parens) this.expectPunct(')');
    } while (this.acceptWord('or'));
    return (n) => tests.some((t) => t(n));
  }
}

function charsetAssignments(charset: string, collation: string | null): { name: string; value: string }[] {
  return [
    { name: 'character_set_client', value: charset },
    { name: 'character_set_connection', value: charset },
    { name: 'character_set_results', value: charset },
    { name: 'collation_connection', value: collation ?? defaultCollation(charset) },
  ];
}

function defaultCollation(charset: string): string {
  if (charset === 'binary') return 'binary';
  if (charset === 'latin1') return 'latin1_swedish_ci';
  return `${charset}_general_ci`;
}

function hostOnly(clientHost: string): string {
  const colon = clientHost.lastIndexOf(':');
  return colon > 0 && !clientHost.endsWith(']') && /^\d+$/.test(clientHost.slice(colon + 1)) ? clientHost.slice(0, colon) : clientHost;
}
