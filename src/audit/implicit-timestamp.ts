// The TIMESTAMP defaults a target with `explicit_defaults_for_timestamp` OFF gives CREATE TABLE's columns that
// write none (docs/audit.md "Field rules"): the first TIMESTAMP column not declared NULL and without a DEFAULT gets
// DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, every later one DEFAULT '0000-00-00 00:00:00'. goInception
// checks these synthetic defaults like written ones, so a zero date can fail the default rules and the first
// column counts among the auto-updated TIMESTAMPs.

import type { ColumnDef, DefaultValue } from '../sql/ddl/model.js';
import type { ParsedStatement } from '../sql/statement.js';
import { bareTypeName } from './column-type.js';
import type { ColumnWrite } from './facts.js';
import type { AuditServerInfo } from './runner.js';

const ZERO: DefaultValue = { kind: 'string', text: "'0000-00-00 00:00:00'", value: '0000-00-00 00:00:00' };

function currentTimestamp(c: ColumnDef): DefaultValue {
  const text = c.type.length ? `CURRENT_TIMESTAMP(${c.type.length})` : 'CURRENT_TIMESTAMP';
  return { kind: 'current_timestamp', text, value: text };
}

/** CREATE TABLE's column definitions with the implicit TIMESTAMP defaults applied (the columns as written otherwise). */
export function withImplicitTimestamps(columns: readonly ColumnDef[], server: AuditServerInfo): ColumnDef[] {
  if (server.explicitDefaultsForTimestamp) return [...columns];
  let first = true;
  return columns.map((c) => {
    if (bareTypeName(c.type.name) !== 'timestamp' || c.nullable === true || c.default !== null) return c;
    const def = first ? currentTimestamp(c) : ZERO;
    const implicit: ColumnDef = { ...c, default: def, onUpdate: first ? (c.onUpdate ?? def) : c.onUpdate };
    first = false;
    return implicit;
  });
}

/** The statement's column writes, CREATE TABLE's with the implicit TIMESTAMP defaults as written defaults. */
export function writesWithImplicitTimestamps(stmt: ParsedStatement, writes: readonly ColumnWrite[], server: AuditServerInfo): readonly ColumnWrite[] {
  const ddl = stmt.ddl;
  if (server.explicitDefaultsForTimestamp || ddl?.type !== 'create_table') return writes;
  const columns = withImplicitTimestamps(ddl.columns, server);
  return writes.map((w) => {
    const model = w.op === 'create' ? columns[w.at] : undefined;
    if (!model || model === ddl.columns[w.at] || model.name !== w.column.name || !w.column.model) return w;
    return { ...w, column: { ...w.column, hasDefault: true, model } };
  });
}
