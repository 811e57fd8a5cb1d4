// The audit code catalogue (docs/audit.md): goInception's error-code numbers, names, level keys,
// default levels and en-US templates, as data. Numbers and templates are wire-visible facts and must stay
// byte-identical to the spec table; the engine formats them with `formatTemplate`.

import type { CodeDef, CodeLevel } from './code-def.js';
import { PEER_CODES } from './peer-codes.js';
import { ZH_CN_TEMPLATES } from './templates-zh-cn.js';

const CODE_TABLE = [
  { code: 0, name: "ER_ERROR_FIRST", levelKey: null, defaultLevel: 2, en: "HelloWorld" },
  { code: 1, name: "ER_NOT_SUPPORTED_YET", levelKey: "er_not_supported_yet", defaultLevel: 2, en: "Not supported statement type." },
  { code: 2, name: "ER_SQL_NO_SOURCE", levelKey: "er_sql_no_source", defaultLevel: 2, en: "The sql have no source information." },
  { code: 3, name: "ER_SQL_NO_OP_TYPE", levelKey: "er_sql_no_op_type", defaultLevel: 2, en: "The sql have no operation type." },
  { code: 4, name: "ER_SQL_INVALID_OP_TYPE", levelKey: "er_sql_invalid_op_type", defaultLevel: 2, en: "Invalid sql operation type." },
  { code: 5, name: "ER_PARSE_ERROR", levelKey: "er_parse_error", defaultLevel: 2, en: "%s near '%s' at line %d" },
  { code: 6, name: "ER_SYNTAX_ERROR", levelKey: "er_syntax_error", defaultLevel: 2, en: "You have an error in your SQL syntax, " },
  { code: 7, name: "ER_REMOTE_EXE_ERROR", levelKey: "er_remote_exe_error", defaultLevel: 2, en: "Execute in source server failed." },
  { code: 8, name: "ER_SHUTDOWN_COMPLETE", levelKey: "er_shutdown_complete", defaultLevel: 2, en: "Shutdown complete." },
  { code: 9, name: "ER_WITH_INSERT_FIELD", levelKey: "er_with_insert_field", defaultLevel: 1, en: "Set the field list for insert statements." },
  { code: 10, name: "ER_WITH_INSERT_VALUES", levelKey: "er_with_insert_values", defaultLevel: 2, en: "Set the values list for insert statements." },
  { code: 11, name: "ER_WRONG_VALUE_COUNT_ON_ROW", levelKey: "er_wrong_value_count_on_row", defaultLevel: 2, en: "Column count doesn't match value count at row %d." },
  { code: 12, name: "ER_BAD_FIELD_ERROR", levelKey: "er_bad_field_error", defaultLevel: 2, en: "Unknown column '%s' in '%s'." },
  { code: 13, name: "ER_FIELD_SPECIFIED_TWICE", levelKey: "er_field_specified_twice", defaultLevel: 2, en: "Column '%s' specified twice in table '%s'." },
  { code: 14, name: "ER_BAD_NULL_ERROR", levelKey: "er_bad_null_error", defaultLevel: 2, en: "Column '%s' cannot be null in %d row." },
  { code: 15, name: "ER_NO_WHERE_CONDITION", levelKey: "er_no_where_condition", defaultLevel: 1, en: "Please set the where condition." },
  { code: 16, name: "ER_NORMAL_SHUTDOWN", levelKey: "er_normal_shutdown", defaultLevel: 2, en: "%s: Normal shutdown\n" },
  { code: 17, name: "ER_FORCING_CLOSE", levelKey: "er_forcing_close", defaultLevel: 2, en: "%s: Forcing close of thread %ld  user: '%s'\n" },
  { code: 18, name: "ER_CON_COUNT_ERROR", levelKey: "er_con_count_error", defaultLevel: 2, en: "Too many connections" },
  { code: 19, name: "ER_INVALID_COMMAND", levelKey: "er_invalid_command", defaultLevel: 2, en: "Invalid command." },
  { code: 20, name: "ER_SQL_INVALID_SOURCE", levelKey: "er_sql_invalid_source", defaultLevel: 2, en: "Invalid source infomation(%s)." },
  { code: 21, name: "ER_WRONG_DB_NAME", levelKey: "er_wrong_db_name", defaultLevel: 2, en: "Incorrect database name '%s'." },
  { code: 22, name: "ER_NO_DB_ERROR", levelKey: "er_no_db_error", defaultLevel: 2, en: "No database selected." },
  { code: 23, name: "ER_WITH_LIMIT_CONDITION", levelKey: "er_with_limit_condition", defaultLevel: 1, en: "Limit is not allowed in update/delete statement." },
  { code: 24, name: "ER_WITH_ORDERBY_CONDITION", levelKey: "er_with_orderby_condition", defaultLevel: 1, en: "Order by is not allowed in update/delete statement." },
  { code: 25, name: "ER_SELECT_ONLY_STAR", levelKey: "er_select_only_star", defaultLevel: 1, en: "Select only star is not allowed." },
  { code: 26, name: "ER_ORDERY_BY_RAND", levelKey: "er_ordery_by_rand", defaultLevel: 1, en: "Order by rand is not allowed in select statement." },
  { code: 27, name: "ER_ID_IS_UPER", levelKey: "er_id_is_uper", defaultLevel: 2, en: "Identifier is not allowed to been upper-case." },
  { code: 28, name: "ErrUnknownCharset", levelKey: "er_unknown_charset", defaultLevel: 1, en: "Unknown charset: '%s'." },
  { code: 29, name: "ER_UNKNOWN_COLLATION", levelKey: "er_unknown_collation", defaultLevel: 1, en: "Unknown collation: '%s'." },
  { code: 30, name: "ER_INVALID_DATA_TYPE", levelKey: "er_invalid_data_type", defaultLevel: 1, en: "Not supported data type on field: '%s'(%s)." },
  { code: 31, name: "ER_NOT_ALLOWED_NULLABLE", levelKey: "er_not_allowed_nullable", defaultLevel: 1, en: "Column '%s' in table '%s' is not allowed to been nullable." },
  { code: 32, name: "ER_DUP_FIELDNAME", levelKey: "er_dup_fieldname", defaultLevel: 2, en: "Duplicate column name '%s'." },
  { code: 33, name: "ER_WRONG_COLUMN_NAME", levelKey: "er_wrong_column_name", defaultLevel: 2, en: "Incorrect column name '%s'." },
  { code: 34, name: "ER_WRONG_AUTO_KEY", levelKey: "er_wrong_auto_key", defaultLevel: 2, en: "Incorrect table definition; there can be only one auto column and it must be defined as a key." },
  { code: 35, name: "ER_TABLE_CANT_HANDLE_AUTO_INCREMENT", levelKey: "er_table_cant_handle_auto_increment", defaultLevel: 2, en: "The used table type doesn't support AUTO_INCREMENT columns." },
  { code: 36, name: "ER_FOREIGN_KEY", levelKey: "er_foreign_key", defaultLevel: 2, en: "Foreign key is not allowed in table '%s'." },
  { code: 37, name: "ER_TOO_MANY_KEY_PARTS", levelKey: "er_too_many_key_parts", defaultLevel: 1, en: "Too many key parts in Key '%s' in table '%s' specified, max %d parts allowed." },
  { code: 38, name: "ER_TOO_LONG_IDENT", levelKey: "er_too_long_ident", defaultLevel: 2, en: "Identifier name '%s' is too long." },
  { code: 39, name: "ER_UDPATE_TOO_MUCH_ROWS", levelKey: "er_udpate_too_much_rows", defaultLevel: 1, en: "Update(%d rows) more than %d rows." },
  { code: 40, name: "ER_INSERT_TOO_MUCH_ROWS", levelKey: "er_insert_too_much_rows", defaultLevel: 1, en: "Insert(%d rows) more than %d rows." },
  { code: 41, name: "ER_CHANGE_TOO_MUCH_ROWS", levelKey: "er_change_too_much_rows", defaultLevel: 1, en: "%s(%d rows) more than %d rows." },
  { code: 42, name: "ER_WRONG_NAME_FOR_INDEX", levelKey: "er_wrong_name_for_index", defaultLevel: 2, en: "Incorrect index name '%s' in table '%s'." },
  { code: 43, name: "ER_TOO_MANY_KEYS", levelKey: "er_too_many_keys", defaultLevel: 1, en: "Too many keys specified in table '%s', max %d keys allowed." },
  { code: 44, name: "ER_NOT_SUPPORTED_KEY_TYPE", levelKey: "er_not_supported_key_type", defaultLevel: 2, en: "Not supported key type: '%s'." },
  { code: 45, name: "ER_WRONG_SUB_KEY", levelKey: "er_wrong_sub_key", defaultLevel: 2, en: "Incorrect prefix key; the used key part isn't a string, the used length is longer than the key part, or the storagengine doesn't support unique prefix keys" },
  { code: 46, name: "ER_WRONG_KEY_COLUMN", levelKey: "er_wrong_key_column", defaultLevel: 2, en: "The used storage engine can't index column '%s'." },
  { code: 47, name: "ER_TOO_LONG_KEY", levelKey: "er_too_long_key", defaultLevel: 2, en: "Specified key '%s' was too long; max key length is %d bytes." },
  { code: 48, name: "ER_MULTIPLE_PRI_KEY", levelKey: "er_multiple_pri_key", defaultLevel: 2, en: "Multiple primary key defined." },
  { code: 49, name: "ER_DUP_KEYNAME", levelKey: "er_dup_keyname", defaultLevel: 2, en: "Duplicate key name '%s'." },
  { code: 50, name: "ER_TOO_LONG_INDEX_COMMENT", levelKey: "er_too_long_index_comment", defaultLevel: 1, en: "Comment for index '%s' is too long (max = %lu)." },
  { code: 51, name: "ER_CANT_ADD_PK_OR_UK_COLUMN", levelKey: null, defaultLevel: 2, en: "Can't add PK or UK column '%s'." },
  { code: 52, name: "ER_DUP_INDEX", levelKey: "er_dup_index", defaultLevel: 2, en: "Duplicate index '%s' defined on the table '%s.%s'." },
  { code: 53, name: "ER_INDEX_COLUMN_REPEAT", levelKey: "er_index_column_repeat", defaultLevel: 2, en: "Column repeat index '%s' defined on the table '%s.%s' column('%s')." },
  { code: 54, name: "ER_TEMP_TABLE_TMP_PREFIX", levelKey: "er_temp_table_tmp_prefix", defaultLevel: 1, en: "Set 'tmp' prefix for temporary table." },
  { code: 55, name: "ER_TABLE_PREFIX", levelKey: "er_table_prefix", defaultLevel: 1, en: "Need set '%s' prefix for table." },
  { code: 56, name: "ER_TABLE_CHARSET_MUST_UTF8", levelKey: "er_table_charset_must_utf8", defaultLevel: 1, en: "Set charset to one of '%s' for table '%s'." },
  { code: 57, name: "ER_TABLE_CHARSET_MUST_NULL", levelKey: "er_table_charset_must_null", defaultLevel: 1, en: "Not allowed set charset for table '%s'." },
  { code: 58, name: "ER_TABLE_MUST_HAVE_COMMENT", levelKey: "er_table_must_have_comment", defaultLevel: 1, en: "Set comments for table '%s'." },
  { code: 59, name: "ER_COLUMN_HAVE_NO_COMMENT", levelKey: "er_column_have_no_comment", defaultLevel: 1, en: "Column '%s' in table '%s' have no comments." },
  { code: 60, name: "ER_TABLE_MUST_HAVE_PK", levelKey: "er_table_must_have_pk", defaultLevel: 1, en: "Set a primary key for table '%s'." },
  { code: 61, name: "ER_PARTITION_NOT_ALLOWED", levelKey: "er_partition_not_allowed", defaultLevel: 1, en: "Partition is not allowed in table." },
  { code: 62, name: "ER_USE_ENUM", levelKey: "er_use_enum", defaultLevel: 1, en: "Type enum is used in column." },
  { code: 63, name: "ER_USE_TEXT_OR_BLOB", levelKey: "er_use_text_or_blob", defaultLevel: 2, en: "Type blob/text is used in column '%s'." },
  { code: 64, name: "ER_COLUMN_EXISTED", levelKey: "er_column_existed", defaultLevel: 2, en: "Column '%s' have existed." },
  { code: 65, name: "ER_COLUMN_NOT_EXISTED", levelKey: "er_column_not_existed", defaultLevel: 2, en: "Column '%s' not existed." },
  { code: 66, name: "ER_CANT_DROP_FIELD_OR_KEY", levelKey: "er_cant_drop_field_or_key", defaultLevel: 2, en: "Can't DROP '%s'; check that column/key exists." },
  { code: 67, name: "ER_CANT_DROP_INDEX_COLUMN", levelKey: null, defaultLevel: 2, en: "Can't DROP index column '%s'." },
  { code: 68, name: "ER_INVALID_DEFAULT", levelKey: "er_invalid_default", defaultLevel: 2, en: "Invalid default value for column '%s'." },
  { code: 69, name: "ER_USERNAME", levelKey: "er_username", defaultLevel: 2, en: "user name" },
  { code: 70, name: "ER_HOSTNAME", levelKey: "er_hostname", defaultLevel: 2, en: "host name" },
  { code: 71, name: "ER_NOT_VALID_PASSWORD", levelKey: "er_not_valid_password", defaultLevel: 2, en: "Your password does not satisfy the current policy requirements." },
  { code: 72, name: "ER_WRONG_STRING_LENGTH", levelKey: "er_wrong_string_length", defaultLevel: 2, en: "String '%s' is too long for %s (should be no longer than %d)." },
  { code: 73, name: "ER_BLOB_USED_AS_KEY", levelKey: "er_blob_used_as_key", defaultLevel: 2, en: "BLOB column '%s' can't be used in key specification with the used table type." },
  { code: 74, name: "ER_TOO_LONG_BAKDB_NAME", levelKey: "er_too_long_bakdb_name", defaultLevel: 2, en: "The backup dbname '%-s-%d-%s' is too long." },
  { code: 75, name: "ER_INVALID_BACKUP_HOST_INFO", levelKey: "er_invalid_backup_host_info", defaultLevel: 2, en: "Invalid remote backup information." },
  { code: 76, name: "ER_BINLOG_CORRUPTED", levelKey: "er_binlog_corrupted", defaultLevel: 2, en: "Binlog is corrupted." },
  { code: 77, name: "ER_NET_READ_ERROR", levelKey: "er_net_read_error", defaultLevel: 2, en: "Got an error reading communication packets." },
  { code: 78, name: "ER_NETWORK_READ_EVENT_CHECKSUM_FAILURE", levelKey: "er_network_read_event_checksum_failure", defaultLevel: 2, en: "Replication event checksum verification failed while reading from network." },
  { code: 79, name: "ER_SLAVE_RELAY_LOG_WRITE_FAILURE", levelKey: "er_slave_relay_log_write_failure", defaultLevel: 2, en: "Relay log write failure: %s." },
  { code: 80, name: "ER_INCORRECT_GLOBAL_LOCAL_VAR", levelKey: "er_incorrect_global_local_var", defaultLevel: 2, en: "Variable '%s' is a %s variable." },
  { code: 81, name: "ER_START_AS_BEGIN", levelKey: "er_start_as_begin", defaultLevel: 2, en: "Must start as begin statement." },
  { code: 82, name: "ER_OUTOFMEMORY", levelKey: "er_outofmemory", defaultLevel: 1, en: "Out of memory; restart server and try again (needed %d bytes)." },
  { code: 83, name: "ER_HAVE_BEGIN", levelKey: "er_have_begin", defaultLevel: 2, en: "Have you begin twice? Or you didn't commit last time, if so, you can execute commit explicitly." },
  { code: 84, name: "ER_NET_READ_INTERRUPTED", levelKey: "er_net_read_interrupted", defaultLevel: 2, en: "Got timeout reading communication packets." },
  { code: 85, name: "ER_BINLOG_FORMAT_STATEMENT", levelKey: "er_binlog_format_statement", defaultLevel: 2, en: "The binlog_format is statement, backup is disabled." },
  { code: 86, name: "ER_ERROR_EXIST_BEFORE", levelKey: "er_error_exist_before", defaultLevel: 2, en: "Exist error at before statement." },
  { code: 87, name: "ER_UNKNOWN_SYSTEM_VARIABLE", levelKey: "er_unknown_system_variable", defaultLevel: 2, en: "Unknown system variable '%s'." },
  { code: 88, name: "ER_UNKNOWN_CHARACTER_SET", levelKey: "er_unknown_character_set", defaultLevel: 2, en: "Unknown character set: '%s'." },
  { code: 89, name: "ER_END_WITH_COMMIT", levelKey: "er_end_with_commit", defaultLevel: 2, en: "Must end with commit." },
  { code: 90, name: "ER_DB_NOT_EXISTED_ERROR", levelKey: "er_db_not_existed_error", defaultLevel: 2, en: "Selected Database '%s' not existed." },
  { code: 91, name: "ER_TABLE_EXISTS_ERROR", levelKey: "er_table_exists_error", defaultLevel: 2, en: "Table '%s' already exists." },
  { code: 92, name: "ER_TABLE_GROUP_EXISTS_ERROR", levelKey: null, defaultLevel: 2, en: "Table group '%s' already exists." },
  { code: 93, name: "ER_TABLE_GROUP_NOT_EXISTED_ERROR", levelKey: null, defaultLevel: 2, en: "Table group '%s' not existed." },
  { code: 94, name: "ER_INDEX_NAME_IDX_PREFIX", levelKey: "er_index_name_idx_prefix", defaultLevel: 1, en: "Index '%s' need '%s' prefix (table '%s')." },
  { code: 95, name: "ER_INDEX_NAME_UNIQ_PREFIX", levelKey: "er_index_name_uniq_prefix", defaultLevel: 1, en: "Unique index '%s' need '%s' prefix (table '%s')." },
  { code: 96, name: "ER_AUTOINC_UNSIGNED", levelKey: "er_autoinc_unsigned", defaultLevel: 1, en: "Set unsigned attribute on auto increment column in table '%s'." },
  { code: 97, name: "ER_VARCHAR_TO_TEXT_LEN", levelKey: "er_varchar_to_text_len", defaultLevel: 2, en: "Set column '%s' to TEXT type." },
  { code: 98, name: "ER_CHAR_TO_VARCHAR_LEN", levelKey: "er_char_to_varchar_len", defaultLevel: 1, en: "Set column '%s' to VARCHAR type." },
  { code: 99, name: "ER_KEY_COLUMN_DOES_NOT_EXITS", levelKey: "er_key_column_does_not_exits", defaultLevel: 2, en: "Key column '%s' doesn't exist in table." },
  { code: 100, name: "ER_INC_INIT_ERR", levelKey: "er_inc_init_err", defaultLevel: 1, en: "Set auto-increment initialize value to 1." },
  { code: 101, name: "ER_WRONG_ARGUMENTS", levelKey: "er_wrong_arguments", defaultLevel: 2, en: "Incorrect arguments to %s." },
  { code: 102, name: "ER_SET_DATA_TYPE_INT_BIGINT", levelKey: "er_set_data_type_int_bigint", defaultLevel: 2, en: "Set auto-increment data type to int or bigint." },
  { code: 103, name: "ER_TIMESTAMP_DEFAULT", levelKey: "er_timestamp_default", defaultLevel: 1, en: "Set default value for timestamp column '%s'." },
  { code: 104, name: "ER_CHARSET_ON_COLUMN", levelKey: "er_charset_on_column", defaultLevel: 1, en: "Not Allowed set charset or collation for column '%s.%s'." },
  { code: 105, name: "ER_AUTO_INCR_ID_WARNING", levelKey: "er_auto_incr_id_warning", defaultLevel: 1, en: "Auto increment column '%s' is meaningful? it's dangerous!" },
  { code: 106, name: "ER_ALTER_TABLE_ONCE", levelKey: "er_alter_table_once", defaultLevel: 1, en: "Merge the alter statement for table '%s' to ONE." },
  { code: 107, name: "ER_BLOB_CANT_HAVE_DEFAULT", levelKey: "er_blob_cant_have_default", defaultLevel: 1, en: "BLOB, TEXT, GEOMETRY or JSON column '%s' can't have a default value." },
  { code: 108, name: "ER_END_WITH_SEMICOLON", levelKey: "er_end_with_semicolon", defaultLevel: 2, en: "Add ';' after the last sql statement." },
  { code: 109, name: "ER_NON_UNIQ_ERROR", levelKey: "er_non_uniq_error", defaultLevel: 2, en: "Column '%s' in field list is ambiguous." },
  { code: 110, name: "ER_TABLE_NOT_EXISTED_ERROR", levelKey: "er_table_not_existed_error", defaultLevel: 2, en: "Table '%s' doesn't exist." },
  { code: 111, name: "ER_UNKNOWN_TABLE", levelKey: "er_unknown_table", defaultLevel: 2, en: "Unknown table '%s' in %s." },
  { code: 112, name: "ER_INVALID_GROUP_FUNC_USE", levelKey: "er_invalid_group_func_use", defaultLevel: 2, en: "Invalid use of group function." },
  { code: 113, name: "ER_INDEX_USE_ALTER_TABLE", levelKey: "er_index_use_alter_table", defaultLevel: 2, en: "Create/drop index and rename is not allowed, please replace with alter statement." },
  { code: 114, name: "ER_WITH_DEFAULT_ADD_COLUMN", levelKey: "er_with_default_add_column", defaultLevel: 1, en: "Set Default value for column '%s' in table '%s'" },
  { code: 115, name: "ER_TRUNCATED_WRONG_VALUE", levelKey: "er_truncated_wrong_value", defaultLevel: 2, en: "Truncated incorrect %s value: '%s'" },
  { code: 116, name: "ER_TEXT_NOT_NULLABLE_ERROR", levelKey: "er_text_not_nullable_error", defaultLevel: 1, en: "TEXT/BLOB/JSON Column '%s' in table '%s' can't been not null." },
  { code: 117, name: "ER_WRONG_VALUE_FOR_VAR", levelKey: "er_wrong_value_for_var", defaultLevel: 2, en: "Variable '%s' can't be set to the value of '%s'" },
  { code: 118, name: "ER_TOO_MUCH_AUTO_TIMESTAMP_COLS", levelKey: "er_too_much_auto_timestamp_cols", defaultLevel: 2, en: "Incorrect table definition; there can be only one TIMESTAMP column with CURRENT_TIMESTAMP in DEFAULT or ON UPDATE clause" },
  { code: 119, name: "ER_INVALID_ON_UPDATE", levelKey: "er_invalid_on_update", defaultLevel: 2, en: "Invalid ON UPDATE clause for '%s' column" },
  { code: 120, name: "ER_DDL_DML_COEXIST", levelKey: "er_ddl_dml_coexist", defaultLevel: 2, en: "DDL can not coexist with the DML for table '%s'." },
  { code: 121, name: "ER_SLAVE_CORRUPT_EVENT", levelKey: "er_slave_corrupt_event", defaultLevel: 2, en: "Corrupted replication event was detected." },
  { code: 122, name: "ER_COLLATION_CHARSET_MISMATCH", levelKey: "er_collation_charset_mismatch", defaultLevel: 2, en: "COLLATION '%s' is not valid for CHARACTER SET '%s'" },
  { code: 123, name: "ER_NOT_SUPPORTED_ALTER_OPTION", levelKey: "er_not_supported_alter_option", defaultLevel: 1, en: "Not supported statement of alter option" },
  { code: 124, name: "ER_CONFLICTING_DECLARATIONS", levelKey: "er_conflicting_declarations", defaultLevel: 2, en: "Conflicting declarations: '%s%s' and '%s%s'" },
  { code: 125, name: "ER_IDENT_USE_KEYWORD", levelKey: "er_ident_use_keyword", defaultLevel: 1, en: "Identifier '%s' is keyword in MySQL." },
  { code: 126, name: "ER_IDENT_USE_CUSTOM_KEYWORD", levelKey: "er_ident_use_keyword", defaultLevel: 1, en: "Identifier '%s' is custom keyword." },
  { code: 127, name: "ER_VIEW_SELECT_CLAUSE", levelKey: "er_view_select_clause", defaultLevel: 2, en: "View's SELECT contains a '%s' clause" },
  { code: 128, name: "ER_OSC_KILL_FAILED", levelKey: "er_osc_kill_failed", defaultLevel: 2, en: "Can not find OSC executing task" },
  { code: 129, name: "ER_NET_PACKETS_OUT_OF_ORDER", levelKey: "er_net_packets_out_of_order", defaultLevel: 2, en: "Got packets out of order" },
  { code: 130, name: "ER_NOT_SUPPORTED_ITEM_TYPE", levelKey: "er_not_supported_item_type", defaultLevel: 2, en: "Not supported expression type '%s'." },
  { code: 131, name: "ER_INVALID_IDENT", levelKey: "er_invalid_ident", defaultLevel: 1, en: "Identifier '%s' is invalid, valid options: [a-z|A-Z|0-9|_]." },
  { code: 132, name: "ER_INCEPTION_EMPTY_QUERY", levelKey: "er_inception_empty_query", defaultLevel: 2, en: "Inception error, Query was empty." },
  { code: 133, name: "ER_PK_COLS_NOT_INT", levelKey: "er_pk_cols_not_int", defaultLevel: 1, en: "Primary key column '%s' is not int or bigint type in table '%s'.'%s'." },
  { code: 134, name: "ER_PK_TOO_MANY_PARTS", levelKey: "er_pk_too_many_parts", defaultLevel: 1, en: "Too many primary key part in table '%s'.'%s', max parts: %d" },
  { code: 135, name: "ER_REMOVED_SPACES", levelKey: "er_removed_spaces", defaultLevel: 2, en: "Leading spaces are removed from name '%s'" },
  { code: 136, name: "ER_CHANGE_COLUMN_TYPE", levelKey: "er_change_column_type", defaultLevel: 1, en: "Type conversion warning for column '%s' %s -> %s." },
  { code: 137, name: "ER_CANT_CHANGE_COLUMN_TYPE", levelKey: null, defaultLevel: 2, en: "Cannot change column type '%s' %s -> %s." },
  { code: 138, name: "ER_CANT_DROP_TABLE", levelKey: "er_cant_drop_table", defaultLevel: 2, en: "Drop/truncate '%s' is not allowed, please replace with alter rename statement." },
  { code: 139, name: "ER_CANT_DROP_DATABASE", levelKey: "er_cant_drop_database", defaultLevel: 2, en: "Command is forbidden! Cannot drop database '%s'." },
  { code: 140, name: "ER_WRONG_TABLE_NAME", levelKey: "er_wrong_table_name", defaultLevel: 2, en: "Incorrect table name '%-.100s'" },
  { code: 141, name: "ER_CANT_SET_CHARSET", levelKey: "er_cant_set_charset", defaultLevel: 1, en: "Cannot set charset '%s'" },
  { code: 142, name: "ER_CANT_SET_COLLATION", levelKey: "er_cant_set_collation", defaultLevel: 1, en: "Cannot set collation '%s'" },
  { code: 143, name: "ER_CANT_SET_ENGINE", levelKey: "er_cant_set_engine", defaultLevel: 1, en: "Cannot set engine '%s'" },
  { code: 144, name: "ER_MUST_AT_LEAST_ONE_COLUMN", levelKey: "er_must_at_least_one_column", defaultLevel: 2, en: "A table must have at least 1 column." },
  { code: 145, name: "ER_MUST_HAVE_COLUMNS", levelKey: "er_must_have_columns", defaultLevel: 1, en: "Must have the specified column: '%s'." },
  { code: 146, name: "ErrColumnsMustHaveIndex", levelKey: "er_columns_must_have_index", defaultLevel: 1, en: "The specified column: '%s' must have index." },
  { code: 147, name: "ErrColumnsMustHaveIndexTypeErr", levelKey: "er_columns_must_have_index_type_err", defaultLevel: 1, en: "The specified column: '%s' type must be '%s',current is '%s'." },
  { code: 148, name: "ER_PRIMARY_CANT_HAVE_NULL", levelKey: "er_primary_cant_have_null", defaultLevel: 2, en: "All parts of a PRIMARY KEY must be NOT NULL; if you need NULL in a key, use UNIQUE instead" },
  { code: 149, name: "ErrCantRemoveAllFields", levelKey: "er_cant_remove_all_fields", defaultLevel: 2, en: "You can't delete all columns with ALTER TABLE; use DROP TABLE instead" },
  { code: 150, name: "ErrNotFoundTableInfo", levelKey: "er_not_found_table_info", defaultLevel: 1, en: "Skip backup because there is no table structure information." },
  { code: 151, name: "ErrMariaDBRollbackWarn", levelKey: "er_mariadb_rollback_warn", defaultLevel: 1, en: "MariaDB v%d not supported yet,please confirm that the rollback sql is correct" },
  { code: 152, name: "ErrNotFoundMasterStatus", levelKey: "er_not_found_master_status", defaultLevel: 2, en: "Can't found master binlog position." },
  { code: 153, name: "ErrNonUniqTable", levelKey: "er_non_uniq_table", defaultLevel: 2, en: "Not unique table/alias: '%-.192s'." },
  { code: 154, name: "ErrWrongUsage", levelKey: "er_wrong_usage", defaultLevel: 2, en: "Incorrect usage of %s and %s." },
  { code: 155, name: "ErrDataTooLong", levelKey: "er_data_too_long", defaultLevel: 2, en: "Data too long for column '%s' at row %d" },
  { code: 156, name: "ErrCharsetNotSupport", levelKey: "er_charset_not_support", defaultLevel: 2, en: "Set charset to one of '%s'." },
  { code: 157, name: "ErrCollationNotSupport", levelKey: "er_collation_not_support", defaultLevel: 2, en: "Set collation to one of '%s'" },
  { code: 158, name: "ErrTableCollationNotSupport", levelKey: "er_table_collation_not_support", defaultLevel: 1, en: "Not allowed set collation for table '%s'." },
  { code: 159, name: "ErrJsonTypeSupport", levelKey: "er_json_type_support", defaultLevel: 2, en: "Json type not allowed in column '%s'." },
  { code: 160, name: "ErrEngineNotSupport", levelKey: "er_engine_not_support", defaultLevel: 2, en: "Set engine to one of '%s'" },
  { code: 161, name: "ErrMixOfGroupFuncAndFields", levelKey: "er_mix_of_group_func_and_fields", defaultLevel: 2, en: "In aggregated query without GROUP BY, expression #%d of SELECT list contains nonaggregated column '%s'; this is incompatible with sql_mode=only_full_group_by." },
  { code: 162, name: "ErrFieldNotInGroupBy", levelKey: "er_field_not_in_group_by", defaultLevel: 2, en: "Expression #%d of %s is not in GROUP BY clause and contains nonaggregated column '%s' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by." },
  { code: 163, name: "ErCantChangeColumnPosition", levelKey: "er_cant_change_column_position", defaultLevel: 1, en: "Cannot change the position of the column '%s'." },
  { code: 164, name: "ErCantChangeColumn", levelKey: "er_cant_change_column", defaultLevel: 1, en: "Not supported statement of change column('%s')." },
  { code: 165, name: "ER_DATETIME_DEFAULT", levelKey: null, defaultLevel: 1, en: "Set default value for DATETIME column '%s'." },
  { code: 166, name: "ER_TOO_MUCH_AUTO_DATETIME_COLS", levelKey: null, defaultLevel: 2, en: "Incorrect table definition; there can be only one DATETIME column with CURRENT_TIMESTAMP in DEFAULT or ON UPDATE clause" },
  { code: 167, name: "ErrFloatDoubleToDecimal", levelKey: "er_float_double_to_decimal", defaultLevel: 2, en: "Set column '%s' to DECIMAL type." },
  { code: 168, name: "ErrIdentifierUpper", levelKey: "er_identifier_upper", defaultLevel: 2, en: "Identifier '%s' must be capitalized." },
  { code: 169, name: "ErrIdentifierLower", levelKey: "er_identifier_lower", defaultLevel: 2, en: "Identifier '%s' must be lowercase." },
  { code: 170, name: "ErrWrongAndExpr", levelKey: "er_wrong_and_expr", defaultLevel: 1, en: "May be the wrong syntax! Separate multiple fields with commas." },
  { code: 171, name: "ErrCannotAddForeign", levelKey: null, defaultLevel: 2, en: "Cannot add foreign key constraint" },
  { code: 172, name: "ErrWrongFkDefWithMatch", levelKey: null, defaultLevel: 2, en: "Incorrect foreign key definition for '%-.192s': Key reference and table reference don't match" },
  { code: 173, name: "ErrFkDupName", levelKey: null, defaultLevel: 2, en: "Duplicate foreign key constraint name '%s'" },
  { code: 174, name: "ErrJoinNoOnCondition", levelKey: "er_join_no_on_condition", defaultLevel: 1, en: "set the on clause for join statement." },
  { code: 175, name: "ErrImplicitTypeConversion", levelKey: "er_implicit_type_conversion", defaultLevel: 1, en: "Implicit type conversion is not allowed(column '%s.%s',type '%s')." },
  { code: 176, name: "ErrUseValueExpr", levelKey: "er_use_value_expr", defaultLevel: 1, en: "Please confirm if you want to use value expression in where condition." },
  { code: 177, name: "ErrUseIndexVisibility", levelKey: "er_use_index_visibility", defaultLevel: 2, en: "The back-end database does not support the index to specify the visible option." },
  { code: 178, name: "ErrViewSupport", levelKey: "er_view_support", defaultLevel: 2, en: "Not allowed to create or use views '%s'." },
  { code: 179, name: "ErrViewColumnCount", levelKey: null, defaultLevel: 2, en: "View's SELECT and view's field list have different column counts" },
  { code: 180, name: "ErrIncorrectDateTimeValue", levelKey: "er_incorrect_datetime_value", defaultLevel: 2, en: "Incorrect datetime value: '%v'(column '%s')" },
  { code: 181, name: "ErrSameNamePartition", levelKey: "er_same_name_partition", defaultLevel: 2, en: "Duplicate partition name %-.192s" },
  { code: 182, name: "ErrRepeatConstDefinition", levelKey: "er_repeat_const_definition", defaultLevel: 2, en: "Duplicate partition constant definition: '%v'" },
  { code: 183, name: "ErrPartitionNotExisted", levelKey: "er_partition_not_existed", defaultLevel: 2, en: "Partition '%-.64s' does not exist" },
  { code: 184, name: "ErrIndexNotExisted", levelKey: "er_index_not_existed", defaultLevel: 2, en: "Index '%-.64s' does not exist" },
  { code: 185, name: "ErrMaxVarcharLength", levelKey: "er_max_varchar_length", defaultLevel: 2, en: "Column length too big for column '%s' (Custom maximum is %d)" },
  { code: 186, name: "ErrMaxColumnCount", levelKey: "er_max_column_count", defaultLevel: 1, en: "Table '%s' has too many columns(limit %d,current %d)" },
  { code: 187, name: "ER_ERROR_LAST", levelKey: null, defaultLevel: 2, en: "TheLastError,ByeBye" },
  { code: 188, name: "ER_TOOL_BASED_UNIQUE_INDEX_WARNING", levelKey: null, defaultLevel: 1, en: "Existing unique indexes may cause duplicate data loss when executing statements using schema-altering tools. It is recommended to review and assess potential risks." },
] as const satisfies readonly CodeDef[];

