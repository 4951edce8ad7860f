import type { Collection } from 'mongodb';
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
