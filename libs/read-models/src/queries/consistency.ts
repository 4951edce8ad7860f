import type { Db } from 'mongodb';
import type { ReadModelName } from '../projections/aliases';
import { liveCollection } from '../projections/aliases';
import { recordIdOf, type StreamView } from '../stream-view';

export interface StreamPosition {
  streamType: string;
  streamId: string;
  version: number;
}

const viewOfStreamType: Record<string, ReadModelName> = {
  participant: 'participants',
  need: 'needs',
  pledge: 'pledges',
  allocation: 'allocations',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True once the stream's read-model document has applied `version`; false after `timeoutMs`. Reads by `_id` only. */
export async function waitForPosition(
  db: Db,
  position: StreamPosition,
  timeoutMs: number,
  pollMs = 25,
): Promise<boolean> {
  const model = viewOfStreamType[position.streamType];
  if (!model) return false;
  const _id = recordIdOf(position.streamType, position.streamId);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const collection = await liveCollection<StreamView>(db, model);
    const doc = await collection.findOne({ _id }, { projection: { version: 1 } });
    if (doc && doc.version >= position.version) return true;
    if (Date.now() >= deadline) return false;
    await sleep(Math.min(pollMs, Math.max(1, deadline - Date.now())));
  }
}