/** Every code, indexed by its number (CODES[n].code === n), with its zh-CN template where goInception has one. */
export const CODES: readonly CodeDef[] = Object.freeze(
  CODE_TABLE.map((def): CodeDef => Object.freeze({ ...def, zh: ZH_CN_TEMPLATES[def.name] })),
);

type CodeMap = { readonly [Def in (typeof CODE_TABLE)[number] as Def['name']]: Def['code'] };

/** Code names → numbers, e.g. `Code.ER_TABLE_MUST_HAVE_PK` (60); derived from CODES so the two cannot drift. */
export const Code: CodeMap = Object.freeze(Object.fromEntries(CODE_TABLE.map((def) => [def.name, def.code])) as CodeMap);

export type CodeName = keyof typeof Code;
export type CodeNumber = (typeof Code)[CodeName];

/** Message for a code number outside the catalogue (goInception's wording). */
/**
 * Codes goInception defines but never raises, listed here once as such (docs/audit.md "Codes that are never
 * raised"). They keep their number, level key and templates — `inception show levels` lists them and
 * `[inc_level]` accepts them — but no rule reports them.
 */
export const NEVER_EMITTED: ReadonlySet<number> = new Set([
  // sentinels of the enumeration
  Code.ER_ERROR_FIRST,
  Code.ER_ERROR_LAST,
  // reserved or legacy: no check raises them
  Code.ER_SQL_NO_SOURCE,
  Code.ER_SQL_NO_OP_TYPE,
  Code.ER_SQL_INVALID_OP_TYPE,
  Code.ER_PARSE_ERROR,
  Code.ER_SYNTAX_ERROR,
  Code.ER_REMOTE_EXE_ERROR,
  Code.ER_SHUTDOWN_COMPLETE,
  Code.ER_BAD_FIELD_ERROR,
  Code.ER_NORMAL_SHUTDOWN,
  Code.ER_FORCING_CLOSE,
  Code.ER_CON_COUNT_ERROR,
  Code.ER_INVALID_COMMAND,
  Code.ER_NO_DB_ERROR,
  Code.ER_ID_IS_UPER,
  Code.ER_UNKNOWN_COLLATION,
  Code.ER_TABLE_CANT_HANDLE_AUTO_INCREMENT,
  Code.ER_NOT_SUPPORTED_KEY_TYPE,
  Code.ER_WRONG_KEY_COLUMN,
  Code.ER_TEMP_TABLE_TMP_PREFIX,
  Code.ER_TABLE_CHARSET_MUST_UTF8,
  Code.ER_USERNAME,
  Code.ER_HOSTNAME,
  Code.ER_NOT_VALID_PASSWORD,
  Code.ER_WRONG_STRING_LENGTH,
  Code.ER_TOO_LONG_BAKDB_NAME,
  Code.ER_BINLOG_CORRUPTED,
  Code.ER_NET_READ_ERROR,
  Code.ER_NETWORK_READ_EVENT_CHECKSUM_FAILURE,
  Code.ER_SLAVE_RELAY_LOG_WRITE_FAILURE,
  Code.ER_INCORRECT_GLOBAL_LOCAL_VAR,
  Code.ER_START_AS_BEGIN,
  Code.ER_OUTOFMEMORY,
  Code.ER_NET_READ_INTERRUPTED,
  Code.ER_BINLOG_FORMAT_STATEMENT,
  Code.ER_ERROR_EXIST_BEFORE,
  Code.ER_UNKNOWN_SYSTEM_VARIABLE,
  Code.ER_UNKNOWN_CHARACTER_SET,
  Code.ER_END_WITH_COMMIT,
  Code.ER_VARCHAR_TO_TEXT_LEN,
  Code.ER_KEY_COLUMN_DOES_NOT_EXITS,
  Code.ER_WRONG_ARGUMENTS,
  Code.ER_END_WITH_SEMICOLON,
  Code.ER_UNKNOWN_TABLE,
  Code.ER_INVALID_GROUP_FUNC_USE,
  Code.ER_INDEX_USE_ALTER_TABLE,
  Code.ER_TRUNCATED_WRONG_VALUE,
  Code.ER_WRONG_VALUE_FOR_VAR,
  Code.ER_DDL_DML_COEXIST,
  Code.ER_SLAVE_CORRUPT_EVENT,
  Code.ER_COLLATION_CHARSET_MISMATCH,
  Code.ER_CONFLICTING_DECLARATIONS,
  Code.ER_VIEW_SELECT_CLAUSE,
  Code.ER_OSC_KILL_FAILED,
  Code.ER_NET_PACKETS_OUT_OF_ORDER,
  Code.ER_NOT_SUPPORTED_ITEM_TYPE,
  Code.ER_INCEPTION_EMPTY_QUERY,
  Code.ER_REMOVED_SPACES,
  Code.ErrCannotAddForeign,
  // only their level is read: it raises ER_INVALID_DATA_TYPE for enum/set/bit, blob/text and json columns
  Code.ER_USE_ENUM,
  Code.ER_USE_TEXT_OR_BLOB,
  Code.ErrJsonTypeSupport,
  // its gate (check_datetime_default) exists, the check does not
  Code.ER_DATETIME_DEFAULT,
]);

