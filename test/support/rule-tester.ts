// RuleTester (docs/audit.md "Testing a rule"): runs one rule — with the engine's refusals, resolve phase,
// message order and levels around it — over statements audited against an in-memory table layout, no server.
// `valid` statements must leave the row without messages; `invalid` ones must give exactly the listed messages.
//
//   new RuleTester({ tables: ['create table t1 (id int primary key, c1 int)'] }).run('dml/no-where', {
//     valid: ['update t1 set c1 = 1 where id = 1'],
//     invalid: [{ sql: 'update t1 set c1 = 1', messages: ['Please set the where condition.'] }],
//   }, { inc: { check_dml_where: true } });

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAuditor, type AuditServerInfo, type SqlRunner } from '../../src/audit/engine.js';
import type { Rule } from '../../src/audit/rule.js';
import { RULES } from '../../src/audit/rules/index.js';
import type { TableInfo } from '../../src/audit/snapshot.js';
import { tableFromCreate } from '../../src/audit/table-from-ddl.js';
import type { IncConfig } from '../../src/config/config.js';
import { defaultsOf, INC_SPEC } from '../../src/config/schema.js';
import { ResultRow } from '../../src/rows/row.js';
import { createTableOf } from '../../src/sql/ast.js';
import { parseStatement } from '../../src/sql/parse.js';

/** `[inc]` with goInception's compiled defaults, then `overrides`. */
export function incConfig(overrides: Partial<IncConfig> = {}): IncConfig {
  return { ...defaultsOf(INC_SPEC), ...overrides };
}

export interface Layout {
  /** The batch's current database (default `test`); null for none. */
  db?: string | null;
  /** Databases that exist besides the ones the tables live in. */
  databases?: string[];
  /** CREATE TABLE statements; unqualified tables live in `db`. */
  tables?: string[];
  /** What `EXPLAIN` and information_schema TABLE_ROWS answer (default 1 and 0). */
  explainRows?: number;
  /** The whole plan `EXPLAIN` answers (replaces `explainRows`). */
  explainPlan?: Record<string, unknown>[];
  tableRows?: number;
  /** information_schema.PARTITIONS by `db.table` (lower case): partition name and description. */
  partitions?: Record<string, { name: string; description: string | null }[]>;
  /** information_schema.KEY_COLUMN_USAGE foreign keys by database (lower case). */
  foreignKeys?: Record<string, { table: string; name: string }[]>;
}

export interface RunOptions {
  inc?: Partial<IncConfig>;
  /** `[inc_level]` overrides by level key. */
  levels?: Record<string, number>;
  /** Statements audited first in the same batch (their messages are not checked). */
  before?: string[];
  execute?: boolean;
  /** `--ignore-warnings` (default on, as in check mode). */
  ignoreWarnings?: boolean;
  /** The target's sql_mode (default ''). */
  sqlMode?: string;
  /** The target's version (default a MariaDB 10.11). */
  version?: string;
  /** Other server facts (GTID settings …) over the defaults. */
  server?: Partial<AuditServerInfo>;
}

export interface InvalidCase extends RunOptions {
  sql: string;
  messages: string[];
  /** Expected row level (default: not checked). */
  level?: number;
}

export type ValidCase = string | (RunOptions & { sql: string });

export interface Cases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

export interface Outcome {
  messages: string[];
  level: number;
  affectedRows: number;
}

const DEFAULT_DB = 'test';

/** The layout most rule tests share: two tables in `test`. */
export const LAYOUT: Layout = {
  tables: [
    "create table t1 (id int primary key, c1 varchar(10) not null, c2 int, key ix_c2 (c2)) comment 't1'",
    'create table t2 (id int primary key, c1 int)',
  ],
};

export class RuleTester {
  private readonly db: string | null;
  private readonly databases: Set<string>;
  private readonly tables = new Map<string, TableInfo>();

  constructor(private readonly layout: Layout = {}) {
    this.db = layout.db === undefined ? DEFAULT_DB : layout.db;
    this.databases = new Set([...(layout.databases ?? []), ...(this.db === null ? [] : [this.db])].map((d) => d.toLowerCase()));
    for (const ddl of layout.tables ?? []) {
      const parsed = parseStatement(ddl);
      assert.ok(parsed.ok, `layout DDL must parse: ${ddl}`);
      const shape = createTableOf(parsed.statement);
      assert.ok(shape?.table, `layout DDL must be CREATE TABLE: ${ddl}`);
      const db = shape.table.db ?? this.db;
      assert.ok(db !== null, `layout table needs a database: ${ddl}`);
      const info = tableFromCreate(shape, db, shape.table.name);
      const columns = info.columns.map((c) => ({ ...c, null: c.null === '' ? 'YES' : c.null }));
      this.tables.set(`${db}.${shape.table.name}`.toLowerCase(), { ...info, columns, isNew: false });
      this.databases.add(db.toLowerCase());
    }
  }

