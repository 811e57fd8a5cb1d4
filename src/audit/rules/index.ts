// The rule registry: every rule module, in the order the engine runs them for a statement. Order matters where
// a rule stops the statement (missing database/table) before the checks that need it.

import type { Rule } from '../rule.js';
import noDatabase from './common/no-database.js';
import databaseMustExist from './common/database-must-exist.js';
import useDatabaseMustExist from './use/database-must-exist.js';
import createDatabaseExists from './database/create-database-exists.js';
import cantDropDatabase from './database/cant-drop-database.js';
import dropDatabaseMustExist from './database/drop-database-must-exist.js';
import alterDatabaseNotSupported from './database/alter-database-not-supported.js';
import createTableExists from './create-table/table-exists.js';
import likeSourceMustExist from './create-table/like-source-must-exist.js';
import multiplePrimaryKey from './create-table/multiple-primary-key.js';
import mustHaveColumns from './create-table/must-have-columns.js';
import duplicateColumn from './create-table/duplicate-column.js';
import mustHavePrimaryKey from './create-table/must-have-primary-key.js';
import mustHaveComment from './create-table/must-have-comment.js';
import columnComment from './create-table/column-comment.js';
import cantDropTable from './drop-table/cant-drop-table.js';
import dropTableMustExist from './drop-table/table-must-exist.js';
import dmlTableMustExist from './dml/table-must-exist.js';
import insertFieldList from './dml/insert-field-list.js';
import insertSetForm from './dml/insert-set-form.js';
import insertColumnsExist from './dml/insert-columns-exist.js';
import insertValueCount from './dml/insert-value-count.js';
import noWhere from './dml/no-where.js';
import limit from './dml/limit.js';
import orderBy from './dml/order-by.js';
import insertSelectValueCount from './insert-select/value-count.js';
import insertSelectNoWhere from './insert-select/no-where.js';
import insertSelectLimit from './insert-select/limit.js';
import insertSelectOrderByRand from './insert-select/order-by-rand.js';
import insertBadNull from './insert/bad-null.js';
import updateWrongAndExpr from './update/wrong-and-expr.js';
import valueExprWhere from './dml/value-expr-where.js';
import queryTablesExist from './query/tables-exist.js';
import queryColumnsExist from './query/columns-exist.js';
import queryNonUniqueColumn from './query/non-unique-column.js';
import queryDuplicateAlias from './query/duplicate-alias.js';
import queryOnlyStar from './query/only-star.js';
import queryUnionUsage from './query/union-usage.js';
import queryJoinNoOn from './query/join-no-on.js';
import alterTableMustExist from './alter-table/table-must-exist.js';
import alterColumnExisted from './alter-table/column-existed.js';
import alterColumnNotExisted from './alter-table/column-not-existed.js';
import alterCantDropKey from './alter-table/cant-drop-key.js';
import alterDupIndex from './alter-table/dup-index.js';
import alterDupKeyName from './alter-table/dup-keyname.js';
import alterRenameTargetExists from './alter-table/rename-target-exists.js';
import renameSourceMustExist from './rename-table/source-must-exist.js';
import renameTargetExists from './rename-table/target-exists.js';
import createViewSupport from './create-view/view-support.js';
import setNamesCharset from './set/names-charset.js';
import setNotSupported from './set/not-supported.js';
import otherNotSupported from './other/not-supported.js';

export const RULES: readonly Rule[] = Object.freeze([
  createViewSupport,
  noDatabase,
  databaseMustExist,
  useDatabaseMustExist,
  createDatabaseExists,
  cantDropDatabase,
  dropDatabaseMustExist,
  alterDatabaseNotSupported,
  createTableExists,
  likeSourceMustExist,
  multiplePrimaryKey,
  mustHaveColumns,
  duplicateColumn,
  mustHavePrimaryKey,
  mustHaveComment,
  columnComment,
  cantDropTable,
  dropTableMustExist,
  alterTableMustExist,
  alterColumnExisted,
  alterColumnNotExisted,
  alterCantDropKey,
  alterDupIndex,
  alterDupKeyName,
  alterRenameTargetExists,
  renameSourceMustExist,
  renameTargetExists,
  dmlTableMustExist,
  insertFieldList,
  insertSetForm,
  insertColumnsExist,
  insertValueCount,
  insertSelectValueCount,
  insertBadNull,
  updateWrongAndExpr,
  queryTablesExist,
  queryColumnsExist,
  queryNonUniqueColumn,
  queryDuplicateAlias,
  queryOnlyStar,
  queryUnionUsage,
  queryJoinNoOn,
  noWhere,
  insertSelectNoWhere,
  valueExprWhere,
  limit,
  insertSelectLimit,
  orderBy,
  insertSelectOrderByRand,
  setNamesCharset,
  setNotSupported,
  otherNotSupported,
]);