/**
 * Codes goInception raises only where inceptor never stands (docs/audit.md "Codes that are never raised"):
 * OceanBase targets (inceptor talks to MySQL and MariaDB) and ALTERs run through pt-osc / gh-ost (not built).
 * Like NEVER_EMITTED, no rule reports them; they keep their level keys.
 */
export const NOT_RAISED_HERE: ReadonlySet<number> = new Set([
  // OceanBase only
  Code.ER_CANT_ADD_PK_OR_UK_COLUMN,
  Code.ER_CANT_DROP_INDEX_COLUMN,
  Code.ER_TABLE_GROUP_EXISTS_ERROR,
  Code.ER_TABLE_GROUP_NOT_EXISTED_ERROR,
  Code.ER_CANT_CHANGE_COLUMN_TYPE,
  // online schema change only
  Code.ER_TOOL_BASED_UNIQUE_INDEX_WARNING,
]);

export const INVALID_CODE_MESSAGE = 'Invalid error code!';

const PEERS_BY_CODE: ReadonlyMap<number, CodeDef> = new Map(PEER_CODES.map((d) => [d.code, d]));

/** A catalogue code, or one of inceptor's own peer codes (peer-codes.ts). */
export function codeDef(code: number): CodeDef | undefined {
  return CODES[code]?.code === code ? CODES[code] : PEERS_BY_CODE.get(code);
}

