// create-table/gtid-consistency: CREATE TABLE … SELECT while the target enforces GTID consistency.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

const TEXT = 'Statement violates GTID consistency: CREATE TABLE ... SELECT.';
const ENFORCED = { enforceGtidConsistency: 'ON', gtidMode: 'OFF' };

new RuleTester(LAYOUT).run('create-table/gtid-consistency', {
  valid: [
    // MariaDB: neither variable
    'create table t3 as select id from t1',
    { sql: 'create table t3 as select id from t1', server: { enforceGtidConsistency: 'WARN', gtidMode: 'OFF_PERMISSIVE' } },
    // a plain CREATE TABLE and LIKE are fine under GTID
    { sql: 'create table t3 (id int)', server: ENFORCED },
    { sql: 'create table t3 like t1', server: ENFORCED },
  ],
  invalid: [
    { sql: 'create table t3 as select id from t1', server: ENFORCED, messages: [TEXT], level: 2 },
    { sql: 'create table t3 (id int primary key) select id from t1', server: { enforceGtidConsistency: 'OFF', gtidMode: 'ON_PERMISSIVE' }, messages: [TEXT] },
  ],
});
