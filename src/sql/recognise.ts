// Our own recognisers for valid MySQL that node-sql-parser 5.4 rejects (docs/parsing.md): they decide the
// statement kind and read the few facts the audit needs, so such statements are audited ("not supported",
// partition rules …) instead of being reported as syntax errors. Each recogniser is conservative: when the text
// does not look like the form it knows, it returns null and the parser's syntax error stands.

import { astify } from './node-parser.js';
import { identOf, isWord, readQualifiedName, splitTopLevel, tokenize, type Token } from './lex.js';
import type { ParsedStatement, StatementKind } from './statement.js';
import { kindOfAst } from './kind.js';

type Recognised = Omit<ParsedStatement, 'text'>;

/** Statement-leading keywords of valid MySQL statements that no rule audits; they become kind `other`. */
const OTHER_LEADERS = new Set([
  'FLUSH', 'OPTIMIZE', 'ANALYZE', 'CHECK', 'REPAIR', 'CHECKSUM', 'GRANT', 'REVOKE', 'KILL', 'LOAD', 'HANDLER',
  'DO', 'CALL', 'LOCK', 'UNLOCK', 'START', 'BEGIN', 'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'RELEASE', 'XA', 'PREPARE',
  'EXECUTE', 'DEALLOCATE', 'INSTALL', 'UNINSTALL', 'RESET', 'PURGE', 'BINLOG', 'CACHE', 'HELP', 'SIGNAL',
  'RESIGNAL', 'STOP', 'SHUTDOWN', 'RESTART', 'CLONE', 'IMPORT', 'BACKUP',
]);

/** Objects of CREATE/DROP/ALTER that no rule audits (kind `other`). */
const OTHER_OBJECTS = new Set([
  'USER', 'ROLE', 'TRIGGER', 'PROCEDURE', 'FUNCTION', 'EVENT', 'SERVER', 'TABLESPACE', 'LOGFILE', 'SEQUENCE',
  'DEFINER', 'AGGREGATE', 'SPATIAL', 'RESOURCE',
]);

/** Tries every recogniser on text the parser rejected. */
export function recognise(sql: string): Recognised | null {
  const toks = tokenize(sql);
  const head = toks[0];
  if (!head || head.type !== 'word') return null;
  switch (head.value) {
    case 'SHOW':
      return keyword('show', 'SHOW');
    case 'EXPLAIN':
    case 'DESC':
    case 'DESCRIBE':
      return keyword('explain', head.value);
    case 'SET':
      return recogniseSetNames(toks);
    case 'ALTER':
      return recogniseAlter(toks);
    case 'CREATE':
      return recogniseCreate(toks);
    case 'DROP':
      return OTHER_OBJECTS.has(toks[1]?.value ?? '') ? keyword('other', 'DROP') : null;
    default:
      return OTHER_LEADERS.has(head.value) ? keyword('other', head.value) : null;
  }
}

function keyword(kind: StatementKind, word: string): Recognised {
  return { kind, ast: null, recognised: { form: 'keyword', keyword: word } };
}

/** `SET NAMES cs [COLLATE co]`; also `SET CHARACTER SET cs` / `SET CHARSET cs` (same meaning). */
function recogniseSetNames(toks: Token[]): Recognised | null {
  let i = 1;
  if (isWord(toks[i], 'NAMES')) i++;
  else if (isWord(toks[i], 'CHARSET')) i++;
  else if (isWord(toks[i], 'CHARACTER') && isWord(toks[i + 1], 'SET')) i += 2;
  else return null;
  const charsetTok = toks[i];
  const charset = charsetTok?.type === 'string' ? charsetTok.value : identOf(charsetTok);
  if (charset === null) return null;
  i++;
  let collate: string | null = null;
  if (isWord(toks[i], 'COLLATE')) {
    const t = toks[i + 1];
    collate = t?.type === 'string' ? t.value : identOf(t);
    if (collate === null) return null;
    i += 2;
  }
  if (i !== toks.length) return null;
  return { kind: 'set', ast: null, recognised: { form: 'set_names', charset, collate } };
}

/** ALTER of objects no rule audits (views, users, routines …). ALTER TABLE / DATABASE are read by ddl/. */
function recogniseAlter(toks: Token[]): Recognised | null {
  let i = 1;
  while (isWord(toks[i], 'ONLINE', 'IGNORE', 'OFFLINE')) i++;
  if (OTHER_OBJECTS.has(toks[i]?.value ?? '') || isWord(toks[i], 'VIEW', 'ALGORITHM', 'SQL')) return keyword('other', 'ALTER');
  return null;
}

