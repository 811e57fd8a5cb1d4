import { parseDdl } from '../src/sql/ddl/parse-ddl.ts';
import { loadCorpus } from '../test/unit/sql/corpus/corpus.ts';
import { tokenize } from '../src/sql/lex.ts';
const corpus = loadCorpus().map(s => s.sql);
const t0 = Date.now();
let n = 0;
for (const sql of corpus) { for (const t of tokenize(sql)) { const m = sql.slice(0, t.start) + sql.slice(t.end); const a = Date.now(); process.stderr.write(JSON.stringify(m) + "\n"); parseDdl(m); if (Date.now() - a > 100) console.log('SLOW', JSON.stringify(m.slice(0,100))); n++; } }
console.log(n, Date.now() - t0, 'ms');
