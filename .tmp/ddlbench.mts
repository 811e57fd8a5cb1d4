// quick local measure: parseStatement vs astify on the bench DDL
import { parseStatement } from '../src/sql/parse.ts';
import { astify } from '../src/sql/node-parser.ts';
const ddl: string[] = [];
for (let i = 0; i < 1000; i++) { const t = `t_ddl_${i >> 1}`; ddl.push(i % 2 === 0 ? `create table ${t} (id bigint unsigned not null auto_increment comment 'id', user_id int not null default 0 comment 'user', name varchar(64) not null default '' comment 'name', price decimal(10,2) not null default '0.00' comment 'price', state tinyint not null default 1 comment 'state', note text comment 'note', kind enum('a','b') not null default 'a' comment 'kind', created_at datetime not null default current_timestamp comment 'created', updated_at datetime not null default current_timestamp on update current_timestamp comment 'updated', ext json comment 'ext', primary key (id), key idx_user_state (user_id, state)) engine=innodb default charset=utf8mb4 comment='bench'` : `alter table ${t} add column email varchar(128) not null default '' comment 'email' after name, modify column note mediumtext comment 'note', add index idx_created (created_at), drop column ext`); }
for (let k = 0; k < 2; k++) {
let t0 = performance.now(); for (const s of ddl) astify(s); const a = performance.now() - t0;
t0 = performance.now(); for (const s of ddl) parseStatement(s); const b = performance.now() - t0;
console.log(`astify ${(1000 / a * 1000).toFixed(0)}/s, parseStatement ${(1000 / b * 1000).toFixed(0)}/s`);
}
