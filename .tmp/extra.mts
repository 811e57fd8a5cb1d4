import mysql from 'mysql2/promise';
import { readFileSync } from 'node:fs';
import { parseStatement } from '../src/sql/parse.ts';
const c = await mysql.createConnection({ host: '127.0.0.1', port: 33999, user: 'root', password: 'rootpw' });
await c.query('drop database if exists xtra'); await c.query('create database xtra'); await c.query('use xtra');
for (const sql of readFileSync(process.argv[2]!, 'utf8').split('\n').filter(Boolean)) {
  const r = parseStatement(sql);
  let maria = 'OK'; try { await c.query(sql); } catch (e) { maria = (e as Error).message.slice(0, 100); }
  const ours = r.ok ? (r.statement.ddl ? 'OK' : 'OK-noddl') : r.message;
  if (ours !== maria) console.log(sql.slice(0, 90), '\n   ours:', ours, '\n   maria:', maria);
}
await c.end();
