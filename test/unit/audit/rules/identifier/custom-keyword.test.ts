// identifier/custom-keyword: a new name listed in custom_keywords (a MySQL keyword is reported as such instead).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'identifier/custom-keyword',
  {
    valid: ['create table t3 (id int, c1 int)', 'create table t3 (`select` int)'],
    invalid: [{ sql: 'create table t3 (Foo int, bar int)', messages: ["Identifier 'Foo' is custom keyword.", "Identifier 'bar' is custom keyword."] }],
  },
  { inc: { custom_keywords: ['FOO', 'BAR', 'SELECT'] } },
);
