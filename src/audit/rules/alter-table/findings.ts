// The replayed existence findings of the statement's table changes (shared by the alter-table rules).
import { tableChangesOf } from '../../../sql/alter-actions.js';
import { tablesOf } from '../../../sql/ast.js';
import type { ParsedStatement } from '../../../sql/statement.js';
import { alterFindings, type AlterFindings } from '../../alter-check.js';
import type { RuleContext } from '../../rule.js';
import type { TableInfo } from '../../snapshot.js';

export async function findingsOf(stmt: ParsedStatement, ctx: RuleContext): Promise<{ table: TableInfo; findings: AlterFindings } | null> {
  const [ref] = tablesOf(stmt);
  const table = ref ? await ctx.table(ref) : null;
  return table ? { table, findings: alterFindings(table, tableChangesOf(stmt)) } : null;
}
