// Peer rule max_statements: a batch holding more statements than allowed; every statement past the limit gets
// the message, so the batch cannot execute (docs/audit.md "Peer rules"). Argument: the limit.
import { defineRule } from '../../rule.js';
import { PeerCode } from '../../../codes/peer-codes.js';
import type { StatementKind } from '../../../sql/statement.js';

const KINDS: Readonly<Record<StatementKind, true>> = {
  use: true, create_database: true, alter_database: true, drop_database: true, create_table: true, alter_table: true,
  drop_table: true, truncate_table: true, rename_table: true, create_index: true, drop_index: true, create_view: true,
  drop_view: true, insert: true, replace: true, update: true, delete: true, select: true, set: true, show: true,
  explain: true, other: true,
};

/** Every statement kind (the record above fails to compile when a kind is added and not listed). */
export const ALL_KINDS = Object.keys(KINDS) as StatementKind[];

export default defineRule({
  code: PeerCode.ErrTooManyStatements,
  on: ALL_KINDS,
  gate: (inc) => inc.max_statements > 0,
  check(_stmt, ctx) {
    if (ctx.ordinal > ctx.inc.max_statements) ctx.report(ctx.inc.max_statements);
  },
});
