// peer_redundant_index: a new non-unique index whose columns are a left prefix of another index of the table (it
// is redundant), or that makes an existing non-unique index redundant (then the existing one is reported as
// redundant). Unlike ER_INDEX_COLUMN_REPEAT, unique indexes and primary keys are never called redundant (they
// constrain data) (docs/audit.md "Peer rules").
import { statementKeys, type ExistingIndex } from '../../key-checks.js';
import { PeerCode } from '../../../codes/peer-codes.js';
import { defineRule } from '../../rule.js';

const lower = (cols: readonly string[]) => cols.map((c) => c.toLowerCase());
const isLeftPrefix = (a: readonly string[], b: readonly string[]) => a.length <= b.length && lower(a).every((c, i) => c === lower(b)[i]);
const list = (cols: readonly string[]) => cols.join(',');

export default defineRule({
  code: PeerCode.ErrRedundantIndex,
  on: ['create_table', 'alter_table', 'create_index'],
  gate: (inc) => inc.peer_redundant_index,
  async check(stmt, ctx) {
    const keys = await statementKeys(stmt, ctx);
    if (!keys) return;
    const all: readonly ExistingIndex[] = keys.after;
    // A pair of new indexes is reported once, as the shorter one being redundant.
    const isNew = new Set(keys.indexes.map((ix) => ix.name.toLowerCase()));
    for (const ix of keys.indexes) {
      if (ix.kind !== 'index' || ix.columns.length === 0) continue;
      const mine = ix.columns.map((c) => c.written);
      const self = all.find((x) => x.columns.length === mine.length && isLeftPrefix(x.columns, mine) && !x.unique && (x.name === ix.name || ix.name === ''));
      for (const other of all) {
        if (other === self || other.columns.length === 0) continue;
        if (isLeftPrefix(mine, other.columns)) {
          ctx.report(ix.name, ix.table, list(mine), other.name, list(other.columns));
          break;
        }
        if (!other.unique && isLeftPrefix(other.columns, mine) && !isNew.has(other.name.toLowerCase()) && ix.before.some((b) => b.name === other.name)) {
          ctx.report(other.name, ix.table, list(other.columns), ix.name, list(mine));
          break;
        }
      }
    }
  },
});
