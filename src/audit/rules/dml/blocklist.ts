// Peer rule dml_blocklist: INSERT/REPLACE/UPDATE/DELETE writing a listed table (docs/audit.md "Peer rules"). The
// list holds `db.table` or `table` (any database), comma separated, compared case-insensitively. The tables
// written: INSERT's target, the tables of UPDATE's SET columns, DELETE's targets. Argument: `db.table`.
import { defineRule, type RuleContext } from '../../rule.js';
import { PeerCode } from '../../../codes/peer-codes.js';
import { identText, tablesOf, updateSetOf } from '../../../sql/ast.js';
import type { ParsedStatement } from '../../../sql/statement.js';
import { ColumnResolver, obj, tableRefsOf, type TableRef } from '../query/conditions.js';

export default defineRule({
  code: PeerCode.ErrDmlOnBlockedTable,
  on: ['insert', 'replace', 'update', 'delete'],
  gate: (inc) => inc.dml_blocklist.trim() !== '',
  async check(stmt, ctx) {
    const entries = ctx.inc.dml_blocklist.split(',').map((e) => e.trim().toLowerCase()).filter((e) => e !== '');
    const reported = new Set<string>();
    for (const ref of await writtenTables(stmt, ctx)) {
      const db = ctx.dbOf(ref) ?? '';
      const qualified = `${db}.${ref.name}`;
      if (reported.has(qualified.toLowerCase())) continue;
      if (entries.includes(ref.name.toLowerCase()) || entries.includes(qualified.toLowerCase())) {
        reported.add(qualified.toLowerCase());
        ctx.report(qualified);
      }
    }
  },
});

async function writtenTables(stmt: ParsedStatement, ctx: RuleContext): Promise<TableRef[]> {
  if (stmt.kind === 'insert' || stmt.kind === 'replace') return tablesOf(stmt).slice(0, 1);
  const refs = tablesOf(stmt).map((t) => ({ db: t.db, name: t.name, alias: t.alias }));
  const byLabel = (label: string) => refs.find((r) => (r.alias ?? r.name).toLowerCase() === label.toLowerCase());
  if (stmt.kind === 'delete') {
    const targets = (Array.isArray(obj(stmt.ast)?.table) ? (obj(stmt.ast)!.table as unknown[]) : []).flatMap((t) => {
      const name = identText(obj(t)?.table);
      return name === null ? [] : [byLabel(name) ?? { db: identText(obj(t)?.db), name, alias: null }];
    });
    return targets.length > 0 ? targets : refs.slice(0, 1);
  }
  const columns = await ColumnResolver.of(stmt, ctx);
  const out: TableRef[] = [];
  for (const a of updateSetOf(stmt)) {
    const ref = a.table !== null ? byLabel(a.table) : refs.find((r) => columns.resolve({ type: 'column_ref', table: r.alias ?? r.name, column: a.column }));
    if (ref) out.push(ref);
  }
  return out.length > 0 ? out : tableRefsOf(stmt).slice(0, 1);
}
