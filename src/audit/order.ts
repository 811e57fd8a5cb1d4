// The declared message order per statement kind (docs/audit.md "Message order"): clients see a row's messages
// in goInception's order, which is a property of the statement kind, not of where a rule sits in the registry.
// Rules run in any order; the engine sorts what they reported by this table before writing the row.
//
// Each kind lists sections; a section lists rule ids (paths under rules/, without `.ts`) and two engine steps:
// RESOLVE (the existence checks of the resolve phase), ESTIMATE (affected rows and the row-count limits) and PLAN
// (the peer warnings read from the estimate's EXPLAIN, plan-checks.ts).
// Messages sort by section, then by item (statement-level first, then `ctx.reportAt`'s column, index or spec
// position), then by the rule's place in its section. Rules ranked before RESOLVE need no schema and still run
// when resolution ends the statement (goInception checks them before it looks the table up).

import type { StatementKind } from '../sql/statement.js';

export const RESOLVE = '<resolve>';
export const ESTIMATE = '<estimate>';
export const PLAN = '<plan>';

type Order = readonly (readonly string[])[];

const QUERY_CHECKS = ['query/duplicate-alias', 'query/tables-exist', 'query/columns-exist', 'query/non-unique-column'];

/** Per identifier: case, characters or keywords, length (one name's messages stay together). */
const IDENTIFIER_CHECKS = [
  'identifier/upper-case',
  'identifier/lower-case',
  'identifier/invalid-character',
  'identifier/keyword',
  'identifier/custom-keyword',
  'identifier/too-long',
];

/** Per column definition (CREATE, ADD, MODIFY, CHANGE), in goInception's order of field messages. */
const FIELD_CHECKS = [
  'column/invalid-data-type',
  'column/char-to-varchar',
  'column/float-double',
  'column/on-update-precision',
  'column/charset-on-column',
  'column/column-comment',
  'column/invalid-default',
  'column/blob-cant-have-default',
  'column/nullable',
  'column/bit-default',
  'column/text-not-nullable',
  'column/autoinc-unsigned',
  'column/autoinc-type',
  'column/timestamp-default',
  'column/timestamp-null-default',
  'column/default-value',
  'column/type-limits',
  'column/max-varchar-length',
];

/** Per new index (docs/audit.md "Index rules"): name and shape, then its key columns, then the index as a whole. */
const INDEX_CHECKS = [
  'index/pk-too-many-parts',
  'index/duplicate-key-column',
  // a name: 'NULL' (wrong-name) and a case message never meet, so the case rules may stand first
  'index/name-upper-case',
  'index/name-lower-case',
  'index/wrong-name',
  'index/name-too-long',
  'index/unique-prefix',
  'index/name-prefix',
  'index/column-repeat',
  'index/too-many-key-parts',
  'index/json-key',
  'index/blob-used-as-key',
  'index/wrong-sub-key',
  'index/too-long-key',
  'index/pk-columns-int',
  'index/primary-not-null',
  'index/spatial-not-null',
  'index/long-name-text',
  'index/comment-too-long',
  'index/visibility',
  'index/with-parser',
];

/** INDEX_CHECKS up to the shape of the index (its name, prefixes, parts), before the per-column checks. */
const INDEX_SHAPE = INDEX_CHECKS.slice(0, INDEX_CHECKS.indexOf('index/too-many-key-parts') + 1);
const INDEX_COLUMNS_ON = INDEX_CHECKS.slice(INDEX_SHAPE.length);

/** Per FOREIGN KEY when enable_foreign_key (docs/audit.md "Foreign-key rules"). */
const FOREIGN_KEY_CHECKS = [
  'foreign-key/columns-exist',
  'foreign-key/referenced-table-exists',
  'foreign-key/wrong-definition',
  'foreign-key/duplicate-name',
];

/** Partition clauses (docs/audit.md "Partition rules"). */
const PARTITION_CHECKS = ['partition/not-allowed', 'partition/same-name', 'partition/repeat-constant', 'partition/not-existed'];

