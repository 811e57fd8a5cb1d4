import { astify } from '../src/sql/node-parser.ts';
import { readFileSync } from 'node:fs';
const list = process.argv.slice(2).length ? process.argv.slice(2) : readFileSync(0,'utf8').split('\n').filter(Boolean);
for (const s of list) { const r = astify(s); console.log(r.ok ? 'OK  ' : 'FAIL', s, r.ok ? '' : `@${r.failure.line}:${r.failure.column}`); }
