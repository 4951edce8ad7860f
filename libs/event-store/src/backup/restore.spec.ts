import type { EventEnvelope } from '../envelope';
import { GENESIS_HASH, hashOf } from '../hash-chain';
import { BACKUP_FORMAT, type BackupCommit, LineDigest } from './backup-format';
import { verifyBackup } from './verify-backup';

const metadata = { commandId: 'c', correlationId: 'c', causationId: 'c', actor: { sub: 's', role: 'admin' } };

function sealedStream(streamId: string, count: number): EventEnvelope[] {
  const events: EventEnvelope[] = [];
  let prevHash = GENESIS_HASH;
  for (let version = 1; version <= count; version += 1) {
    const unsigned = {
      eventId: `${streamId}-e${version}`,
      type: 'NeedPosted',
      schemaVersion: 1,
      streamId,
      streamType: 'need',
      version,
      occurredAt: '2025-01-01T00:00:00.000Z',
      recordedAt: '2025-01-01T00:00:00.000Z',
      data: { n: version },
      metadata: { ...metadata, commandId: `${streamId}-c${version}` },
      prevHash,
    };
    const event = { ...unsigned, hash: hashOf(unsigned) };
    events.push(event);
    prevHash = event.hash;
  }
  return events;
}

const commitOf = (events: EventEnvelope[]): BackupCommit => ({
  _id: `${events[0].streamId}#${events[0].version}`,
  streamId: events[0].streamId,
  streamType: 'need',
  start: events[0].version,
  end: events.at(-1)!.version,
  commandId: events[0].metadata.commandId,
  lastHash: events.at(-1)!.hash,
  events,
  recordedAt: '2025-01-01T00:00:00.000Z',
});

/** A well-formed file (header, one line per commit, trailer with the right digest) around the given commits. */
function backupOf(commits: BackupCommit[]): string[] {
  const digest = new LineDigest();
  const lines = [
    JSON.stringify({ header: { format: BACKUP_FORMAT, formatVersion: 1, createdAt: 'now', database: 'db' } }),
    ...commits.map((commit) => JSON.stringify({ commit })),
  ];
  lines.forEach((line) => digest.add(line));
  const streams = new Set(commits.map((commit) => commit.streamId)).size;
  const events = commits.reduce((sum, commit) => sum + commit.events.length, 0);
  const trailer = { streams, commits: commits.length, events, sha256: digest.hex() };
  return [...lines, JSON.stringify({ end: trailer })];
}

const source = (lines: string[]) => () =>
  (async function* () {
    yield* lines;
  })();

describe('verifyBackup', () => {
  const a = sealedStream('need-a', 3);
  const b = sealedStream('need-b', 2);

  it('accepts a faithful file and reports its counts', async () => {
    const verified = await verifyBackup(source(backupOf([commitOf(a.slice(0, 2)), commitOf(a.slice(2)), commitOf(b)])));
    expect(verified.trailer).toMatchObject({ streams: 2, commits: 3, events: 5 });
  });

  it('names a missing commit (a gap in the versions)', async () => {
    await expect(verifyBackup(source(backupOf([commitOf(a.slice(0, 1)), commitOf(a.slice(2))])))).rejects.toThrow(
      'stream need-a continues at version 3 after version 1',
    );
  });

  it('names the event whose predecessor was removed and the chain re-linked by hand', async () => {
    const [first, , third] = a;
    await expect(
      verifyBackup(source(backupOf([commitOf([first]), commitOf([{ ...third, version: 2 }])]))),
    ).rejects.toThrow(/event need-a-e3, stream need-a version 2\): prevHash does not match/);
  });

  it('refuses an edit that re-sealed every hash when the digest kept at backup time is given', async () => {
    const faithful = backupOf([commitOf(b)]);
    const trailer = JSON.parse(faithful.at(-1)!).end as { sha256: string };
    let prevHash = GENESIS_HASH;
    const forged = b.map(({ hash: _old, ...event }) => {
      const unsigned = { ...event, data: { n: 99 }, prevHash };
      prevHash = hashOf(unsigned);
      return { ...unsigned, hash: prevHash };
    });
    const lines = backupOf([commitOf(forged)]);
    await expect(verifyBackup(source(lines))).resolves.toBeDefined();
    await expect(verifyBackup(source(lines), { expectSha256: trailer.sha256 })).rejects.toThrow(
      `is not the expected ${trailer.sha256}`,
    );
  });

  it('refuses a trailer whose counts do not match the file', async () => {
    const lines = backupOf([commitOf(b)]);
    const end = JSON.parse(lines.at(-1)!) as { end: { events: number } };
    end.end.events = 3;
    lines[lines.length - 1] = JSON.stringify(end);
    await expect(verifyBackup(source(lines))).rejects.toThrow('the trailer says events 3, the file holds 2');
  });

  it('refuses a file that is not a backup', async () => {
    await expect(verifyBackup(source(['{"hello":1}']))).rejects.toThrow('expected one of');
    await expect(verifyBackup(source(['not json']))).rejects.toThrow('line 1: not valid JSON');
  });
});
