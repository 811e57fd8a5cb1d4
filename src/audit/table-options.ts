// The table options a statement sets (docs/audit.md "Table rules"), from the typed DDL model: CREATE TABLE's
// options about the statement itself, each ALTER TABLE option spec at its position.
import type { TableOption } from '../sql/ddl/model.js';
import type { ParsedStatement } from '../sql/statement.js';

export interface TableOptionAt {
  /** -1: CREATE TABLE; else the ALTER spec's position (for `ctx.reportAt`). */
  at: number;
  option: TableOption;
}

/** Options named `name` (upper case, synonyms folded by the parser: CHARSET, COLLATE, ENGINE, AUTO_INCREMENT …). */
export function tableOptions(stmt: ParsedStatement, name: string): TableOptionAt[] {
  const ddl = stmt.ddl;
  if (ddl?.type === 'create_table') return ddl.options.filter((o) => o.name === name).map((option) => ({ at: -1, option }));
  if (ddl?.type !== 'alter_table') return [];
  return ddl.specs.flatMap((spec, at) => (spec.op === 'options' ? spec.options.filter((o) => o.name === name).map((option) => ({ at, option })) : []));
}