/** Codes that `inception show levels` lists and `[inc_level]` accepts, in code order. */
export function levelKeyedCodes(): CodeDef[] {
  const seen = new Set<string>();
  return [...CODES, ...PEER_CODES].filter((c) => {
    if (c.levelKey === null || seen.has(c.levelKey)) return false;
    seen.add(c.levelKey);
    return true;
  });
}

/**
 * Effective level of a code: the `[inc_level]` / `inception set level` value when the code has a key and the
 * map has it (clamped to 0..2), else the catalogue default.
 */
export function levelOf(def: CodeDef, levels: Readonly<Record<string, number>>): CodeLevel {
  if (def.levelKey !== null) {
    const v = levels[def.levelKey];
    if (typeof v === 'number' && Number.isFinite(v)) return v >= 2 ? 2 : v <= 0 ? 0 : 1;
  }
  return def.defaultLevel;
}

/** Whether `lang` selects the Chinese templates: `zh-CN`, `zh_cn`, any letter case (docs/audit.md "Languages"). */
export function isChinese(lang: string): boolean {
  return lang.trim().toLowerCase().replace(/-/g, '_') === 'zh_cn';
}

/** A code's template in the given language (`zh-CN` falls back to English without a translation). */
export function templateOf(def: { en: string; zh?: string }, lang: string): string {
  return isChinese(lang) && def.zh !== undefined ? def.zh : def.en;
}

