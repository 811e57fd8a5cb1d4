import sqlParser from 'node-sql-parser/build/mysql.js';
const proto = (sqlParser as any).Parser.prototype; const orig = proto.astify; let calls = 0; const seen: string[] = [];
proto.astify = function (this: unknown, ...a: unknown[]) { calls++; seen.push(String(a[0]).slice(0, 60)); return orig.apply(this, a); };
const { batchHarness } = await import('../test/support/batch.ts');
const ddl: string[] = [];
for (let i = 0; i < 200; i++) { const t = `t_ddl_${i >> 1}`; ddl.push(i % 2 === 0 ? `create table ${t} (id bigint unsigned not null auto_increment comment 'id', name varchar(64) not null default '' comment 'name', note text comment 'note', ext json comment 'ext', primary key (id)) engine=innodb default charset=utf8mb4 comment='bench'` : `alter table ${t} add column email varchar(128) not null default '' comment 'email' after name, modify column note mediumtext comment 'note', add index idx_created (name), drop column ext`); }
const text = `/*--user=root;--password=rootpw;--host=127.0.0.1;--port=33999;--check=1;*/\ninception_magic_start;\nuse corpus;\n${ddl.join(';\n')};\ninception_magic_commit;`;
const r = await batchHarness().run(text);
console.log('rows', (r as any).rows.length, 'astify calls', calls, seen.slice(0, 5));
process.exit(0);
