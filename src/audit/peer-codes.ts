// inceptor's own audit codes (docs/audit.md "Peer rules"): checks goInception lacks, adopted from other SQL review
// tools. Each is off by default behind its own `[inc]` option and has its own `[inc_level]` key, like a catalogue
// code; numbers start at 1001 so they never meet goInception's (0–188). DML peers use 1001–1099.
import type { CodeDef } from './catalogue.js';

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
] as const satisfies readonly CodeDef[];

export const PEER_CODES: readonly CodeDef[] = Object.freeze(PEER_TABLE.map((def): CodeDef => Object.freeze({ ...def })));

type PeerCodeMap = { readonly [Def in (typeof PEER_TABLE)[number] as Def['name']]: Def['code'] };

/** Peer code names → numbers, e.g. `PeerCode.ErrLikeLeadingWildcard` (1001). */
export const PeerCode: PeerCodeMap = Object.freeze(Object.fromEntries(PEER_TABLE.map((d) => [d.name, d.code])) as PeerCodeMap);
