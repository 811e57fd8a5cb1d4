// The import boundaries of src/ as docs/architecture.md's folder table states them; read by
// .dependency-cruiser.cjs (the rules) and test/unit/architecture.test.ts (the table's other direction).
// A row reads: | `folder/` or `file.ts` | holds | may import |, where "may import" is a comma-separated list
// of top-level names (a parenthesised note may follow each), "nothing of ours" or "everything". A row whose cell
// adds "(any folder may import it)" is a shared leaf: every unit may import it. The table itself has no cycle
// (imports are a subset of its edges, so the folders have none either), but for edges whose note says "known
// cycle" (docs/architecture.md "Cycles" names each one and why it is still there).
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

/** A may-import cell as [{ name, note }], or null for "everything". Commas inside a note do not split. */
function itemsOf(mayImport) {
  const items = [];
  let depth = 0;
  let current = '';
  for (const ch of `${mayImport},`) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      const note = (current.match(/\(([\s\S]*)\)/) ?? [, ''])[1];
      const name = current.replace(/\([^)]*\)/g, '').trim();
      if (name) items.push({ name, note });
      current = '';
    } else current += ch;
  }
  if (items.length === 1 && items[0].name === 'everything') return null;
  if (items.length === 1 && items[0].name === 'nothing of ours') return [];
  return items;
}

/** The folder table as { unit: allowed top-level names, or null for "everything" }. Notes in parentheses are prose. */
function boundariesFromPage(text = readFileSync(ARCHITECTURE_PAGE, 'utf8')) {
  const boundaries = {};
  for (const [units, mayImport] of rowsOf(text)) {
    const items = itemsOf(mayImport);
    for (const unit of units) boundaries[unit] = items && items.map((item) => item.name);
  }
  return boundaries;
}

/** Allowed edges whose note says "known cycle", as ['from → to']: exempt from the no-cycle rules. */
function knownCyclesFromPage(text = readFileSync(ARCHITECTURE_PAGE, 'utf8')) {
  return rowsOf(text).flatMap(([units, mayImport]) =>
    (itemsOf(mayImport) ?? [])
      .filter((item) => /known cycle/.test(item.note))
      .flatMap((item) => units.map((unit) => `${unit} → ${item.name}`)),
  );
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

/**
 * The cycles of the table's graph, as lists of units, leaving out the known-cycle edges and the rows that may
 * import everything (cycleRulesFor covers those). Imports are a subset of the table's edges (rulesFor), so a
 * table without cycles is a folder graph without cycles.
 */
function tableCycles(boundaries, knownCycles = []) {
  const next = (unit) => (boundaries[unit] ?? []).filter((to) => to !== unit && to in boundaries && !knownCycles.includes(`${unit} → ${to}`));
  // Tarjan's strongly connected components: each component of more than one unit is a cycle.
  const index = new Map();
  const low = new Map();
  const stack = [];
  const cycles = [];
  const visit = (unit) => {
    index.set(unit, index.size);
    low.set(unit, index.get(unit));
    stack.push(unit);
    for (const to of next(unit)) {
      if (!index.has(to)) {
        visit(to);
        low.set(unit, Math.min(low.get(unit), low.get(to)));
      } else if (stack.includes(to)) low.set(unit, Math.min(low.get(unit), index.get(to)));
    }
    if (low.get(unit) !== index.get(unit)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      component.push(member);
    } while (member !== unit);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const unit of Object.keys(boundaries)) if (!index.has(unit)) visit(unit);
  return cycles;
}

/**
 * The cycle rules dependency-cruiser checks on the code: no module imports itself through others, and a unit that
 * may import everything does not reach a unit whose row lists it (the table cannot show those edges).
 */
function cycleRulesFor(boundaries) {
  const rules = [
    {
      name: 'no-circular',
      comment: 'docs/architecture.md "Cycles": no module imports itself through others',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ];
  for (const [everything, allowed] of Object.entries(boundaries)) {
    if (allowed !== null) continue;
    for (const [unit, its] of Object.entries(boundaries)) {
      if (!its?.includes(everything)) continue;
      rules.push({
        name: `no-cycle-${everything}-${unit}`,
        comment: `docs/architecture.md "Cycles": ${unit} imports ${everything}, so ${everything} may not reach ${unit}`,
        severity: 'error',
        from: { path: unitPath(everything) },
        to: { path: unitPath(unit), reachable: true },
      });
    }
  }
  return rules;
}

module.exports = {
  ARCHITECTURE_PAGE,
  boundariesFromPage,
  knownCyclesFromPage,
  sharedUnitsFromPage,
  unitPath,
  rulesFor,
  cycleRulesFor,
  tableCycles,
};
