// Import boundaries of src/, derived from the "may import" column of docs/architecture.md's folder table
// (scripts/architecture-boundaries.cjs), so the page and the check cannot disagree. Run by
// test/unit/architecture.test.ts in `npm test`, and by `npm run boundaries`.
// No cycles: the table has none (but the edges it names as a known cycle), and no module imports itself.
const {
  boundariesFromPage,
  cycleRulesFor,
  knownCyclesFromPage,
  rulesFor,
  sharedUnitsFromPage,
  tableCycles,
} = require('./scripts/architecture-boundaries.cjs');

const boundaries = boundariesFromPage();
const cycles = tableCycles(boundaries, knownCyclesFromPage());
if (cycles.length > 0) {
  throw new Error(`docs/architecture.md: the folder table has cycles: ${cycles.map((c) => c.join(' ↔ ')).join('; ')}`);
}

module.exports = {
  forbidden: [...rulesFor(boundaries, sharedUnitsFromPage()), ...cycleRulesFor(boundaries)],
  options: {
    // TypeScript 7 has no JavaScript compiler API, so dependency-cruiser reads the sources with swc.
    parser: 'swc',
    // `import type` crosses a boundary too.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  },
};
