// What the backup stage captures around a statement, done by hand over mysql2 for the binlog side's tests and
// the bench: binlog position before/after, @@last_gtid, connection id, and the table layout (SHOW FULL FIELDS,
// SHOW INDEX) as it is when the statement runs.

import type mysql from 'mysql2/promise';
import type { BinlogPosition, BinlogSourceOptions, DmlStatementCapture, RollbackEvent, TableLayout } from '../../src/backup/types.js';
import type { TestDb } from './mariadb.js';

export async function binlogPosition(conn: mysql.Connection): Promise<BinlogPosition> {
  const [rows] = await conn.query('SHOW MASTER STATUS');
  const r = (rows as { File: string; Position: number | string }[])[0];
  return { file: r.File, position: Number(r.Position) };
}

export async function tableLayout(conn: mysql.Connection, db: string, name: string): Promise<TableLayout> {
  const [fields] = await conn.query(`SHOW FULL FIELDS FROM \`${db}\`.\`${name}\``);
  const columns = (fields as { Field: string; Type: string; Collation: string | null; Null: string; Extra: string }[]).map((f) => ({
    name: f.Field,
    columnType: f.Type,
    collation: f.Collation,
    nullable: f.Null === 'YES',
    generated: /GENERATED|VIRTUAL|PERSISTENT|STORED/i.test(f.Extra),
  }));
  const [index] = await conn.query(`SHOW INDEX FROM \`${db}\`.\`${name}\``);
  const keys = new Map<string, { unique: boolean; cols: string[] }>();
  for (const r of index as { Key_name: string; Non_unique: number; Column_name: string }[]) {
    const k = keys.get(r.Key_name) ?? { unique: Number(r.Non_unique) === 0, cols: [] };
    k.cols.push(r.Column_name);
    keys.set(r.Key_name, k);
  }
  const nullable = new Set(columns.filter((c) => c.nullable).map((c) => c.name));
  const unique = [...keys.entries()].filter(([, k]) => k.unique);
  const keyColumns =
    keys.get('PRIMARY')?.cols ?? unique.find(([, k]) => k.cols.every((c) => !nullable.has(c)))?.[1].cols ?? unique[0]?.[1].cols ?? [];
  return { db, name, columns, keyColumns };
}

/** Runs `sql` on `conn` as the execute stage would, and returns its capture. */
export async function runCaptured(
  conn: mysql.Connection,
  rowIndex: number,
  sql: string,
  tables: TableLayout[],
): Promise<DmlStatementCapture & { changedRows: number }> {
  const [[{ id }]] = (await conn.query('SELECT CONNECTION_ID() AS id')) as unknown as [[{ id: number }]];
  const start = await binlogPosition(conn);
  const [result] = await conn.query(sql);
  const end = await binlogPosition(conn);
  const [[{ gtid }]] = (await conn.query('SELECT @@last_gtid AS gtid')) as unknown as [[{ gtid: string }]];
  return {
    rowIndex,
    start,
    end,
    gtid: gtid || null,
    threadId: Number(id),
    ordinalInTransaction: 0,
    affectedRows: (result as { affectedRows?: number }).affectedRows ?? 0,
    tables,
    mainTable: { db: tables[0].db, name: tables[0].name },
    // mysql2 asks for found rows: affectedRows of an UPDATE counts matched rows, the binlog only changed ones.
    changedRows: /^\s*update/i.test(sql) ? ((result as { changedRows?: number }).changedRows ?? 0) : ((result as { affectedRows?: number }).affectedRows ?? 0),
  };
}

export function sourceOptions(db: TestDb, extra: Partial<BinlogSourceOptions> = {}): BinlogSourceOptions {
  return {
    host: db.host,
    port: db.port,
    user: db.user,
    password: db.password,
    flavor: 'mariadb',
    replicaServerId: 2000111111 + Math.floor(Math.random() * 10000),
    timeZone: '+00:00',
    minimalRollback: false,
    hexBlob: false,
    signal: new AbortController().signal,
    ...extra,
  };
}

export async function collect(events: AsyncIterable<RollbackEvent>): Promise<RollbackEvent[]> {
  const out: RollbackEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}
