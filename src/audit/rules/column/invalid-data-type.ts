// A column type that configuration disables (CREATE, ADD, MODIFY, CHANGE): BLOB/TEXT unless enable_blob_type,
// JSON unless enable_json_type, ENUM/SET/BIT unless enable_enum_set_bit, TIMESTAMP unless enable_timestamp_type,
// and every name in disable_types. The first field message of a column (docs/audit.md "Field rules").
import { Code } from '../../../codes/catalogue.js';
import { bareTypeName, isBlobOrText } from '../../column-type.js';
import { defineRule } from '../../rule.js';
import type { IncConfig } from '../../../config/config.js';

/** The code whose level also counts for this type (goInception's per-family level keys), or null. */
function disabledBy(bare: string, inc: Readonly<IncConfig>): number | null | undefined {
  if (isBlobOrText(bare) && !inc.enable_blob_type) return Code.ER_USE_TEXT_OR_BLOB;
  if (bare === 'json' && !inc.enable_json_type) return Code.ErrJsonTypeSupport;
  if ((bare === 'enum' || bare === 'set' || bare === 'bit') && !inc.enable_enum_set_bit) return Code.ER_USE_ENUM;
  if (bare === 'timestamp' && !inc.enable_timestamp_type) return null;
  const listed = inc.disable_types.split(',').map((t) => t.trim().toLowerCase());
  return listed.includes(bare) ? null : undefined;
}

export default defineRule({
  code: Code.ER_INVALID_DATA_TYPE,
  on: ['create_table', 'alter_table'],
  async check(_stmt, ctx) {
    for (const w of await ctx.facts.columnWrites()) {
      const bare = bareTypeName(w.column.dataType);
      const family = disabledBy(bare, ctx.inc);
      if (family === undefined) continue;
      if (family === null) ctx.reportAt(w.at, w.column.name, bare);
      else ctx.reportWithLevelOf(w.at, family, w.column.name, bare);
    }
  },
});
