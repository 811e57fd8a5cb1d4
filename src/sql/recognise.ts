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

/** First words of ALTER TABLE specs MySQL/MariaDB accept. */
const ALTER_SPEC_LEADERS = new Set([
  'ADD', 'DROP', 'MODIFY', 'CHANGE', 'ALTER', 'RENAME', 'CONVERT', 'FORCE', 'ORDER', 'ENGINE', 'DEFAULT',
  'CHARSET', 'CHARACTER', 'COLLATE', 'COMMENT', 'AUTO_INCREMENT', 'ALGORITHM', 'LOCK', 'PARTITION', 'REMOVE',
  'COALESCE', 'REORGANIZE', 'EXCHANGE', 'ANALYZE', 'CHECK', 'OPTIMIZE', 'REBUILD', 'REPAIR', 'TRUNCATE', 'DISCARD',
  'IMPORT', 'ROW_FORMAT', 'KEY_BLOCK_SIZE', 'STATS_PERSISTENT', 'STATS_AUTO_RECALC', 'STATS_SAMPLE_PAGES',
  'AVG_ROW_LENGTH', 'MAX_ROWS', 'MIN_ROWS', 'PACK_KEYS', 'CHECKSUM', 'DELAY_KEY_WRITE', 'INSERT_METHOD',
  'DATA', 'INDEX', 'COMPRESSION', 'ENCRYPTION', 'CONNECTION', 'PASSWORD', 'TABLESPACE', 'UNION', 'ENABLE',
  'DISABLE', 'WITH', 'WITHOUT', 'UPGRADE', 'PAGE_CHECKSUM', 'TRANSACTIONAL', 'SECONDARY_ENGINE', 'AUTOEXTEND_SIZE',
  'ONLINE', 'NOWAIT', 'WAIT',
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
      return recogniseAlter(sql, toks);
    case 'CREATE':
      return recogniseCreate(sql, toks);
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

function recogniseAlter(sql: string, toks: Token[]): Recognised | null {
  let i = 1;
  while (isWord(toks[i], 'ONLINE', 'IGNORE', 'OFFLINE')) i++;
  if (isWord(toks[i], 'DATABASE', 'SCHEMA')) return recogniseAlterDatabase(toks, i + 1);
  if (isWord(toks[i], 'TABLE')) return recogniseAlterTable(sql, toks, i + 1);
  if (OTHER_OBJECTS.has(toks[i]?.value ?? '') || isWord(toks[i], 'VIEW', 'ALGORITHM', 'SQL')) return keyword('other', 'ALTER');
  return null;
}

function recogniseAlterDatabase(toks: Token[], i: number): Recognised | null {
  let db: string | null = null;
  const optionWords = ['DEFAULT', 'CHARACTER', 'CHARSET', 'COLLATE', 'COMMENT', 'READ', 'ENCRYPTION', 'UPGRADE'];
  if (toks[i] && !isWord(toks[i], ...optionWords)) {
    db = identOf(toks[i]);
    if (db === null) return null;
    i++;
  }
  let charset: string | null = null;
  let collate: string | null = null;
  while (i < toks.length) {
    if (isWord(toks[i], 'DEFAULT')) i++;
    if (isWord(toks[i], 'CHARACTER') && isWord(toks[i + 1], 'SET')) i += 2;
    else if (isWord(toks[i], 'CHARSET', 'COLLATE', 'COMMENT')) i++;
    else return null;
    const what = toks[i - 1]!.value;
    if (toks[i]?.text === '=') i++;
    const v = toks[i];
    const value = v?.type === 'string' ? v.value : identOf(v);
    if (value === null) return null;
    i++;
    if (what === 'COLLATE') collate = value;
    else if (what !== 'COMMENT') charset = value;
  }
  if (charset === null && collate === null && i === toks.length && db !== null && toks.length > 0) {
    // `ALTER DATABASE d` alone is not valid MySQL.
    return null;
  }
  return { kind: 'alter_database', ast: null, recognised: { form: 'alter_database', db, charset, collate } };
}

function recogniseAlterTable(sql: string, toks: Token[], i: number): Recognised | null {
  const name = readQualifiedName(toks, i);
  if (!name) return null;
  const parts = splitTopLevel(toks, name.next);
  if (!parts) return null;
  const specs: string[] = [];
  for (const part of parts) {
    if (part.length === 0) {
      if (parts.length === 1) break; // bare `ALTER TABLE t` (valid, audited as "not supported")
      return null;
    }
    if (!ALTER_SPEC_LEADERS.has(part[0]!.type === 'word' ? part[0]!.value : '')) return null;
    specs.push(sql.slice(part[0]!.start, part[part.length - 1]!.end));
  }
  return { kind: 'alter_table', ast: null, recognised: { form: 'alter_table', db: name.db, table: name.name, specs } };
}

function recogniseCreate(sql: string, toks: Token[]): Recognised | null {
  let i = 1;
  if (isWord(toks[i], 'OR') && isWord(toks[i + 1], 'REPLACE')) i += 2;
  // View attributes may precede VIEW: ALGORITHM = x, DEFINER = user, SQL SECURITY x.
  const viewStart = i;
  for (;;) {
    if (isWord(toks[i], 'ALGORITHM', 'DEFINER') && toks[i + 1]?.text === '=') {
      i += 3;
      while (toks[i] && (toks[i]!.text === '@' || (toks[i - 1]!.text === '@' && toks[i]!.type !== 'word'))) i += 2;
    } else if (isWord(toks[i], 'SQL') && isWord(toks[i + 1], 'SECURITY')) {
      i += 3;
    } else break;
  }
  if (isWord(toks[i], 'VIEW')) return recogniseCreateView(sql, toks, i + 1);
  i = viewStart;
  if (isWord(toks[i], 'TEMPORARY')) i++;
  if (isWord(toks[i], 'TABLE')) return recogniseCreateTablePartition(sql, toks);
  if (OTHER_OBJECTS.has(toks[i]?.value ?? '') || isWord(toks[i], 'UNIQUE', 'FULLTEXT')) return keyword('other', 'CREATE');
  return null;
}

function recogniseCreateView(sql: string, toks: Token[], i: number): Recognised | null {
  const name = readQualifiedName(toks, i);
  if (!name) return null;
  i = name.next;
  let columns: string[] | null = null;
  if (toks[i]?.text === '(') {
    columns = [];
    i++;
    while (toks[i] && toks[i]!.text !== ')') {
      const c = identOf(toks[i]);
      if (c === null) return null;
      columns.push(c);
      i++;
      if (toks[i]?.text === ',') i++;
    }
    if (toks[i]?.text !== ')') return null;
    i++;
  }
  if (!isWord(toks[i], 'AS') || !toks[i + 1]) return null;
  let selectText = sql.slice(toks[i + 1]!.start);
  selectText = selectText.replace(/\s+WITH\s+(CASCADED\s+|LOCAL\s+)?CHECK\s+OPTION\s*$/i, '');
  const parsed = astify(selectText);
  if (!parsed.ok || parsed.asts.length !== 1 || kindOfAst(parsed.asts[0]) !== 'select') return null;
  return {
    kind: 'create_view',
    ast: null,
    recognised: { form: 'create_view', db: name.db, name: name.name, columns, select: parsed.asts[0] },
  };
}

/** CREATE TABLE … PARTITION BY …: parse the statement without the partition clause. */
function recogniseCreateTablePartition(sql: string, toks: Token[]): Recognised | null {
  let depth = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.type === 'punct' && t.text === '(') depth++;
    else if (t.type === 'punct' && t.text === ')') depth--;
    else if (depth === 0 && isWord(t, 'PARTITION') && isWord(toks[i + 1], 'BY')) {
      const parsed = astify(sql.slice(0, t.start));
      if (!parsed.ok || parsed.asts.length !== 1 || kindOfAst(parsed.asts[0]) !== 'create_table') return null;
      return {
        kind: 'create_table',
        ast: parsed.asts[0],
        recognised: { form: 'create_table_partition', partition: sql.slice(t.start).trim() },
      };
    }
  }
  return null;
}

