// Peer rule check_dml_like_leading_wildcard: `LIKE '%x'` / `LIKE '_x'` in a condition cannot use an index
// (docs/audit.md "Peer rules"). Argument: the pattern.
import { defineRule } from '../../rule.js';
import { PeerCode } from '../../../codes/peer-codes.js';
import { eachConditionNode, obj } from './conditions.js';

const STRINGS = new Set(['single_quote_string', 'double_quote_string', 'natural_string']);

export default defineRule({
  code: PeerCode.ErrLikeLeadingWildcard,
  on: ['select', 'insert', 'replace', 'update', 'delete'],
  queriesOnly: true,
  gate: (inc) => inc.check_dml_like_leading_wildcard,
  check(stmt, ctx) {
    eachConditionNode(stmt, (n) => {
      if (n.type !== 'binary_expr' || !/^(NOT )?LIKE$/i.test(String(n.operator))) return;
      const right = obj(n.right);
      if (right && STRINGS.has(String(right.type)) && /^[%_]/.test(String(right.value))) ctx.report(String(right.value));
    });
  },
});
