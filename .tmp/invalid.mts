import mysql from 'mysql2/promise';
import { readFileSync } from 'node:fs';
import { parseStatement } from '../src/sql/parse.ts';
const c = await mysql.createConnection({ host: '127.0.0.1', port: 33999, user: 'root', password: 'rootpw', database: 'corpus' });
const list = readFileSync('/tmp/parser/invalid.txt', 'utf8').split('\n').filter(Boolean);
let same = 0, diff = 0;
for (const sql of list) {
  const r = parseStatement(sql);
  let maria = '';
  try { await c.query(sql); maria = 'ACCEPTED'; } catch (e) { const m = /near '([\s\S]*)' at line (\d+)$/.exec((e as Error).message); maria = m ? m[1]! : 'OTHER: ' + (e as Error).message.slice(0, 80); }
  const ours = r.ok ? 'ACCEPTED' : (/near "([\s\S]*)" ?/.exec(r.message)?.[1] ?? r.message);
  if (ours === maria) same++; else { diff++; console.log(`${sql}\n   ours=${JSON.stringify(ours)} maria=${JSON.stringify(maria)}`); }
}
console.log(`same ${same} differ ${diff}`);
await c.end();
