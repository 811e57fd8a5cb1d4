// Runs the real command line from source (tests spawn this as a separate process: `node --import tsx …`).
import { main } from '../../src/cli.js';

await main(process.argv.slice(2));
