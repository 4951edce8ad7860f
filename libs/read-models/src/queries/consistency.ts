import type { StreamPosition } from '@cm/event-store';
import type { Db } from 'mongodb';
import type { ReadModelName } from '../projections/aliases';
import { liveCollection } from '../projections/aliases';
import { recordIdOf } from '@cm/domain';
import { type StreamView } from '../stream-view';

/** The per-stream read model that folds each stream type: its documents carry the last version applied. */
export const viewOfStreamType: Readonly<Record<string, ReadModelName>> = {
  participant: 'participants',
  need: 'needs',
  pledge: 'pledges',
  allocation: 'allocations',
  coalition: 'coalitions',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function reached(db: Db, position: StreamPosition): Promise<boolean> {
  const model = viewOfStreamType[position.streamType];
  if (!model) return false;
  const collection = await liveCollection<StreamView>(db, model);
  const _id = recordIdOf(position.streamType, position.streamId);
  const doc = await collection.findOne({ _id }, { projection: { version: 1 } });
  return doc !== null && doc.version >= position.version;
}

/**
 * True once the read model of every position's stream type has applied that position's version (each document read
 * by `_id`); false after `timeoutMs`. A position of a stream type without a per-stream read model never counts as
 * reached. Positions already seen are not read again.
 */
export async function waitForPositions(
  db: Db,
  positions: readonly StreamPosition[],
  timeoutMs: number,
  pollMs = 25,
): Promise<boolean> {
  let pending = [...positions];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await Promise.all(pending.map((position) => reached(db, position)));
    pending = pending.filter((_, index) => !seen[index]);
    if (pending.length === 0) return true;
    if (Date.now() >= deadline) return false;
    await sleep(Math.min(pollMs, Math.max(1, deadline - Date.now())));
  }
}

export const waitForPosition = (db: Db, position: StreamPosition, timeoutMs: number, pollMs = 25): Promise<boolean> =>
  waitForPositions(db, [position], timeoutMs, pollMs);
