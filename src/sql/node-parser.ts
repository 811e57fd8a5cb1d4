// The one node-sql-parser instance (MySQL dialect; docs/parsing.md). Loaded through the per-dialect build,
// which costs a quarter of the full package's start-up time.

import sqlParser from 'node-sql-parser/build/mysql.js';

const parser = new sqlParser.Parser();
const OPTIONS = { database: 'MySQL' } as const;
/** Also records each node's source range (`loc.start.offset` …): only masking reads it (expression aliases). */
const WITH_LOCATIONS = { database: 'MySQL', parseOptions: { includeLocations: true } } as const;

export interface NodeParserFailure {
  message: string;
  /** Where the parser stopped; absent for errors raised by its grammar actions (e.g. value-count checks). */
  offset: number | null;
  line: number | null;
  column: number | null;
}

export type NodeParseOutcome = { ok: true; asts: unknown[] } | { ok: false; failure: NodeParserFailure };

/** Parses `sql` into zero or more ASTs; never throws. `locations` adds `loc` source ranges to the nodes. */
export function astify(sql: string, locations = false): NodeParseOutcome {
  try {
    const ast: unknown = parser.astify(sql, locations ? WITH_LOCATIONS : OPTIONS);
    return { ok: true, asts: Array.isArray(ast) ? ast : [ast] };
  } catch (err) {
    const e = err as { message?: string; location?: { start?: { offset: number; line: number; column: number } } };
    const start = e.location?.start;
    return {
      ok: false,
      failure: {
        message: String(e.message ?? err),
        offset: start?.offset ?? null,
        line: start?.line ?? null,
        column: start?.column ?? null,
      },
    };
  }
}
