// Our recursive-descent parser for DDL (docs/parsing.md): CREATE/ALTER/DROP DATABASE, CREATE TABLE in every form,
// every ALTER TABLE spec of MySQL 8.0 and MariaDB 10.11, CREATE/DROP INDEX, DROP/TRUNCATE/RENAME TABLE, CREATE and
// DROP VIEW. It reads tokens from the one tokenizer and builds the typed model (model.ts) directly. Expressions
// (defaults in parentheses, generated columns, CHECK, functional index parts, partition values, view queries) are
// kept as source text with their parentheses balanced; their insides are not checked here.

import {
  charsetClause,
  columnDefinition,
  defaultValue,
  indexDefinition,
  indexParts,
  isIndexStart,
  isTableOptionStart,
  partitionDefinitions,
  partitionSpec,
  tableOption,
  tableOptions,
} from './definitions.js';
import type { AlterSpec, ColumnDef, ColumnPosition, DdlOf, DdlStatement, IndexDef, QualifiedName } from './model.js';
import { Lexer } from '../lex.js';
import { DdlSyntaxError, Reader } from './reader.js';

export type DdlParseResult =
  | { ok: true; ddl: DdlStatement }
  /** The statement is DDL we read, but invalid: `offset` is where the offending token starts. */
  | { ok: false; offset: number };

/**
 * Parses `sql` when it is a DDL statement this parser reads; null when it is not (DML, CREATE USER, ALTER VIEW,
 * …: other parsers decide). Never throws.
 */
export function parseDdl(sql: string): DdlParseResult | null {
  const head = new Lexer(sql).next();
  if (head?.type !== 'word' || !LEADERS.has(head.value)) return null;
  const r = new Reader(sql);
  let read: (() => DdlStatement) | null;
  try {
    read = statementReader(r);
  } catch (err) {
    if (err instanceof DdlSyntaxError) return null;
    throw err;
  }
  if (!read) return null;
  try {
    const ddl = read();
    r.end();
    return { ok: true, ddl };
  } catch (err) {
    if (err instanceof DdlSyntaxError) return { ok: false, offset: err.offset };
    throw err;
  }
}

const LEADERS = new Set(['CREATE', 'ALTER', 'DROP', 'TRUNCATE', 'RENAME']);

/** Reads the leading words and picks the statement's reader (null: not DDL we read). */
function statementReader(r: Reader): (() => DdlStatement) | null {
  const head = r.acceptWord('CREATE', 'ALTER', 'DROP', 'TRUNCATE', 'RENAME');
  switch (head) {
    case 'CREATE': {
      const orReplace = r.acceptWords('OR', 'REPLACE');
      const start = r.i;
      if (r.acceptWord('DATABASE', 'SCHEMA')) return () => createDatabase(r, orReplace);
      r.acceptWord('TEMPORARY');
      if (r.acceptWord('TABLE')) return () => createTable(r, orReplace, r.toks[start]!.value === 'TEMPORARY');
      r.i = start;
      r.acceptWord('ONLINE', 'OFFLINE');
      const kind = r.acceptWord('UNIQUE', 'FULLTEXT', 'SPATIAL');
      if (r.acceptWord('INDEX')) return () => createIndex(r, orReplace, kind);
      r.i = start;
      const view = viewAttributes(r);
      if (view && r.acceptWord('VIEW')) return () => createView(r, orReplace, view);
      return null;
    }
    case 'ALTER': {
      const start = r.i;
      const online = r.acceptWord('ONLINE') !== null;
      const ignore = r.acceptWord('IGNORE') !== null;
      if (r.acceptWord('TABLE')) return () => alterTable(r, online, ignore);
      r.i = start;
      if (r.acceptWord('DATABASE', 'SCHEMA')) return () => alterDatabase(r);
      return null;
    }
    case 'DROP': {
      const temporary = r.acceptWord('TEMPORARY') !== null;
      if (r.acceptWord('TABLE', 'TABLES')) return () => dropTable(r, temporary);
      if (temporary) return null;
      if (r.acceptWord('VIEW')) return () => dropView(r);
      if (r.acceptWord('DATABASE', 'SCHEMA')) return () => dropDatabase(r);
      if (r.acceptWord('INDEX')) return () => dropIndex(r);
      return null;
    }
    case 'TRUNCATE':
      // TRUNCATE [TABLE] t; a bare word after TRUNCATE that is no identifier is not ours to judge
      if (!r.acceptWord('TABLE') && !r.isIdent()) return null;
      return () => truncateTable(r);
    case 'RENAME':
      if (!r.acceptWord('TABLE', 'TABLES')) return null;
      return () => renameTable(r);
    default:
      return null;
  }
}

