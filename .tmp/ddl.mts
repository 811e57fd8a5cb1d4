import { parseDdl } from '../src/sql/ddl/parse-ddl.ts';
import { readFileSync } from 'node:fs';
const list = process.argv.slice(2).filter(a=>a!=='-v').length ? process.argv.slice(2).filter(a=>a!=='-v') : readFileSync(0,'utf8').split('\n').filter(Boolean);
const verbose = process.argv.includes('-v');
for (const s of list) { const r = parseDdl(s); 
  if (!r) console.log('NULL', s);
  else if (!r.ok) console.log('FAIL', s, '@', r.offset, JSON.stringify(s.slice(r.offset, r.offset+20)));
  else { console.log('OK  ', s); if (verbose) console.log(JSON.stringify(r.ddl, null, 1)); }
}
