// ONLY_FULL_GROUP_BY (target sql_mode) with a GROUP BY: a select-list or ORDER BY item that is neither grouped nor
// made only of grouped columns and aggregates (docs/audit.md "ONLY_FULL_GROUP_BY"); at most one per SELECT block.
// Arguments: the 1-based position, `SELECT list` or `ORDER BY`, and the item: a column by its select-list name or
// stored name, another expression re-printed. An aggregate's alias in GROUP BY is the free text `Can't group on`.
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { columnRefOf } from '../../../sql/ast.js';
import { ColumnResolver, obj } from './conditions.js';
import { groupItems, Grouping, judgesKeyDependence, onlyFullGroupBy, printExpr, selectBlocks, selectItems, type SelectItem } from './group-by.js';

export default defineRule({
  code: Code.ErrFieldNotInGroupBy,
  on: ['select', 'insert', 'replace', 'create_view'],
  queriesOnly: true,
  async check(stmt, ctx) {
    if (!onlyFullGroupBy(ctx)) return;
    const blocks = selectBlocks(stmt).filter((b) => groupItems(b).length > 0);
    if (blocks.length === 0) return;
    const resolver = await ColumnResolver.of(stmt, ctx);
    for (const block of blocks) {
      const grouping = new Grouping(block, resolver, judgesKeyDependence(ctx));
      for (const alias of grouping.aggregateAliases) ctx.error(`Can't group on '${alias}'`);
      if (grouping.aggregateAliases.length > 0) continue;
      const items = selectItems(block);
      const failing = (expr: unknown) => grouping.covers(expr) !== null;
      const at = items.findIndex((i) => failing(i.expr));
      if (at >= 0) {
        ctx.report(at + 1, 'SELECT list', itemName(items[at]!.expr, items, resolver));
        continue;
      }
      const order = Array.isArray(block.orderby) ? (block.orderby as unknown[]).map((o) => obj(o)?.expr) : [];
      const oat = order.findIndex((e) => !isSelectReference(e, items) && failing(e));
      if (oat >= 0) ctx.report(oat + 1, 'ORDER BY', itemName(order[oat], items, resolver));
    }
  },
});

/** ORDER BY 2 / ORDER BY alias name a select item, which the select-list check already judged. */
function isSelectReference(expr: unknown, items: SelectItem[]): boolean {
  const n = obj(expr);
  if (n?.type === 'number') return true;
  const ref = columnRefOf(expr);
  return ref !== null && ref.table === null && items.some((i) => i.alias?.toLowerCase() === ref.column.toLowerCase());
}

function itemName(expr: unknown, items: SelectItem[], resolver: ColumnResolver): string {
  const ref = columnRefOf(expr);
  if (!ref) return printExpr(expr);
  if (ref.table === null) {
    const named = items.find((i) => (i.alias ?? columnRefOf(i.expr)?.column ?? '').toLowerCase() === ref.column.toLowerCase());
    if (named) return named.alias ?? columnRefOf(named.expr)!.column;
  }
  const found = resolver.resolve(expr);
  if (!found) return ref.column;
  return found.table.isNew || found.table.hasNewColumns ? `${found.table.name}.${found.column.field}` : found.column.field;
}