function ifNotExists(r: Reader): boolean {
  return r.acceptWords('IF', 'NOT', 'EXISTS');
}

function ifExists(r: Reader): boolean {
  return r.acceptWords('IF', 'EXISTS');
}

/** MariaDB's `WAIT n` / `NOWAIT` lock-wait clause. */
function waitClause(r: Reader): void {
  if (r.acceptWord('WAIT')) r.integer();
  else r.acceptWord('NOWAIT');
}

// --- databases -----------------------------------------------------------------------------------------------

const DATABASE_OPTIONS = new Set(['CHARSET', 'COLLATE', 'ENCRYPTION', 'COMMENT']);

function databaseOptions(r: Reader): DdlOf<'create_database'>['options'] {
  const out: DdlOf<'create_database'>['options'] = [];
  for (;;) {
    if (r.isWord('READ') && r.isWordAt(1, 'ONLY')) {
      const from = r.i;
      r.i += 2;
      r.optionalEquals();
      const v = r.peek;
      if (!v || (v.type !== 'number' && !r.isWord('DEFAULT'))) r.fail();
      r.i++;
      out.push({ name: 'READ ONLY', value: v!.text, isDefault: false, text: r.textFrom(from) });
    } else if (isTableOptionStart(r)) {
      const at = r.i;
      const opt = tableOption(r);
      if (!DATABASE_OPTIONS.has(opt.name)) {
        r.i = at;
        r.fail();
      }
      out.push(opt);
    } else return out;
  }
}

function createDatabase(r: Reader, orReplace: boolean): DdlStatement {
  const exists = ifNotExists(r);
  const name = r.ident();
  return { type: 'create_database', name, ifNotExists: exists, orReplace, options: databaseOptions(r) };
}

function alterDatabase(r: Reader): DdlStatement {
  let name: string | null = null;
  if (r.isIdent() && !isTableOptionStart(r) && !(r.isWord('READ') && r.isWordAt(1, 'ONLY'))) name = r.ident();
  if (name !== null && r.acceptWord('UPGRADE')) {
    r.expectWord('DATA');
    r.expectWord('DIRECTORY');
    r.expectWord('NAME');
    return { type: 'alter_database', name, options: [], upgrade: true };
  }
  const options = databaseOptions(r);
  if (options.length === 0) r.fail();
  return { type: 'alter_database', name, options, upgrade: false };
}

function dropDatabase(r: Reader): DdlStatement {
  const exists = ifExists(r);
  return { type: 'drop_database', name: r.ident(), ifExists: exists };
}

// --- tables --------------------------------------------------------------------------------------------------

/** Where a query starts (CREATE TABLE … AS SELECT, CREATE VIEW … AS). */
function isQueryStart(r: Reader): boolean {
  return r.isWord('SELECT', 'WITH', 'VALUES', 'TABLE') || r.isPunct('(');
}

function query(r: Reader): string {
  if (!isQueryStart(r)) r.fail();
  // the query's text is kept whole; node-sql-parser reads it when a rule needs its AST
  const text = r.restFrom(r.i);
  if (r.isPunct('(')) {
    r.parenthesised();
    while (!r.done) r.i++;
  } else {
    r.i = r.toks.length;
  }
  return text;
}

