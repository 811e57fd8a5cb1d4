// Loads the DDL corpus (ddl-corpus.sql beside this file): statements end with `;` at the end of a line; a
// `-- mysql8` line before a statement marks MySQL 8.0 syntax that MariaDB 10.11 refuses.

import { readFileSync } from 'node:fs';

export interface CorpusStatement {
  sql: string;
  /** MySQL 8.0 only: not run on MariaDB. */
  mysql8: boolean;
  /** 1-based line of the statement's first line in the file. */
  line: number;
}

export const CORPUS_DATABASE = 'corpus';

export function loadCorpus(): CorpusStatement[] {
  const text = readFileSync(new URL('./ddl-corpus.sql', import.meta.url), 'utf8');
  const out: CorpusStatement[] = [];
  let buffer: string[] = [];
  let mysql8 = false;
  let start = 0;
  text.split('\n').forEach((line, i) => {
    if (buffer.length === 0) {
      if (line.trim() === '-- mysql8') {
        mysql8 = true;
        return;
      }
      if (line.trim() === '' || line.startsWith('--')) return;
      start = i + 1;
    }
    buffer.push(line);
    if (line.trimEnd().endsWith(';')) {
      out.push({ sql: buffer.join('\n').trimEnd().replace(/;$/, ''), mysql8, line: start });
      buffer = [];
      mysql8 = false;
    }
  });
  return out;
}
