import { loadCorpus } from '../test/unit/sql/corpus/corpus.ts';
import { parseStatement } from '../src/sql/parse.ts';
import { astify } from '../src/sql/node-parser.ts';
let nsp = 0, bad = 0;
const all = loadCorpus();
for (const s of all) {
  const r = parseStatement(s.sql);
  if (!r.ok || !r.statement.ddl) { bad++; console.log('BAD', s.line, r.ok ? 'no ddl ' + r.statement.kind : r.message.slice(0, 150)); }
  if (astify(s.sql).ok) nsp++;
}
console.log(`total ${all.length} bad ${bad}; node-sql-parser alone parses ${nsp}`);
