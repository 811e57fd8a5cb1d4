// The resolve phase (docs/audit.md "Resolve phase"): before any rule, the engine checks that what the statement
// acts on exists as the batch sees it — the current database, the statement's database, its own table(s), the
// source of CREATE TABLE … LIKE, RENAME TABLE's pairs. It reports the existence codes and either leaves the
// statement's facts filled (`continue`) or ends the statement (`end`), so no rule has to know what ran before it.
// Names inside queries (subquery tables, columns) never end a statement: rules report them from the facts.

import type { Level } from '../rows/row.js';
import { databaseNameOf, hasIfExists, hasIfNotExists, insertColumnsOf, renamePairsOf, tablesOf, type TableName } from '../sql/ast.js';
import type { ParsedStatement, StatementKind } from '../sql/statement.js';
import { Code } from '../codes/catalogue.js';
import { hasColumn } from './column-lookup.js';
import type { StatementFacts } from './facts.js';
import type { SchemaSnapshot, TableInfo } from './snapshot.js';

export type Resolution = 'continue' | 'end';

export interface ResolveEnv {
  readonly facts: StatementFacts;
  readonly snapshot: SchemaSnapshot;
  dbOf(ref: { db: string | null }): string | null;
  table(ref: { db: string | null; name: string }): Promise<TableInfo | null>;
  /** Raises a code at its configured level and returns that level (0: dropped). */
  report(code: number, ...args: unknown[]): Level;
  /** Free-text level-2 error. */
  error(text: string): void;
}

/** Kinds whose tables need a database: without a current one, ER_WRONG_DB_NAME('') ends the statement. */
const NEED_DATABASE: ReadonlySet<StatementKind> = new Set<StatementKind>([
  'create_table', 'drop_table', 'truncate_table', 'insert', 'replace', 'update', 'delete', 'select', 'alter_table',
  'create_index', 'drop_index', 'rename_table', 'create_view',
]);

/** Kinds whose tables' database must exist (created earlier in the batch counts); else the statement ends. */
const DATABASE_MUST_EXIST: ReadonlySet<StatementKind> = new Set<StatementKind>([
  'create_table', 'insert', 'replace', 'update', 'delete', 'alter_table', 'create_index', 'drop_index', 'create_view',
]);

const qualified = (env: ResolveEnv, t: { db: string | null; name: string }) => `${env.dbOf(t)}.${t.name}`;

/**
 * The resolution; synchronous when the statement is DML whose databases and tables the batch already knows (the
 * bulk of large batches: no promise per statement), a promise when something must be looked up.
 */
export function resolveStatement(stmt: ParsedStatement, env: ResolveEnv): Resolution | Promise<Resolution> {
  return resolveKnownDml(stmt, env) ?? resolveLookingUp(stmt, env);
}

/**
 * resolveLookingUp's outcome for INSERT/REPLACE/UPDATE/DELETE when every database and table it names is already
 * known to the snapshot; null (and nothing reported) when something must be looked up or a database is missing.
 */
function resolveKnownDml(stmt: ParsedStatement, env: ResolveEnv): Resolution | null {
  const kind = stmt.kind;
  if (kind !== 'insert' && kind !== 'replace' && kind !== 'update' && kind !== 'delete') return null;
  const refs = tablesOf(stmt);
  if (refs.length === 0) return null;
  const tables: (TableInfo | null)[] = [];
  for (const t of refs) {
    const db = env.dbOf(t);
    if (db === null || env.snapshot.knownDatabaseExists(db) !== true) return null;
    const table = env.snapshot.knownTable(db, t.name);
    if (table === undefined) return null;
    tables.push(table);
  }
  env.facts.setTarget(tables[0]!);
  let found = true;
  tables.forEach((table, i) => {
    if (table) return;
    env.report(Code.ER_TABLE_NOT_EXISTED_ERROR, qualified(env, refs[i]!));
    found = false;
  });
  if (!found) return 'end';
  return kind === 'insert' || kind === 'replace' ? insertColumnsResolution(stmt, refs[0]!, tables[0]!, env) : 'continue';
}

async function resolveLookingUp(stmt: ParsedStatement, env: ResolveEnv): Promise<Resolution> {
  switch (stmt.kind) {
    case 'use':
      return resolveUse(stmt, env);
    case 'create_database':
      return resolveCreateDatabase(stmt, env);
    case 'drop_database':
      return resolveDropDatabase(stmt, env);
    default:
      break;
  }
  const refs = tablesOf(stmt);
  if (NEED_DATABASE.has(stmt.kind) && refs.some((t) => env.dbOf(t) === null)) {
    env.report(Code.ER_WRONG_DB_NAME, '');
    return 'end';
  }
  if (DATABASE_MUST_EXIST.has(stmt.kind)) {
    for (const t of refs) {
      const db = env.dbOf(t)!;
      if (!(await env.snapshot.databaseExists(db))) {
        env.report(Code.ER_DB_NOT_EXISTED_ERROR, db);
        return 'end';
      }
    }
  }
  switch (stmt.kind) {
    case 'create_table':
      return resolveCreateTable(env);
    case 'drop_table':
    case 'truncate_table':
      return resolveDropTable(stmt, refs, env);
    case 'alter_table': {
      if (!(await mustExist(refs.slice(0, 1), env))) return 'end';
      // merge_alter_table (ER_ALTER_TABLE_ONCE) counts the ALTERs of each table in the batch.
      const t = refs[0]!;
      env.facts.earlierAlters = env.snapshot.noteAlter(env.dbOf(t)!, t.name);
      return 'continue';
    }
    case 'create_index':
    case 'drop_index':
      return (await mustExist(refs.slice(0, 1), env)) ? 'continue' : 'end';
    case 'insert':
    case 'replace':
      return (await mustExist(refs, env)) ? resolveInsertColumns(stmt, refs[0]!, env) : 'end';
    case 'update':
    case 'delete':
      return (await mustExist(refs, env)) ? 'continue' : 'end';
    case 'rename_table':
      return resolveRename(stmt, env);
    default:
      return 'continue';
  }
}

