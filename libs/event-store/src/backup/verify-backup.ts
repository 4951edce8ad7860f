import { commitId } from '../collections';
import { hashOf, GENESIS_HASH } from '../hash-chain';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupCommit,
  type BackupHeader,
  type BackupLine,
  type BackupTrailer,
  LineDigest,
} from './backup-format';

/** The file is not a faithful backup: nothing was written. Names the line and, where one is at fault, the event. */
export class BackupRefusedError extends Error {
  readonly code = 'BACKUP_REFUSED';
  constructor(
    readonly line: number,
    readonly reason: string,
    readonly event?: { eventId: string; streamId: string; version: number },
  ) {
    const at = event ? ` (event ${event.eventId}, stream ${event.streamId} version ${event.version})` : '';
    super(`backup refused at line ${line}${at}: ${reason}`);
    this.name = 'BackupRefusedError';
  }
}

export interface VerifiedBackup {
  header: BackupHeader;
  trailer: BackupTrailer;
}

/** Opens the backup's lines again from the start (a restore reads the file twice: to verify, then to load). */
export type BackupSource = () => AsyncIterable<string>;

interface StreamTip {
  streamType: string;
  end: number;
  lastHash: string;
}

/**
 * Checks the whole file before anything is written: its header and trailer, every event's hash and its link to the
 * one before, versions without gaps, commits that follow their stream's last, and the digest of every line. An edit
 * that does not re-seal the chain is named by its event; one that re-seals it changes the trailer's digest, which an
 * operator who kept the digest printed at backup time can pass as `expectSha256`.
 */
export async function verifyBackup(
  source: BackupSource,
  options: { expectSha256?: string } = {},
): Promise<VerifiedBackup> {
  const digest = new LineDigest();
  const tips = new Map<string, StreamTip>();
  const counted = { commits: 0, events: 0 };
  let header: BackupHeader | undefined;
  let trailer: BackupTrailer | undefined;
  let lineNumber = 0;
  for await (const text of source()) {
    lineNumber += 1;
    if (text.trim() === '') continue;
    if (trailer) throw new BackupRefusedError(lineNumber, 'content after the trailer');
    const line = parseLine(text, lineNumber);
    if ('header' in line) {
      if (lineNumber !== 1) throw new BackupRefusedError(lineNumber, 'a second header');
      header = checkHeader(line.header, lineNumber);
    } else if (!header) {
      throw new BackupRefusedError(lineNumber, `not a ${BACKUP_FORMAT} file: the first line is not its header`);
    } else if ('commit' in line) {
      checkCommit(line.commit, tips, lineNumber);
      counted.commits += 1;
      counted.events += line.commit.events.length;
    } else {
      trailer = checkTrailer(line.end, { ...counted, streams: tips.size, sha256: digest.hex() }, lineNumber);
      continue;
    }
    digest.add(text);
  }
  if (!header) throw new BackupRefusedError(lineNumber, 'the file is empty');
  if (!trailer) throw new BackupRefusedError(lineNumber, 'the file ends without its trailer: it was cut short');
  if (options.expectSha256 && options.expectSha256.toLowerCase() !== trailer.sha256) {
    throw new BackupRefusedError(lineNumber, `digest ${trailer.sha256} is not the expected ${options.expectSha256}`);
  }
  return { header, trailer };
}

function parseLine(text: string, lineNumber: number): BackupLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupRefusedError(lineNumber, 'not valid JSON');
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && ['header', 'commit', 'end'].includes(keys[0])) return value as BackupLine;
  }
  throw new BackupRefusedError(lineNumber, 'expected one of {"header"}, {"commit"} or {"end"}');
}

function checkHeader(header: BackupHeader, lineNumber: number): BackupHeader {
  if (header?.format !== BACKUP_FORMAT) throw new BackupRefusedError(lineNumber, `not a ${BACKUP_FORMAT} file`);
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupRefusedError(lineNumber, `format version ${header.formatVersion} is not ${BACKUP_FORMAT_VERSION}`);
  }
  return header;
}

function checkCommit(commit: BackupCommit, tips: Map<string, StreamTip>, lineNumber: number): void {
  const events = Array.isArray(commit?.events) ? commit.events : [];
  if (events.length === 0 || typeof commit.streamId !== 'string' || typeof commit.commandId !== 'string') {
    throw new BackupRefusedError(lineNumber, 'a commit needs a streamId, a commandId and at least one event');
  }
  if (commit._id !== commitId(commit.streamId, commit.start) || commit.end !== commit.start + events.length - 1) {
    throw new BackupRefusedError(lineNumber, `commit ${String(commit._id)} does not match its versions and events`);
  }
  if (Number.isNaN(Date.parse(commit.recordedAt))) throw new BackupRefusedError(lineNumber, 'recordedAt is not a time');
  const tip = tips.get(commit.streamId);
  if ((tip?.end ?? 0) + 1 !== commit.start) {
    throw new BackupRefusedError(
      lineNumber,
      `stream ${commit.streamId} continues at version ${commit.start} after version ${tip?.end ?? 0}`,
    );
  }
  if (tip && tip.streamType !== commit.streamType) {
    throw new BackupRefusedError(lineNumber, `stream ${commit.streamId} changes type to ${commit.streamType}`);
  }
  let previous = tip?.lastHash ?? GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const at = { eventId: String(event?.eventId), streamId: commit.streamId, version: commit.start + index };
    if (event?.version !== at.version || event.streamId !== commit.streamId || event.streamType !== commit.streamType) {
      throw new BackupRefusedError(lineNumber, 'the event does not belong at this place of its stream', at);
    }
    if (event.prevHash !== previous) {
      throw new BackupRefusedError(lineNumber, 'prevHash does not match the previous event', at);
    }
    if (hashOf(event) !== event.hash) throw new BackupRefusedError(lineNumber, 'content does not match its hash', at);
    previous = event.hash;
  }
  if (commit.lastHash !== previous) {
    throw new BackupRefusedError(lineNumber, `commit ${commit._id} names a last hash its events do not end with`);
  }
  tips.set(commit.streamId, { streamType: commit.streamType, end: commit.end, lastHash: previous });
}

function checkTrailer(trailer: BackupTrailer, found: BackupTrailer, lineNumber: number): BackupTrailer {
  for (const key of ['streams', 'commits', 'events', 'sha256'] as const) {
    if (trailer?.[key] !== found[key]) {
      throw new BackupRefusedError(
        lineNumber,
        `the trailer says ${key} ${trailer?.[key]}, the file holds ${found[key]}`,
      );
    }
  }
  return trailer;
}
