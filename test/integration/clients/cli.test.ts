// Real-client compatibility: mariadb CLI against an in-process inceptor (see suite.ts for what is checked).
import { cliProbe } from './probes.js';
import { clientSuite } from './suite.js';

clientSuite('mariadb CLI', cliProbe, { id: 'cli', nativeErrorCodes: true, oneLineBatch: false });
