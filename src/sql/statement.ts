// The one parsing interface the rest of inceptor sees (docs/parsing.md). Implementation: our DDL parser (ddl/),
// node-sql-parser (MySQL dialect) for the rest, our own recognisers for what it lacks; callers never import
// node-sql-parser directly.

import type { DdlStatement } from './ddl/model.js';

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
  /** Original statement text as it appeared in the batch, trimmed (docs/parsing.md). */
  text: string;
  kind: StatementKind;
  /**
   * node-sql-parser AST (MySQL dialect) when it parses the statement; null for forms only our own code reads. For
   * DDL it is computed on first access (rules read `ddl`).
   */
  ast: unknown;
  /**
   * The typed DDL model (src/sql/ddl/model.ts) for CREATE/ALTER/DROP DATABASE, CREATE/ALTER/DROP/TRUNCATE/RENAME
   * TABLE, CREATE/DROP INDEX, CREATE/DROP VIEW; absent for other statements.
   */
  ddl?: DdlStatement;
  /**
   * Facts our own recognisers read where node-sql-parser could not (or needed help): absent when the parser
   * handled the statement alone.
   */
  recognised?: RecognisedForm;
  /**
   * MariaDB's `SET STATEMENT var = value [, …] FOR <statement>`: the prefix up to and including `FOR`. The rest of
   * this object describes the inner statement (`text` is its text), which is audited and backed up as the
   * statement; the row keeps and executes the full text (docs/parsing.md, "SET STATEMENT … FOR").
   */
  setStatement?: string;
}

/** What our own recognisers extract from statements node-sql-parser lacks (see src/sql/recognise.ts). */
export type RecognisedForm =
  /** `SET NAMES cs [COLLATE co]` (ast null). */
  | { form: 'set_names'; charset: string; collate: string | null }
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

/** The statement as written: with its `SET STATEMENT … FOR` prefix when it had one. */
export function writtenText(stmt: ParsedStatement): string {
  return stmt.setStatement === undefined ? stmt.text : `${stmt.setStatement} ${stmt.text}`;
}
