// The typed DDL model: what a DDL statement says, independent of which parser read it (docs/parsing.md).
// Audit rules and DDL rollback read these shapes; they never depend on node-sql-parser's AST for DDL.
// Names are as written (unquoted, case kept); keywords are upper case; expressions are kept as source text.

export interface QualifiedName {
  db: string | null;
  name: string;
}

/** How a DEFAULT / ON UPDATE value was written. */
export type DefaultKind =
  /** '…' (adjacent strings concatenated; a charset introducer such as `_utf8mb4'x'` is dropped). */
  | 'string'
  /** 12, -1.5, 1e3 (sign included). */
  | 'number'
  | 'null'
  /** TRUE / FALSE. */
  | 'bool'
  /** b'0101' / 0b0101. */
  | 'bit'
  /** x'1F' / 0x1F. */
  | 'hex'
  /** CURRENT_TIMESTAMP, NOW(), LOCALTIME, LOCALTIMESTAMP, each with an optional precision. */
  | 'current_timestamp'
  /** Any other function call, e.g. `uuid()`. */
  | 'function'
  /** A parenthesised expression, e.g. `(a + 1)`. */
  | 'expression';

export interface DefaultValue {
  kind: DefaultKind;
  /** Source text as written. */
  text: string;
  /**
   * The value: the unescaped string, the number text, `1`/`0` for TRUE/FALSE, the digits of a bit or hex
   * literal, `CURRENT_TIMESTAMP` (with `(n)` when a precision was given); null for NULL, functions and expressions.
   */
  value: string | null;
}

export interface ColumnType {
  /** Upper-case type name, synonyms kept as written (`INT`, `INTEGER`, `VARCHAR`, `DOUBLE PRECISION` → `DOUBLE`). */
  name: string;
  /** Length / precision / fractional-seconds precision: `varchar(20)` → 20, `decimal(10,2)` → 10. */
  length: number | null;
  /** Scale: `decimal(10,2)` → 2. */
  scale: number | null;
  /** ENUM / SET member values (unescaped); null for other types. */
  values: string[] | null;
  unsigned: boolean;
  zerofill: boolean;
  /** `BINARY` attribute of a character type (`varchar(10) binary`). */
  binary: boolean;
  /** CHARACTER SET / CHARSET written with the type. */
  charset: string | null;
  /** COLLATE written with the type or among the column attributes. */
  collation: string | null;
}

export interface GeneratedColumn {
  /** The expression text inside the parentheses. */
  expr: string;
  /** STORED / PERSISTENT (true) or VIRTUAL / unsaid (false). */
  stored: boolean;
}

export interface ForeignKeyReference {
  table: QualifiedName;
  columns: string[];
  onDelete: string | null;
  onUpdate: string | null;
  match: string | null;
}

export interface ColumnDef {
  name: string;
  /** `t.c` / `db.t.c` qualifier written before the name (CREATE TABLE, MODIFY and CHANGE may qualify columns). */
  qualifier: QualifiedName | null;
  type: ColumnType;
  /** true = NULL, false = NOT NULL, null = not declared. */
  nullable: boolean | null;
  default: DefaultValue | null;
  onUpdate: DefaultValue | null;
  autoIncrement: boolean;
  comment: string | null;
  generated: GeneratedColumn | null;
  /** Inline `PRIMARY KEY` / `KEY`. */
  primaryKey: boolean;
  /** Inline `UNIQUE [KEY]`. */
  unique: boolean;
  /** INVISIBLE column (MySQL 8 / MariaDB 10.3). */
  invisible: boolean;
  /** Inline `REFERENCES …`. */
  references: ForeignKeyReference | null;
  /** Inline `CHECK (…)` expression text. */
  check: string | null;
  /** Source text of the whole definition. */
  text: string;
}

export interface IndexPart {
  /** Column name; null for a functional part. */
  column: string | null;
  /** Prefix length `c(10)`. */
  length: number | null;
  /** Expression text of a functional part `((lower(c)))`, without its outer parentheses; null for columns. */
  expression: string | null;
  order: 'ASC' | 'DESC' | null;
}

