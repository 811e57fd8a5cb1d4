// RENAME TABLE a TO b, b TO c …: pairs apply in order, so existence is replayed over the pairs.
import { renamePairsOf, type TableName } from '../../../sql/ast.js';
import type { ParsedStatement } from '../../../sql/statement.js';
import type { RuleContext } from '../../rule.js';

export interface RenameFindings {
  /** `db.t` sources that do not exist. */
  missingSources: string[];
  /** Target names that already exist. */
  existingTargets: string[];
}

export async function renameFindings(stmt: ParsedStatement, ctx: RuleContext): Promise<RenameFindings> {
  const out: RenameFindings = { missingSources: [], existingTargets: [] };
  const state = new Map<string, boolean>();
  const key = (t: TableName) => `${(ctx.dbOf(t) ?? '').toLowerCase()}.${t.name.toLowerCase()}`;
  const exists = async (t: TableName) => state.get(key(t)) ?? (await ctx.table(t)) !== null;
  for (const { from, to } of renamePairsOf(stmt)) {
    const sourceOk = await exists(from);
    const targetTaken = await exists(to);
    if (!sourceOk) out.missingSources.push(`${ctx.dbOf(from)}.${from.name}`);
    if (targetTaken) out.existingTargets.push(to.name);
    if (sourceOk && !targetTaken) {
      state.set(key(from), false);
      state.set(key(to), true);
    }
  }
  return out;
}
