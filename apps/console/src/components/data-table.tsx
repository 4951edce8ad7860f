import { Button, Group, ScrollArea, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export interface Column<T> {
  header: string;
  /** The CSV cell: plain text, the same figure the screen shows (original unit and USD as separate columns). */
  value: (row: T) => string | number;
  render?: (row: T) => ReactNode;
}

function csvOf<T>(columns: Column<T>[], rows: T[]): string {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.map((c) => cell(c.header)), ...rows.map((row) => columns.map((c) => cell(c.value(row))))]
    .map((line) => line.join(','))
    .join('\r\n');
}

export function download(name: string, type: string, content: BlobPart): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Every table can be downloaded as CSV; long lists page through the api's cursor with "load more". */
export function DataTable<T>({
  caption,
  name,
  columns,
  rows,
  rowKey,
  onMore,
}: {
  caption: string;
  name: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  onMore?: () => void;
}) {
  const { t } = useI18n();
  return (
    <div>
      <Group justify="flex-end" mb="xs">
        <Button
          variant="default"
          size="xs"
          onClick={() => download(`${name}.csv`, 'text/csv;charset=utf-8', `\uFEFF${csvOf(columns, rows)}`)}
        >
          {t('table.csv')}
        </Button>
      </Group>
      <ScrollArea>
        <Table striped highlightOnHover captionSide="top">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.header} scope="col">
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((column) => (
                  <Table.Td key={column.header}>{column.render ? column.render(row) : column.value(row)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {onMore && (
        <Button variant="subtle" onClick={onMore} mt="xs">
          {t('table.more')}
        </Button>
      )}
    </div>
  );
}