/** CREATE of objects no rule audits (users, triggers, routines …). Tables, indexes, views are read by ddl/. */
function recogniseCreate(toks: Token[]): Recognised | null {
  let i = 1;
  if (isWord(toks[i], 'OR') && isWord(toks[i + 1], 'REPLACE')) i += 2;
  if (OTHER_OBJECTS.has(toks[i]?.value ?? '')) return keyword('other', 'CREATE');
  return null;
}

/**
 * INSERT/REPLACE … VALUES that node-sql-parser refuses in its grammar but MySQL and MariaDB accept or goInception
 * audits: a column list and a VALUES row of different widths (ER_WRONG_VALUE_COUNT_ON_ROW), an empty column list
 * `t ()` and empty rows `VALUES ()` (every column takes its default), the keyword `VALUE`, qualified columns
 * (`t.c`, kept as `c`). Parse without the column list and with each
 * empty row holding one NULL, then put the columns back into the AST (`null` for an empty list: to the audit it is
 * no list, as to goInception) and empty each empty row again. Null when the text has none of these forms.
 */
export function recogniseInsertRows(sql: string): Recognised | null {
  const toks = tokenize(sql);
  if (!isWord(toks[0], 'INSERT', 'REPLACE')) return null;
  let i = 1;
  while (isWord(toks[i], 'LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY', 'IGNORE', 'INTO')) i++;
  const name = readQualifiedName(toks, i);
  if (!name) return null;
  let j = name.next;
  let columns: string[] | null = null;
  if (toks[j]?.text === '(') {
    columns = [];
    j++;
    while (toks[j] && toks[j]!.text !== ')') {
      let c = identOf(toks[j]);
      // `t.c` / `db.t.c`: the column is the last part
      while (c !== null && toks[j + 1]?.text === '.' && identOf(toks[j + 2]) !== null) {
        j += 2;
        c = identOf(toks[j]);
      }
      if (c === null) return null;
      columns.push(c);
      j++;
      if (toks[j]?.text === ',' && toks[j + 1]?.text !== ')') j++;
      else if (toks[j]?.text !== ')') return null;
    }
    if (toks[j]?.text !== ')') return null;
    j++;
  }
  if (!isWord(toks[j], 'VALUES', 'VALUE')) return null;
  // the rows: `(…)` separated by commas at depth 0, up to the end or a clause (ON DUPLICATE KEY, AS alias)
  const empty: number[] = [];
  // node-sql-parser knows only the plural spelling
  const singular = isWord(toks[j], 'VALUE');
  let pieces = sql.slice(0, toks[name.next - 1]!.end) + ' VALUES';
  let from = toks[j]!.end;
  for (let k = j + 1, row = 0; toks[k]?.text === '('; row++) {
    if (toks[k + 1]?.text === ')') {
      empty.push(row);
      pieces += sql.slice(from, toks[k]!.start) + '(NULL)';
      from = toks[k + 1]!.end;
      k += 2;
    } else {
      let depth = 0;
      do {
        if (toks[k]!.text === '(' && toks[k]!.type === 'punct') depth++;
        else if (toks[k]!.text === ')' && toks[k]!.type === 'punct') depth--;
        k++;
      } while (toks[k] && depth > 0);
      if (depth > 0) return null;
    }
    if (toks[k]?.text !== ',') break;
    k++;
  }
  if (empty.length === 0 && columns === null && !singular) return null;
  const parsed = astify(pieces + sql.slice(from));
  if (!parsed.ok || parsed.asts.length !== 1) return null;
  const ast = parsed.asts[0] as { columns?: unknown; values?: { type?: unknown; values?: { value?: unknown }[] } };
  const rows = ast.values?.type === 'values' ? ast.values.values : undefined;
  if (!rows) return null;
  for (const row of empty) {
    if (!rows[row]) return null;
    rows[row]!.value = [];
  }
  ast.columns = columns !== null && columns.length > 0 ? columns : null;
  return { kind: kindOfAst(ast), ast };
}

/** Text respelled for node-sql-parser, and how to put the original back into its tree. */
export interface Respelling {
  sql: string;
  /** A copy of the tree with the original forms back; null when it does not hold what was respelled. */
  restore(ast: unknown): unknown | null;
}

/** The column name `DEFAULT` values are respelled as (a statement already using it is not respelled). */
const DEFAULT_STAND_IN = '__inceptor_default__';

/**
 * Valid forms node-sql-parser does not know, respelled as forms it does (docs/parsing.md):
 * - `<=>` (NULL-safe equality) as a comparison the statement does not use (same precedence), put back as the
 *   operator `<=>`;
 * - the value `DEFAULT` of INSERT/REPLACE VALUES and SET, UPDATE SET and ON DUPLICATE KEY UPDATE as a column
 *   name, put back as a `{ type: 'default' }` node (the node node-sql-parser itself uses for `DEFAULT(col)`);
 * - the modifiers LOW_PRIORITY, HIGH_PRIORITY, DELAYED, QUICK and (but for INSERT/REPLACE) IGNORE, left out;
 * - numbers written without a leading zero (`.5`), written with one;
 * - `BINARY col` as `CAST(col AS BINARY)` (the same value; left so in the tree).
 * Null when the text has none of these (or a `<=>` with every stand-in already in use).
 */
