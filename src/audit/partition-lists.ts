// The partition definitions a statement writes, with where to report them (CREATE TABLE after every column and
// constraint; ALTER at the spec), shared by the partition rules (docs/audit.md "Partition rules").
import { quotedEnd } from '../sql/lex.js';
import type { PartitionDefinition } from '../sql/ddl/model.js';
import type { ParsedStatement } from '../sql/statement.js';

export interface DefinitionList {
  at: number;
  definitions: PartitionDefinition[];
  /** ADD PARTITION: compared with the table's partitions on the target too. */
  adds: boolean;
}

/** Where CREATE TABLE's partition messages sort: after the columns and constraints. */
export const AFTER_DEFINITIONS = Number.MAX_SAFE_INTEGER;

export function definitionLists(stmt: ParsedStatement): DefinitionList[] {
  const ddl = stmt.ddl;
  if (ddl?.type === 'create_table') return ddl.partition ? [{ at: AFTER_DEFINITIONS, definitions: ddl.partition.definitions, adds: false }] : [];
  if (ddl?.type !== 'alter_table') return [];
  return ddl.specs.flatMap((spec, at): DefinitionList[] => {
    if (spec.op === 'partition_by') return [{ at, definitions: spec.partition.definitions, adds: false }];
    if (spec.op === 'add_partition') return [{ at, definitions: spec.definitions, adds: true }];
    return [];
  });
}

/** The constants of a VALUES list text (`1, 2`, `'a','b'`, `(1,'x')`, `MAXVALUE`), split at top-level commas. */
export function constantsOf(values: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < values.length; i++) {
    const ch = values[i]!;
    if (ch === "'" || ch === '"') {
      const end = quotedEnd(values, i); // the lexer's quote rule; an unclosed quote runs to the end
      i = (end < 0 ? values.length : end) - 1;
    } else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(values.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(values.slice(start).trim());
  return out.filter((v) => v !== '');
}
