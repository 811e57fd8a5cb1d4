// parseStatement, the one parsing interface (docs/parsing.md): DDL goes to our recursive-descent parser, which
// builds the typed model (ddl/); everything else to node-sql-parser (MySQL dialect), with our recognisers for the
// valid forms it lacks; a statement no parser reads gets a goInception-style syntax error.

import { parseDdl } from './ddl/parse-ddl.js';
import type { DdlStatement, DdlType } from './ddl/model.js';
import { astify, type NodeParseOutcome } from './node-parser.js';
import { kindOfAst } from './kind.js';
import { learnShape, scanShape, statementFromShape, type ShapeScan } from './shape-cache.js';
import { isSpaceCode, isWord, Lexer, skipSpaceAndComments, tokenLengthAt } from './lex.js';
import { recognise, recogniseDeleteUsing, recogniseInsertRows, recogniseUpdateAndAssignment, respelled, withDigitNamesQuoted } from './recognise.js';
import type { ParseResult, ParsedStatement, StatementKind } from './statement.js';

/** The near text is cut to this many bytes (then `(total length N)` follows). */
export const NEAR_TEXT_MAX = 2048;
/** goInception's message for text that parses to no statement (and is not a comment). */
export const EMPTY_PARSE_MESSAGE = '解析失败! 可能是解析器bug,请联系作者.';

const KIND_OF_DDL: Readonly<Record<DdlType, StatementKind>> = {
  create_database: 'create_database',
  alter_database: 'alter_database',
  drop_database: 'drop_database',
  create_table: 'create_table',
  alter_table: 'alter_table',
  drop_table: 'drop_table',
  drop_view: 'drop_view',
  truncate_table: 'truncate_table',
  rename_table: 'rename_table',
  create_index: 'create_index',
  drop_index: 'drop_index',
  create_view: 'create_view',
};

export function parseStatement(text: string): ParseResult {
  const prefix = setStatementPrefix(text);
  if (prefix) return withSetStatement(text, prefix);
  const shape = scanShape(text);
  const cached = shape && statementFromShape(text, shape);
  if (cached) return { ok: true, statement: cached };
  if (shape && respelledShapes.has(shape.key)) {
    // this shape failed node-sql-parser before and read respelled: skip the failed parse (it costs several plain ones)
    const again = respelledStatement(text);
    if (again?.ok) return again;
  }
  const ddl = parseDdl(text);
  if (ddl?.ok) return { ok: true, statement: ddlStatement(text, ddl.ddl) };
  // DDL is ours to judge (node-sql-parser accepts some invalid DDL): the error stands where our parser stopped
  if (ddl) return { ok: false, message: syntaxErrorAt(text, ddl.offset) };
  // node-sql-parser reads `_latin1'x'` in a SELECT list as a column with an alias: introducers are respelled first
  if (INTRODUCED.test(text)) {
    const introduced = respelledStatement(text);
    if (introduced?.ok) return introduced;
  }
  const parsed = astify(text);
  if (parsed.ok) return fromAsts(text, parsed.asts, shape);
  const rescued = rescue(text, parsed, shape);
  if (rescued) return rescued;
  return { ok: false, message: syntaxErrorAt(text, parsed.failure.offset) };
}

/** Statements MariaDB runs under `SET STATEMENT … FOR` that inceptor can audit as the statement. */
const SET_STATEMENT_INNER = new Set<StatementKind>([
  'insert', 'replace', 'update', 'delete', 'select', 'create_table', 'alter_table', 'drop_table', 'truncate_table',
  'rename_table', 'create_index', 'drop_index', 'create_view', 'drop_view', 'create_database', 'alter_database',
  'drop_database',
]);

/**
 * `SET STATEMENT a = 1 [, b = 'x' …] FOR <inner>`: null when `text` does not begin so; else where the inner
 * statement begins, or the offset of the token that breaks the prefix. Values are any tokens up to a top-level
 * `,` or `FOR` (numbers, strings, ON/OFF/DEFAULT, parenthesised expressions).
 */
function setStatementPrefix(text: string): { inner: number } | { offset: number } | null {
  const lexer = new Lexer(text);
  const set = lexer.next();
  if (!isWord(set ?? undefined, 'SET')) return null;
  const statement = lexer.next();
  if (!isWord(statement ?? undefined, 'STATEMENT')) return null;
  for (;;) {
    const name = lexer.next();
    if (!name) return { offset: text.length };
    if (name.type !== 'word' && name.type !== 'quoted_ident') return { offset: name.start };
    const eq = lexer.next();
    if (!eq) return { offset: text.length };
    if (eq.text !== '=' && eq.text !== ':=') return { offset: eq.start };
    let depth = 0;
    let values = 0;
    for (;;) {
      const tok = lexer.next();
      if (!tok) return { offset: text.length };
      if (depth === 0 && (tok.text === ',' || isWord(tok, 'FOR'))) {
        if (values === 0) return { offset: tok.start };
        if (tok.text === ',') break;
        return { inner: skipSpaceAndComments(text, tok.end) };
      }
      if (tok.text === '(') depth++;
      else if (tok.text === ')' && --depth < 0) return { offset: tok.start };
      values++;
    }
  }
}

