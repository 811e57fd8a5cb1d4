// `--real_row_count=true` (docs/audit.md): the DML's rows are counted with a SELECT COUNT(*) built
// from the statement's ORIGINAL text. Clauses are sliced out at top-level keyword boundaries found by our
// tokenizer, never re-printed from the AST, so literals, LIKE escapes (`'%\_1'`, goInception #605), comments and
// quoting reach the target exactly as the user wrote them. Pure functions: no I/O here.

import { isWord, Lexer, type Token } from '../sql/lex.js';

/** Alias of the derived table / CTE wrapping the counted rows (a name no user table is likely to have). */
const WRAPPER = 'inceptor_counted';
/** Column the count is read from. */
export const COUNT_COLUMN = 'inceptor_rows';

/** How the COUNT is bounded on the target: a statement prefix (MariaDB) or a hint after SELECT (MySQL). */
export interface TimeoutBound {
  /** `SET STATEMENT max_statement_time=S FOR ` or ''. */
  prefix: string;
  /** `/*+ MAX_EXECUTION_TIME(ms) *\/ ` or ''. */
  hint: string;
}

export const NO_BOUND: TimeoutBound = { prefix: '', hint: '' };

/** What is known about the target's flavour (AuditServerInfo carries `version`; the target session also `isMariaDb`). */
export interface ServerFlavour {
  version: string;
  isMariaDb?: boolean;
}

/** `[major, minor, patch]` of a server version string; MariaDB's `5.5.5-` replication prefix is skipped. */
export function versionParts(version: string): [number, number, number] {
  const m = /^(?:5\.5\.5-)?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
}

function atLeast(v: [number, number, number], major: number, minor: number, patch: number): boolean {
  if (v[0] !== major) return v[0] > major;
  if (v[1] !== minor) return v[1] > minor;
  return v[2] >= patch;
}

function isMariaDb(server: ServerFlavour): boolean {
  return server.isMariaDb ?? /mariadb/i.test(server.version);
}

/**
 * The statement timeout the target understands: MariaDB ≥ 10.1.2 `SET STATEMENT max_statement_time` (seconds),
 * MySQL ≥ 5.7.8 (and TiDB, which reports a 5.7 version) the `MAX_EXECUTION_TIME` optimizer hint (ms); older
 * servers have neither and the COUNT runs unbounded.
 */
export function timeoutBound(server: ServerFlavour, timeoutMs: number): TimeoutBound {
  if (!(timeoutMs > 0)) return NO_BOUND;
  const v = versionParts(server.version);
  if (isMariaDb(server)) {
    if (!atLeast(v, 10, 1, 2)) return NO_BOUND;
    const seconds = Math.max(timeoutMs, 1) / 1000;
    return { prefix: `SET STATEMENT max_statement_time=${seconds} FOR `, hint: '' };
  }
  if (!atLeast(v, 5, 7, 8)) return NO_BOUND;
  return { prefix: '', hint: `/*+ MAX_EXECUTION_TIME(${Math.max(1, Math.round(timeoutMs))}) */ ` };
}

/** Whether the target accepts `WITH name(col, …) AS (…)` (MariaDB ≥ 10.2.1, MySQL ≥ 8.0). */
export function supportsCteColumns(server: ServerFlavour): boolean {
  const v = versionParts(server.version);
  return isMariaDb(server) ? atLeast(v, 10, 2, 1) : atLeast(v, 8, 0, 0);
}

// --- locating clauses --------------------------------------------------------------------------------------

interface Located {
  toks: Token[];
  /** Parenthesis depth of each token (0 = the statement's own level; a bracket has its outer level). */
  depth: number[];
  /** Every bracket closes, in order (and the text tokenized to its end: no unterminated quote). */
  balanced: boolean;
}

function locate(text: string): Located {
  const lexer = new Lexer(text);
  const toks: Token[] = [];
  for (let t = lexer.next(); t; t = lexer.next()) toks.push(t);
  const depth: number[] = [];
  let d = 0;
  let balanced = true;
  for (const t of toks) {
    if (t.type === 'punct' && t.text === ')') d--;
    if (d < 0) balanced = false;
    depth.push(d);
    if (t.type === 'punct' && t.text === '(') d++;
  }
  // The lexer stops at an unterminated quote or comment: then the text is not complete.
  const complete = lexer.unterminated === null;
  return { toks, depth, balanced: balanced && d === 0 && toks.length > 0 && complete };
}

