// Real-client compatibility: ODBC (odbc-mariadb + isql) against an in-process inceptor (see suite.ts for what is checked).
import { odbcProbe } from './probes.js';
import { clientSuite } from './suite.js';

clientSuite('ODBC (odbc-mariadb + isql)', odbcProbe, { id: 'odbc', nativeErrorCodes: false, oneLineBatch: true,
  // Connector/ODBC 3.1 (Debian 12) runs every statement as a server-side prepared statement and has no switch
  // to turn that off. Connecting (auth, TLS) works and is tested without TODO.
  knownGap: 'inceptor answers COM_STMT_PREPARE with "Unknown command"; MariaDB Connector/ODBC 3.1 always prepares server-side',
});
