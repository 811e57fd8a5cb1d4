// The import boundaries of src/ (docs/architecture.md, folder table) checked with dependency-cruiser: no import
// crosses a boundary the table does not allow, every listed edge exists, and every top-level folder or file of
// src/ has a row. The rules are generated from the page (scripts/architecture-boundaries.cjs), so fixing a
// failure means changing the code or the page, deliberately.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ICruiseResult } from 'dependency-cruiser';

/** One rule as scripts/architecture-boundaries.cjs generates it. */
interface BoundaryRule {
  name: string;
  from: { path: string };
  to: { path: string; pathNot: string[] };
}

/** One no-cycle rule as scripts/architecture-boundaries.cjs generates it. */
interface CycleRule {
  name: string;
  from: { path?: string };
  to: { path?: string; reachable?: boolean; circular?: boolean };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

interface BoundariesModule {
  boundariesFromPage(text?: string): Record<string, string[] | null>;
  sharedUnitsFromPage(text?: string): string[];
  unitPath(unit: string): string;
  rulesFor(boundaries: Record<string, string[] | null>, shared?: string[]): BoundaryRule[];
  knownCyclesFromPage(text?: string): string[];
  cycleRulesFor(boundaries: Record<string, string[] | null>): CycleRule[];
  tableCycles(boundaries: Record<string, string[] | null>, knownCycles?: string[]): string[][];
}
const { boundariesFromPage, cycleRulesFor, knownCyclesFromPage, rulesFor, tableCycles, sharedUnitsFromPage, unitPath } = require(
  join(root, 'scripts', 'architecture-boundaries.cjs'),
) as BoundariesModule;

/** `src/batch/plan.ts` → `batch`, `src/cli.ts` → `cli`. */
function unitOf(path: string): string {
  return path.replace(/^src\//, '').replace(/\/.*$/, '').replace(/\.ts$/, '');
}

let cruised: ICruiseResult | undefined;
/**
 * Runs the dependency-cruiser CLI in a plain node child: under tsx's loader its swc visitor does not load
 * (the CommonJS `@swc/core/Visitor` is imported with another shape), so the check runs as `npm run boundaries` does.
 */
function cruiseSrc(): ICruiseResult {
  cruised ??= cruise(root, '.dependency-cruiser.cjs');
  return cruised;
}

function cruise(cwd: string, config: string): ICruiseResult {
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'), 'src', '--config', config, '--output-type', 'json'],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
  );
  assert.ok(run.stdout.startsWith('{'), `dependency-cruiser ran: status ${run.status}, ${run.stderr.slice(0, 2000)}`);
  return JSON.parse(run.stdout) as ICruiseResult;
}

test('no import in src/ crosses a boundary that docs/architecture.md does not allow', () => {
  const result = cruiseSrc();
  assert.ok(result.summary.totalCruised > 100, `cruised ${result.summary.totalCruised} modules`);
  const violations = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  assert.deepEqual(violations, []);
});

test('every edge the table allows is an import that exists (the table states what is, not what might be)', () => {
  const result = cruiseSrc();
  const edges = new Set<string>();
  for (const module of result.modules) {
    for (const dependency of module.dependencies) {
      if (!dependency.resolved.startsWith('src/')) continue;
      const from = unitOf(module.source);
      const to = unitOf(dependency.resolved);
      if (from !== to) edges.add(`${from} → ${to}`);
    }
  }
  const phantom = Object.entries(boundariesFromPage())
    .flatMap(([unit, allowed]) => (allowed ?? []).map((to) => `${unit} → ${to}`))
    .filter((edge) => !edges.has(edge));
  assert.deepEqual(phantom, []);
});

test('every top-level folder and file of src/ has a row, and every row names one', () => {
  const units = readdirSync(join(root, 'src')).map((name) => name.replace(/\.ts$/, '')).sort();
  assert.deepEqual(Object.keys(boundariesFromPage()).sort(), units);
});

test('the generated rules can fail: a leaf may import nothing of ours, a listed edge is allowed', () => {
  const page = [
    '## Folders', '', '| folder | holds | may import |', '|---|---|---|',
    '| `protocol/` | codec | nothing of ours |', '| `server/` | connections | protocol, sql (lexer) |',
    '| `cli.ts`, `log.ts` | entry | everything |', '| `turns.ts` | leaf | nothing of ours (any folder may import it) |', '', '## Next',
  ].join('\n');
  const boundaries = boundariesFromPage(page);
  assert.deepEqual(boundaries, { protocol: [], server: ['protocol', 'sql'], cli: null, log: null, turns: [] });
  assert.deepEqual(sharedUnitsFromPage(page), ['turns']);
  const rules = rulesFor(boundaries, sharedUnitsFromPage(page));
  assert.deepEqual(rules.map((r) => r.name), ['protocol-may-import', 'server-may-import', 'turns-may-import']);
  const forbids = (rule: BoundaryRule, path: string) =>
    new RegExp(rule.to.path).test(path) && !rule.to.pathNot.some((p) => new RegExp(p).test(path));
  assert.equal(forbids(rules[0]!, 'src/sql/lex.ts'), true);
  assert.equal(forbids(rules[0]!, 'src/protocol/framing.ts'), false);
  assert.equal(forbids(rules[1]!, 'src/sql/lex.ts'), false);
  assert.equal(forbids(rules[1]!, 'src/batch/plan.ts'), true);
  assert.equal(forbids(rules[0]!, 'src/turns.ts'), false, 'a shared leaf is allowed everywhere');
  assert.equal(forbids(rules[2]!, 'src/sql/lex.ts'), true, 'and itself imports nothing of ours');
  assert.equal(new RegExp(unitPath('cli')).test('src/cli.ts'), true);
  assert.equal(new RegExp(unitPath('cli')).test('src/client/x.ts'), false);
});

test('the folder table has no cycle and names none as known', () => {
  assert.deepEqual(knownCyclesFromPage(), []);
  assert.deepEqual(tableCycles(boundariesFromPage()), []);
});

test('a cycle through three folders is found; a note with commas is one item; "known cycle" exempts that edge', () => {
  const page = [
    '## Folders', '', '| folder | holds | may import |', '|---|---|---|',
    '| `a/` | x | b (one, two), d (known cycle) |', '| `b/` | y | c |', '| `c/` | z | a |',
    '| `d/` | w | a (known cycle), e |', '| `e/` | v | nothing of ours |', '',
  ].join('\n');
  const boundaries = boundariesFromPage(page);
  assert.deepEqual(boundaries, { a: ['b', 'd'], b: ['c'], c: ['a'], d: ['a', 'e'], e: [] });
  assert.deepEqual(knownCyclesFromPage(page), ['a → d', 'd → a']);
  assert.deepEqual(tableCycles(boundaries, knownCyclesFromPage(page)), [['a', 'b', 'c']]);
  assert.deepEqual(tableCycles({ ...boundaries, c: [] }, knownCyclesFromPage(page)), []);
  assert.deepEqual(tableCycles({ ...boundaries, c: [] }).map((c) => c.join()), ['a,d']);
});

test('module cycles fail, and so does a unit that may import everything reaching a unit that imports it', () => {
  // main.ts → a/y.ts and a/x.ts → main.ts: no module cycle, but the two units go round.
  const dir = mkdtempSync(join(tmpdir(), 'inceptor-cycles-'));
  try {
    const files: Record<string, string> = {
      'src/main.ts': "import { y } from './a/y.js';\nexport const main = y;\n",
      'src/a/x.ts': "import { main } from '../main.js';\nexport const x = main;\n",
      'src/a/y.ts': 'export const y = 1;\n',
      // and a plain module cycle inside one folder
      'src/b/p.ts': "import { q } from './q.js';\nexport const p = () => q;\n",
      'src/b/q.ts': "import { p } from './p.js';\nexport const q = () => p;\n",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const boundaries = { main: null, a: ['main'] };
    const config = { forbidden: cycleRulesFor(boundaries), options: { parser: 'swc', tsPreCompilationDeps: true } };
    writeFileSync(join(dir, 'cruise.cjs'), `module.exports = ${JSON.stringify(config)};`);
    const names = cruise(dir, 'cruise.cjs').summary.violations.map((v) => v.rule.name);
    assert.deepEqual([...new Set(names)].sort(), ['no-circular', 'no-cycle-main-a']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('unit tests mirror src/: each sits in the folder of the code it tests (docs/architecture.md "Conventions")', () => {
  const unit = join(root, 'test', 'unit');
  // the two repository-wide checks: import boundaries (this file) and citations (docs.test.ts)
  const repositoryWide = new Set(['architecture.test.ts', 'docs.test.ts']);
  const misplaced: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(unit, dir), { withFileTypes: true })) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.test.ts')) {
        const mirrored = dir === '' ? repositoryWide.has(entry.name) || existsSync(join(root, 'src', entry.name.replace(/\.test\.ts$/, '.ts'))) : existsSync(join(root, 'src', dir));
        if (!mirrored) misplaced.push(`test/unit/${path}`);
      }
    }
  };
  walk('');
  assert.deepEqual(misplaced, []);
});