  /** Registers node:test cases for the rule `id` (null: no rule, only the engine's refusal-free phases). */
  run(id: string | null, cases: Cases, options: RunOptions = {}): void {
    const name = id ?? 'resolve phase';
    for (const c of cases.valid) {
      const one = typeof c === 'string' ? { sql: c } : c;
      test(`${name} · valid · ${one.sql}`, async () => {
        const out = await this.audit(id, one.sql, { ...options, ...one, inc: { ...options.inc, ...one.inc } });
        assert.deepEqual(out.messages, [], one.sql);
      });
    }
    for (const c of cases.invalid) {
      test(`${name} · invalid · ${c.sql}`, async () => {
        const out = await this.audit(id, c.sql, { ...options, ...c, inc: { ...options.inc, ...c.inc } });
        assert.deepEqual(out.messages, c.messages, c.sql);
        if (c.level !== undefined) assert.equal(out.level, c.level, c.sql);
      });
    }
  }

  /** Audits `sql` (after `options.before`) with only rule `id` registered (every rule for `'*'`). */
  async audit(id: string | null, sql: string, options: RunOptions = {}): Promise<Outcome> {
    const outcomes = await this.auditBatch(id, [...(options.before ?? []), sql], options);
    return outcomes[outcomes.length - 1]!;
  }

  /** Audits `sqls` as one batch; one outcome per statement. */
  async auditBatch(id: string | null, sqls: readonly string[], options: RunOptions = {}): Promise<Outcome[]> {
    let rules: ReadonlyMap<string, Rule>;
    if (id === '*') rules = RULES;
    else if (id === null) rules = new Map();
    else {
      const rule = RULES.get(id);
      assert.ok(rule, `no rule '${id}' in the registry`);
      rules = new Map([[id, rule]]);
    }
    const auditor = createAuditor({
      settings: { inc: incConfig(options.inc), levels: options.levels ?? {} },
      target: this.runner(),
      initialDb: this.db,
      serverInfo: { version: options.version ?? '10.11.6-MariaDB', lowerCaseTableNames: 1, sqlMode: options.sqlMode ?? '', explicitDefaultsForTimestamp: true, ...options.server },
      execute: options.execute,
      ignoreWarnings: options.ignoreWarnings,
      rules,
    });
    const outcomes: Outcome[] = [];
    for (const text of sqls) {
      const parsed = parseStatement(text);
      assert.ok(parsed.ok, `must parse: ${text}`);
      const row = new ResultRow(text, parsed.statement);
      await auditor.audit(parsed.statement, row);
      outcomes.push({ messages: [...row.messages], level: row.errorLevel, affectedRows: row.affectedRows });
    }
    return outcomes;
  }

  /** Answers the metadata queries the auditor makes from the layout. */
  private runner(): SqlRunner {
    const find = (sql: string): TableInfo | undefined => {
      const m = /FROM `((?:[^`]|``)*)`\.`((?:[^`]|``)*)`/.exec(sql);
      return m ? this.tables.get(`${m[1]}.${m[2]}`.replace(/``/g, '`').toLowerCase()) : undefined;
    };
    const noSuchTable = () => Object.assign(new Error("Table doesn't exist"), { errno: 1146 });
    const query = async (sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> => {
      if (sql.startsWith('SHOW DATABASES LIKE')) {
        const name = String(params[0]).replace(/\\(.)/g, '$1').toLowerCase();
        return this.databases.has(name) ? [{ Database: name }] : [];
      }
      if (sql.startsWith('SHOW FULL FIELDS')) {
        const t = find(sql);
        if (!t) throw noSuchTable();
        return t.columns.map((c) => ({ Field: c.field, Type: c.type, Collation: c.collation, Null: c.null, Key: c.key, Default: c.default, Extra: c.extra, Comment: c.comment }));
      }
      if (sql.startsWith('SHOW INDEX')) {
        const t = find(sql);
        if (!t) throw noSuchTable();
        return t.indexes.map((i) => ({ Key_name: i.keyName, Non_unique: i.nonUnique, Seq_in_index: i.seqInIndex, Column_name: i.columnName, Index_type: i.indexType }));
      }
      if (sql.startsWith('EXPLAIN')) return this.layout.explainPlan ?? [{ rows: this.layout.explainRows ?? 1 }];
      if (sql.includes('information_schema.PARTITIONS')) {
        const parts = this.layout.partitions?.[`${params[0]}.${params[1]}`.toLowerCase()] ?? [];
        return parts.map((p) => ({ PARTITION_NAME: p.name, PARTITION_DESCRIPTION: p.description }));
      }
      if (sql.includes('information_schema.KEY_COLUMN_USAGE')) {
        return (this.layout.foreignKeys?.[String(params[0]).toLowerCase()] ?? []).map((f) => ({ TABLE_NAME: f.table, CONSTRAINT_NAME: f.name }));
      }
      if (sql.includes('information_schema.TABLES')) return [{ TABLE_ROWS: this.layout.tableRows ?? 0 }];
      if (sql.startsWith('USE ')) return [];
      throw new Error(`RuleTester: unexpected query ${sql}`);
    };
    return { query: query as SqlRunner['query'] };
  }
}
