// check_column_type_change: MODIFY / CHANGE COLUMN that changes a column's type in a way that may lose data
// (args table.col, old stored type, new canonical type): a CHAR/VARCHAR/DECIMAL family change or a shorter
// length, precision or scale; a narrower integer (bit < tinyint < smallint < mediumint < int < bigint); any
// other change of base type (ENUM to ENUM and SET to SET are exempt) (docs/audit.md "Field rules").
import { Code } from '../../../codes/catalogue.js';
import { bareTypeName } from '../../column-type.js';
import { baseType, canonicalType } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

const INTEGER_ORDER = ['bit', 'tinyint', 'smallint', 'mediumint', 'int', 'bigint'];

function numbers(type: string): number[] {
  const m = /\((\d+)(?:,(\d+))?\)/.exec(type);
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : [];
}

/** Whether goInception warns for old stored type → new canonical type. */
export function typeChangeWarns(oldType: string, newType: string): boolean {
  const oldLower = oldType.toLowerCase();
  if (oldLower === newType.toLowerCase()) return false;
  const newBase = baseType(newType);
  const oldBase = baseType(oldLower).replace(/ unsigned$/, '');
  if (newBase === 'varchar' || newBase === 'char' || newBase === 'decimal') {
    // goInception compares the old type's first 7 (VARCHAR, DECIMAL) or 4 (CHAR) characters.
    if (oldLower.slice(0, newBase.length) !== newBase || (newBase === 'char' && oldBase !== 'char')) return true;
    const [newLen = 0, newScale = 0] = numbers(newType);
    const [oldLen = 0, oldScale = 0] = numbers(oldLower);
    return newLen < oldLen || (newBase === 'decimal' && newScale < oldScale);
  }
  const newRank = INTEGER_ORDER.indexOf(newBase);
  if (newRank >= 0) {
    const oldRank = INTEGER_ORDER.indexOf(oldBase);
    return oldRank < 0 || newRank < oldRank;
  }
  if (newBase === oldBase) return false;
  return true;
}

export default defineRule({
  code: Code.ER_CHANGE_COLUMN_TYPE,
  on: ['alter_table'],
  gate: (inc) => inc.check_column_type_change,
  async check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'alter_table') return;
    const found = await ctx.facts.alter();
    if (!found) return;
    const { table, findings } = found;
    // A spec whose column already exists or is missing has a blocking error: goInception skips the type check.
    const blocked = new Set([...findings.columnExisted, ...findings.columnNotExisted].map((f) => f.at));
    for (const at of await ctx.facts.skippedSpecs()) blocked.add(at);
    ddl.specs.forEach((spec, at) => {
      if ((spec.op !== 'modify_column' && spec.op !== 'change_column') || blocked.has(at)) return;
      const oldName = spec.op === 'change_column' ? spec.old : spec.column.name;
      const old = table.columns.find((c) => c.field.toLowerCase() === oldName.toLowerCase());
      if (!old) return;
      const next = canonicalType(spec.column);
      const bare = bareTypeName(spec.column.type.name);
      if ((bare === 'enum' || bare === 'set') && baseType(old.type) === bare) return;
      if (typeChangeWarns(old.type, next)) ctx.reportAt(at, `${table.name}.${spec.column.name}`, old.type, next);
    });
  },
});
