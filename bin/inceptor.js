#!/usr/bin/env node
// Entry point of the `inceptor` command: the compiled CLI (built by `npm run build`, also run on install).
let cli;
try {
  cli = await import('../dist/src/cli.js');
} catch (err) {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/src/cli.js')) {
    process.stderr.write('inceptor: not built yet; run `npm run build` first\n');
    process.exit(1);
  }
  throw err;
}
await cli.main(process.argv.slice(2));
