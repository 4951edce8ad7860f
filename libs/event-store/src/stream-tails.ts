import { LRUCache } from 'lru-cache';
import type { CommitDocument, CommitSummary } from './collections';

/** What an append needs to know of a stream's end: its version, its last hash and the commands already in it. */
export interface StreamTail {
  streamType: string;
  version: number;
  lastHash: string;
  commandIds: ReadonlySet<string>;
}

/**
 * The ends of the streams this process read or wrote last, so that an append at exactly that version needs no head
 * read. A tail can only be stale, never wrong: commits are immutable and contiguous, and an append decided on a stale
 * tail collides with the newer commit's `_id` (`<stream>#<version + 1>`), which sends it down the slow path.
 */
export class StreamTails {
  private readonly tails: LRUCache<string, StreamTail>;

  constructor(max: number) {
    this.tails = new LRUCache({ max });
  }

  /** The tail when the caller expects the stream to end at `version`; nothing when this process knows otherwise. */
  at(streamId: string, version: number): StreamTail | undefined {
    const tail = this.tails.get(streamId);
    return tail?.version === version ? tail : undefined;
  }

  /** After a read of the whole stream. */
  remember(streamId: string, streamType: string, commits: readonly CommitSummary[]): void {
    const last = commits.at(-1);
    if (!last) return;
    this.tails.set(streamId, {
      streamType,
      version: last.end,
      lastHash: last.lastHash,
      commandIds: new Set(commits.map((commit) => commit.commandId)),
    });
  }

  /** After this process inserted `commit` on top of `tail` (absent for a new stream). */
  advance(tail: StreamTail | undefined, commit: CommitDocument): void {
    this.tails.set(commit.streamId, {
      streamType: commit.streamType,
      version: commit.end,
      lastHash: commit.lastHash,
      commandIds: new Set([...(tail?.commandIds ?? []), commit.commandId]),
    });
  }

  forget(streamId: string): void {
    this.tails.delete(streamId);
  }
}