/** Index of the first statement-level token at or after `from` matching `pred`, or -1. */
function findTop(loc: Located, from: number, pred: (t: Token, i: number) => boolean): number {
  for (let i = from; i < loc.toks.length; i++) {
    if (loc.depth[i] === 0 && pred(loc.toks[i]!, i)) return i;
  }
  return -1;
}

/**
 * The original text from token `from` to the end of the token before `to` (-1: the last token). Comments
 * between tokens stay; a trailing one is cut, since a `-- …` or `# …` would swallow whatever we append.
 */
function sliceTokens(text: string, loc: Located, from: number, to: number): string {
  const last = (to < 0 ? loc.toks.length : to) - 1;
  return last < from ? '' : text.slice(loc.toks[from]!.start, loc.toks[last]!.end);
}

/** Skips the modifier keywords after UPDATE/DELETE/INSERT. */
function skipWords(toks: Token[], i: number, words: string[]): number {
  while (isWord(toks[i], ...words)) i++;
  return i;
}

/**
 * Where the table references of UPDATE/DELETE stop: WHERE, ORDER BY (not an index hint's `FOR ORDER BY`), LIMIT,
 * MariaDB's RETURNING, or a trailing `;`.
 */
function isTableRefsEnd(loc: Located): (t: Token, i: number) => boolean {
  return (t, i) =>
    isWord(t, 'WHERE', 'LIMIT', 'RETURNING') ||
    (t.type === 'punct' && t.text === ';') ||
    (isWord(t, 'ORDER') && isWord(loc.toks[i + 1], 'BY') && !isWord(loc.toks[i - 1], 'FOR'));
}

/** Where a WHERE condition stops: ORDER BY, LIMIT, RETURNING or `;`. */
function isWhereEnd(loc: Located): (t: Token, i: number) => boolean {
  return (t, i) =>
    isWord(t, 'LIMIT', 'RETURNING') || (t.type === 'punct' && t.text === ';') || (isWord(t, 'ORDER') && isWord(loc.toks[i + 1], 'BY'));
}

/** The pieces of an UPDATE/DELETE a COUNT needs, each as original text. */
export interface DmlClauses {
  /** Table references incl. joins (what follows FROM in the COUNT). */
  tables: string;
  /** `WHERE …` or ''. */
  where: string;
  /** `LIMIT …` or ''. */
  limit: string;
}

function tailClauses(text: string, loc: Located, from: number): { where: string; limit: string } | null {
  const whereEnd = isWhereEnd(loc);
  let where = '';
  let limit = '';
  const w = findTop(loc, from, (t) => isWord(t, 'WHERE'));
  if (w >= 0) {
    const end = findTop(loc, w + 1, whereEnd);
    where = sliceTokens(text, loc, w, end);
  }
  const l = findTop(loc, from, (t) => isWord(t, 'LIMIT'));
  if (l >= 0) {
    const end = findTop(loc, l + 1, (t) => isWord(t, 'RETURNING') || (t.type === 'punct' && t.text === ';'));
    limit = sliceTokens(text, loc, l, end);
  }
  if (/^where$/i.test(where) || /^limit$/i.test(limit)) return null; // a keyword with nothing after it
  return { where, limit };
}

/** UPDATE: `UPDATE [LOW_PRIORITY] [IGNORE] <tables> SET … [WHERE …] [ORDER BY …] [LIMIT …]`. */
function updateClauses(text: string, loc: Located): DmlClauses | null {
  const { toks } = loc;
  if (!isWord(toks[0], 'UPDATE')) return null;
  const first = skipWords(toks, 1, ['LOW_PRIORITY', 'IGNORE']);
  const set = findTop(loc, first, (t) => isWord(t, 'SET'));
  if (set <= first) return null;
  const tables = sliceTokens(text, loc, first, set);
  const tail = tailClauses(text, loc, set + 1);
  return tail && tables ? { tables, ...tail } : null;
}

/**
 * DELETE, all three forms: `DELETE FROM t …` (single table), `DELETE t1, t2 FROM <tables> …` and
 * `DELETE FROM t1, t2 USING <tables> …` (a USING that is no join's `USING (cols)`).
 */
