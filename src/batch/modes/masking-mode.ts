// `--masking=1`: `use` only moves the current database; SELECT/UNION give one row whose query_tree is the JSON
// array of masking columns; anything else is a level-2 `not support` row (docs/result-modes.md, "Masking").

import { MetadataError, SchemaSnapshot } from '../../audit/snapshot.js';
import { databaseNameOf } from '../../sql/ast.js';
import { astify } from '../../sql/node-parser.js';
import type { TargetSession } from '../../target/session.js';
import type { ModeHandler } from './handler.js';
import { MaskingError, maskingColumnsOf } from './masking.js';
import { printRowsResult, type PrintRow } from './print-mode.js';

export const NOT_SUPPORT_MESSAGE = 'not support';

export function createMaskingMode(initialDb: string | null, target: TargetSession): ModeHandler {
  const snapshot = new SchemaSnapshot(target, target.serverInfo.lowerCaseTableNames);
  const lookup = async (db: string, name: string) => (await snapshot.table(db, name))?.columns ?? null;
  const rows: PrintRow[] = [];
  let db = initialDb;
  return {
    statement: async (stmt) => {
      if (stmt.kind === 'use') {
        db = databaseNameOf(stmt) ?? db;
        return;
      }
      if (stmt.kind !== 'select' || stmt.ast === null) {
        rows.push({ statement: stmt.text, errlevel: 2, queryTree: '', errmsg: NOT_SUPPORT_MESSAGE });
        return;
      }
      try {
        // Parsed again with source locations, so unaliased expressions are named as written.
        const located = astify(stmt.text, true);
        const ast = located.ok && located.asts.length === 1 ? located.asts[0] : stmt.ast;
        const columns = await maskingColumnsOf(ast, db, lookup, stmt.text);
        rows.push({ statement: stmt.text, errlevel: 0, queryTree: JSON.stringify(columns), errmsg: null });
      } catch (err) {
        if (!(err instanceof MaskingError) && !(err instanceof MetadataError)) throw err;
        rows.push({ statement: stmt.text, errlevel: 2, queryTree: '', errmsg: err.message });
      }
    },
    error: (sql, message) => {
      rows.push({ statement: sql, errlevel: 2, queryTree: '', errmsg: message });
    },
    result: () => printRowsResult(rows),
  };
}
