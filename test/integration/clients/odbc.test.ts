// Real-client compatibility: ODBC (odbc-mariadb 3.1.15 + isql -e, i.e. SQLExecDirect) against an in-process
// inceptor (see suite.ts for what is checked). Connector/ODBC prepares SELECTs and multi-statement texts
// server-side; inceptor announces their columns at prepare time (src/server/describe.ts).
import { odbcProbe } from './probes.js';
import { clientSuite } from './suite.js';

clientSuite('ODBC (odbc-mariadb + isql)', odbcProbe, { id: 'odbc', nativeErrorCodes: false, oneLineBatch: true,
  // Proved by a packet capture: the driver classifies a statement by its first keyword. `inception …` is none of
  // SELECT/SHOW/CALL/EXPLAIN/…, so it is sent as COM_QUERY without preparing and the result set inceptor sends
  // back (the same bytes the CLI and mysql2 read) is never read: isql prints nothing, and the next statement on
  // that connection hangs out of sync. No DSN option (OPTIONS flags, FORWARDONLY, NO_CACHE) changes this.
  localCommandGap: 'Connector/ODBC 3.1 never reads the result of a statement whose first word it does not know (inception …)',
});
