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
import dmlColumnsExist from './dml/columns-exist.js';
import noWhere from './dml/no-where.js';
import limit from './dml/limit.js';
import orderBy from './dml/order-by.js';
import setNamesCharset from './set/names-charset.js';
import setNotSupported from './set/not-supported.js';
import otherNotSupported from './other/not-supported.js';

export const RULES: readonly Rule[] = Object.freeze([
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
  dmlTableMustExist,
  insertFieldList,
  insertSetForm,
  insertColumnsExist,
  insertValueCount,
  dmlColumnsExist,
  noWhere,
  limit,
  orderBy,
  setNamesCharset,
  setNotSupported,
  otherNotSupported,
]);