export function respelled(sql: string): Respelling | null {
  const toks = tokenize(sql);
  const isPunct = (t: Token | undefined, ...texts: string[]) => t?.type === 'punct' && texts.includes(t.text);
  const ops = toks.filter((t) => isPunct(t, '<=>'));
  const standIn = ['!=', '<>', '>=', '<='].find((op) => !toks.some((t) => isPunct(t, op)));
  if (ops.length > 0 && !standIn) return null;
  const defaults =
    isWord(toks[0], 'INSERT', 'REPLACE', 'UPDATE') && !toks.some((t) => identOf(t) === DEFAULT_STAND_IN)
      ? toks.filter((t, i) => isWord(t, 'DEFAULT') && isPunct(toks[i - 1], '=', '(', ',') && (i === toks.length - 1 || isPunct(toks[i + 1], ',', ')') || toks[i + 1]!.type === 'word'))
      : [];
  // modifiers node-sql-parser refuses; none changes what the audit reads (INSERT keeps IGNORE, which it knows)
  const insert = isWord(toks[0], 'INSERT', 'REPLACE');
  const modifiers: Token[] = [];
  if (insert || isWord(toks[0], 'UPDATE', 'DELETE')) {
    for (let i = 1; isWord(toks[i], 'LOW_PRIORITY', 'HIGH_PRIORITY', 'DELAYED', 'QUICK', 'IGNORE'); i++) if (!(insert && isWord(toks[i], 'IGNORE'))) modifiers.push(toks[i]!);
  }
  // `.5`: a number without its leading zero (same value)
  const bareDecimals = toks.filter((t) => t.type === 'number' && t.text.startsWith('.'));
  // `BINARY col` (a case-sensitive comparison): `CAST(col AS BINARY)`, the same; node-sql-parser knows `BINARY 'x'` only
  const binaries: { at: Token; last: Token }[] = [];
  toks.forEach((t, i) => {
    if (!isWord(t, 'BINARY') || identOf(toks[i + 1]) === null || isWord(toks[i - 1], 'AS', 'USING', 'SET', 'CHARSET')) return;
    let k = i + 1;
    while (isPunct(toks[k + 1], '.') && identOf(toks[k + 2]) !== null) k += 2;
    if (!isPunct(toks[k + 1], '(', '.')) binaries.push({ at: t, last: toks[k]! });
  });
  if (ops.length === 0 && defaults.length === 0 && modifiers.length === 0 && bareDecimals.length === 0 && binaries.length === 0) return null;
  const edits = [
    ...ops.map((t) => ({ t, text: standIn!.padEnd(3) })),
    ...defaults.map((t) => ({ t, text: DEFAULT_STAND_IN })),
    ...modifiers.map((t) => ({ t, text: '' })),
    ...bareDecimals.map((t) => ({ t, text: `0${t.text}` })),
    ...binaries.flatMap(({ at, last }) => [{ t: at, text: 'CAST(' }, { t: last, text: `${last.text} AS BINARY)` }]),
  ].sort((a, b) => a.t.start - b.t.start);
  let out = '';
  let last = 0;
  for (const { t, text } of edits) {
    out += sql.slice(last, t.start) + text;
    last = t.end;
  }
  return {
    sql: out + sql.slice(last),
    restore(ast) {
      let operators = 0;
      let values = 0;
      // a copy: the tree may be a shape-cache skeleton, which nobody writes into
      const copy = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(copy);
        if (v === null || typeof v !== 'object') return v;
        const n = v as Record<string, unknown>;
        if (defaults.length > 0 && n.type === 'column_ref' && n.column === DEFAULT_STAND_IN && !n.table) {
          values++;
          return { type: 'default', value: 'DEFAULT' };
        }
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(n)) out[k] = copy(x);
        if (ops.length > 0 && out.type === 'binary_expr' && out.operator === standIn) {
          out.operator = '<=>';
          operators++;
        }
        return out;
      };
      const restored = copy(ast);
      return operators === ops.length && values === defaults.length ? restored : null;
    },
  };
}

/**
 * `UPDATE … SET a = 1 AND b = 2 …`: MySQL reads the value as `1 AND (b = 2)`, node-sql-parser refuses it. Re-read
 * with every assignment value parenthesised and note which values had a top-level AND (goInception warns,
 * ErrWrongAndExpr). Null when no assignment has such an AND or the re-read still fails.
 */
