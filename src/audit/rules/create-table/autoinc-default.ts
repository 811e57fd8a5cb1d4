// CREATE TABLE: an AUTO_INCREMENT column with a DEFAULT other than NULL. goInception raises this among the first
// messages, before ER_WRONG_AUTO_KEY, as a free-text error carrying ER_INVALID_DEFAULT's text in the session
// language: always level 2, whatever [inc_level] says (docs/audit.md "Table rules").
import { Code, formatCode } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: null,
  on: ['create_table'],
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'create_table') return;
    for (const c of ddl.columns) {
      if (c.autoIncrement && c.default && c.default.kind !== 'null') ctx.error(formatCode(Code.ER_INVALID_DEFAULT, [c.name], ctx.inc.lang));
    }
  },
});
