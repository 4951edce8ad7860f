import type { AuditEntry } from '@cm/read-models';
import type { ExportFormat } from './audit-search.query';

const csvColumns = [
  'eventId',
  'recordedAt',
  'occurredAt',
  'streamType',
  'streamId',
  'version',
  'type',
  'actorSub',
  'actorRole',
  'actorParticipantId',
  'participants',
  'commandId',
  'correlationId',
  'causationId',
  'prevHash',
  'hash',
  'data',
] as const;

/**
 * One CSV cell (RFC 4180). A text starting like a formula is prefixed with an apostrophe so that a spreadsheet opening
 * the file shows it instead of evaluating it: the data comes from API callers.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvHeader = `${csvColumns.join(',')}\r\n`;

export function csvRowOf(entry: AuditEntry): string {
  const { metadata, data, prevHash, hash } = entry.envelope;
  const cells: Record<(typeof csvColumns)[number], string | number | undefined> = {
    eventId: entry.eventId,
    recordedAt: entry.recordedAt,
    occurredAt: entry.occurredAt,
    streamType: entry.streamType,
    streamId: entry.streamId,
    version: entry.version,
    type: entry.type,
    actorSub: entry.actor.sub,
    actorRole: entry.actor.role,
    actorParticipantId: entry.actor.participantId,
    participants: entry.participants.join(';'),
    commandId: metadata.commandId,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    prevHash,
    hash,
    data: JSON.stringify(data),
  };
  return `${csvColumns.map((column) => csvCell(cells[column])).join(',')}\r\n`;
}

/** What one NDJSON line carries: the search fields and the full envelope, as the search answers them. */
export const auditItemOf = ({ _id, ...entry }: AuditEntry) => entry;

export const ndjsonLineOf = (entry: AuditEntry): string => `${JSON.stringify(auditItemOf(entry))}\n`;

const chunkSize = 64 * 1024;

/**
 * The export as text chunks of about 64 KiB, produced as the consumer reads them: the source is pulled one entry at a
 * time, so memory holds one chunk and the database driver's current batch, whatever the number of rows.
 */
export async function* auditExportChunks(entries: AsyncIterable<AuditEntry>, format: ExportFormat) {
  let chunk = format === 'csv' ? csvHeader : '';
  for await (const entry of entries) {
    chunk += format === 'csv' ? csvRowOf(entry) : ndjsonLineOf(entry);
    if (chunk.length >= chunkSize) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

export const exportContentTypes: Record<ExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** A file name that says what and when: audit-events-2026-03-01T10-00-00Z.csv */
export const exportFileNameOf = (format: ExportFormat, now: Date): string =>
  `audit-events-${now.toISOString().slice(0, 19).replaceAll(':', '-')}Z.${format}`;
