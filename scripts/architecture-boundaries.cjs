// The import boundaries of src/ as docs/architecture.md's folder table states them; read by
// .dependency-cruiser.cjs (the rules) and test/unit/architecture.test.ts (the table's other direction).
// A row reads: | `folder/` or `file.ts` | holds | may import |, where "may import" is a comma-separated list
// of top-level names (a parenthesised note may follow each), "nothing of ours" or "everything".
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const ARCHITECTURE_PAGE = join(__dirname, '..', 'docs', 'architecture.md');

/** The folder table as { unit: allowed top-level names, or null for "everything" }. */
function boundariesFromPage(text = readFileSync(ARCHITECTURE_PAGE, 'utf8')) {
  const section = text.split(/^## /m).find((part) => part.startsWith('Folders'));
  if (!section) throw new Error(`${ARCHITECTURE_PAGE}: no "## Folders" section`);
  const boundaries = {};
  for (const line of section.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    if (cells.length !== 3 || !cells[0].startsWith('`')) continue;
    const units = [...cells[0].matchAll(/`([^`]+)`/g)].map((m) => m[1].replace(/\/$/, '').replace(/\.ts$/, ''));
    const mayImport = cells[2];
    const allowed =
      mayImport === 'everything'
        ? null
        : mayImport === 'nothing of ours'
          ? []
          : mayImport.replace(/\([^)]*\)/g, '').split(',').map((name) => name.trim()).filter(Boolean);
    for (const unit of units) boundaries[unit] = allowed;
  }
  return boundaries;
}

/** Path pattern of one top-level unit of src/: a folder (`src/sql/…`) or a root file (`src/cli.ts`). */
function unitPath(unit) {
  return `^src/${unit}(/|\\.ts$)`;
}

function rulesFor(boundaries) {
  return Object.entries(boundaries)
    .filter(([, allowed]) => allowed !== null)
    .map(([unit, allowed]) => ({
      name: `${unit}-may-import`,
      comment: `docs/architecture.md: ${unit} may import ${allowed.length ? allowed.join(', ') : 'nothing of ours'}`,
      severity: 'error',
      from: { path: unitPath(unit) },
      to: { path: '^src/', pathNot: [unit, ...allowed].map(unitPath) },
    }));
}

module.exports = { ARCHITECTURE_PAGE, boundariesFromPage, unitPath, rulesFor };
