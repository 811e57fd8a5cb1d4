// The VALUES cells of an INSERT, for the per-value rules (docs/audit.md "INSERT values"): each cell with its
// 1-based row, its listed column and its item number (cells counted in written order, so that one row's messages
// stay together and come in value order), and the column name text goInception prints for them.
import { columnOf } from '../../column-lookup.js';
import type { RuleContext } from '../../rule.js';
import type { ColumnInfo, TableInfo } from '../../snapshot.js';
import { insertColumnsOf, insertRowsOf } from '../../../sql/ast.js';
import type { ParsedStatement } from '../../../sql/statement.js';

/** The item of a row's first cell (ER_WRONG_VALUE_COUNT_ON_ROW sorts there). */
export function rowItems(rows: readonly (readonly unknown[])[]): number[] {
  const out: number[] = [];
  let n = 0;
  for (const r of rows) {
    out.push(n);
    n += Math.max(r.length, 1);
  }
  return out;
}

/**
 * Visits the cells of rows whose width matches the columns (a mismatching row is its own error and is not checked
 * further), as `visit(value, column, listed name, 1-based row, item)`, without building a list (a batch audits 10k
 * INSERTs, each through several value rules). `listedOnly`: only when the statement names its columns
 * (goInception skips the NULL and date checks otherwise).
 */
export function eachValueCell(
  stmt: ParsedStatement,
  table: TableInfo,
  listedOnly: boolean,
  visit: (value: unknown, column: ColumnInfo | undefined, listed: string, row: number, item: number) => void,
): void {
  const rows = insertRowsOf(stmt);
  if (!rows) return;
  const names = insertColumnsOf(stmt);
  if (!names && listedOnly) return;
  const columns: readonly (ColumnInfo | undefined)[] = names ? names.map((n) => columnOf(table, n)) : table.columns;
  let item = 0;
  for (let i = 0; i < rows.length; i++) {
    const values = rows[i]!;
    if (values.length === columns.length) {
      for (let j = 0; j < values.length; j++) visit(values[j], columns[j], names ? names[j]! : table.columns[j]!.field, i + 1, item + j);
    }
    item += Math.max(values.length, 1);
  }
}

/** The raw text of a string literal (as `literalValue` gives it), null for anything else. */
export function stringLiteralText(value: unknown): string | null {
  const n = value !== null && typeof value === 'object' ? (value as { type?: unknown; value?: unknown }) : null;
  if (!n || typeof n.value !== 'string') return null;
  return n.type === 'single_quote_string' || n.type === 'double_quote_string' || n.type === 'natural_string' ? n.value : null;
}

/**
 * goInception's column text for INSERT value messages: `db.table.col`, lower-cased, where db is the batch's current
 * database (not the table's), left out when there is none, and table is the INSERT's table as written.
 */
export function insertColumnText(ctx: RuleContext, column: string): string {
  const parts = [ctx.currentDb ?? '', ctx.facts.tableName, column].filter((p) => p !== '');
  return parts.join('.').toLowerCase();
}

/** A literal's value as goInception prints it: strings raw, numbers in plain decimal notation; null otherwise. */
export function literalValue(value: unknown): { kind: 'string' | 'number'; text: string } | null {
  const n = value !== null && typeof value === 'object' ? (value as { type?: unknown; value?: unknown }) : null;
  if (!n) return null;
  if (n.type === 'single_quote_string' || n.type === 'double_quote_string' || n.type === 'natural_string') {
    return typeof n.value === 'string' ? { kind: 'string', text: n.value } : null;
  }
  if (n.type === 'number' || n.type === 'bigint') {
    const text = String(n.value);
    const num = Number(text);
    return { kind: 'number', text: /e/i.test(text) && Number.isFinite(num) ? plainDecimal(num) : text };
  }
  return null;
}

function plainDecimal(n: number): string {
  return Number.isInteger(n) ? BigInt(n).toString() : n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** The column's base type: the stored type cut at `(` or a space, lower-cased (`datetime(3)` → `datetime`). */
export function baseTypeOf(column: ColumnInfo): string {
  let base = baseTypes.get(column.type);
  if (base === undefined) {
    if (baseTypes.size >= 1024) baseTypes.clear();
    base = column.type.toLowerCase().split(/[( ]/, 1)[0]!;
    baseTypes.set(column.type, base);
  }
  return base;
}

/** Stored type → base type: a batch's statements ask about the same few column types again and again. */
const baseTypes = new Map<string, string>();
