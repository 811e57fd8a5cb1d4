// Column type names as goInception compares them (docs/audit.md "Field rules"): the bare lower-case name of the
// declared type, synonyms collapsed (`INTEGER` → `int`, `NUMERIC` → `decimal`, `BOOL` → `tinyint` …), and the
// type families the field rules ask about.

const SYNONYMS: Readonly<Record<string, string>> = {
  integer: 'int',
  int1: 'tinyint',
  int2: 'smallint',
  int3: 'mediumint',
  int4: 'int',
  int8: 'bigint',
  middleint: 'mediumint',
  numeric: 'decimal',
  dec: 'decimal',
  fixed: 'decimal',
  real: 'double',
  'double precision': 'double',
  float4: 'float',
  float8: 'double',
  bool: 'tinyint',
  boolean: 'tinyint',
};

/** `INTEGER` → `int`, `VARCHAR` → `varchar`: the name used in messages and in `disable_types`. */
export function bareTypeName(dataType: string): string {
  const name = dataType.trim().toLowerCase().replace(/\s+/g, ' ');
  return SYNONYMS[name] ?? name;
}

const BLOB_TEXT = new Set(['tinytext', 'text', 'mediumtext', 'longtext', 'tinyblob', 'blob', 'mediumblob', 'longblob']);
const NUMERIC = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'bigint', 'decimal', 'float', 'double']);

/** BLOB and TEXT types of every size. */
export function isBlobOrText(bare: string): boolean {
  return BLOB_TEXT.has(bare);
}

/** BLOB, TEXT and JSON: no default value, no NOT NULL unless enabled. */
export function isBlobTextOrJson(bare: string): boolean {
  return BLOB_TEXT.has(bare) || bare === 'json';
}

/** Integer, decimal and floating-point types. */
export function isNumeric(bare: string): boolean {
  return NUMERIC.has(bare);
}

/** Byte capacity of a TEXT/BLOB/JSON base type (MySQL's maximum lengths); 0 for other types. */
export function textBlobBytes(base: string): number {
  switch (base) {
    case 'tinytext':
    case 'tinyblob':
      return 255;
    case 'text':
    case 'blob':
      return 65535;
    case 'mediumtext':
    case 'mediumblob':
      return 16777215;
    case 'longtext':
    case 'longblob':
    case 'json':
      return 4294967295;
    default:
      return 0;
  }
}
