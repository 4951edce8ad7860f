import type { Kafka } from 'kafkajs';
import type { Db } from 'mongodb';
import { eventStoreCollections, type EventEnvelope } from '@cm/event-store';
import { topicFor, type StreamType } from '@cm/messaging';
import {
  collectionNameOf,
  dumpGeneration,
  evolveAllocationView,
  evolveNeedView,
  evolvePledgeView,
  liveAlias,
  projectionSetNames,
  rebuildProjectionSet,
  type ProjectionSetName,
} from '@cm/read-models';
import { collectTopic, storeFor } from '../support/event-log';
import { waitFor } from '../support/processes';
import type { Accepted } from './mixed-load';

/** What the faults suite checks after the faults: the store, the topics and the read models agree, once each. */

const views = {
  need: { set: 'needs', evolve: evolveNeedView },
  pledge: { set: 'pledges', evolve: evolvePledgeView },
  allocation: { set: 'allocations', evolve: evolveAllocationView },
} as const;
type Evolve = (doc: never, envelope: EventEnvelope) => unknown;
export type Streams = Map<string, EventEnvelope[]>;

/** Every stream in the store, with its events. */
export async function storedStreams(db: Db): Promise<Streams> {
  const store = storeFor(db);
  const streams: Streams = new Map();
  for await (const head of eventStoreCollections(db).heads.find({}, { projection: { _id: 1 } })) {
    streams.set(head._id, (await store.readStream(head._id)).events);
  }
  return streams;
}

/** Stored events of the need, pledge and allocation streams not (yet) in their topic, after waiting up to 90 s. */
export async function missingInKafka(kafka: Kafka, streams: Streams, topicPrefix: string): Promise<string[]> {
  const missing: string[] = [];
  for (const streamType of ['need', 'pledge', 'allocation'] as StreamType[]) {
    const log = await collectTopic(kafka, topicFor(streamType, topicPrefix));
    const stored = [...streams.values()].flat().filter((e) => e.streamType === streamType);
    // Kafka may hold an event more than once (at-least-once delivery): wait for every distinct event id.
    const distinct = () => new Set(log.events.map((e) => e.eventId));
    await waitFor(
      async () => (stored.every((e) => distinct().has(e.eventId)) ? true : undefined),
      `every stored ${streamType} event in its topic`,
      90_000,
    )
      .catch(() => undefined)
      .finally(() => log.stop());
    const published = distinct();
    missing.push(...stored.filter((e) => !published.has(e.eventId)).map((e) => `${e.streamId} v${e.version}`));
  }
  return missing;
}

/** Accepted commands whose event is not in the store exactly once, each with the count found. */
export function notStoredOnce(accepted: readonly Accepted[], streams: Streams): string[] {
  const eventsOf = (streamId: string) => streams.get(streamId) ?? [];
  const ofType = (streamId: string, type: string, match: (data: Record<string, unknown>) => boolean = () => true) =>
    eventsOf(streamId).filter((e) => e.type === type && match(e.data as Record<string, unknown>)).length;
  const wrong: string[] = [];
  for (const command of accepted) {
    const allocation = `allocation-${command.allocationId ?? command.id}`;
    const count = {
      'post-need': () => ofType(`need-${command.id}`, 'NeedPosted'),
      'submit-pledge': () => ofType(`pledge-${command.id}`, 'PledgeSubmitted'),
      'request-allocation': () => ofType(allocation, 'AllocationRequested'),
      accept: () => ofType(allocation, 'AllocationAccepted'),
      'record-delivery': () => ofType(allocation, 'DeliveryRecorded', (d) => d.deliveryId === command.id),
      'confirm-delivery': () => ofType(allocation, 'DeliveryConfirmed', (d) => d.deliveryId === command.id),
    }[command.command]();
    if (count !== 1) wrong.push(`${command.command} ${command.id}: ${count} in the store`);
  }
  return wrong;
}

/** Streams whose read-model document has not reached the stream's version yet (one query per read model). */
export async function lagging(db: Db, streams: Streams): Promise<string[]> {
  const applied = new Map<string, number>();
  for (const [streamType, view] of Object.entries(views)) {
    const alias = await liveAlias(db, view.set);
    const docs = db
      .collection(collectionNameOf(view.set as never, alias.generation))
      .find({}, { projection: { version: 1 } });
    for await (const doc of docs) applied.set(`${streamType}-${String(doc._id)}`, doc.version as number);
  }
  return [...streams]
    .filter(([, events]) => events[0].streamType in views)
    .filter(([streamId, events]) => (applied.get(streamId) ?? 0) < events.length)
    .map(([streamId, events]) => `${streamId} at ${applied.get(streamId) ?? 0} of ${events.length}`);
}

/**
 * Every read-model document against the fold of its stream's events (nothing applied twice or skipped): the streams
 * whose document differs (the first two with both sides) and those allocated beyond their quantity.
 */
export async function foldMismatches(
  db: Db,
  streams: Streams,
): Promise<{ unequal: string[]; overAllocated: string[] }> {
  const unequal: string[] = [];
  const overAllocated: string[] = [];
  for (const [streamId, events] of streams) {
    const streamType = events[0].streamType as keyof typeof views;
    const view = views[streamType];
    if (!view) continue;
    const expected = events.reduce((doc, e) => (view.evolve as Evolve)(doc as never, e), null as unknown);
    const actual = await liveDocument(db, view.set, streamId.slice(streamType.length + 1));
    const [got, folded] = [JSON.stringify(canonical(actual)), JSON.stringify(canonical(expected))];
    if (got !== folded) unequal.push(unequal.length < 2 ? `${streamId}: read model ${got}, fold ${folded}` : streamId);
    const totals = actual as { quantity?: { amount: string }; allocated?: { amount: string } } | null;
    if (totals?.quantity && totals.allocated && Number(totals.allocated.amount) > Number(totals.quantity.amount)) {
      overAllocated.push(streamId);
    }
  }
  return { unequal, overAllocated };
}

/** Every projection set rebuilt from its topic into a new generation, dumped canonically. */
export async function cleanRebuild(db: Db, kafka: Kafka, topicPrefix: string): Promise<string> {
  const results = await Promise.all(
    projectionSetNames.map((set) =>
      rebuildProjectionSet(db, kafka, set, { topicPrefix, switchOver: false, timeoutMs: 180_000 }),
    ),
  );
  const dumps = await Promise.all(results.map((result) => dumpGeneration(db, result.set, result.generation)));
  return dumps.join('\n');
}

async function liveDocument(db: Db, set: ProjectionSetName, id: string): Promise<unknown> {
  const alias = await liveAlias(db, set);
  return db.collection(collectionNameOf(set as never, alias.generation)).findOne({ _id: id as never });
}

/** Keys sorted; `undefined` as `null`, as the driver stores it. */
function canonical(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