export type IndexKind = 'primary' | 'unique' | 'index' | 'fulltext' | 'spatial' | 'foreign' | 'check';

export interface IndexDef {
  kind: IndexKind;
  /** Index name (for PRIMARY KEY null; for an unnamed key null). */
  name: string | null;
  /** `CONSTRAINT symbol` before the definition. */
  constraint: string | null;
  parts: IndexPart[];
  /** USING BTREE / HASH / RTREE. */
  using: string | null;
  comment: string | null;
  /** VISIBLE → true, INVISIBLE → false, not said → null. MariaDB's IGNORED counts as invisible. */
  visible: boolean | null;
  /** WITH PARSER name. */
  parser: string | null;
  /** Foreign keys only. */
  references: ForeignKeyReference | null;
  /** Check constraints only: the expression text. */
  check: string | null;
  text: string;
}

export interface TableOption {
  /**
   * Upper-case option name with synonyms folded: `CHARSET` (CHARACTER SET), `COLLATE`, `ENGINE` (TYPE), `COMMENT`,
   * `AUTO_INCREMENT`, `ROW_FORMAT`, `DATA DIRECTORY`, `INDEX DIRECTORY`, `UNION`, … as written otherwise.
   */
  name: string;
  /** Value unquoted (`utf8mb4`, `InnoDB`, `20`, the comment text); for UNION the table list text. */
  value: string;
  /** Written with DEFAULT (`DEFAULT CHARSET=…`). */
  isDefault: boolean;
  text: string;
}

export type PartitionType = 'RANGE' | 'LIST' | 'HASH' | 'KEY' | 'SYSTEM_TIME';

export interface PartitionDefinition {
  name: string;
  /** `LESS THAN` / `IN` / null (HASH/KEY partitions, MariaDB CURRENT/HISTORY). */
  valuesKind: 'LESS THAN' | 'IN' | 'CURRENT' | 'HISTORY' | null;
  /** Text of the value list without its parentheses, or `MAXVALUE`. */
  values: string | null;
  options: TableOption[];
  subpartitions: string[];
  text: string;
}

export interface PartitionSpec {
  type: PartitionType;
  linear: boolean;
  /** RANGE/LIST/HASH expression text; null for KEY and COLUMNS forms. */
  expr: string | null;
  /** KEY (cols), RANGE COLUMNS (cols), LIST COLUMNS (cols). */
  columns: string[] | null;
  /** PARTITIONS n. */
  count: number | null;
  /** SUBPARTITION BY … text. */
  subpartition: string | null;
  definitions: PartitionDefinition[];
  text: string;
}

export type ColumnPosition = { first: true } | { after: string } | null;

