// BACKUP (docs/backup.md): not built yet. The execute stage already records what it will need — the
// binlog range of every DML row (`row.binlog`), the thread id and the sequence — and the backup schema name rule
// lives here as a pure function.

import type { BatchContext } from '../context.js';

/**
 * The backup schema for a target table (docs/backup.md): `<host>_<port>_<db>` with the `--host` text as given; when
 * longer than 64 characters only the last 64 are kept; then every `.` and `-` becomes `_` (IPv6 colons stay).
 */
export function backupDbName(host: string, port: number, db: string): string {
  let name = `${host}_${port}_${db}`;
  if (name.length > 64) name = name.slice(name.length - 64);
  return name.replace(/[.-]/g, '_');
}

/** Placeholder: rollback generation arrives with the backup issue. */
export async function runBackupStage(_ctx: BatchContext): Promise<void> {
  // Intentionally empty: rows keep `Execute Successfully` and backup_dbname NULL until backup is implemented.
}
