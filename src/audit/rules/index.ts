// The rule registry: every rule module by id (its path under rules/, without `.ts`), sorted by id. Rules are
// order-free: the engine runs them in any order and sorts their messages by the declared order (../order.ts).

import type { Rule } from '../rule.js';
import updatePrimaryKey from './update/primary-key.js';
import queryMaxJoinTables from './query/max-join-tables.js';
import queryLikeLeadingWildcard from './query/like-leading-wildcard.js';
import queryFunctionOnIndex from './query/function-on-index.js';
import queryCompareNull from './query/compare-null.js';
import queryAlwaysTrue from './query/always-true.js';
import insertSelectLock from './insert-select/lock.js';
import dmlBlocklist from './dml/blocklist.js';
import batchMaxStatements from './batch/max-statements.js';
import alterTableCantDropKey from './alter-table/cant-drop-key.js';
import alterTableColumnExisted from './alter-table/column-existed.js';
import alterTableColumnNotExisted from './alter-table/column-not-existed.js';
import alterTableDupIndex from './alter-table/dup-index.js';
import alterTableDupKeyname from './alter-table/dup-keyname.js';
import alterTableRenameTargetExists from './alter-table/rename-target-exists.js';
import columnAutoincName from './column/autoinc-name.js';
import columnAutoincType from './column/autoinc-type.js';
import columnAutoincUnsigned from './column/autoinc-unsigned.js';
import columnBlobCantHaveDefault from './column/blob-cant-have-default.js';
import columnCharToVarchar from './column/char-to-varchar.js';
import columnColumnComment from './column/column-comment.js';
import columnDefaultValue from './column/default-value.js';
import columnFloatDouble from './column/float-double.js';
import columnInvalidDataType from './column/invalid-data-type.js';
import columnInvalidDefault from './column/invalid-default.js';
import columnNullable from './column/nullable.js';
import columnTextNotNullable from './column/text-not-nullable.js';
import createTableAutoIncrementInit from './create-table/auto-increment-init.js';
import createTableDuplicateColumn from './create-table/duplicate-column.js';
import createTableForeignKey from './create-table/foreign-key.js';
import createTableMaxColumnCount from './create-table/max-column-count.js';
import createTableMultiplePrimaryKey from './create-table/multiple-primary-key.js';
import createTableMustHaveColumns from './create-table/must-have-columns.js';
import createTableMustHaveComment from './create-table/must-have-comment.js';
import createTableMustHavePrimaryKey from './create-table/must-have-primary-key.js';
import createTableSetCharset from './create-table/set-charset.js';
import createTableSetCollation from './create-table/set-collation.js';
import createTableSetEngine from './create-table/set-engine.js';
import createTableTablePrefix from './create-table/table-prefix.js';
import createViewViewSupport from './create-view/view-support.js';
import databaseAlterDatabaseNotSupported from './database/alter-database-not-supported.js';
import databaseCantDropDatabase from './database/cant-drop-database.js';
import dmlInsertFieldList from './dml/insert-field-list.js';
import dmlInsertSetForm from './dml/insert-set-form.js';
import dmlInsertValueCount from './dml/insert-value-count.js';
import dmlLimit from './dml/limit.js';
import dmlNoWhere from './dml/no-where.js';
import dmlOrderBy from './dml/order-by.js';
import dmlValueExprWhere from './dml/value-expr-where.js';
import dropTableCantDropTable from './drop-table/cant-drop-table.js';
import identifierCustomKeyword from './identifier/custom-keyword.js';
import identifierInvalidCharacter from './identifier/invalid-character.js';
import identifierKeyword from './identifier/keyword.js';
import identifierLowerCase from './identifier/lower-case.js';
import identifierTooLong from './identifier/too-long.js';
import identifierUpperCase from './identifier/upper-case.js';
import insertSelectLimit from './insert-select/limit.js';
import insertSelectNoWhere from './insert-select/no-where.js';
import insertSelectOrderByRand from './insert-select/order-by-rand.js';
import insertSelectValueCount from './insert-select/value-count.js';
import insertBadNull from './insert/bad-null.js';
import insertDatetimeValue from './insert/datetime-value.js';
import insertIntegerValue from './insert/integer-value.js';
import queryImplicitConversion from './query/implicit-conversion.js';
import queryMixGroupFunc from './query/mix-group-func.js';
import queryFieldNotInGroupBy from './query/field-not-in-group-by.js';
import otherNotSupported from './other/not-supported.js';
import queryColumnsExist from './query/columns-exist.js';
import queryDuplicateAlias from './query/duplicate-alias.js';
import queryJoinNoOn from './query/join-no-on.js';
import queryNonUniqueColumn from './query/non-unique-column.js';
import queryOnlyStar from './query/only-star.js';
import queryTablesExist from './query/tables-exist.js';
import queryUnionUsage from './query/union-usage.js';
import setNamesCharset from './set/names-charset.js';
import setNotSupported from './set/not-supported.js';
import updateWrongAndExpr from './update/wrong-and-expr.js';