function createTable(r: Reader, orReplace: boolean, temporary: boolean): DdlStatement {
  const exists = ifNotExists(r);
  const table = r.qualifiedName();
  const ddl: DdlOf<'create_table'> = {
    type: 'create_table',
    table,
    temporary,
    ifNotExists: exists,
    orReplace,
    columns: [],
    indexes: [],
    options: [],
    partition: null,
    like: null,
    select: null,
    duplicates: null,
  };
  if (r.acceptWord('LIKE')) {
    ddl.like = r.qualifiedName();
    return ddl;
  }
  if (r.isPunct('(') && r.isWordAt(1, 'LIKE')) {
    r.i += 2;
    ddl.like = r.qualifiedName();
    r.expectPunct(')');
    return ddl;
  }
  if (r.isPunct('(') && !r.isWordAt(1, 'SELECT', 'WITH', 'VALUES')) {
    r.i++;
    do {
      if (isIndexStart(r)) {
        const ix = indexDefinition(r);
        if (ix) ddl.indexes.push(ix);
      } else ddl.columns.push(columnDefinition(r, true));
    } while (r.acceptPunct(','));
    r.expectPunct(')');
  }
  ddl.options = tableOptions(r, false);
  if (r.isWord('PARTITION')) ddl.partition = partitionSpec(r);
  const dup = r.acceptWord('IGNORE', 'REPLACE');
  ddl.duplicates = dup as 'IGNORE' | 'REPLACE' | null;
  const as = r.acceptWord('AS') !== null;
  if (dup || as || !r.done) ddl.select = query(r);
  return ddl;
}

function position(r: Reader): ColumnPosition {
  if (r.acceptWord('FIRST')) return { first: true };
  if (r.acceptWord('AFTER')) return { after: r.ident() };
  return null;
}

function alterTable(r: Reader, online: boolean, ignore: boolean): DdlStatement {
  const exists = ifExists(r);
  const table = r.qualifiedName();
  waitClause(r);
  const specs: AlterSpec[] = [];
  if (!r.done) {
    for (;;) {
      specs.push(...alterSpec(r));
      if (r.acceptPunct(',')) continue;
      // partitioning may follow the spec list without a comma
      if (r.isWord('PARTITION') && r.isWordAt(1, 'BY')) continue;
      if (r.isWord('REMOVE') && r.isWordAt(1, 'PARTITIONING')) continue;
      break;
    }
  }
  return { type: 'alter_table', table, ifExists: exists, ignore, online, specs };
}

/** `(name, …)` or `name, …` or ALL after PARTITION; ALL gives []. */
function partitionNames(r: Reader): string[] {
  if (r.acceptWord('ALL')) return [];
  const names = [r.ident()];
  // commas in a partition name list: only when a name (not a new spec) follows
  while (r.isPunct(',') && r.at(1)?.type !== 'punct' && !isSpecLeader(r, 1)) {
    r.i++;
    names.push(r.ident());
  }
  return names;
}

const SPEC_LEADERS = new Set([
  'ADD', 'DROP', 'MODIFY', 'CHANGE', 'ALTER', 'RENAME', 'CONVERT', 'FORCE', 'ORDER', 'ALGORITHM', 'LOCK', 'ENABLE',
  'DISABLE', 'DISCARD', 'IMPORT', 'WITH', 'WITHOUT', 'PARTITION', 'REMOVE', 'TRUNCATE', 'COALESCE', 'REORGANIZE',
  'EXCHANGE', 'ANALYZE', 'CHECK', 'OPTIMIZE', 'REBUILD', 'REPAIR', 'UPGRADE', 'DEFAULT', 'CHARSET', 'CHARACTER',
  'COLLATE', 'ENGINE', 'COMMENT', 'AUTO_INCREMENT', 'ROW_FORMAT',
]);

function isSpecLeader(r: Reader, k: number): boolean {
  const t = r.at(k);
  return t?.type === 'word' && SPEC_LEADERS.has(t.value);
}

