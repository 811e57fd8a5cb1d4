import { parseStatement } from '../src/sql/parse.ts';
for (const s of process.argv.slice(2)) { const r = parseStatement(s); console.log(r.ok ? `OK ${r.statement.kind} ddl=${!!r.statement.ddl}` : `ERR ${r.message}`); }
