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

export function csvOf<Row>(columns: readonly (keyof Row & string)[], rows: readonly Row[]): string {
  const line = (cells: readonly (string | number | null | undefined)[]) => `${cells.map(csvCell).join(',')}\r\n`;
  return (
    line(columns) +
    rows.map((row) => line(columns.map((column) => row[column] as string | number | null | undefined))).join('')
  );
}
