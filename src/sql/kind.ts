// Statement kind from a node-sql-parser AST.

import type { StatementKind } from './statement.js';

interface AstHead {
  type?: unknown;
  keyword?: unknown;
  table?: unknown;
}

export function kindOfAst(ast: unknown): StatementKind {
  const a = (ast ?? {}) as AstHead;
  const keyword = typeof a.keyword === 'string' ? a.keyword.toLowerCase() : '';
  switch (a.type) {
    case 'use':
      return 'use';
    case 'create':
      if (keyword === 'table') return 'create_table';
      if (keyword === 'database' || keyword === 'schema') return 'create_database';
      if (keyword === 'index') return 'create_index';
      if (keyword === 'view') return 'create_view';
      return 'other';
    case 'alter':
      return Array.isArray(a.table) ? 'alter_table' : 'other';
    case 'drop':
      if (keyword === 'table') return 'drop_table';
      if (keyword === 'database' || keyword === 'schema') return 'drop_database';
      if (keyword === 'index') return 'drop_index';
      if (keyword === 'view') return 'drop_view';
      return 'other';
    case 'truncate':
      return 'truncate_table';
    case 'rename':
      return 'rename_table';
    case 'insert':
      return 'insert';
    case 'replace':
      return 'replace';
    case 'update':
      return 'update';
    case 'delete':
      return 'delete';
    case 'select':
      return 'select';
    case 'set':
      return 'set';
    case 'show':
      return 'show';
    case 'explain':
    case 'desc':
      return 'explain';
    default:
      return 'other';
  }
}
