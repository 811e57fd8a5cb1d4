// peer_max_comment_length: a table, column or index COMMENT longer than the limit, in characters (docs/audit.md
// "Peer rules"). The kind word is an argument, so it is given in the session language: zh-CN says 表/列/索引, as
// goInception's Chinese templates name them.
import { isChinese } from '../../../codes/catalogue.js';
import { PeerCode } from '../../../codes/peer-codes.js';
import { defineRule } from '../../rule.js';

type Kind = 'table' | 'column' | 'index';
const KIND_EN: Record<Kind, string> = { table: 'table', column: 'column', index: 'index' };
const KIND_ZH: Record<Kind, string> = { table: '表', column: '列', index: '索引' };

export default defineRule({
  code: PeerCode.ErrCommentTooLong,
  on: ['create_table', 'alter_table', 'create_index'],
  gate: (inc) => inc.peer_max_comment_length > 0,
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    const max = ctx.inc.peer_max_comment_length;
    const t = ctx.facts.tableName;
    const words = isChinese(ctx.inc.lang) ? KIND_ZH : KIND_EN;
    const see = (kind: Kind, name: string, comment: string | null) => {
      if (comment !== null && [...comment].length > max) ctx.report(words[kind], name, [...comment].length, max);
    };
    const columns = ddl?.type === 'create_table' ? ddl.columns : ddl?.type === 'alter_table' ? ddl.specs.flatMap((s) => (s.op === 'add_column' ? s.columns : s.op === 'modify_column' || s.op === 'change_column' ? [s.column] : [])) : [];
    const options = ddl?.type === 'create_table' ? ddl.options : ddl?.type === 'alter_table' ? ddl.specs.flatMap((s) => (s.op === 'options' ? s.options : [])) : [];
    const indexes = ddl?.type === 'create_table' ? ddl.indexes : ddl?.type === 'alter_table' ? ddl.specs.flatMap((s) => (s.op === 'add_index' ? [s.index] : [])) : ddl?.type === 'create_index' ? [ddl.index] : [];
    for (const o of options) if (o.name === 'COMMENT') see('table', t, o.value);
    for (const c of columns) see('column', `${t}.${c.name}`, c.comment);
    for (const ix of indexes) see('index', ix.name ?? ix.constraint ?? '', ix.comment);
  },
});