function alterSpec(r: Reader): AlterSpec[] {
  const from = r.i;
  const specs = alterSpecBody(r);
  const text = r.textFrom(from);
  return specs.map((s) => ({ ...s, text: s.text ?? text }) as AlterSpec);
}

/** A spec before its text is known; specs that split one source spec (ADD (a int, INDEX …)) carry their own. */
type SpecBody = AlterSpec extends infer S ? (S extends AlterSpec ? Omit<S, 'text'> & { text?: string } : never) : never;

function columnOrIndex(r: Reader): { column?: ColumnDef; index?: IndexDef } {
  if (isIndexStart(r)) {
    const index = indexDefinition(r);
    return index ? { index } : {};
  }
  return { column: columnDefinition(r, false) };
}

function alterSpecBody(r: Reader): SpecBody[] {
  const word = r.peek?.type === 'word' ? r.peek.value : '';
  switch (word) {
    case 'ADD':
      return addSpec(r);
    case 'DROP':
      return [dropSpec(r)];
    case 'MODIFY': {
      r.i++;
      r.acceptWord('COLUMN');
      const exists = ifExists(r);
      // MySQL and MariaDB accept a qualified name here (`db.t.c`); the audit checks the qualifier.
      const column = columnDefinition(r, true);
      return [{ op: 'modify_column', column, position: position(r), ifExists: exists }];
    }
    case 'CHANGE': {
      r.i++;
      r.acceptWord('COLUMN');
      const exists = ifExists(r);
      const old = r.ident();
      const column = columnDefinition(r, true);
      return [{ op: 'change_column', old, column, position: position(r), ifExists: exists }];
    }
    case 'ALTER':
      return [alterSubSpec(r)];
    case 'RENAME': {
      r.i++;
      if (r.acceptWord('COLUMN')) {
        const old = r.ident();
        r.expectWord('TO');
        return [{ op: 'rename_column', old, to: r.ident() }];
      }
      if (r.acceptWord('INDEX', 'KEY')) {
        const from = r.ident();
        r.expectWord('TO');
        return [{ op: 'rename_index', from, to: r.ident() }];
      }
      r.acceptWord('TO', 'AS');
      return [{ op: 'rename_table', to: r.qualifiedName() }];
    }
    case 'CONVERT': {
      r.i++;
      if (r.acceptWord('PARTITION')) {
        const name = r.ident();
        r.expectWord('TO');
        r.expectWord('TABLE');
        r.qualifiedName();
        return [{ op: 'partition_maintenance', action: 'CONVERT', names: [name] }];
      }
      if (r.acceptWord('TABLE')) {
        r.qualifiedName();
        r.expectWord('TO');
        r.expectWord('PARTITION');
        const def = partitionDefinitionsAfter(r);
        return [{ op: 'partition_maintenance', action: 'CONVERT', names: def }];
      }
      r.expectWord('TO');
      const charset = charsetClause(r) ?? r.fail();
      let collation: string | null = null;
      if (r.acceptWord('COLLATE')) {
        r.optionalEquals();
        collation = r.nameOrString();
      }
      return [{ op: 'convert_charset', charset, collation }];
    }
    case 'ALGORITHM':
    case 'LOCK': {
      r.i++;
      r.optionalEquals();
      const value = r.peek?.type === 'word' ? r.peek.value : r.fail();
      r.i++;
      return [word === 'LOCK' ? { op: 'lock', value } : { op: 'algorithm', value }];
    }
    case 'FORCE':
      r.i++;
      return [{ op: 'force' }];
    case 'ORDER': {
      r.i++;
      r.expectWord('BY');
      const columns: string[] = [];
      for (;;) {
        columns.push(r.ident());
        r.acceptWord('ASC', 'DESC');
        // a comma continues the column list only when a column (not the next spec) follows
        if (!r.isPunct(',') || r.at(1)?.type === 'punct' || isSpecLeader(r, 1)) break;
        r.i++;
      }
      return [{ op: 'order_by', columns }];
    }
    case 'ENABLE':
    case 'DISABLE':
      r.i++;
      r.expectWord('KEYS');
      return [{ op: 'keys', enable: word === 'ENABLE' }];
    case 'DISCARD':
    case 'IMPORT': {
      r.i++;
      if (r.acceptWord('PARTITION')) {
        const names = partitionNames(r);
        r.expectWord('TABLESPACE');
        return [{ op: 'partition_maintenance', action: word, names }];
      }
      r.expectWord('TABLESPACE');
      return [{ op: 'tablespace', action: word }];
    }
    case 'WITH':
    case 'WITHOUT':
      if (r.isWordAt(1, 'VALIDATION')) {
        r.i += 2;
        return [{ op: 'validation', with: word === 'WITH' }];
      }
      if (word === 'WITH' && r.isWordAt(1, 'SYSTEM')) return [{ op: 'options', options: tableOptions(r, true) }];
      return r.fail();
    case 'PARTITION':
      if (!r.isWordAt(1, 'BY')) return r.fail();
      return [{ op: 'partition_by', partition: partitionSpec(r) }];
    case 'REMOVE':
      r.i++;
      r.expectWord('PARTITIONING');
      return [{ op: 'remove_partitioning' }];
    case 'UPGRADE':
      r.i++;
      r.expectWord('PARTITIONING');
      return [{ op: 'partition_maintenance', action: 'UPGRADE', names: [] }];
    case 'TRUNCATE':
    case 'ANALYZE':
    case 'CHECK':
    case 'OPTIMIZE':
    case 'REBUILD':
    case 'REPAIR':
      r.i++;
      r.expectWord('PARTITION');
      return [{ op: 'partition_maintenance', action: word, names: partitionNames(r) }];
    case 'COALESCE':
      r.i++;
      r.expectWord('PARTITION');
      r.integer();
      return [{ op: 'partition_maintenance', action: word, names: [] }];
    case 'REORGANIZE': {
      r.i++;
      r.expectWord('PARTITION');
      if (r.done || r.isPunct(',')) return [{ op: 'partition_maintenance', action: word, names: [] }];
      const names = [r.ident()];
      while (r.acceptPunct(',')) names.push(r.ident());
      r.expectWord('INTO');
      partitionDefinitions(r);
      return [{ op: 'partition_maintenance', action: word, names }];
    }
    case 'EXCHANGE': {
      r.i++;
      r.expectWord('PARTITION');
      const name = r.ident();
      r.expectWord('WITH');
      r.expectWord('TABLE');
      r.qualifiedName();
      if (r.acceptWord('WITH', 'WITHOUT')) r.expectWord('VALIDATION');
      return [{ op: 'partition_maintenance', action: word, names: [name] }];
    }
    default:
      if (isTableOptionStart(r)) return [{ op: 'options', options: tableOptions(r, true) }];
      return r.fail();
  }
}

