// index/with-parser: WITH PARSER on an index that is not FULLTEXT.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('index/with-parser', {
  valid: [
    'create table t3 (id int, c text, fulltext index ft_c (c) with parser ngram)',
    'alter table t1 add fulltext index ft_c1 (c1) with parser ngram',
    'alter table t1 add index ix_c1 (c1)',
  ],
  invalid: [
    { sql: 'create table t3 (id int, c varchar(10), key ix_c (c) with parser ngram)', messages: ['WITH PARSER option can be used only with FULLTEXT indexes.'], level: 2 },
    { sql: 'alter table t1 add unique index uq_c1 (c1) with parser ngram', messages: ['WITH PARSER option can be used only with FULLTEXT indexes.'] },
    { sql: 'create index ix_c1 on t1 (c1) with parser ngram', messages: ['WITH PARSER option can be used only with FULLTEXT indexes.'] },
  ],
});
