// Real-client compatibility: PyMySQL against an in-process inceptor (see suite.ts for what is checked).
import { pymysqlProbe } from './probes.js';
import { clientSuite } from './suite.js';

clientSuite('PyMySQL', pymysqlProbe, { id: 'pymysql', nativeErrorCodes: true, oneLineBatch: false });