const ALTER_SPECS = [
  'alter-table/change-column',
  'alter-table/column-qualifier-db',
  'alter-table/column-qualifier-table',
  'alter-table/not-supported',
  'alter-table/column-existed',
  ...IDENTIFIER_CHECKS,
  'alter-table/column-not-existed',
  'alter-table/set-default',
  'alter-table/column-position',
  'column/autoinc-name',
  'column/invalid-on-update',
  ...FIELD_CHECKS,
  'column/change-column-type',
  'alter-table/remove-all-columns',
  ...INDEX_CHECKS,
  'create-table/foreign-key',
  ...FOREIGN_KEY_CHECKS,
  'alter-table/drop-foreign-key',
  'create-table/set-engine',
  'charset/engine-not-supported',
  'create-table/set-charset',
  'charset/charset-not-supported',
  'charset/unknown-charset',
  'charset/collation-mismatch',
  'create-table/set-collation',
  'charset/collation-not-supported',
  'create-table/table-comment-length',
  'alter-table/unsupported-option',
  'alter-table/cant-drop-key',
  'alter-table/dup-keyname',
  'alter-table/dup-index',
  'index/too-many-keys',
  'alter-table/max-column-count',
  'alter-table/index-not-existed',
  'alter-table/rename-target-exists',
  ...PARTITION_CHECKS,
  'partition/alter-clauses',
  // after every spec (reportAt past the last one)
  'create-table/columns-must-have-index-type',
  'create-table/columns-must-have-index',
];

/** inceptor's peer rules (docs/audit.md "Peer rules"): after goInception's messages, so those keep their order. */
const QUERY_PEER_CHECKS = [
  'query/like-leading-wildcard',
  'query/compare-null',
  'query/function-on-index',
  'query/always-true',
  'query/max-join-tables',
];
const DML_PEER_CHECKS = [...QUERY_PEER_CHECKS, 'dml/blocklist'];

/** Checks of the batch as a whole: the last section of every kind. */
const BATCH_CHECKS: readonly string[] = ['batch/max-statements'];

/** DDL peer rules (docs/audit.md "Peer rules"): peer codes after everything goInception says about the statement. */
const DDL_PEER_CHECKS = [
  'peer/ddl-blocklist',
  'peer/algorithm-lock',
  'peer/charset-without-convert',
  'peer/drop-indexed-column',
  'peer/redundant-index',
  'peer/index-naming',
  'peer/text-blob-length',
  'peer/comment-length',
];
const peers = (...ids: string[]) => DDL_PEER_CHECKS.filter((id) => ids.includes(id));

const INSERT: Order = [
  [
    'dml/insert-field-list',
    RESOLVE,
    'dml/insert-value-count',
    'dml/insert-empty-row',
    'query/only-star',
    'insert-select/value-count',
    ...QUERY_CHECKS,
    'query/implicit-conversion',
    'query/mix-group-func',
    'query/field-not-in-group-by',
    // per VALUES cell (reportAt), in value order: one of these at most for a value
    'insert/bad-null',
    'insert/datetime-value',
    'insert/integer-value',
    'dml/insert-set-form',
    'query/union-usage',
    'insert-select/no-where',
    'insert-select/limit',
    'insert-select/order-by-rand',
    // goInception raises ER_INSERT_TOO_MUCH_ROWS right after the column list; here it follows the VALUES checks,
    // because the EXPLAIN of INSERT … SELECT must see every error of the SELECT part first.
    ESTIMATE,
    ...DML_PEER_CHECKS,
    'insert-select/lock',
    PLAN,
  ],
];

const UPDATE_DELETE_TAIL = ['dml/no-where', 'dml/value-expr-where', 'dml/limit', 'dml/order-by'];

