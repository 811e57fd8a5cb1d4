// What run.ts needs from each result-set mode.

import type { QueryResult } from '../../protocol/result.js';
import type { ParsedStatement } from '../../sql/statement.js';

export interface ModeHandler {
  statement(stmt: ParsedStatement): Promise<void>;
  /** Something that ends the batch (parse error, missing commit, kill): `sql` is the offending text or ''. */
  error(sql: string, message: string): void;
  result(): QueryResult;
}