/** Formats a code's template in the given language. */
export function formatCode(code: number, args: readonly unknown[], lang = 'en-US'): string {
  const def = codeDef(code);
  if (!def) return INVALID_CODE_MESSAGE;
  return formatTemplate(templateOf(def, lang), args);
}

// --- Go fmt, the subset the templates use ------------------------------------------------------------------

/** Go's name for a JS value's dynamic type (used in `%!verb(type=value)` diagnostics). */
function goTypeName(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float64';
  if (typeof v === 'bigint') return 'int64';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (v === null || v === undefined) return '<nil>';
  return 'object';
}

function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

function badVerb(verb: string, v: unknown): string {
  return v === null || v === undefined ? `%!${verb}(<nil>)` : `%!${verb}(${goTypeName(v)}=${goValue(v)})`;
}

function pad(s: string, width: number | null, left: boolean): string {
  if (width === null) return s;
  const len = [...s].length;
  if (len >= width) return s;
  return left ? s + ' '.repeat(width - len) : ' '.repeat(width - len) + s;
}

/**
 * Formats a Go `fmt` template: `%s`, `%d`, `%v`, `%%`, flags `-`, width and `.precision` (strings are cut to
 * `precision` characters, e.g. `%-.192s`). Any other verb letter consumes an argument and prints the way Go
 * does, so C-style `%lu` renders as `%!l(int=1024)u`. Missing arguments print `%!s(MISSING)`.
 */
