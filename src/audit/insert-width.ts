// How many values an INSERT must supply per row: its column list, or every column of the table without one
// (docs/audit.md).
import type { RuleContext } from './rule.js';
import type { ParsedStatement } from '../sql/statement.js';
import { insertColumnsOf, tablesOf } from '../sql/ast.js';

/** null when the table is unknown (another rule reports that). */
export async function insertTargetWidth(stmt: ParsedStatement, ctx: RuleContext): Promise<number | null> {
  const listed = insertColumnsOf(stmt);
  if (listed) return listed.length;
  const [ref] = tablesOf(stmt);
  const table = ref ? await ctx.table(ref) : null;
  return table ? table.columns.length : null;
}
