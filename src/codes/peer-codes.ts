// inceptor's own audit codes (docs/audit.md "Peer rules"): checks goInception lacks, adopted from other SQL review
// tools. Each is off by default behind its own `[inc]` option and has its own `[inc_level]` key, like a catalogue
// code; numbers start at 1001 so they never meet goInception's (0–188). DML peers use 1001–1099, DDL peers 1101–1199.
import type { CodeDef } from './code-def.js';

const PEER_TABLE = [
  { code: 1001, name: 'ErrLikeLeadingWildcard', levelKey: 'er_like_leading_wildcard', defaultLevel: 1, en: "LIKE '%s' starts with a wildcard; no index can be used.", zh: "LIKE '%s' 以通配符开头, 无法使用索引." },
  { code: 1002, name: 'ErrCompareWithNull', levelKey: 'er_compare_with_null', defaultLevel: 1, en: "Comparison with NULL using '%s' is never true; use IS NULL.", zh: "使用 '%s' 与 NULL 比较永远不为真, 请使用 IS NULL." },
  { code: 1003, name: 'ErrFunctionOnIndexedColumn', levelKey: 'er_function_on_indexed_column', defaultLevel: 1, en: "Function or arithmetic on indexed column '%s' in where condition prevents the index use.", zh: "where条件中对索引列 '%s' 使用函数或运算, 无法使用索引." },
  { code: 1004, name: 'ErrAlwaysTruePredicate', levelKey: 'er_always_true_predicate', defaultLevel: 1, en: "Where condition '%s' is always true.", zh: "where条件 '%s' 恒为真." },
  { code: 1005, name: 'ErrTooManyJoinTables', levelKey: 'er_too_many_join_tables', defaultLevel: 1, en: 'Too many tables joined (%d tables, max %d).', zh: '关联表过多(%d 张表, 最多 %d 张).' },
  { code: 1006, name: 'ErrUpdatePrimaryKey', levelKey: 'er_update_primary_key', defaultLevel: 1, en: "Update of primary key column '%s' is not allowed.", zh: "不允许更新主键列 '%s'." },
  { code: 1007, name: 'ErrInsertSelectLock', levelKey: 'er_insert_select_lock', defaultLevel: 1, en: "INSERT ... SELECT locks the rows it reads from table '%s'.", zh: "INSERT ... SELECT 会锁定读取的表 '%s' 的行." },
  { code: 1008, name: 'ErrTooManyStatements', levelKey: 'er_too_many_statements', defaultLevel: 2, en: 'Too many statements in one batch (max %d).', zh: '单次提交的语句过多(最多 %d 条).' },
  { code: 1009, name: 'ErrDmlOnBlockedTable', levelKey: 'er_dml_on_blocked_table', defaultLevel: 2, en: "DML on table '%s' is not allowed.", zh: "不允许对表 '%s' 执行DML." },
  { code: 1010, name: 'ErrPlanFullScan', levelKey: 'er_plan_full_scan', defaultLevel: 1, en: "Full scan of '%s' (about %d rows examined).", zh: "对 '%s' 全表扫描(预计扫描 %d 行)." },
  { code: 1011, name: 'ErrPlanFilesort', levelKey: 'er_plan_filesort', defaultLevel: 1, en: "Rows of '%s' are sorted without an index (Using filesort).", zh: "'%s' 的行排序未使用索引(Using filesort)." },
  { code: 1012, name: 'ErrPlanTemporary', levelKey: 'er_plan_temporary', defaultLevel: 1, en: "A temporary table is built for '%s' (Using temporary).", zh: "'%s' 需要建临时表(Using temporary)." },
  { code: 1101, name: 'ErrRedundantIndex', levelKey: 'er_redundant_index', defaultLevel: 1, en: "Index '%s' on table '%s' is redundant: (%s) is a left prefix of index '%s' (%s).", zh: "索引 '%s' (表 '%s') 是冗余的: (%s) 是索引 '%s' (%s) 的最左前缀." },
  { code: 1102, name: 'ErrAlgorithmLockNotSet', levelKey: 'er_algorithm_lock_not_set', defaultLevel: 1, en: "Set %s explicitly for table '%s'.", zh: "请显式指定 %s (表 '%s')." },
  { code: 1103, name: 'ErrDropIndexedColumn', levelKey: 'er_drop_indexed_column', defaultLevel: 1, en: "Column '%s' is used by index %s.", zh: "列 '%s' 被索引 %s 使用." },
  { code: 1104, name: 'ErrTextBlobTooLarge', levelKey: 'er_text_blob_too_large', defaultLevel: 1, en: "TEXT/BLOB columns of table '%s' may hold %d bytes, more than %d.", zh: "表 '%s' 的 TEXT/BLOB 列最多可存 %d 字节, 超过 %d." },
  { code: 1105, name: 'ErrCommentTooLong', levelKey: 'er_comment_too_long', defaultLevel: 1, en: "The comment of %s '%s' is %d characters long, more than %d.", zh: "%s '%s' 的注释长 %d 个字符, 超过 %d." },
  { code: 1106, name: 'ErrDdlOnBlockedTable', levelKey: 'er_ddl_on_blocked_table', defaultLevel: 2, en: "DDL on table '%s' is blocked by peer_ddl_blocklist.", zh: "表 '%s' 在 peer_ddl_blocklist 中, 不允许执行DDL." },
  { code: 1107, name: 'ErrCharsetWithoutConvert', levelKey: 'er_charset_without_convert', defaultLevel: 1, en: "CHARSET %s changes only the default of table '%s'; existing columns keep theirs (use CONVERT TO CHARACTER SET).", zh: "CHARSET %s 只修改表 '%s' 的默认字符集, 已有列的字符集不变(请使用 CONVERT TO CHARACTER SET)." },
  { code: 1108, name: 'ErrIndexNameMismatch', levelKey: 'er_index_name_mismatch', defaultLevel: 1, en: "Index '%s' on table '%s' should be named '%s'.", zh: "索引 '%s' (表 '%s') 应命名为 '%s'." },
] as const satisfies readonly CodeDef[];

export const PEER_CODES: readonly CodeDef[] = Object.freeze(PEER_TABLE.map((def): CodeDef => Object.freeze({ ...def })));

type PeerCodeMap = { readonly [Def in (typeof PEER_TABLE)[number] as Def['name']]: Def['code'] };

/** Peer code names → numbers, e.g. `PeerCode.ErrLikeLeadingWildcard` (1001). */
export const PeerCode: PeerCodeMap = Object.freeze(Object.fromEntries(PEER_TABLE.map((d) => [d.name, d.code])) as PeerCodeMap);
