// check_column_default_value: a column without DEFAULT, except TIMESTAMP, BLOB/TEXT/JSON, auto_increment and
// primary key columns (args column, table) (docs/audit.md "Field rules"). goInception skips this and the other
// later field checks for a primary-key column not declared NOT NULL, a bug it lists; inceptor checks every column.
import { Code } from '../../catalogue.js';
import { bareTypeName, isBlobTextOrJson } from '../../column-type.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_WITH_DEFAULT_ADD_COLUMN,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.check_column_default_value,
  async check(_stmt, ctx) {
    for (const w of await ctx.facts.columnWrites()) {
      const bare = bareTypeName(w.column.dataType);
      if (w.column.hasDefault || w.column.autoIncrement || w.primaryKey || bare === 'timestamp' || isBlobTextOrJson(bare)) continue;
      ctx.reportAt(w.at, w.column.name, w.table);
    }
  },
});
