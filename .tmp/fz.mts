import { writeSync } from 'node:fs';
import { parseDdl } from '../src/sql/ddl/parse-ddl.ts';
import { parseStatement } from '../src/sql/parse.ts';
import { tokenize } from '../src/sql/lex.ts';
import { loadCorpus } from '../test/unit/sql/corpus/corpus.ts';
const corpus = loadCorpus().map(s => s.sql);
const full = process.argv[2] === 'full';
let i = 0; const t0 = Date.now();
for (const sql of corpus) for (const t of tokenize(sql)) {
  for (const m of [sql.slice(0, t.start) + sql.slice(t.end), sql.slice(0, t.end), sql.slice(0, t.end) + ' ' + t.text + sql.slice(t.end)]) {
    writeSync(2, JSON.stringify(m) + '\n');
    if (full) parseStatement(m); else parseDdl(m);
    i++;
  }
}
console.log(i, Date.now() - t0, 'ms');
