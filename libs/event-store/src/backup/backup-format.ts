import { createHash, type Hash } from 'node:crypto';
import type { CommitDocument } from '../collections';

/**
 * A backup is NDJSON: one header line, one line per commit (a stream's commits in version order, each carrying its
 * sealed events with their hash chain), and one trailer line with the counts and the SHA-256 of every line before it.
 * A file without its trailer was cut short and is refused.
 */
export const BACKUP_FORMAT = 'cm-article6/event-store-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  database: string;
}

/** A commit as written to the file: the stored document with its time as ISO text. */
export type BackupCommit = Omit<CommitDocument, 'recordedAt'> & { recordedAt: string };

export interface BackupTrailer {
  streams: number;
  commits: number;
  events: number;
  /** SHA-256 (hex) over the bytes of every line before the trailer, newlines included. */
  sha256: string;
}

export type BackupLine = { header: BackupHeader } | { commit: BackupCommit } | { end: BackupTrailer };

export const commitLine = (commit: CommitDocument): BackupLine => ({
  commit: { ...commit, recordedAt: commit.recordedAt.toISOString() },
});

export const storedCommit = (commit: BackupCommit): CommitDocument => ({
  ...commit,
  recordedAt: new Date(commit.recordedAt),
});

/** The running digest both sides compute over the lines before the trailer. */
export class LineDigest {
  private readonly hash: Hash = createHash('sha256');

  add(line: string): void {
    this.hash.update(`${line}\n`);
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}
