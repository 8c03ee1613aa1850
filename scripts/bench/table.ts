// The bench's one table, in Markdown so README.md can carry it as printed.

export interface Row {
  what: string;
  target: string;
  ours: string;
  naive: string;
  ratio: string;
}

const HEADER: Row = { what: 'measure', target: 'target', ours: 'ours', naive: 'naive', ratio: 'ours:naive' };

export function printTable(rows: readonly Row[]): void {
  const columns = Object.keys(HEADER) as (keyof Row)[];
  const all = [HEADER, ...rows];
  const widths = columns.map((key) => Math.max(...all.map((row) => row[key].length)));
  const line = (row: Row) => `| ${columns.map((key, index) => row[key].padEnd(widths[index])).join(' | ')} |`;

  console.log(line(HEADER));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  rows.forEach((row) => console.log(line(row)));
}