export function formatTemplate(template: string, args: readonly unknown[]): string {
  let out = '';
  let argi = 0;
  const re = /%([-+# 0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g;
  let last = 0;
  for (let m = re.exec(template); m !== null; m = re.exec(template)) {
    out += template.slice(last, m.index);
    last = re.lastIndex;
    const [, flags = '', widthText, precText, verb = ''] = m;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const arg = args[argi++];
    const width = widthText === undefined ? null : Number(widthText);
    const prec = precText === undefined ? null : Number(precText);
    const left = flags.includes('-');
    let text: string;
    switch (verb) {
      case 's':
      case 'v':
        // Lenient where Go would print `%!s(int=…)`: our own rules may pass numbers for %s.
        text = goValue(arg);
        if (prec !== null && (verb === 's' || typeof arg === 'string')) text = [...text].slice(0, prec).join('');
        break;
      case 'd':
        if (typeof arg === 'number' && Number.isInteger(arg)) text = String(arg);
        else if (typeof arg === 'bigint') text = arg.toString();
        else text = badVerb('d', arg);
        break;
      default:
        text = badVerb(verb, arg);
    }
    out += pad(text, width, left);
  }
  out += template.slice(last);
  if (argi < args.length) {
    out += '%!(EXTRA ' + args.slice(argi).map((a) => `${goTypeName(a)}=${goValue(a)}`).join(', ') + ')';
  }
  return out;
}
