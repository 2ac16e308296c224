// The mysql client's --xml answer: one <resultset> per statement that returned rows, NULL marked
// as xsi:nil (so it is never confused with the string 'NULL'). Text outside the elements (the
// client's warnings) is ignored.

export type Row = Record<string, string | null>;

export interface ResultSet {
  columns: string[];
  rows: Row[];
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? whole;
  });
}

const RESULTSET = /<resultset\b[^>]*?(\/>|>([\s\S]*?)<\/resultset>)/g;
const ROW = /<row>([\s\S]*?)<\/row>/g;
const FIELD = /<field name="([^"]*)"(\s+xsi:nil="true"\s*\/>|\s*\/>|>([\s\S]*?)<\/field>)/g;

export function parseXmlResults(stdout: string): ResultSet[] {
  const sets: ResultSet[] = [];
  for (const set of stdout.matchAll(RESULTSET)) {
    const rows: Row[] = [];
    let columns: string[] = [];
    for (const row of (set[2] ?? '').matchAll(ROW)) {
      const value: Row = {};
      for (const f of row[1].matchAll(FIELD)) {
        const name = unescapeXml(f[1]);
        value[name] = f[2].includes('xsi:nil') ? null : unescapeXml(f[3] ?? '');
      }
      if (columns.length === 0) columns = Object.keys(value);
      rows.push(value);
    }
    sets.push({ columns, rows });
  }
  return sets;
}