function deleteClauses(text: string, loc: Located): DmlClauses | null {
  const { toks } = loc;
  if (!isWord(toks[0], 'DELETE')) return null;
  let i = skipWords(toks, 1, ['LOW_PRIORITY', 'QUICK', 'IGNORE']);
  let start: number;
  if (isWord(toks[i], 'FROM')) {
    const using = findTop(loc, i + 1, (t, k) => isWord(t, 'USING') && !(toks[k + 1]?.type === 'punct' && toks[k + 1]!.text === '('));
    const stop = findTop(loc, i + 1, isTableRefsEnd(loc));
    start = using >= 0 && (stop < 0 || using < stop) ? using + 1 : i + 1;
  } else {
    const from = findTop(loc, i, (t) => isWord(t, 'FROM'));
    if (from < 0) return null;
    start = from + 1;
  }
  if (start >= toks.length) return null;
  const stop = findTop(loc, start, isTableRefsEnd(loc));
  const tables = sliceTokens(text, loc, start, stop);
  i = stop < 0 ? toks.length : stop;
  const tail = tailClauses(text, loc, i);
  return tail && tables ? { tables, ...tail } : null;
}

/** The clauses of an UPDATE or DELETE, or null when the text is not one we can slice safely. */
export function dmlClauses(text: string): DmlClauses | null {
  const loc = locate(text);
  if (!loc.balanced) return null;
  return isWord(loc.toks[0], 'UPDATE') ? updateClauses(text, loc) : deleteClauses(text, loc);
}

/**
 * The SELECT of `INSERT|REPLACE … SELECT` as written (with its own WITH / ORDER BY / LIMIT / UNION), without
 * `ON DUPLICATE KEY UPDATE …` / RETURNING; null for VALUES / SET forms.
 */
export function insertSelectText(text: string): string | null {
  const loc = locate(text);
  const { toks } = loc;
  if (!loc.balanced || !isWord(toks[0], 'INSERT', 'REPLACE')) return null;
  const begin = findTop(loc, 1, (t, k) => {
    if (isWord(t, 'SELECT', 'WITH')) return true;
    // `INSERT INTO t (a, b) (SELECT …)`: a parenthesised query (the column list starts with a name instead).
    return t.type === 'punct' && t.text === '(' && isWord(toks[k + 1], 'SELECT', 'WITH');
  });
  if (begin < 0) return null;
  const valuesOrSet = findTop(loc, 1, (t) => isWord(t, 'VALUES', 'VALUE', 'SET'));
  if (valuesOrSet >= 0 && valuesOrSet < begin) return null; // `SET a = (SELECT …)`: no SELECT form
  const end = findTop(
    loc,
    begin + 1,
    (t, k) => (isWord(t, 'ON') && isWord(toks[k + 1], 'DUPLICATE')) || isWord(t, 'RETURNING') || (t.type === 'punct' && t.text === ';'),
  );
  const select = sliceTokens(text, loc, begin, end);
  return select || null;
}

// --- building the COUNT ------------------------------------------------------------------------------------

function select(bound: TimeoutBound, rest: string): string {
  return `${bound.prefix}SELECT ${bound.hint}COUNT(*) AS ${COUNT_COLUMN} ${rest}`;
}

/**
 * The COUNT for UPDATE/DELETE: `SELECT COUNT(*) FROM <tables> [WHERE …]`; with LIMIT the rows are capped in a
 * derived table (`SELECT 1 FROM … LIMIT n`) so the target stops early. ORDER BY is dropped: it cannot change how
 * many rows there are, only cost a sort.
 */
export function countForDml(c: DmlClauses, bound: TimeoutBound = NO_BOUND): string {
  const where = c.where ? ` ${c.where}` : '';
  if (c.limit) return select(bound, `FROM (SELECT 1 FROM ${c.tables}${where} ${c.limit}) ${WRAPPER}`);
  return select(bound, `FROM ${c.tables}${where}`);
}

/** The COUNT of a SELECT's rows: a derived table (any DISTINCT / GROUP BY / UNION / LIMIT keeps its meaning). */
export function countForSelect(selectText: string, bound: TimeoutBound = NO_BOUND): string {
  return select(bound, `FROM (${selectText}) ${WRAPPER}`);
}

/**
 * The same through a CTE with a column list, for SELECTs whose output names repeat (`SELECT 1, 1 …`), which a
 * derived table rejects (ER_DUP_FIELDNAME). MariaDB's SET STATEMENT must come before the WITH.
 */
export function countForSelectRenamed(selectText: string, width: number, bound: TimeoutBound = NO_BOUND): string {
  const cols = Array.from({ length: width }, (_, i) => `c${i + 1}`).join(', ');
  return `${bound.prefix}WITH ${WRAPPER}(${cols}) AS (${selectText}) SELECT ${bound.hint}COUNT(*) AS ${COUNT_COLUMN} FROM ${WRAPPER}`;
}
