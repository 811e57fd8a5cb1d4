// Real-client compatibility: mysql2 against an in-process inceptor (see suite.ts for what is checked).
import { mysql2Probe } from './probes.js';
import { clientSuite } from './suite.js';

clientSuite('mysql2', mysql2Probe, { id: 'mysql2', nativeErrorCodes: true, oneLineBatch: false });
