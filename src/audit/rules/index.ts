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
import alterTableAlterTableOnce from './alter-table/alter-table-once.js';
import alterTableCantDropKey from './alter-table/cant-drop-key.js';
import alterTableChangeColumn from './alter-table/change-column.js';
import alterTableColumnExisted from './alter-table/column-existed.js';
import alterTableColumnNotExisted from './alter-table/column-not-existed.js';
import alterTableColumnPosition from './alter-table/column-position.js';
import alterTableColumnQualifierDb from './alter-table/column-qualifier-db.js';
import alterTableColumnQualifierTable from './alter-table/column-qualifier-table.js';
import alterTableDropForeignKey from './alter-table/drop-foreign-key.js';
import alterTableDupIndex from './alter-table/dup-index.js';
import alterTableDupKeyname from './alter-table/dup-keyname.js';
import alterTableIndexNotExisted from './alter-table/index-not-existed.js';
import alterTableMaxColumnCount from './alter-table/max-column-count.js';
import alterTableNotSupported from './alter-table/not-supported.js';
import alterTableRemoveAllColumns from './alter-table/remove-all-columns.js';
import alterTableRenameTargetExists from './alter-table/rename-target-exists.js';
import alterTableSetDefault from './alter-table/set-default.js';
import alterTableUnsupportedOption from './alter-table/unsupported-option.js';
import charsetCharsetNotSupported from './charset/charset-not-supported.js';
import charsetCollationMismatch from './charset/collation-mismatch.js';
import charsetCollationNotSupported from './charset/collation-not-supported.js';
import charsetEngineNotSupported from './charset/engine-not-supported.js';
import charsetUnknownCharset from './charset/unknown-charset.js';
import columnAutoincName from './column/autoinc-name.js';
import columnAutoincType from './column/autoinc-type.js';
import columnAutoincUnsigned from './column/autoinc-unsigned.js';
import columnBlobCantHaveDefault from './column/blob-cant-have-default.js';
import columnBitDefault from './column/bit-default.js';
import columnChangeColumnType from './column/change-column-type.js';
import columnCharToVarchar from './column/char-to-varchar.js';
import columnCharsetOnColumn from './column/charset-on-column.js';
import columnColumnComment from './column/column-comment.js';
import columnDefaultValue from './column/default-value.js';
import columnFloatDouble from './column/float-double.js';
import columnInvalidDataType from './column/invalid-data-type.js';
import columnInvalidDefault from './column/invalid-default.js';
import columnInvalidOnUpdate from './column/invalid-on-update.js';
import columnMaxVarcharLength from './column/max-varchar-length.js';
import columnNullable from './column/nullable.js';
import columnOnUpdatePrecision from './column/on-update-precision.js';
import columnTextNotNullable from './column/text-not-nullable.js';
import columnTimestampDefault from './column/timestamp-default.js';
import columnTimestampNullDefault from './column/timestamp-null-default.js';
import columnTypeLimits from './column/type-limits.js';
import createTableAutoDatetimeCount from './create-table/auto-datetime-count.js';
import createTableAutoIncrementInit from './create-table/auto-increment-init.js';
import createTableAutoincDefault from './create-table/autoinc-default.js';
import createTableAutoTimestampCount from './create-table/auto-timestamp-count.js';
import createTableColumnQualifierDb from './create-table/column-qualifier-db.js';
import createTableColumnQualifierTable from './create-table/column-qualifier-table.js';
import createTableColumnSpecifier from './create-table/column-specifier.js';
import createTableColumnsMustHaveIndexType from './create-table/columns-must-have-index-type.js';
import createTableColumnsMustHaveIndex from './create-table/columns-must-have-index.js';
import createTableDupIndex from './create-table/dup-index.js';
import createTableDupKeyname from './create-table/dup-keyname.js';
import createTableDuplicateColumn from './create-table/duplicate-column.js';
import createTableForeignKey from './create-table/foreign-key.js';
import createTableGtidConsistency from './create-table/gtid-consistency.js';
import createTableKeyColumnNotExisted from './create-table/key-column-not-existed.js';
import createTableMaxColumnCount from './create-table/max-column-count.js';
import createTableMultiplePrimaryKey from './create-table/multiple-primary-key.js';
import createTableMustHaveColumnList from './create-table/must-have-column-list.js';
import createTableMustHaveColumns from './create-table/must-have-columns.js';
import createTableMustHaveComment from './create-table/must-have-comment.js';
import createTableMustHavePrimaryKey from './create-table/must-have-primary-key.js';
import createTableSetCharset from './create-table/set-charset.js';
import createTableSetCollation from './create-table/set-collation.js';
import createTableSetEngine from './create-table/set-engine.js';
import createTableRowSize from './create-table/row-size.js';
import createTableTablePrefix from './create-table/table-prefix.js';
import createTableTableCommentLength from './create-table/table-comment-length.js';
import createTableWrongAutoKey from './create-table/wrong-auto-key.js';
import createTableWrongTableName from './create-table/wrong-table-name.js';
import createViewColumnCount from './create-view/column-count.js';
import createViewDuplicateColumn from './create-view/duplicate-column.js';
import createViewViewSupport from './create-view/view-support.js';
import databaseAlterDatabaseNotSupported from './database/alter-database-not-supported.js';
import databaseCantDropDatabase from './database/cant-drop-database.js';
import databaseCantSetCharset from './database/cant-set-charset.js';
import databaseCantSetCollation from './database/cant-set-collation.js';
import dmlInsertEmptyRow from './dml/insert-empty-row.js';
import dmlInsertFieldList from './dml/insert-field-list.js';
import dmlInsertSetForm from './dml/insert-set-form.js';
import dmlInsertValueCount from './dml/insert-value-count.js';
import dmlLimit from './dml/limit.js';
import dmlNoWhere from './dml/no-where.js';
import dmlOrderBy from './dml/order-by.js';
import dmlValueExprWhere from './dml/value-expr-where.js';
import dropTableCantDropTable from './drop-table/cant-drop-table.js';
import foreignKeyColumnsExist from './foreign-key/columns-exist.js';
import foreignKeyDuplicateName from './foreign-key/duplicate-name.js';
import foreignKeyReferencedTableExists from './foreign-key/referenced-table-exists.js';
import foreignKeyWrongDefinition from './foreign-key/wrong-definition.js';
import identifierCustomKeyword from './identifier/custom-keyword.js';
import identifierInvalidCharacter from './identifier/invalid-character.js';
import identifierKeyword from './identifier/keyword.js';
import identifierLowerCase from './identifier/lower-case.js';
import identifierTooLong from './identifier/too-long.js';
import identifierUpperCase from './identifier/upper-case.js';
import indexBlobUsedAsKey from './index/blob-used-as-key.js';
import indexColumnRepeat from './index/column-repeat.js';
import indexCommentTooLong from './index/comment-too-long.js';
import indexJsonKey from './index/json-key.js';
import indexSpatialNotNull from './index/spatial-not-null.js';
import indexWithParser from './index/with-parser.js';
import indexDuplicateKeyColumn from './index/duplicate-key-column.js';
import indexLongNameText from './index/long-name-text.js';
import indexNameLowerCase from './index/name-lower-case.js';
import indexNamePrefix from './index/name-prefix.js';
import indexNameTooLong from './index/name-too-long.js';
import indexNameUpperCase from './index/name-upper-case.js';
import indexPkColumnsInt from './index/pk-columns-int.js';
import indexPkTooManyParts from './index/pk-too-many-parts.js';
import indexPrimaryNotNull from './index/primary-not-null.js';
import indexTooLongKey from './index/too-long-key.js';
import indexTooManyKeyParts from './index/too-many-key-parts.js';
import indexTooManyKeys from './index/too-many-keys.js';
import indexUniquePrefix from './index/unique-prefix.js';
import indexVisibility from './index/visibility.js';
import indexWrongName from './index/wrong-name.js';
import indexWrongSubKey from './index/wrong-sub-key.js';
import insertBadNull from './insert/bad-null.js';
import insertSelectLimit from './insert-select/limit.js';
import insertSelectNoWhere from './insert-select/no-where.js';
import insertSelectOrderByRand from './insert-select/order-by-rand.js';
import insertSelectValueCount from './insert-select/value-count.js';
import insertDatetimeValue from './insert/datetime-value.js';
import insertIntegerValue from './insert/integer-value.js';
import queryImplicitConversion from './query/implicit-conversion.js';
import queryMixGroupFunc from './query/mix-group-func.js';
import queryFieldNotInGroupBy from './query/field-not-in-group-by.js';
import otherNotSupported from './other/not-supported.js';
import partitionAlterClauses from './partition/alter-clauses.js';
import partitionNotAllowed from './partition/not-allowed.js';
import partitionNotExisted from './partition/not-existed.js';
import partitionRepeatConstant from './partition/repeat-constant.js';
import partitionSameName from './partition/same-name.js';
import peerAlgorithmLock from './peer/algorithm-lock.js';
import peerCharsetWithoutConvert from './peer/charset-without-convert.js';
import peerCommentLength from './peer/comment-length.js';
import peerDdlBlocklist from './peer/ddl-blocklist.js';
import peerDropIndexedColumn from './peer/drop-indexed-column.js';
import peerIndexNaming from './peer/index-naming.js';
import peerRedundantIndex from './peer/redundant-index.js';
import peerTextBlobLength from './peer/text-blob-length.js';
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
  'alter-table/alter-table-once': alterTableAlterTableOnce,
  'alter-table/cant-drop-key': alterTableCantDropKey,
  'alter-table/change-column': alterTableChangeColumn,
  'alter-table/column-existed': alterTableColumnExisted,
  'alter-table/column-not-existed': alterTableColumnNotExisted,
  'alter-table/column-position': alterTableColumnPosition,
  'alter-table/column-qualifier-db': alterTableColumnQualifierDb,
  'alter-table/column-qualifier-table': alterTableColumnQualifierTable,
  'alter-table/drop-foreign-key': alterTableDropForeignKey,
  'alter-table/dup-index': alterTableDupIndex,
  'alter-table/dup-keyname': alterTableDupKeyname,
  'alter-table/index-not-existed': alterTableIndexNotExisted,
  'alter-table/max-column-count': alterTableMaxColumnCount,
  'alter-table/not-supported': alterTableNotSupported,
  'alter-table/remove-all-columns': alterTableRemoveAllColumns,
  'alter-table/rename-target-exists': alterTableRenameTargetExists,
  'alter-table/set-default': alterTableSetDefault,
  'alter-table/unsupported-option': alterTableUnsupportedOption,
  'charset/charset-not-supported': charsetCharsetNotSupported,
  'charset/collation-mismatch': charsetCollationMismatch,
  'charset/collation-not-supported': charsetCollationNotSupported,
  'charset/engine-not-supported': charsetEngineNotSupported,
  'charset/unknown-charset': charsetUnknownCharset,
  'column/autoinc-name': columnAutoincName,
  'column/autoinc-type': columnAutoincType,
  'column/autoinc-unsigned': columnAutoincUnsigned,
  'column/blob-cant-have-default': columnBlobCantHaveDefault,
  'column/bit-default': columnBitDefault,
  'column/change-column-type': columnChangeColumnType,
  'column/char-to-varchar': columnCharToVarchar,
  'column/charset-on-column': columnCharsetOnColumn,
  'column/column-comment': columnColumnComment,
  'column/default-value': columnDefaultValue,
  'column/float-double': columnFloatDouble,
  'column/invalid-data-type': columnInvalidDataType,
  'column/invalid-default': columnInvalidDefault,
  'column/invalid-on-update': columnInvalidOnUpdate,
  'column/max-varchar-length': columnMaxVarcharLength,
  'column/nullable': columnNullable,
  'column/on-update-precision': columnOnUpdatePrecision,
  'column/text-not-nullable': columnTextNotNullable,
  'column/timestamp-default': columnTimestampDefault,
  'column/timestamp-null-default': columnTimestampNullDefault,
  'column/type-limits': columnTypeLimits,
  'create-table/auto-datetime-count': createTableAutoDatetimeCount,
  'create-table/auto-increment-init': createTableAutoIncrementInit,
  'create-table/autoinc-default': createTableAutoincDefault,
  'create-table/auto-timestamp-count': createTableAutoTimestampCount,
  'create-table/column-qualifier-db': createTableColumnQualifierDb,
  'create-table/column-qualifier-table': createTableColumnQualifierTable,
  'create-table/column-specifier': createTableColumnSpecifier,
  'create-table/columns-must-have-index-type': createTableColumnsMustHaveIndexType,
  'create-table/columns-must-have-index': createTableColumnsMustHaveIndex,
  'create-table/dup-index': createTableDupIndex,
  'create-table/dup-keyname': createTableDupKeyname,
  'create-table/duplicate-column': createTableDuplicateColumn,
  'create-table/foreign-key': createTableForeignKey,
  'create-table/gtid-consistency': createTableGtidConsistency,
  'create-table/key-column-not-existed': createTableKeyColumnNotExisted,
  'create-table/max-column-count': createTableMaxColumnCount,
  'create-table/multiple-primary-key': createTableMultiplePrimaryKey,
  'create-table/must-have-column-list': createTableMustHaveColumnList,
  'create-table/must-have-columns': createTableMustHaveColumns,
  'create-table/must-have-comment': createTableMustHaveComment,
  'create-table/must-have-primary-key': createTableMustHavePrimaryKey,
  'create-table/row-size': createTableRowSize,
  'create-table/set-charset': createTableSetCharset,
  'create-table/set-collation': createTableSetCollation,
  'create-table/set-engine': createTableSetEngine,
  'create-table/table-prefix': createTableTablePrefix,
  'create-table/table-comment-length': createTableTableCommentLength,
  'create-table/wrong-auto-key': createTableWrongAutoKey,
  'create-table/wrong-table-name': createTableWrongTableName,
  'create-view/column-count': createViewColumnCount,
  'create-view/duplicate-column': createViewDuplicateColumn,
  'create-view/view-support': createViewViewSupport,
  'database/alter-database-not-supported': databaseAlterDatabaseNotSupported,
  'database/cant-drop-database': databaseCantDropDatabase,
  'database/cant-set-charset': databaseCantSetCharset,
  'database/cant-set-collation': databaseCantSetCollation,
  'dml/insert-empty-row': dmlInsertEmptyRow,
  'dml/insert-field-list': dmlInsertFieldList,
  'dml/insert-set-form': dmlInsertSetForm,
  'dml/insert-value-count': dmlInsertValueCount,
  'dml/limit': dmlLimit,
  'dml/no-where': dmlNoWhere,
  'dml/order-by': dmlOrderBy,
  'dml/value-expr-where': dmlValueExprWhere,
  'drop-table/cant-drop-table': dropTableCantDropTable,
  'foreign-key/columns-exist': foreignKeyColumnsExist,
  'foreign-key/duplicate-name': foreignKeyDuplicateName,
  'foreign-key/referenced-table-exists': foreignKeyReferencedTableExists,
  'foreign-key/wrong-definition': foreignKeyWrongDefinition,
  'identifier/custom-keyword': identifierCustomKeyword,
  'identifier/invalid-character': identifierInvalidCharacter,
  'identifier/keyword': identifierKeyword,
  'identifier/lower-case': identifierLowerCase,
  'identifier/too-long': identifierTooLong,
  'identifier/upper-case': identifierUpperCase,
  'index/blob-used-as-key': indexBlobUsedAsKey,
  'index/column-repeat': indexColumnRepeat,
  'index/comment-too-long': indexCommentTooLong,
  'index/duplicate-key-column': indexDuplicateKeyColumn,
  'index/json-key': indexJsonKey,
  'index/long-name-text': indexLongNameText,
  'index/name-lower-case': indexNameLowerCase,
  'index/name-prefix': indexNamePrefix,
  'index/name-too-long': indexNameTooLong,
  'index/name-upper-case': indexNameUpperCase,
  'index/pk-columns-int': indexPkColumnsInt,
  'index/pk-too-many-parts': indexPkTooManyParts,
  'index/primary-not-null': indexPrimaryNotNull,
  'index/spatial-not-null': indexSpatialNotNull,
  'index/too-long-key': indexTooLongKey,
  'index/too-many-key-parts': indexTooManyKeyParts,
  'index/too-many-keys': indexTooManyKeys,
  'index/unique-prefix': indexUniquePrefix,
  'index/visibility': indexVisibility,
  'index/with-parser': indexWithParser,
  'index/wrong-name': indexWrongName,
  'index/wrong-sub-key': indexWrongSubKey,
  'insert/bad-null': insertBadNull,
  'insert-select/limit': insertSelectLimit,
  'insert-select/no-where': insertSelectNoWhere,
  'insert-select/order-by-rand': insertSelectOrderByRand,
  'insert-select/value-count': insertSelectValueCount,
  'insert/datetime-value': insertDatetimeValue,
  'insert/integer-value': insertIntegerValue,
  'query/implicit-conversion': queryImplicitConversion,
  'query/mix-group-func': queryMixGroupFunc,
  'query/field-not-in-group-by': queryFieldNotInGroupBy,
  'other/not-supported': otherNotSupported,
  'partition/alter-clauses': partitionAlterClauses,
  'partition/not-allowed': partitionNotAllowed,
  'partition/not-existed': partitionNotExisted,
  'partition/repeat-constant': partitionRepeatConstant,
  'partition/same-name': partitionSameName,
  'peer/algorithm-lock': peerAlgorithmLock,
  'peer/charset-without-convert': peerCharsetWithoutConvert,
  'peer/comment-length': peerCommentLength,
  'peer/ddl-blocklist': peerDdlBlocklist,
  'peer/drop-indexed-column': peerDropIndexedColumn,
  'peer/index-naming': peerIndexNaming,
  'peer/redundant-index': peerRedundantIndex,
  'peer/text-blob-length': peerTextBlobLength,
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
