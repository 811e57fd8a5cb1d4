// ALTER TABLE specs goInception does not support (no arguments, one per spec): DROP FOREIGN KEY while foreign
// keys are disabled, ADD of a CHECK constraint, RENAME COLUMN on MySQL before 8.0 (MariaDB reads it), RENAME
// INDEX before MySQL 5.7 (docs/audit.md "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

function versionBelow(version: string, major: number, minor: number): boolean {
  if (/mariadb/i.test(version)) return false;
  const m = /^(\d+)\.(\d+)/.exec(version);
  return m ? Number(m[1]) < major || (Number(m[1]) === major && Number(m[2]) < minor) : false;
}

export default defineRule({
  code: Code.ER_NOT_SUPPORTED_YET,
  on: ['alter_table'],
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'alter_table') return;
    const version = ctx.serverInfo.version;
    ddl.specs.forEach((spec, at) => {
      if (spec.op === 'drop_foreign_key' && !ctx.inc.enable_foreign_key) ctx.reportAt(at);
      else if (spec.op === 'add_index' && spec.index.kind === 'check') ctx.reportAt(at);
      else if (spec.op === 'rename_column' && versionBelow(version, 8, 0)) ctx.reportAt(at);
      else if (spec.op === 'rename_index' && versionBelow(version, 5, 7)) ctx.reportAt(at);
    });
  },
});
