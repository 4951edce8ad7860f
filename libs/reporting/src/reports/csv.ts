/**
 * One CSV cell (RFC 4180). Text that a spreadsheet would evaluate as a formula gets a leading apostrophe; numbers
 * written as decimal text (including negative ones) are left as they are.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

type Cell = string | number | null | undefined;

const lineOf = (cells: readonly Cell[]) => `${cells.map(csvCell).join(',')}\r\n`;

const linesOf = <Row>(columns: readonly (keyof Row & string)[], rows: readonly Row[]): string =>
  rows.map((row) => lineOf(columns.map((column) => row[column] as Cell))).join('');

export function csvOf<Row>(columns: readonly (keyof Row & string)[], rows: readonly Row[]): string {
  return lineOf(columns) + linesOf(columns, rows);
}

/** The text of `csvOf` in chunks: the header line, then `rowsPerChunk` rows at a time, for a response written as it goes. */
export function* csvChunksOf<Row>(
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
  rowsPerChunk = 500,
): Generator<string> {
  yield lineOf(columns);
  for (let start = 0; start < rows.length; start += rowsPerChunk) {
    yield linesOf(columns, rows.slice(start, start + rowsPerChunk));
  }
}
