// Peer rule check_dml_compare_null: `= NULL`, `<> NULL` (any comparison but `<=>`) and `IN (… NULL …)` are never
// true; IS NULL was meant (docs/audit.md "Peer rules"). Argument: the operator.
import { defineRule } from '../../rule.js';
import { PeerCode } from '../../../codes/peer-codes.js';
import { eachConditionNode, obj } from './conditions.js';

const NEVER_TRUE = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);
const isNull = (v: unknown) => obj(v)?.type === 'null';

export default defineRule({
  code: PeerCode.ErrCompareWithNull,
  on: ['select', 'insert', 'replace', 'update', 'delete'],
  queriesOnly: true,
  gate: (inc) => inc.check_dml_compare_null,
  check(stmt, ctx) {
    eachConditionNode(stmt, (n) => {
      if (n.type !== 'binary_expr') return;
      const op = String(n.operator).toUpperCase();
      if (NEVER_TRUE.has(op) && (isNull(n.left) || isNull(n.right))) ctx.report(op);
      const list = obj(n.right);
      if ((op === 'IN' || op === 'NOT IN') && list?.type === 'expr_list' && Array.isArray(list.value) && list.value.some(isNull)) ctx.report(op);
    });
  },
});
