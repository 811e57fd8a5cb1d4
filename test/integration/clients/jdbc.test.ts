// Real-client compatibility: MariaDB Connector/J against an in-process inceptor (see suite.ts for what is checked).
import { jdbcProbe } from './probes.js';
import { clientSuite } from './suite.js';

clientSuite('MariaDB Connector/J', jdbcProbe, { id: 'jdbc', nativeErrorCodes: true, oneLineBatch: false });
