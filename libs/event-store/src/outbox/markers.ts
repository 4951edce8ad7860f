import { type Collection, MongoBulkWriteError } from 'mongodb';
import type { OutboxMarkerDocument, PublicationDocument } from '../collections';

/**
 * "This stream may have events the broker has not seen." An append writes the marker before its commit (and again
 * when it was slow, see MARKER_REFRESH_MS), so a publisher that finds no marker can trust that nothing is waiting.
 */
export async function markForPublication(
  outbox: Collection<OutboxMarkerDocument>,
  streamId: string,
  streamType: string,
  touchedAt = new Date(),
): Promise<void> {
  await outbox.updateOne({ _id: streamId }, { $set: { streamType, touchedAt } }, { upsert: true });
}

/** Marks many streams at once (a restore that publishes the whole history again). */
export async function markAllForPublication(
  outbox: Collection<OutboxMarkerDocument>,
  streams: readonly { streamId: string; streamType: string }[],
  touchedAt: Date,
): Promise<void> {
  if (streams.length === 0) return;
  await outbox.bulkWrite(
    streams.map(({ streamId, streamType }) => ({
      updateOne: { filter: { _id: streamId }, update: { $set: { streamType, touchedAt } }, upsert: true },
    })),
    { ordered: false },
  );
}

/** Raises streams' published watermarks (never lowers them: a late or repeated write changes nothing). */
export async function recordPublished(
  publication: Collection<PublicationDocument>,
  streams: readonly { streamId: string; version: number }[],
): Promise<void> {
  if (streams.length === 0) return;
  await publication.bulkWrite(
    streams.map(({ streamId, version }) => ({
      updateOne: { filter: { _id: streamId }, update: { $max: { version } }, upsert: true },
    })),
    { ordered: false },
  );
}

/** Duplicate key: the document was written by someone else since this process last looked. */
const DUPLICATE_KEY = 11000;

/**
 * recordPublished for a server that takes no multi-document updates (FerretDB, see takesMultiDocumentWrites). The
 * streams that had no watermark document when last read are inserted in one command, one storage transaction (on
 * FerretDB/PostgreSQL 250 concurrent upserts took 0.7–1.0 s, a commit each; one insertMany 16–56 ms); the others,
 * and any whose document appeared meanwhile (its insert's duplicate key), are raised with one command each, all at
 * once. The outcome is recordPublished's.
 */
export async function recordPublishedPerDocument(
  publication: Collection<PublicationDocument>,
  streams: readonly { streamId: string; version: number; stored: boolean }[],
): Promise<void> {
  const fresh = streams.filter((stream) => !stream.stored);
  const raise = streams.filter((stream) => stream.stored);
  if (fresh.length > 0) {
    try {
      await publication.insertMany(
        fresh.map(({ streamId, version }) => ({ _id: streamId, version })),
        { ordered: false },
      );
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      for (const failed of [error.writeErrors].flat()) {
        if (failed.code !== DUPLICATE_KEY) throw error;
        raise.push(fresh[failed.index]);
      }
    }
  }
  await Promise.all(
    raise.map(({ streamId, version }) =>
      publication.updateOne({ _id: streamId }, { $max: { version } }, { upsert: true }),
    ),
  );
}
