// Peer rules (docs/audit.md "Peer rules"): checks modern SQL reviewers have and goInception lacks. They have no
// goInception code, so they report free texts (never translated) at the level of their own `[inc]` key: 1 a
// warning, 2 an error, 0 nothing.
import type { RuleContext } from './rule.js';

export function peerReport(ctx: RuleContext, level: number, text: string): void {
  if (level >= 2) ctx.error(text);
  else if (level === 1) ctx.warn(text);
}

/** Byte capacity of a TEXT/BLOB/JSON base type (MySQL's maximum lengths); 0 for other types. */
export function textBlobBytes(base: string): number {
  switch (base) {
    case 'tinytext':
    case 'tinyblob':
      return 255;
    case 'text':
    case 'blob':
      return 65535;
    case 'mediumtext':
    case 'mediumblob':
      return 16777215;
    case 'longtext':
    case 'longblob':
    case 'json':
      return 4294967295;
    default:
      return 0;
  }
}