export function recogniseUpdateAndAssignment(sql: string): Recognised | null {
  const toks = tokenize(sql);
  if (!isWord(toks[0], 'UPDATE')) return null;
  let depth = 0;
  let setAt = -1;
  let endAt = toks.length;
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.type === 'punct' && t.text === '(') depth++;
    else if (t.type === 'punct' && t.text === ')') depth--;
    else if (depth === 0 && setAt < 0 && isWord(t, 'SET')) setAt = i;
    else if (depth === 0 && setAt >= 0 && (isWord(t, 'WHERE', 'LIMIT') || (isWord(t, 'ORDER') && isWord(toks[i + 1], 'BY')))) {
      endAt = i;
      break;
    }
  }
  if (setAt < 0) return null;
  const parts = splitTopLevel(toks, setAt + 1, endAt);
  if (!parts) return null;
  const columns: string[] = [];
  const rewritten: string[] = [];
  for (const part of parts) {
    const eq = part.findIndex((t) => t.type === 'punct' && t.text === '=');
    if (eq <= 0 || eq === part.length - 1) return null;
    const lhs = sql.slice(part[0]!.start, part[eq - 1]!.end);
    const value = part.slice(eq + 1);
    let d = 0;
    let ands = 0;
    let betweens = 0;
    for (let k = 0; k < value.length; k++) {
      const t = value[k]!;
      if (t.text === '(' && t.type === 'punct') d++;
      else if (t.text === ')' && t.type === 'punct') d--;
      else if (d === 0 && isWord(t, 'BETWEEN')) betweens++;
      else if (d === 0 && (isWord(t, 'AND') || (t.text === '&' && value[k + 1]?.text === '&'))) ands++;
    }
    if (ands > betweens) columns.push(lhs.replace(/`/g, ''));
    rewritten.push(`${lhs} = (${sql.slice(value[0]!.start, value[value.length - 1]!.end)})`);
  }
  if (columns.length === 0) return null;
  const tail = endAt < toks.length ? ' ' + sql.slice(toks[endAt]!.start) : '';
  const text = sql.slice(0, toks[setAt]!.end) + ' ' + rewritten.join(', ') + tail;
  const parsed = astify(text);
  if (!parsed.ok || parsed.asts.length !== 1 || kindOfAst(parsed.asts[0]) !== 'update') return null;
  return { kind: 'update', ast: parsed.asts[0], recognised: { form: 'update_and_assignment', columns } };
}

/**
 * `DELETE FROM t1[.*][, t2…] USING <tables> [WHERE …]`: the same statement as `DELETE t1[, t2…] FROM <tables> …`,
 * which node-sql-parser reads; the AST is that of the second spelling (modifiers LOW_PRIORITY, QUICK, IGNORE
 * do not change what the audit reads and are left out of the re-read).
 */
export function recogniseDeleteUsing(sql: string): Recognised | null {
  const toks = tokenize(sql);
  if (!isWord(toks[0], 'DELETE')) return null;
  let i = 1;
  while (isWord(toks[i], 'LOW_PRIORITY', 'QUICK', 'IGNORE')) i++;
  if (!isWord(toks[i], 'FROM')) return null;
  const from = i;
  let depth = 0;
  let using = -1;
  for (let k = from + 1; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.type === 'punct' && t.text === '(') depth++;
    else if (t.type === 'punct' && t.text === ')') depth--;
    else if (depth === 0 && isWord(t, 'USING')) {
      using = k;
      break;
    }
  }
  if (using < from + 2) return null;
  const targets = sql.slice(toks[from + 1]!.start, toks[using - 1]!.end).replace(/\.\s*\*/g, '');
  const parsed = astify(`DELETE ${targets} FROM ${sql.slice(toks[using]!.end)}`);
  if (!parsed.ok || parsed.asts.length !== 1 || kindOfAst(parsed.asts[0]) !== 'delete') return null;
  return { kind: 'delete', ast: parsed.asts[0] };
}

/**
 * The text with every unquoted name that begins with a digit (`127_0_0_1_3306_test`, how backup schemas are
 * named) in backticks, for node-sql-parser, which refuses such names in some places; null when there is none.
 */
export function withDigitNamesQuoted(sql: string): string | null {
  let out = '';
  let last = 0;
  for (const t of tokenize(sql)) {
    if (t.type !== 'word' || !/^[0-9]/.test(t.text) || /^0[xb][0-9a-f]+$/i.test(t.text)) continue;
    out += sql.slice(last, t.start) + '`' + t.text + '`';
    last = t.end;
  }
  return last === 0 ? null : out + sql.slice(last);
}
