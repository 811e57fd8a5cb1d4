// check_column_default_value: a column without DEFAULT, except TIMESTAMP, BLOB/TEXT/JSON, auto_increment,
// generated and primary key columns, and a BIT column with DEFAULT NULL (args column, table) (docs/audit.md
// "Field rules"). goInception skips this and the other
// later field checks for a primary-key column not declared NOT NULL, a bug it lists; inceptor checks every column.
import { Code } from '../../../codes/catalogue.js';
import { bareTypeName, isBlobTextOrJson } from '../../column-type.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_WITH_DEFAULT_ADD_COLUMN,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.check_column_default_value,
  async check(_stmt, ctx) {
    for (const w of await ctx.facts.columnWrites()) {
      const bare = bareTypeName(w.column.dataType);
      if (bare === 'bit' && w.column.model?.default?.kind === 'null') {
        ctx.reportAt(w.at, w.column.name, w.table);
        continue;
      }
      if (w.column.model?.generated || w.column.hasDefault || w.column.autoIncrement || w.primaryKey || bare === 'timestamp' || isBlobTextOrJson(bare)) continue;
      ctx.reportAt(w.at, w.column.name, w.table);
    }
  },
});