/**
 * INSERT/REPLACE whose column list and a VALUES row differ in width: node-sql-parser refuses these in its
 * grammar, goInception audits them (ER_WRONG_VALUE_COUNT_ON_ROW). Parse without the column list, then put the
 * columns back into the AST.
 */
export function recogniseInsertCountMismatch(sql: string): Recognised | null {
  const toks = tokenize(sql);
  if (!isWord(toks[0], 'INSERT', 'REPLACE')) return null;
  let i = 1;
  while (isWord(toks[i], 'LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY', 'IGNORE', 'INTO')) i++;
  const name = readQualifiedName(toks, i);
  if (!name || toks[name.next]?.text !== '(') return null;
  const open = name.next;
  const columns: string[] = [];
  let j = open + 1;
  while (toks[j] && toks[j]!.text !== ')') {
    const c = identOf(toks[j]);
    if (c === null) return null;
    columns.push(c);
    j++;
    if (toks[j]?.text === ',') j++;
  }
  if (toks[j]?.text !== ')' || !isWord(toks[j + 1], 'VALUES', 'VALUE')) return null;
  const without = sql.slice(0, toks[open]!.start) + ' ' + sql.slice(toks[j]!.end);
  const parsed = astify(without);
  if (!parsed.ok || parsed.asts.length !== 1) return null;
  const ast = parsed.asts[0] as { columns?: unknown };
  ast.columns = columns;
  return { kind: kindOfAst(ast), ast };
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
