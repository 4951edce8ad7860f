import { commitId, CommitDocument, CommitSummary, EventStoreCollections } from './collections';

export interface StreamHead {
  streamType: string | null;
  version: number;
  /** Sorted by start version, contiguous from 1. */
  commits: CommitSummary[];
}

const summaryOf = (commit: CommitDocument): CommitSummary => ({
  start: commit.start,
  end: commit.end,
  commandId: commit.commandId,
  lastHash: commit.lastHash,
});

/**
 * Knows where a stream's commits are. The head document is a cache of the commit list that can lag one step
 * behind after a crash; the commits themselves are the truth, found by `_id` (`<stream>#<next version>`).
 */
export class StreamHeads {
  /** Summaries waiting for a background head write, per stream, and the streams with a write in flight. */
  private readonly pending = new Map<string, { streamType: string; commits: CommitSummary[] }>();
  private readonly writing = new Set<string>();

  constructor(private readonly collections: EventStoreCollections) {}

  async read(streamId: string, options: { probe?: boolean } = {}): Promise<StreamHead> {
    const stored = await this.collections.heads.findOne({ _id: streamId });
    const commits = contiguous(stored?.commits ?? []);
    const head: StreamHead = {
      streamType: stored?.streamType ?? null,
      version: commits.at(-1)?.end ?? 0,
      commits,
    };
    if (!options.probe) return head;
    const found = await this.probeAfter(streamId, head.version);
    if (found.length === 0) return head;
    await this.repair(streamId, found);
    const all = [...commits, ...found.map(summaryOf)];
    return { streamType: found[0].streamType, version: all.at(-1)!.end, commits: all };
  }

  /**
   * Every commit of the stream, in order, fetched by `_id` in parallel. The first commit is fetched beside the head:
   * every stream has one, so a stream that does not exist yet costs one round trip of latency, not two.
   */
  async readCommits(streamId: string): Promise<{ streamType: string | null; commits: CommitDocument[] }> {
    const [head, first] = await Promise.all([
      this.read(streamId),
      this.collections.commits.findOne({ _id: commitId(streamId, 1) }),
    ]);
    const listed = await Promise.all(
      head.commits.map((summary) =>
        summary.start === 1 ? first : this.collections.commits.findOne({ _id: commitId(streamId, summary.start) }),
      ),
    );
    const commits: CommitDocument[] = [];
    for (const commit of listed) {
      if (!commit) break; // listed but unreadable: stop at the last commit known to exist
      commits.push(commit);
    }
    const unlisted = commits.length === 0 && first ? [first] : []; // the head was lost, or not written yet
    const newer = [...unlisted, ...(await this.probeAfter(streamId, (unlisted[0] ?? commits.at(-1))?.end ?? 0))];
    if (newer.length > 0) await this.repair(streamId, newer);
    const all = [...commits, ...newer];
    return { streamType: all[0]?.streamType ?? head.streamType, commits: all };
  }

  /** After a successful commit insert: advance the head (idempotent, order-independent). */
  async record(streamId: string, streamType: string, commit: CommitDocument): Promise<void> {
    await this.recordSummaries(streamId, streamType, [summaryOf(commit)]);
  }

  /**
   * Advances the head off the append's path: the head is only a cache, so the answer need not wait for it. Writes
   * for one stream are coalesced (one update carries every commit appended while the previous one was in flight);
   * a write that fails is dropped, and the next reader finds those commits by probing and repairs the head.
   */
  recordLater(streamId: string, streamType: string, commit: CommitDocument): void {
    const queued = this.pending.get(streamId);
    if (queued) queued.commits.push(summaryOf(commit));
    else this.pending.set(streamId, { streamType, commits: [summaryOf(commit)] });
    if (this.writing.has(streamId)) return;
    this.writing.add(streamId);
    void (async () => {
      for (let next = this.pending.get(streamId); next; next = this.pending.get(streamId)) {
        this.pending.delete(streamId);
        await this.recordSummaries(streamId, next.streamType, next.commits).catch(() => undefined);
      }
      this.writing.delete(streamId);
    })();
  }

  private async recordSummaries(streamId: string, streamType: string, commits: CommitSummary[]): Promise<void> {
    await this.collections.heads.updateOne(
      { _id: streamId },
      {
        $setOnInsert: { streamType },
        $max: { version: Math.max(...commits.map((commit) => commit.end)) },
        $addToSet: { commits: { $each: commits } },
      },
      { upsert: true },
    );
  }

  private async probeAfter(streamId: string, version: number): Promise<CommitDocument[]> {
    const found: CommitDocument[] = [];
    let next = version + 1;
    for (;;) {
      const commit = await this.collections.commits.findOne({ _id: commitId(streamId, next) });
      if (!commit) return found;
      found.push(commit);
      next = commit.end + 1;
    }
  }

  private async repair(streamId: string, commits: CommitDocument[]): Promise<void> {
    for (const commit of commits) await this.record(streamId, commit.streamType, commit);
  }
}

/** Concurrent head updates may land out of order; keep the run of commits that starts at 1 without a gap. */
function contiguous(commits: CommitSummary[]): CommitSummary[] {
  const sorted = [...commits].sort((a, b) => a.start - b.start);
  const run: CommitSummary[] = [];
  let next = 1;
  for (const commit of sorted) {
    if (commit.start < next) continue; // a duplicate summary
    if (commit.start > next) break;
    run.push(commit);
    next = commit.end + 1;
  }
  return run;
}