export const MESSAGE_ORDER: Readonly<Partial<Record<StatementKind, Order>>> = {
  use: [[RESOLVE]],
  create_database: [
    [
      RESOLVE,
      ...IDENTIFIER_CHECKS,
      'database/cant-set-charset',
      'charset/charset-not-supported',
      'database/cant-set-collation',
      'charset/collation-not-supported',
    ],
  ],
  drop_database: [['database/cant-drop-database', RESOLVE]],
  alter_database: [['database/alter-database-not-supported', RESOLVE, 'charset/charset-not-supported', 'charset/collation-not-supported']],
  create_table: [
    [
      RESOLVE,
      // the table name's, then (reportAt) each column's, in written order
      ...IDENTIFIER_CHECKS,
      'create-table/wrong-table-name',
      'create-table/multiple-primary-key',
      'create-table/must-have-columns',
      'create-table/autoinc-default',
      'create-table/wrong-auto-key',
      'create-table/column-specifier',
      'create-table/column-qualifier-db',
      'create-table/column-qualifier-table',
      'create-table/table-prefix',
      'create-table/duplicate-column',
      // table options (goInception: in written order)
      'create-table/set-engine',
      'charset/engine-not-supported',
      'create-table/set-charset',
      'charset/charset-not-supported',
      'create-table/set-collation',
      'charset/collation-not-supported',
      'create-table/table-comment-length',
      'create-table/auto-increment-init',
      'create-table/must-have-primary-key',
      'create-table/must-have-comment',
      'create-table/max-column-count',
      // while goInception builds the table's layout
      'charset/unknown-charset',
      'charset/collation-mismatch',
      'column/autoinc-name',
      'column/invalid-on-update',
      'create-table/must-have-column-list',
      ...FIELD_CHECKS,
      // after every column's messages, before the constraints' (both at the item past the last column)
      'create-table/auto-timestamp-count',
      'create-table/auto-datetime-count',
      'create-table/row-size',
      'create-table/gtid-consistency',
      // inline PRIMARY KEY / UNIQUE at their column; constraints after the columns (reportAt past the last column)
      ...INDEX_SHAPE,
      'create-table/key-column-not-existed',
      ...INDEX_COLUMNS_ON,
      'create-table/dup-index',
      'index/too-many-keys',
      'create-table/dup-keyname',
      'create-table/foreign-key',
      ...FOREIGN_KEY_CHECKS.filter((id) => id !== 'foreign-key/duplicate-name'),
      // after every column and constraint
      ...PARTITION_CHECKS.filter((id) => id !== 'partition/not-existed'),
      'create-table/columns-must-have-index-type',
      'create-table/columns-must-have-index',
      ESTIMATE,
    ],
    peers('peer/ddl-blocklist', 'peer/redundant-index', 'peer/index-naming', 'peer/text-blob-length', 'peer/comment-length'),
  ],
  alter_table: [[RESOLVE, 'alter-table/alter-table-once', ESTIMATE], ALTER_SPECS, DDL_PEER_CHECKS],
  create_index: [
    [RESOLVE],
    [
      ...INDEX_SHAPE.slice(1),
      'alter-table/column-not-existed',
      ...INDEX_COLUMNS_ON.filter((id) => id !== 'index/pk-columns-int' && id !== 'index/primary-not-null'),
      'alter-table/dup-index',
      'index/too-many-keys',
    ],
    [ESTIMATE],
    peers('peer/ddl-blocklist', 'peer/algorithm-lock', 'peer/redundant-index', 'peer/index-naming', 'peer/comment-length'),
  ],
  drop_index: [[RESOLVE], ['alter-table/cant-drop-key'], [ESTIMATE], peers('peer/ddl-blocklist')],
  drop_table: [['drop-table/cant-drop-table', RESOLVE, ESTIMATE], peers('peer/ddl-blocklist')],
  truncate_table: [['drop-table/cant-drop-table', RESOLVE, ESTIMATE], peers('peer/ddl-blocklist')],
  rename_table: [[RESOLVE, ...IDENTIFIER_CHECKS], peers('peer/ddl-blocklist')],
  create_view: [
    [
      'create-view/view-support',
      RESOLVE,
      'create-view/duplicate-column',
      'query/only-star',
      'create-view/column-count',
      'query/union-usage',
      ...QUERY_CHECKS,
      'query/mix-group-func',
      'query/field-not-in-group-by',
    ],
  ],
  insert: INSERT,
  replace: INSERT,
  update: [['update/wrong-and-expr', RESOLVE, ...QUERY_CHECKS, 'query/join-no-on', 'query/implicit-conversion', ESTIMATE, ...UPDATE_DELETE_TAIL, ...DML_PEER_CHECKS, 'update/primary-key', PLAN]],
  delete: [[RESOLVE, ...QUERY_CHECKS, 'query/implicit-conversion', ESTIMATE, ...UPDATE_DELETE_TAIL, ...DML_PEER_CHECKS, PLAN]],
  select: [
    [
      'query/only-star',
      'query/union-usage',
      RESOLVE,
      ...QUERY_CHECKS,
      'query/implicit-conversion',
      'query/mix-group-func',
      'query/field-not-in-group-by',
      ...QUERY_PEER_CHECKS,
    ],
  ],
  set: [['set/names-charset', 'set/not-supported']],
  other: [['other/not-supported']],
};

/** Where an entry sorts: its section and its place within the section. */
export interface Rank {
  section: number;
  place: number;
}

const ranks = new Map<StatementKind, Map<string, Rank>>();

/** The rank of a rule id (or RESOLVE / ESTIMATE / PLAN) for a statement kind; null when the kind does not list it. */
export function rankOf(kind: StatementKind, id: string): Rank | null {
  let table = ranks.get(kind);
  if (!table) {
    table = new Map();
    [...(MESSAGE_ORDER[kind] ?? []), BATCH_CHECKS].forEach((section, s) => section.forEach((entry, p) => table!.set(entry, { section: s, place: p })));
    ranks.set(kind, table);
  }
  return table.get(id) ?? null;
}
