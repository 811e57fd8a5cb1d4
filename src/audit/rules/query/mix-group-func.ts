// ONLY_FULL_GROUP_BY (target sql_mode): a SELECT with a FROM and no GROUP BY whose list mixes an aggregate with a
// column outside any aggregate (docs/audit.md "ONLY_FULL_GROUP_BY"). Arguments: the 1-based position of the first
// such item, that column's name as written without qualifier. One per SELECT block.
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { columnRefOf } from '../../../sql/ast.js';
import { bareColumns, groupItems, hasAggregate, onlyFullGroupBy, selectBlocks, selectItems } from './group-by.js';

export default defineRule({
  code: Code.ErrMixOfGroupFuncAndFields,
  on: ['select', 'insert', 'replace', 'create_view'],
  queriesOnly: true,
  check(stmt, ctx) {
    if (!onlyFullGroupBy(ctx)) return;
    for (const block of selectBlocks(stmt)) {
      if (groupItems(block).length > 0) continue;
      const items = selectItems(block);
      if (!items.some((i) => hasAggregate(i.expr))) continue;
      const at = items.findIndex((i) => bareColumns(i.expr).length > 0);
      if (at >= 0) ctx.report(at + 1, columnRefOf(bareColumns(items[at]!.expr)[0])!.column);
    }
  },
});