/** MariaDB's `CONVERT TABLE t TO PARTITION p VALUES …`: the partition's name. */
function partitionDefinitionsAfter(r: Reader): string[] {
  const name = r.ident();
  r.expectWord('VALUES');
  if (r.acceptWords('LESS', 'THAN')) {
    if (!r.acceptWord('MAXVALUE')) r.parenthesised();
  } else {
    r.expectWord('IN');
    r.parenthesised();
  }
  return [name];
}

function addSpec(r: Reader): SpecBody[] {
  r.expectWord('ADD');
  if (r.acceptWord('PARTITION')) {
    ifNotExists(r);
    if (r.acceptWord('PARTITIONS')) return [{ op: 'add_partition', definitions: [], count: r.integer() }];
    return [{ op: 'add_partition', definitions: partitionDefinitions(r), count: null }];
  }
  if (r.acceptWords('SYSTEM', 'VERSIONING')) return [{ op: 'system_versioning', add: true }];
  const column = r.acceptWord('COLUMN') !== null;
  const exists = ifNotExists(r);
  if (r.isPunct('(')) {
    // ADD [COLUMN] (a int, b int [, INDEX …])
    r.i++;
    const out: SpecBody[] = [];
    const columns: ColumnDef[] = [];
    do {
      const from = r.i;
      const item = columnOrIndex(r);
      if (item.column) columns.push(item.column);
      if (item.index) out.push({ op: 'add_index', index: item.index, ifNotExists: false, text: r.textFrom(from) });
    } while (r.acceptPunct(','));
    r.expectPunct(')');
    if (columns.length > 0) out.unshift({ op: 'add_column', columns, position: null, ifNotExists: exists });
    return out;
  }
  if (!column && isIndexStart(r)) {
    const at = r.i;
    const index = indexDefinition(r);
    if (!index) return [{ op: 'options', options: [], text: r.textFrom(at) }];
    return [{ op: 'add_index', index, ifNotExists: /\bIF\s+NOT\s+EXISTS\b/i.test(index.text) }];
  }
  const def = columnDefinition(r, false);
  return [{ op: 'add_column', columns: [def], position: position(r), ifNotExists: exists }];
}