const BY_ID: Readonly<Record<string, Rule>> = {
  'update/primary-key': updatePrimaryKey,
  'query/max-join-tables': queryMaxJoinTables,
  'query/like-leading-wildcard': queryLikeLeadingWildcard,
  'query/function-on-index': queryFunctionOnIndex,
  'query/compare-null': queryCompareNull,
  'query/always-true': queryAlwaysTrue,
  'insert-select/lock': insertSelectLock,
  'dml/blocklist': dmlBlocklist,
  'batch/max-statements': batchMaxStatements,
  'alter-table/cant-drop-key': alterTableCantDropKey,
  'alter-table/column-existed': alterTableColumnExisted,
  'alter-table/column-not-existed': alterTableColumnNotExisted,
  'alter-table/dup-index': alterTableDupIndex,
  'alter-table/dup-keyname': alterTableDupKeyname,
  'alter-table/rename-target-exists': alterTableRenameTargetExists,
  'column/autoinc-name': columnAutoincName,
  'column/autoinc-type': columnAutoincType,
  'column/autoinc-unsigned': columnAutoincUnsigned,
  'column/blob-cant-have-default': columnBlobCantHaveDefault,
  'column/char-to-varchar': columnCharToVarchar,
  'column/column-comment': columnColumnComment,
  'column/default-value': columnDefaultValue,
  'column/float-double': columnFloatDouble,
  'column/invalid-data-type': columnInvalidDataType,
  'column/invalid-default': columnInvalidDefault,
  'column/nullable': columnNullable,
  'column/text-not-nullable': columnTextNotNullable,
  'create-table/auto-increment-init': createTableAutoIncrementInit,
  'create-table/duplicate-column': createTableDuplicateColumn,
  'create-table/foreign-key': createTableForeignKey,
  'create-table/max-column-count': createTableMaxColumnCount,
  'create-table/multiple-primary-key': createTableMultiplePrimaryKey,
  'create-table/must-have-columns': createTableMustHaveColumns,
  'create-table/must-have-comment': createTableMustHaveComment,
  'create-table/must-have-primary-key': createTableMustHavePrimaryKey,
  'create-table/set-charset': createTableSetCharset,
  'create-table/set-collation': createTableSetCollation,
  'create-table/set-engine': createTableSetEngine,
  'create-table/table-prefix': createTableTablePrefix,
  'create-view/view-support': createViewViewSupport,
  'database/alter-database-not-supported': databaseAlterDatabaseNotSupported,
  'database/cant-drop-database': databaseCantDropDatabase,
  'dml/insert-field-list': dmlInsertFieldList,
  'dml/insert-set-form': dmlInsertSetForm,
  'dml/insert-value-count': dmlInsertValueCount,
  'dml/limit': dmlLimit,
  'dml/no-where': dmlNoWhere,
  'dml/order-by': dmlOrderBy,
  'dml/value-expr-where': dmlValueExprWhere,
  'drop-table/cant-drop-table': dropTableCantDropTable,
  'identifier/custom-keyword': identifierCustomKeyword,
  'identifier/invalid-character': identifierInvalidCharacter,
  'identifier/keyword': identifierKeyword,
  'identifier/lower-case': identifierLowerCase,
  'identifier/too-long': identifierTooLong,
  'identifier/upper-case': identifierUpperCase,
  'insert-select/limit': insertSelectLimit,
  'insert-select/no-where': insertSelectNoWhere,
  'insert-select/order-by-rand': insertSelectOrderByRand,
  'insert-select/value-count': insertSelectValueCount,
  'insert/bad-null': insertBadNull,
  'insert/datetime-value': insertDatetimeValue,
  'insert/integer-value': insertIntegerValue,
  'query/implicit-conversion': queryImplicitConversion,
  'query/mix-group-func': queryMixGroupFunc,
  'query/field-not-in-group-by': queryFieldNotInGroupBy,
  'other/not-supported': otherNotSupported,
  'query/columns-exist': queryColumnsExist,
  'query/duplicate-alias': queryDuplicateAlias,
  'query/join-no-on': queryJoinNoOn,
  'query/non-unique-column': queryNonUniqueColumn,
  'query/only-star': queryOnlyStar,
  'query/tables-exist': queryTablesExist,
  'query/union-usage': queryUnionUsage,
  'set/names-charset': setNamesCharset,
  'set/not-supported': setNotSupported,
  'update/wrong-and-expr': updateWrongAndExpr,
};

export const RULES: ReadonlyMap<string, Rule> = new Map(Object.keys(BY_ID).sort().map((id) => [id, BY_ID[id]!]));
