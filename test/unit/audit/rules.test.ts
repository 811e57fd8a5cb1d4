// Every rule's own test file (test/unit/audit/rules/<kind>/<rule>.test.ts) in one process: each file takes
// milliseconds, starting a process per file would take seconds (scripts/run-tests.mjs runs this file instead
// of the 40-odd files; `node scripts/run-tests.mjs <rule>` still runs one on its own).
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), 'rules');

function testFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return testFiles(p);
      return name.endsWith('.test.ts') ? [p] : [];
    });
}

for (const file of testFiles(root)) await import(pathToFileURL(file).href);