/** USE db: the database must exist on the target or have been created earlier in the batch. */
async function resolveUse(stmt: ParsedStatement, env: ResolveEnv): Promise<Resolution> {
  const db = databaseNameOf(stmt);
  if (db !== null && !(await env.snapshot.databaseExists(db))) env.report(Code.ER_DB_NOT_EXISTED_ERROR, db);
  return 'continue';
}

/** CREATE DATABASE of an existing database: goInception's hard-coded Chinese text unless IF NOT EXISTS; ends. */
async function resolveCreateDatabase(stmt: ParsedStatement, env: ResolveEnv): Promise<Resolution> {
  const db = databaseNameOf(stmt);
  if (db === null || !(await env.snapshot.databaseExists(db))) return 'continue';
  if (!hasIfNotExists(stmt)) env.error(`数据库'${db}'已存在.`);
  return 'end';
}

/** DROP DATABASE of a missing database without IF EXISTS. */
async function resolveDropDatabase(stmt: ParsedStatement, env: ResolveEnv): Promise<Resolution> {
  const db = databaseNameOf(stmt);
  if (db === null || hasIfExists(stmt) || (await env.snapshot.databaseExists(db))) return 'continue';
  env.report(Code.ER_DB_NOT_EXISTED_ERROR, db);
  return 'end';
}

/** CREATE TABLE: an existing table ends the statement (reported unless IF NOT EXISTS); LIKE needs its source. */
async function resolveCreateTable(env: ResolveEnv): Promise<Resolution> {
  const shape = env.facts.createTable;
  if (!shape?.table) return 'continue';
  if (await env.table(shape.table)) {
    if (!shape.ifNotExists) env.report(Code.ER_TABLE_EXISTS_ERROR, shape.table.name);
    return 'end';
  }
  env.facts.setTarget(null);
  if (shape.like && !(await env.table(shape.like))) {
    env.report(Code.ER_TABLE_NOT_EXISTED_ERROR, qualified(env, shape.like));
    return 'end';
  }
  return 'continue';
}

/** DROP TABLE (without IF EXISTS) / TRUNCATE: each missing table is reported; the statement goes on. */
async function resolveDropTable(stmt: ParsedStatement, refs: TableName[], env: ResolveEnv): Promise<Resolution> {
  if (stmt.kind === 'drop_table' && hasIfExists(stmt)) return 'continue';
  for (const t of refs) if (!(await env.table(t))) env.report(Code.ER_TABLE_NOT_EXISTED_ERROR, qualified(env, t));
  return 'continue';
}

/** Every table must exist; each missing one is reported. The first table becomes the statement's target. */
async function mustExist(refs: TableName[], env: ResolveEnv): Promise<boolean> {
  let found = true;
  for (const [i, t] of refs.entries()) {
    const table = await env.table(t);
    if (i === 0) env.facts.setTarget(table);
    if (!table) {
      env.report(Code.ER_TABLE_NOT_EXISTED_ERROR, qualified(env, t));
      found = false;
    }
  }
  return found;
}

/**
 * INSERT's column list, in written order: a column the table lacks gets ER_COLUMN_NOT_EXISTED (`t.col`, the table
 * as written); a column listed twice gets ER_FIELD_SPECIFIED_TWICE and ends the statement, as goInception stops
 * there (messages of the columns before it stay). Without a list there is nothing to resolve.
 */
async function resolveInsertColumns(stmt: ParsedStatement, ref: TableName, env: ResolveEnv): Promise<Resolution> {
  const table = await env.facts.target();
  return table ? insertColumnsResolution(stmt, ref, table, env) : 'continue';
}

function insertColumnsResolution(stmt: ParsedStatement, ref: TableName, table: TableInfo, env: ResolveEnv): Resolution {
  const columns = insertColumnsOf(stmt);
  if (!columns) return 'continue';
  const seen = new Set<string>();
  for (const c of columns) {
    const key = c.toLowerCase();
    if (seen.has(key)) {
      env.report(Code.ER_FIELD_SPECIFIED_TWICE, c, ref.name);
      return 'end';
    }
    seen.add(key);
    if (!hasColumn(table, c)) env.report(Code.ER_COLUMN_NOT_EXISTED, `${ref.name}.${c}`);
  }
  return 'continue';
}

/**
 * RENAME TABLE a TO b, b TO c …: pairs apply in order, so existence is replayed over them; a pair whose
 * messages block (level 2) stops the remaining pairs, as in goInception.
 */
async function resolveRename(stmt: ParsedStatement, env: ResolveEnv): Promise<Resolution> {
  const state = new Map<string, boolean>();
  const key = (t: TableName) => `${(env.dbOf(t) ?? '').toLowerCase()}.${t.name.toLowerCase()}`;
  const exists = async (t: TableName) => state.get(key(t)) ?? (await env.table(t)) !== null;
  for (const { from, to } of renamePairsOf(stmt)) {
    const sourceOk = await exists(from);
    const targetTaken = await exists(to);
    let level: Level = 0;
    if (!sourceOk) level = Math.max(level, env.report(Code.ER_TABLE_NOT_EXISTED_ERROR, qualified(env, from))) as Level;
    if (targetTaken) level = Math.max(level, env.report(Code.ER_TABLE_EXISTS_ERROR, to.name)) as Level;
    if (level >= 2) break;
    if (sourceOk && !targetTaken) {
      state.set(key(from), false);
      state.set(key(to), true);
    }
  }
  return 'continue';
}