function dropSpec(r: Reader): SpecBody {
  r.expectWord('DROP');
  if (r.acceptWord('PRIMARY')) {
    r.expectWord('KEY');
    return { op: 'drop_primary_key' };
  }
  if (r.acceptWord('INDEX', 'KEY')) {
    const exists = ifExists(r);
    return { op: 'drop_index', name: r.ident(), ifExists: exists };
  }
  if (r.acceptWords('FOREIGN', 'KEY')) {
    const exists = ifExists(r);
    return { op: 'drop_foreign_key', name: r.ident(), ifExists: exists };
  }
  if (r.acceptWord('CHECK', 'CONSTRAINT')) {
    const exists = ifExists(r);
    return { op: 'drop_constraint', name: r.ident(), ifExists: exists };
  }
  if (r.acceptWord('PARTITION')) {
    const exists = ifExists(r);
    return { op: 'drop_partition', names: partitionNames(r), ifExists: exists };
  }
  if (r.acceptWords('SYSTEM', 'VERSIONING')) return { op: 'system_versioning', add: false };
  r.acceptWord('COLUMN');
  const exists = ifExists(r);
  const column = r.ident();
  r.acceptWord('RESTRICT', 'CASCADE');
  return { op: 'drop_column', column, ifExists: exists };
}

function alterSubSpec(r: Reader): SpecBody {
  r.expectWord('ALTER');
  if (r.acceptWord('INDEX', 'KEY')) {
    const name = r.ident();
    if (r.acceptWord('VISIBLE')) return { op: 'alter_index_visibility', name, visible: true };
    if (r.acceptWord('INVISIBLE', 'IGNORED')) return { op: 'alter_index_visibility', name, visible: false };
    r.expectWord('NOT');
    r.expectWord('IGNORED');
    return { op: 'alter_index_visibility', name, visible: true };
  }
  if (r.isWord('CHECK', 'CONSTRAINT')) {
    r.i++;
    const name = r.ident();
    const not = r.acceptWord('NOT') !== null;
    r.expectWord('ENFORCED');
    return { op: 'alter_constraint', name, enforced: !not };
  }
  r.acceptWord('COLUMN');
  const column = r.ident();
  if (r.acceptWords('DROP', 'DEFAULT')) return { op: 'alter_column_default', column, default: null };
  r.expectWord('SET');
  if (r.acceptWord('DEFAULT')) return { op: 'alter_column_default', column, default: defaultValue(r) };
  if (r.acceptWord('VISIBLE')) return { op: 'alter_column_visibility', column, visible: true };
  r.expectWord('INVISIBLE');
  return { op: 'alter_column_visibility', column, visible: false };
}

