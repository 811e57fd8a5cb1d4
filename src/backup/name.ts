// Names on the backup server (docs/backup.md "Backup schema").

/**
 * The backup schema for a target table: `<host>_<port>_<db>` with the `--host` text as given; when longer than 64
 * characters only the last 64 are kept; then every `.` and `-` becomes `_` (IPv6 colons stay).
 */
export function backupDbName(host: string, port: number, db: string): string {
  let name = `${host}_${port}_${db}`;
  if (name.length > 64) name = name.slice(name.length - 64);
  return name.replace(/[.-]/g, '_');
}

export const INFO_TABLE = '$_$Inception_backup_information$_$';
