// The shape of an audit rule (docs/audit.md "Rules"): one code, the statement kinds it looks at, an optional
// typed gate on `[inc]`, and a check that reports arguments. The engine owns phases, gates, levels, message
// order and formatting; a rule never decides what runs after it.

import type { IncConfig } from '../config/config.js';
import type { TableName } from '../sql/ast.js';
import type { ParsedStatement, StatementKind } from '../sql/statement.js';
import type { StatementFacts } from './facts.js';
import type { AuditServerInfo } from './runner.js';
import type { ForeignKeyInfo, PartitionInfo, TableInfo } from './snapshot.js';

export interface RuleContext {
  readonly inc: Readonly<IncConfig>;
  readonly serverInfo: AuditServerInfo;
  /** Current database of the batch (USE), null before any. */
  readonly currentDb: string | null;
  /** The statement's 1-based position among the statements audited in this batch. */
  readonly ordinal: number;
  /** What the resolve phase and other rules learnt about this statement, built lazily and shared. */
  readonly facts: StatementFacts;
  /** Reports this rule's code with template arguments (dropped at level 0). */
  report(...args: unknown[]): void;
  /**
   * Reports for one item of the statement (a column, an index, a spec: 0-based, in written order). Within a
   * section of the declared order, messages about the statement itself (`report`) come first, then each item's
   * messages together (docs/audit.md "Message order").
   */
  reportAt(item: number, ...args: unknown[]): void;
  /**
   * `reportAt` at the higher of this rule's level and the level configured for code `other` (goInception lets a
   * legacy code's `[inc_level]` raise a newer one, e.g. er_use_enum for ER_INVALID_DATA_TYPE); 0 drops it.
   */
  reportWithLevelOf(item: number, other: number, ...args: unknown[]): void;
  /** Free-text level-2 error / level-1 warning (`.` appended unless the text ends in `.` or `!`). */
  error(text: string): void;
  warn(text: string): void;
  /** A free-text level-2 error about one item, placed like `reportAt` (a VALUES cell, a column's type-limit texts). */
  errorAt(item: number, text: string): void;
  /** The table's database: its qualifier, else the current database (null when neither). */
  dbOf(ref: { db: string | null }): string | null;
  /** The table as the batch sees it (null: missing, or no database); a metadata failure ends the statement. */
  table(ref: TableName | { db: string | null; name: string }): Promise<TableInfo | null>;
  /** The partitions the target has for a table that existed before the batch (information_schema.PARTITIONS). */
  partitions(table: TableInfo): Promise<readonly PartitionInfo[]>;
  /** The foreign keys the target has in a database (information_schema.KEY_COLUMN_USAGE). */
  foreignKeys(db: string): Promise<readonly ForeignKeyInfo[]>;
}

export interface Rule {
  /** The code `ctx.report` raises; null for rules that only add free-text messages. */
  readonly code: number | null;
  readonly on: readonly StatementKind[];
  /** Runs the rule only when this is true for the session's `[inc]` (a mistyped key does not compile). */
  readonly gate?: (inc: Readonly<IncConfig>) => boolean;
  /**
   * The statement is refused outright by configuration (DROP TABLE without enable_drop_table …): refusals run
   * before the resolve phase, and once one reports, nothing else is checked for the statement.
   */
  readonly refuses?: true;
  /**
   * The rule reads only the statement's queries — SELECT blocks, WHERE/ON/HAVING, names beyond the statement's own
   * table and column list — so it can report nothing for an INSERT/REPLACE … VALUES of literals: the engine does
   * not run it there (10k-row INSERT batches, docs/audit.md "Rules").
   */
  readonly queriesOnly?: true;
  check(stmt: ParsedStatement, ctx: RuleContext): void | Promise<void>;
}

export function defineRule(rule: Rule): Rule {
  return Object.freeze(rule);
}