function dropTable(r: Reader, temporary: boolean): DdlStatement {
  const exists = ifExists(r);
  const tables = [r.qualifiedName()];
  while (r.acceptPunct(',')) tables.push(r.qualifiedName());
  waitClause(r);
  r.acceptWord('RESTRICT', 'CASCADE');
  return { type: 'drop_table', tables, ifExists: exists, temporary };
}

function dropView(r: Reader): DdlStatement {
  const exists = ifExists(r);
  const views = [r.qualifiedName()];
  while (r.acceptPunct(',')) views.push(r.qualifiedName());
  r.acceptWord('RESTRICT', 'CASCADE');
  return { type: 'drop_view', views, ifExists: exists };
}

function truncateTable(r: Reader): DdlStatement {
  const table = r.qualifiedName();
  waitClause(r);
  return { type: 'truncate_table', table };
}

function renameTable(r: Reader): DdlStatement {
  const exists = ifExists(r);
  const pairs: { from: QualifiedName; to: QualifiedName }[] = [];
  do {
    const from = r.qualifiedName();
    waitClause(r);
    r.expectWord('TO');
    pairs.push({ from, to: r.qualifiedName() });
  } while (r.acceptPunct(','));
  return { type: 'rename_table', pairs, ifExists: exists };
}

// --- indexes ---------------------------------------------------------------------------------------------------

function algorithmAndLock(r: Reader, into: { algorithm: string | null; lock: string | null }): void {
  for (;;) {
    const w = r.acceptWord('ALGORITHM', 'LOCK');
    if (!w) {
      waitClause(r);
      if (!r.isWord('ALGORITHM', 'LOCK')) return;
      continue;
    }
    r.optionalEquals();
    const t = r.peek;
    if (t?.type !== 'word') r.fail();
    r.i++;
    if (w === 'ALGORITHM') into.algorithm = t!.value;
    else into.lock = t!.value;
  }
}

function createIndex(r: Reader, orReplace: boolean, kind: string | null): DdlStatement {
  const from = r.i;
  const exists = ifNotExists(r);
  const name = r.ident();
  let using: string | null = null;
  if (r.acceptWord('USING', 'TYPE')) using = r.expectWord('BTREE', 'HASH', 'RTREE');
  r.expectWord('ON');
  const table = r.qualifiedName();
  const parts = indexParts(r);
  // index options then ALGORITHM/LOCK, read by re-using the CREATE TABLE index reader on a synthetic head
  const ix: IndexDef = {
    kind: kind === 'UNIQUE' ? 'unique' : kind === 'FULLTEXT' ? 'fulltext' : kind === 'SPATIAL' ? 'spatial' : 'index',
    name,
    constraint: null,
    parts,
    using,
    comment: null,
    visible: null,
    parser: null,
    references: null,
    check: null,
    text: '',
  };
  const ddl: DdlOf<'create_index'> = { type: 'create_index', table, index: ix, ifNotExists: exists, orReplace, algorithm: null, lock: null };
  for (;;) {
    if (r.acceptWord('USING', 'TYPE')) ix.using = r.expectWord('BTREE', 'HASH', 'RTREE');
    else if (r.acceptWord('COMMENT')) ix.comment = r.string();
    else if (r.acceptWord('VISIBLE')) ix.visible = true;
    else if (r.acceptWord('INVISIBLE', 'IGNORED')) ix.visible = false;
    else if (r.acceptWords('NOT', 'IGNORED')) ix.visible = true;
    else if (r.acceptWords('WITH', 'PARSER')) ix.parser = r.ident();
    else if (r.acceptWord('KEY_BLOCK_SIZE')) {
      r.optionalEquals();
      r.integer();
    } else if (r.acceptWord('ENGINE_ATTRIBUTE', 'SECONDARY_ENGINE_ATTRIBUTE')) {
      r.optionalEquals();
      r.string();
    } else if (r.isWord('ALGORITHM', 'LOCK', 'WAIT', 'NOWAIT')) algorithmAndLock(r, ddl);
    else break;
  }
  ix.text = r.textFrom(from);
  return ddl;
}

