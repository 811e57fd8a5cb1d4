// Reads the text of `SHOW CREATE TABLE` (docs/backup.md "DDL rollback"): the server prints one column, index or
// constraint per line, then `) <table options>`, then optional partitioning. Those lines are the exact old
// definitions a rollback restores (defaults, charsets, generated expressions, prefix lengths, FULLTEXT …).

export interface ColumnLine {
  name: string;
  /** The definition exactly as the server printed it, without the trailing comma: `` `c` int(11) DEFAULT 1 ``. */
  text: string;
}

export type KeyLine =
  | { kind: 'primary'; name: 'PRIMARY'; text: string }
  | { kind: 'index'; name: string; text: string }
  | { kind: 'foreign'; name: string; text: string }
  | { kind: 'check'; name: string; text: string };

export interface TableOption {
  /** Upper-cased key: `ENGINE`, `DEFAULT CHARSET`, `COLLATE`, `COMMENT`, `ROW_FORMAT`, `` `PAGE_COMPRESSED` `` … */
  key: string;
  /** The value as printed (`InnoDB`, `'a comment'`). */
  value: string;
}

export interface CreateTableText {
  columns: ColumnLine[];
  keys: KeyLine[];
  options: TableOption[];
  /** The partitioning clause (`PARTITION BY …`, possibly inside a version comment), or ''. */
  partitioning: string;
}

/** Reads a backquoted identifier at `text[at]`; returns the name and the index after it. */
export function readQuoted(text: string, at: number): { name: string; end: number } | null {
  if (text[at] !== '`') return null;
  let name = '';
  let i = at + 1;
  while (i < text.length) {
    if (text[i] === '`') {
      if (text[i + 1] === '`') {
        name += '`';
        i += 2;
        continue;
      }
      return { name, end: i + 1 };
    }
    name += text[i];
    i++;
  }
  return null;
}

export function quoteName(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`';
}

export function parseCreateTable(sql: string): CreateTableText {
  const lines = sql.split('\n');
  const out: CreateTableText = { columns: [], keys: [], options: [], partitioning: '' };
  let i = 1;
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.startsWith(')')) break;
    const line = raw.trim().replace(/,$/, '');
    if (line.startsWith('`')) {
      const q = readQuoted(line, 0);
      if (q) out.columns.push({ name: q.name, text: line });
      continue;
    }
    const key = keyLineOf(line);
    if (key) out.keys.push(key);
  }
  const tail = (lines[i] ?? ')').slice(1);
  const rest = lines.slice(i + 1).join('\n').trim();
  out.options = tableOptionsOf(tail);
  out.partitioning = rest;
  return out;
}

function keyLineOf(line: string): KeyLine | null {
  if (line.startsWith('PRIMARY KEY')) return { kind: 'primary', name: 'PRIMARY', text: line };
  const named = /^(UNIQUE KEY|KEY|FULLTEXT KEY|SPATIAL KEY|VECTOR KEY) /.exec(line);
  if (named) {
    const q = readQuoted(line, named[0].length);
    return q ? { kind: 'index', name: q.name, text: line } : null;
  }
  if (line.startsWith('CONSTRAINT ')) {
    const q = readQuoted(line, 'CONSTRAINT '.length);
    if (!q) return null;
    const after = line.slice(q.end).trimStart();
    return { kind: after.startsWith('FOREIGN KEY') ? 'foreign' : 'check', name: q.name, text: line };
  }
  if (line.startsWith('CHECK ')) return { kind: 'check', name: '', text: line };
  return null;
}

/** `ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4 COMMENT='x'` → ordered key/value pairs. */
export function tableOptionsOf(tail: string): TableOption[] {
  const options: TableOption[] = [];
  const re = /\s*(DEFAULT CHARSET|DEFAULT COLLATE|`[^`]+`|[A-Z_]+)=('(?:[^'\\]|\\.|'')*'|\S+)/gy;
  for (let m = re.exec(tail); m; m = re.exec(tail)) options.push({ key: m[1]!.toUpperCase(), value: m[2]! });
  return options;
}
