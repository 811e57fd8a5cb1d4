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
  /** Original statement text as it appeared in the batch, trimmed (reference-behaviour §1.4). */
  text: string;
  kind: StatementKind;
  /** node-sql-parser AST (MySQL dialect) when it parsed; null for forms only our own code recognises. */
  ast: unknown;
}

export type ParseResult =
  | { ok: true; statement: ParsedStatement }
  /** `message` is MySQL-style: `line L column C near "<rest>" ` (used verbatim on the RERUN row). */
  | { ok: false; message: string };