function dropIndex(r: Reader): DdlStatement {
  r.acceptWord('ONLINE', 'OFFLINE');
  const exists = ifExists(r);
  const name = r.ident();
  r.expectWord('ON');
  const table = r.qualifiedName();
  const ddl: DdlOf<'drop_index'> = { type: 'drop_index', table, name, ifExists: exists, algorithm: null, lock: null };
  algorithmAndLock(r, ddl);
  return ddl;
}

// --- views -----------------------------------------------------------------------------------------------------

interface ViewAttributes {
  algorithm: string | null;
  definer: string | null;
  security: string | null;
}

/** `user` / `'user'@'host'` / CURRENT_USER[()] after DEFINER =. */
function account(r: Reader): string {
  const from = r.i;
  if (r.acceptWord('CURRENT_USER')) {
    if (r.acceptPunct('(')) r.expectPunct(')');
    return r.textFrom(from);
  }
  r.nameOrString();
  if (r.isPunct('@') || (r.peek?.type === 'uservar' && r.peek.text === '@')) {
    r.i++;
    r.nameOrString();
  } else if (r.peek?.type === 'uservar') {
    r.i++; // `root@localhost` scanned as a user variable after a blank-free name
  }
  return r.textFrom(from);
}

/** ALGORITHM / DEFINER / SQL SECURITY before VIEW; null when something else stands there. */
function viewAttributes(r: Reader): ViewAttributes | null {
  const out: ViewAttributes = { algorithm: null, definer: null, security: null };
  for (;;) {
    if (r.isWord('ALGORITHM') && r.at(1)?.text === '=') {
      r.i += 2;
      out.algorithm = r.expectWord('UNDEFINED', 'MERGE', 'TEMPTABLE');
    } else if (r.isWord('DEFINER') && r.at(1)?.text === '=') {
      r.i += 2;
      out.definer = account(r);
    } else if (r.isWord('SQL') && r.isWordAt(1, 'SECURITY')) {
      r.i += 2;
      out.security = r.expectWord('DEFINER', 'INVOKER');
    } else return r.isWord('VIEW') ? out : null;
  }
}

function createView(r: Reader, orReplace: boolean, attrs: ViewAttributes): DdlStatement {
  const exists = ifNotExists(r);
  const view = r.qualifiedName();
  const columns = r.isPunct('(') ? r.identList() : null;
  r.expectWord('AS');
  if (!isQueryStart(r)) r.fail();
  const start = r.i;
  // WITH [CASCADED | LOCAL] CHECK OPTION at the very end
  let end = r.toks.length;
  let checkOption: 'CASCADED' | 'LOCAL' | null = null;
  const last = r.toks.length - 1;
  if (r.toks[last]?.value === 'OPTION' && r.toks[last - 1]?.value === 'CHECK') {
    const w = r.toks[last - 2];
    if (w?.value === 'WITH') {
      end = last - 2;
      checkOption = 'CASCADED';
    } else if ((w?.value === 'CASCADED' || w?.value === 'LOCAL') && r.toks[last - 3]?.value === 'WITH') {
      end = last - 3;
      checkOption = w.value;
    }
  }
  if (end <= start) r.fail();
  const select = r.sql.slice(r.toks[start]!.start, r.toks[end - 1]!.end);
  // parentheses of the query must balance
  let depth = 0;
  for (let k = start; k < end; k++) {
    const t = r.toks[k]!;
    if (t.type === 'punct' && t.text === '(') depth++;
    else if (t.type === 'punct' && t.text === ')' && --depth < 0) {
      r.i = k;
      r.fail();
    }
  }
  if (depth !== 0) {
    r.i = r.toks.length;
    r.fail();
  }
  r.i = r.toks.length;
  return { type: 'create_view', view, orReplace, ifNotExists: exists, ...attrs, columns, select, checkOption };
}
