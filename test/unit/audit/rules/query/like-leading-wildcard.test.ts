// query/like-leading-wildcard (peer, check_dml_like_leading_wildcard): a LIKE pattern starting with `%` or `_`.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'query/like-leading-wildcard',
  {
    valid: [
      "select id from t1 where c1 like 'ab%'",
      "delete from t1 where c1 like 'a%b'",
      { sql: "select id from t1 where c1 like '%ab'", inc: { check_dml_like_leading_wildcard: false } },
    ],
    invalid: [
      { sql: "select id from t1 where c1 like '%ab'", messages: ["LIKE '%ab' starts with a wildcard; no index can be used."], level: 1 },
      { sql: "update t1 set c2 = 1 where id in (select id from t2 where c1 not like '_x')", messages: ["LIKE '_x' starts with a wildcard; no index can be used."] },
      { sql: "select id from t1 where c1 like '%ab'", inc: { check_dml_like_leading_wildcard: true, lang: 'zh-CN' }, messages: ["LIKE '%ab' 以通配符开头, 无法使用索引."] },
      { sql: "select id from t1 where c1 like '%ab'", levels: { er_like_leading_wildcard: 2 }, messages: ["LIKE '%ab' starts with a wildcard; no index can be used."], level: 2 },
    ],
  },
  { inc: { check_dml_like_leading_wildcard: true } },
);