/** The inner statement of `SET STATEMENT … FOR`, marked with the prefix; the batch executes the full text. */
function withSetStatement(text: string, prefix: { inner: number } | { offset: number }): ParseResult {
  if ('offset' in prefix) return { ok: false, message: syntaxErrorAt(text, prefix.offset) };
  if (prefix.inner >= text.length) return { ok: false, message: syntaxErrorAt(text, text.length) };
  const inner = parseStatement(text.slice(prefix.inner));
  if (!inner.ok) return inner;
  if (inner.statement.setStatement !== undefined || !SET_STATEMENT_INNER.has(inner.statement.kind)) {
    return { ok: false, message: syntaxErrorAt(text, prefix.inner) };
  }
  inner.statement.setStatement = text.slice(0, prefix.inner).trimEnd();
  return inner;
}

/**
 * A DDL statement: the model now, node-sql-parser's AST only when something reads `ast` (most rules read the
 * model), so a DDL statement is parsed once on the audit path.
 */
function ddlStatement(text: string, ddl: DdlStatement): ParsedStatement {
  let ast: unknown = null;
  let read = false;
  return {
    text,
    kind: KIND_OF_DDL[ddl.type],
    ddl,
    get ast(): unknown {
      if (!read) {
        read = true;
        const parsed = astify(text);
        ast = parsed.ok && parsed.asts.length === 1 ? parsed.asts[0] : null;
      }
      return ast;
    },
    set ast(value: unknown) {
      read = true;
      ast = value;
    },
  };
}

function fromAsts(text: string, asts: unknown[], shape: ShapeScan | null = null): ParseResult {
  if (asts.length === 1) {
    const ast = asts[0];
    const kind = kindOfAst(ast);
    if (shape) learnShape(text, shape, kind, ast, soleAst);
    return { ok: true, statement: { text, kind, ast } };
  }
  if (asts.length === 0) return { ok: false, message: EMPTY_PARSE_MESSAGE };
  // Several statements in one piece: the splitter does not produce this; the text as a whole is refused.
  return { ok: false, message: syntaxErrorAt(text, null) };
}

/** node-sql-parser's tree of `sql` when it is one statement; null otherwise. */
function soleAst(sql: string): unknown | null {
  const parsed = astify(sql);
  return parsed.ok && parsed.asts.length === 1 ? parsed.asts[0] : null;
}

/** Valid MySQL that node-sql-parser refuses: our recognisers, tried in order. */
function rescue(text: string, parsed: Extract<NodeParseOutcome, { ok: false }>, shape: ShapeScan | null): ParseResult | null {
  const ok = (s: Omit<ParsedStatement, 'text'> | null): ParseResult | null => (s ? { ok: true, statement: { text, ...s } } : null);
  const respelling = respelled(text);
  if (respelling) {
    const read = respelledStatement(text, respelling);
    if (read && shape) rememberRespelled(shape.key);
    return read;
  }
  const rows = ok(recogniseInsertRows(text));
  if (rows) return rows;
  const quoted = withDigitNamesQuoted(text);
  if (quoted !== null) {
    const again = astify(quoted);
    if (again.ok && again.asts.length === 1) return fromAsts(text, again.asts);
  }
  return ok(recogniseDeleteUsing(text)) ?? ok(recogniseUpdateAndAssignment(text)) ?? ok(recognise(text));
}

/**
 * Shapes (shape-cache.ts keys) whose statements node-sql-parser refused and the respelling read: later statements
 * of the shape go to the respelling first. Bounded like the shape cache (cleared when full).
 */
const respelledShapes = new Set<string>();
const MAX_RESPELLED_SHAPES = 256;

function rememberRespelled(key: string): void {
  if (respelledShapes.size >= MAX_RESPELLED_SHAPES) respelledShapes.clear();
  respelledShapes.add(key);
}

/** A word then a quote, as a character set introducer is written (`_utf8mb4'x'`, `_latin1 "x"`); a cheap first test. */
const INTRODUCED = /(?:^|[^\w$])_\w+\s*['"]/;

/** The statement read from its respelling (recognise.ts `respelled`), the original forms put back; null when it has none or it fails. */
function respelledStatement(text: string, respelling = respelled(text)): ParseResult | null {
  if (!respelling) return null;
  // the whole path again on the respelled text (its shape is cached), then the original forms put back
  const again = parseStatement(respelling.sql);
  const ast = again.ok && again.statement.ast ? respelling.restore(again.statement.ast) : null;
  if (!ast || !again.ok) return null;
  const { text: _respelled, ...statement } = again.statement;
  return { ok: true, statement: { text, ...statement, ast } };
}

/**
 * goInception's syntax error (docs/parsing.md, "Syntax errors"): `line L column C near "REST" ` — L the 1-based
 * line of the offending token, C the characters consumed on that line up to the token's end (counted from 0 on
 * line 1, from 1 after a newline), REST the text from the token on, cut to 2048 bytes and then followed by
 * ` (total length N)` instead of the trailing space. `offset` null: the whole text is the offending part.
 */
export function syntaxErrorAt(text: string, offset: number | null): string {
  let at = offset ?? 0;
  while (at < text.length && isSpaceCode(text.charCodeAt(at))) at++;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  const column = offset === null ? 0 : at - lineStart + tokenLengthAt(text, at) + (line > 1 ? 1 : 0);
  const rest = text.slice(at);
  const bytes = Buffer.byteLength(rest);
  if (bytes <= NEAR_TEXT_MAX) return `line ${line} column ${column} near "${rest}" `;
  const cut = Buffer.from(rest).subarray(0, NEAR_TEXT_MAX).toString().replace(/\uFFFD+$/, '');
  return `line ${line} column ${column} near "${cut}" (total length ${bytes})`;
}
