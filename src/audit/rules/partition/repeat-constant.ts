// enable_partition_table: a VALUES LESS THAN / VALUES IN constant repeated among one list's partitions (arg the
// constant: numbers as written, strings in double quotes, MAXVALUE, functions lower case), or an ADD PARTITION
// whose values equal an existing partition's PARTITION_DESCRIPTION (arg the IN values joined with `,` unquoted,
// or the LESS THAN value, `<nil>` for MAXVALUE) (docs/audit.md "Partition rules").
import { Code } from '../../../codes/catalogue.js';
import { constantsOf, definitionLists } from '../../partition-lists.js';
import { defineRule } from '../../rule.js';

/** How goInception prints a partition constant in this message. */
function rendered(constant: string): string {
  const s = /^'((?:[^'\\]|\\.|'')*)'$/.exec(constant);
  if (s) return JSON.stringify(s[1]!.replace(/''/g, "'").replace(/\\(.)/g, '$1'));
  if (/^maxvalue$/i.test(constant)) return 'MAXVALUE';
  const fn = /^(\w+)\s*\((.*)\)$/s.exec(constant);
  if (fn) return `${fn[1]!.toLowerCase()}(${constantsOf(fn[2]!).join(', ')})`;
  return constant;
}

/** The description MySQL stores for a definition, as compared with information_schema (unquoted, `,`-joined). */
function description(valuesKind: string | null, values: string): string {
  const items = constantsOf(values).map((c) => c.replace(/^'(.*)'$/s, '$1'));
  if (valuesKind === 'IN') return items.join(',');
  return /^maxvalue$/i.test(items[0] ?? '') ? '<nil>' : (items[0] ?? '');
}

export default defineRule({
  code: Code.ErrRepeatConstDefinition,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.enable_partition_table,
  async check(stmt, ctx) {
    for (const list of definitionLists(stmt)) {
      const seen = new Set<string>();
      for (const d of list.definitions) {
        if (d.values === null || (d.valuesKind !== 'IN' && d.valuesKind !== 'LESS THAN')) continue;
        for (const c of constantsOf(d.values)) {
          const key = rendered(c);
          if (seen.has(key)) ctx.reportAt(list.at, key);
          seen.add(key);
        }
      }
      if (!list.adds) continue;
      const table = await ctx.facts.target();
      if (!table || table.isNew) continue;
      const existing = await ctx.partitions(table);
      for (const d of list.definitions) {
        if (d.values === null) continue;
        const mine = description(d.valuesKind, d.values);
        const compare = mine.replace(/\s+/g, '').replace(/'/g, '').toLowerCase();
        for (const p of existing) {
          if (p.description !== null && p.description.replace(/\s+/g, '').replace(/'/g, '').toLowerCase() === compare) ctx.reportAt(list.at, mine);
        }
      }
    }
  },
});
