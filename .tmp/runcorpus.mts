import mysql from 'mysql2/promise';
import { loadCorpus } from '../test/unit/sql/corpus/corpus.ts';
const c = await mysql.createConnection({ host: '127.0.0.1', port: 33999, user: 'root', password: 'rootpw' });
for (const db of ['corpus', 'corpus_shop', 'corpus_logs', 'corpus_tmp', 'corpus_tmp2', 'corpus_commented', '127_0_0_1_3306_corpus', 'corpus_enc']) await c.query(`drop database if exists \`${db}\``);
await c.query('create database corpus'); await c.query('use corpus');
const all = loadCorpus(); let bad = 0; let m8ok = 0;
for (const s of all) {
  try { await c.query(s.sql); if (s.mysql8) { m8ok++; console.log('MYSQL8 BUT OK', s.line, s.sql.slice(0, 100)); } }
  catch (e) { if (!s.mysql8) { bad++; console.log('FAIL', s.line, s.sql.slice(0, 120).replace(/\n/g,' '), '=>', (e as Error).message.slice(0, 150)); } }
}
console.log(`total ${all.length}, mysql8 ${all.filter(s=>s.mysql8).length}, failed ${bad}`);
await c.end();
