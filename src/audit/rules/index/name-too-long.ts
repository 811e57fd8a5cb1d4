// A non-primary index name longer than 64 bytes: ER_TOO_LONG_IDENT (unless the name already ends with a space,
// which index/wrong-name reports instead), and later among the index's messages goInception's Chinese free text
// `表'%s'的索引'%s'名称过长` (index/long-name-text) (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { MAX_IDENTIFIER_BYTES } from '../../identifier.js';
import { namedIndexes, type NewIndex } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export function nameTooLong(ix: NewIndex): boolean {
  return Buffer.byteLength(ix.name, 'utf8') > MAX_IDENTIFIER_BYTES;
}

export default defineRule({
  code: Code.ER_TOO_LONG_IDENT,
  on: ['create_table', 'alter_table', 'create_index'],
  async check(stmt, ctx) {
    for (const ix of await namedIndexes(stmt, ctx)) if (nameTooLong(ix) && !ix.name.endsWith(' ')) ctx.reportAt(ix.at, ix.name);
  },
});