export type AlterSpec = { text: string } & (
  | { op: 'add_column'; columns: ColumnDef[]; position: ColumnPosition; ifNotExists: boolean }
  | { op: 'drop_column'; column: string; ifExists: boolean }
  | { op: 'modify_column'; column: ColumnDef; position: ColumnPosition; ifExists: boolean }
  | { op: 'change_column'; old: string; column: ColumnDef; position: ColumnPosition; ifExists: boolean }
  | { op: 'rename_column'; old: string; to: string }
  /** ALTER [COLUMN] c SET DEFAULT v (`default` set) / DROP DEFAULT (`default` null). */
  | { op: 'alter_column_default'; column: string; default: DefaultValue | null }
  /** ALTER [COLUMN] c SET VISIBLE / INVISIBLE. */
  | { op: 'alter_column_visibility'; column: string; visible: boolean }
  | { op: 'add_index'; index: IndexDef; ifNotExists: boolean }
  | { op: 'drop_index'; name: string; ifExists: boolean }
  | { op: 'drop_primary_key' }
  | { op: 'drop_foreign_key'; name: string; ifExists: boolean }
  /** DROP CHECK / DROP CONSTRAINT name. */
  | { op: 'drop_constraint'; name: string; ifExists: boolean }
  | { op: 'rename_index'; from: string; to: string }
  /** ALTER INDEX i VISIBLE / INVISIBLE (MariaDB: [NOT] IGNORED). */
  | { op: 'alter_index_visibility'; name: string; visible: boolean }
  /** ALTER CHECK / CONSTRAINT name [NOT] ENFORCED. */
  | { op: 'alter_constraint'; name: string; enforced: boolean }
  | { op: 'rename_table'; to: QualifiedName }
  /** Table options (several may stand without commas between them). */
  | { op: 'options'; options: TableOption[] }
  | { op: 'convert_charset'; charset: string; collation: string | null }
  | { op: 'algorithm'; value: string }
  | { op: 'lock'; value: string }
  | { op: 'force' }
  | { op: 'order_by'; columns: string[] }
  | { op: 'keys'; enable: boolean }
  | { op: 'tablespace'; action: 'DISCARD' | 'IMPORT' }
  | { op: 'validation'; with: boolean }
  /** PARTITION BY … (re-partition). */
  | { op: 'partition_by'; partition: PartitionSpec }
  | { op: 'remove_partitioning' }
  | { op: 'add_partition'; definitions: PartitionDefinition[]; count: number | null }
  | { op: 'drop_partition'; names: string[]; ifExists: boolean }
  /**
   * Other partition maintenance: TRUNCATE, COALESCE, REORGANIZE, EXCHANGE, ANALYZE, CHECK, OPTIMIZE, REBUILD,
   * REPAIR, DISCARD, IMPORT, CONVERT; `names` is empty for ALL and COALESCE.
   */
  | { op: 'partition_maintenance'; action: string; names: string[] }
  /** ADD / DROP SYSTEM VERSIONING (MariaDB). */
  | { op: 'system_versioning'; add: boolean }
);

export type AlterOp = AlterSpec['op'];

export type DdlStatement =
  | { type: 'create_database'; name: string; ifNotExists: boolean; orReplace: boolean; options: TableOption[] }
  /** `name` null: ALTER DATABASE without a name (the current database). */
  | { type: 'alter_database'; name: string | null; options: TableOption[]; upgrade: boolean }
  | { type: 'drop_database'; name: string; ifExists: boolean }
  | {
      type: 'create_table';
      table: QualifiedName;
      temporary: boolean;
      ifNotExists: boolean;
      orReplace: boolean;
      columns: ColumnDef[];
      indexes: IndexDef[];
      options: TableOption[];
      partition: PartitionSpec | null;
      like: QualifiedName | null;
      /** Text of the AS SELECT query (from its SELECT / WITH / parenthesis), null when absent. */
      select: string | null;
      /** IGNORE / REPLACE before the AS SELECT. */
      duplicates: 'IGNORE' | 'REPLACE' | null;
    }
  | { type: 'alter_table'; table: QualifiedName; ifExists: boolean; ignore: boolean; online: boolean; specs: AlterSpec[] }
  | {
      type: 'create_index';
      table: QualifiedName;
      index: IndexDef;
      ifNotExists: boolean;
      orReplace: boolean;
      algorithm: string | null;
      lock: string | null;
    }
  | { type: 'drop_index'; table: QualifiedName; name: string; ifExists: boolean; algorithm: string | null; lock: string | null }
  | { type: 'drop_table'; tables: QualifiedName[]; ifExists: boolean; temporary: boolean }
  | { type: 'drop_view'; views: QualifiedName[]; ifExists: boolean }
  | { type: 'truncate_table'; table: QualifiedName }
  | { type: 'rename_table'; pairs: { from: QualifiedName; to: QualifiedName }[]; ifExists: boolean }
  | {
      type: 'create_view';
      view: QualifiedName;
      orReplace: boolean;
      ifNotExists: boolean;
      algorithm: string | null;
      definer: string | null;
      security: string | null;
      columns: string[] | null;
      /** Text of the view's query. */
      select: string;
      checkOption: 'CASCADED' | 'LOCAL' | null;
    };

export type DdlType = DdlStatement['type'];

/** The model of one statement type, e.g. `DdlOf<'create_table'>`. */
export type DdlOf<T extends DdlType> = Extract<DdlStatement, { type: T }>;
