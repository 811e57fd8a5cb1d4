// The mariadb CLI's `--xml` output as columns and rows: `<field name="x" xsi:nil="true" />` is NULL,
// `<field name="x">NULL</field>` the text, so NULLs and embedded newlines come through exactly.

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (_m, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : XML_ENTITIES[name]!);
}

export function parseCliXml(xml: string): { columns: string[]; rows: (string | null)[][] } {
  const columns: string[] = [];
  const rows: (string | null)[][] = [];
  for (const rowMatch of xml.matchAll(/<row>([\s\S]*?)<\/row>/g)) {
    const row: (string | null)[] = [];
    const names: string[] = [];
    for (const f of rowMatch[1]!.matchAll(/<field name="([^"]*)"(?: xsi:nil="true" \/>|>([\s\S]*?)<\/field>)/g)) {
      names.push(decodeXml(f[1]!));
      row.push(f[2] === undefined ? null : decodeXml(f[2]));
    }
    if (columns.length === 0) columns.push(...names);
    rows.push(row);
  }
  return { columns, rows };
}
