// What backup needs before anything runs (prerequisites, on the start row) and on the execute session before the
// first statement (preflight, on the first row). docs/backup.md "Prerequisites".

import { driverMessage, type TargetSession } from '../target/session.js';
import type { BackupServerSettings } from './store.js';

export const INVALID_BACKUP_MESSAGE = 'Invalid remote backup information.';
export const BINLOG_OFF_MESSAGE = 'binlog日志未开启,无法备份!';
export const TIDB_BACKUP_MESSAGE = 'TiDB暂不支持备份功能.';

/** `[inc] backup_*` present (a password may be empty). */
export function backupServerConfigured(inc: Partial<BackupServerSettings>): boolean {
  return Boolean(inc.backup_host && inc.backup_port && inc.backup_user);
}

/**
 * The target can be backed up: not TiDB, binary logging on, and the target user may read the binlog (its position
 * with SHOW MASTER STATUS, its events with REPLICATION SLAVE). Returns the refusal message, or null.
 */
export async function targetBackupError(target: TargetSession): Promise<string | null> {
  if (target.serverInfo.isTiDb) return TIDB_BACKUP_MESSAGE;
  try {
    const logBin = await target.variable('log_bin');
    if (logBin === null || !/^(on|1)$/i.test(logBin)) return BINLOG_OFF_MESSAGE;
  } catch (err) {
    return driverMessage(err);
  }
  try {
    if (!(await target.masterStatus())) return BINLOG_OFF_MESSAGE;
  } catch (err) {
    return `Backup needs the binlog position of the target (SHOW MASTER STATUS): ${driverMessage(err)}`;
  }
  try {
    const grants = await target.query<Record<string, string>>('SHOW GRANTS FOR CURRENT_USER()');
    const text = grants.map((g) => Object.values(g).join(' ')).join('\n').toUpperCase();
    const global = text.split('\n').filter((line) => / ON \*\.\* /.test(line));
    if (!global.some((line) => /ALL PRIVILEGES|REPLICATION SLAVE|REPLICATION REPLICA/.test(line))) {
      return 'Backup reads the binlog of the target: its user needs the REPLICATION SLAVE privilege.';
    }
  } catch {
    // SHOW GRANTS is refused on some managed servers: reading the binlog will tell instead.
  }
  return null;
}

/**
 * Session settings the binlog must have for row images: format ROW and full row images (set for this session when
 * the server's are different). Returns `<server message> (sql: <statement>)` when that is refused, or null.
 */
export async function fixBinlogSession(target: TargetSession): Promise<string | null> {
  let sql = '';
  try {
    const format = await target.variable('binlog_format');
    if (format !== null && format.toUpperCase() !== 'ROW') {
      sql = "SET SESSION binlog_format = 'ROW'";
      await target.execute(sql);
    }
    const image = await target.variable('binlog_row_image');
    if (image !== null && image.toUpperCase() !== 'FULL') {
      sql = "SET SESSION binlog_row_image = 'FULL'";
      await target.execute(sql);
    }
    return null;
  } catch (err) {
    return `${driverMessage(err)} (sql: ${sql})`;
  }
}
