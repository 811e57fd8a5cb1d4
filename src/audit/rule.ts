// The shape of an audit rule (docs/architecture.md#audit-rules): one code, the statement kinds it looks at,
// an optional gate on `[inc]`, and a check that reports arguments. The engine owns order, gates, levels and
// message formatting.

import type { ResultRow } from '../rows/row.js';
import type { TableName } from '../sql/ast.js';
import type { ParsedStatement, StatementKind } from '../sql/statement.js';
import type { AuditServerInfo } from './runner.js';
import type { SchemaSnapshot, TableInfo } from './snapshot.js';

export interface RuleContext {
  readonly inc: Record<string, any>;
  readonly serverInfo: AuditServerInfo;
  readonly snapshot: SchemaSnapshot;
  /** Current database of the batch (USE), null before any. */
  readonly currentDb: string | null;
  readonly row: ResultRow;
  /** Reports this rule's code with template arguments (dropped at level 0). */
  report(...args: unknown[]): void;
  /** Free-text level-2 error / level-1 warning (`.` appended unless the text ends in `.` or `!`). */
  error(text: string): void;
  warn(text: string): void;
  /** Skips the remaining rules for this statement, and the snapshot change a DDL would make. */
  stop(): void;
  /** Whether the row already carries a level-2 message. */
  hasError(): boolean;
  /** The table's database: its qualifier, else the current database (null when neither). */
  dbOf(ref: { db: string | null }): string | null;
  /** The table as the batch sees it (null: missing, or no database); a metadata failure ends the statement. */
  table(ref: TableName | { db: string | null; name: string }): Promise<TableInfo | null>;
}

export interface Rule {
  /** The code `ctx.report` raises; null for rules that only add free-text messages. */
  readonly code: number | null;
  readonly on: readonly StatementKind[];
  readonly gate?: (inc: Record<string, any>) => boolean;
  check(stmt: ParsedStatement, ctx: RuleContext): void | Promise<void>;
}

export function defineRule(rule: Rule): Rule {
  return Object.freeze(rule);
}

/** `true` for booleans given as true/1/"true"/"on" (settings may come from toml or `inception set`). */
export function flag(inc: Record<string, any>, key: string): boolean {
  const v = inc[key];
  if (typeof v === 'string') return /^(true|on|1)$/i.test(v.trim());
  return v === true || v === 1;
}
