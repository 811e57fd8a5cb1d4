// Import boundaries of src/, derived from the "may import" column of docs/architecture.md's folder table
// (scripts/architecture-boundaries.cjs), so the page and the check cannot disagree. Run by
// test/unit/architecture.test.ts in `npm test`, and by `npm run boundaries`.
const { boundariesFromPage, rulesFor, sharedUnitsFromPage } = require('./scripts/architecture-boundaries.cjs');

module.exports = {
  forbidden: rulesFor(boundariesFromPage(), sharedUnitsFromPage()),
  options: {
    // TypeScript 7 has no JavaScript compiler API, so dependency-cruiser reads the sources with swc.
    parser: 'swc',
    // `import type` crosses a boundary too.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  },
};
