// The one parsing interface the rest of inceptor sees. Implementation: node-sql-parser (MySQL dialect)
// plus our own code for what it lacks; callers never import node-sql-parser directly.

export type StatementKind =
  | 'use'
  | 'create_database'
  | 'alter_database'
  | 'drop_database'
  | 'create_table'
  | 'alter_table'
  | 'drop_table'
  | 'truncate_table'
  | 'rename_table'
  | 'create_index'
  | 'drop_index'
  | 'create_view'
  | 'drop_view'
  | 'insert'
  | 'replace'
  | 'update'
  | 'delete'
  | 'select'
  | 'set'
  | 'show'
  | 'explain'
  | 'other';

export interface ParsedStatement {
  /** Original statement text as it appeared in the batch, trimmed (docs/batch.md). */
  text: string;
  kind: StatementKind;
  /** node-sql-parser AST (MySQL dialect) when it parsed; null for forms only our own code recognises. */
  ast: unknown;
  /**
   * Facts our own recognisers read where node-sql-parser could not (or needed help): absent when the parser
   * handled the statement alone.
   */
  recognised?: RecognisedForm;
}

/** What our own recognisers extract from statements node-sql-parser lacks (see src/sql/recognise.ts). */
export type RecognisedForm =
  /** `SET NAMES cs [COLLATE co]` (ast null). */
  | { form: 'set_names'; charset: string; collate: string | null }
  /** `ALTER TABLE` the parser rejects (RENAME INDEX, partitions, ALTER COLUMN … DEFAULT …); ast null. */
  | { form: 'alter_table'; db: string | null; table: string; specs: string[] }
  /** `ALTER DATABASE|SCHEMA [db] …` (ast null). */
  | { form: 'alter_database'; db: string | null; charset: string | null; collate: string | null }
  /** `CREATE VIEW` whose SELECT the parser rejects in a view (e.g. UNION); `select` is the SELECT's own AST. */
  | { form: 'create_view'; db: string | null; name: string; columns: string[] | null; select: unknown }
  /** CREATE TABLE with a PARTITION clause: `ast` is the statement without it, `partition` the clause text. */
  | { form: 'create_table_partition'; partition: string }
  /**
   * `UPDATE … SET a = 1 AND b = 2`: node-sql-parser rejects an unparenthesised AND in an assignment; `ast` is the
   * statement re-read with each assignment value parenthesised (what MySQL means), `columns` the assignments
   * whose value was such an AND.
   */
  | { form: 'update_and_assignment'; columns: string[] }
  /** A valid statement the parser cannot read and no rule needs details of (SHOW …, EXPLAIN …, FLUSH …). */
  | { form: 'keyword'; keyword: string };

export type ParseResult =
  | { ok: true; statement: ParsedStatement }
  /** `message` is MySQL-style: `line L column C near "<rest>" ` (used verbatim on the RERUN row). */
  | { ok: false; message: string };
