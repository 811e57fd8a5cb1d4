// The import boundaries of src/ as docs/architecture.md's folder table states them; read by
// .dependency-cruiser.cjs (the rules) and test/unit/architecture.test.ts (the table's other direction).
// A row reads: | `folder/` or `file.ts` | holds | may import |, where "may import" is a comma-separated list
// of top-level names (a parenthesised note may follow each), "nothing of ours" or "everything". A row whose cell
// adds "(any folder may import it)" is a shared leaf: every unit may import it.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const ARCHITECTURE_PAGE = join(__dirname, '..', 'docs', 'architecture.md');

/** The folder table's rows as [units, may-import cell]. */
function rowsOf(text) {
  const section = text.split(/^## /m).find((part) => part.startsWith('Folders'));
  if (!section) throw new Error(`${ARCHITECTURE_PAGE}: no "## Folders" section`);
  const rows = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    if (cells.length !== 3 || !cells[0].startsWith('`')) continue;
    const units = [...cells[0].matchAll(/`([^`]+)`/g)].map((m) => m[1].replace(/\/$/, '').replace(/\.ts$/, ''));
    rows.push([units, cells[2]]);
  }
  return rows;
}

/** The folder table as { unit: allowed top-level names, or null for "everything" }. Notes in parentheses are prose. */
function boundariesFromPage(text = readFileSync(ARCHITECTURE_PAGE, 'utf8')) {
  const boundaries = {};
  for (const [units, mayImport] of rowsOf(text)) {
    const bare = mayImport.replace(/\([^)]*\)/g, '').trim();
    const allowed =
      bare === 'everything'
        ? null
        : bare === 'nothing of ours'
          ? []
          : bare.split(',').map((name) => name.trim()).filter(Boolean);
    for (const unit of units) boundaries[unit] = allowed;
  }
  return boundaries;
}

/** Units every unit may import: rows whose may-import cell says "(any folder may import it)" (leaf helpers). */
function sharedUnitsFromPage(text = readFileSync(ARCHITECTURE_PAGE, 'utf8')) {
  return rowsOf(text)
    .filter(([, mayImport]) => /any folder may import it/.test(mayImport))
    .flatMap(([units]) => units);
}

/** Path pattern of one top-level unit of src/: a folder (`src/sql/…`) or a root file (`src/cli.ts`). */
function unitPath(unit) {
  return `^src/${unit}(/|\\.ts$)`;
}

function rulesFor(boundaries, shared = []) {
  return Object.entries(boundaries)
    .filter(([, allowed]) => allowed !== null)
    .map(([unit, allowed]) => ({
      name: `${unit}-may-import`,
      comment: `docs/architecture.md: ${unit} may import ${allowed.length ? allowed.join(', ') : 'nothing of ours'}`,
      severity: 'error',
      from: { path: unitPath(unit) },
      to: { path: '^src/', pathNot: [unit, ...allowed, ...shared].map(unitPath) },
    }));
}

module.exports = { ARCHITECTURE_PAGE, boundariesFromPage, sharedUnitsFromPage, unitPath, rulesFor };
