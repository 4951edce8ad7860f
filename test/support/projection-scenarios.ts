import { v7 as uuidv7 } from 'uuid';
import type { Db } from 'mongodb';
import type { MongoEventStore } from '@cm/event-store';
import { collectionNameOf, liveAlias, type ProjectionSetName, readModelsBySet, dumpLive } from '@cm/read-models';
import { storySteps } from './assistance-story';
import { waitFor } from './processes';

const metadata = (n: number) => ({
  commandId: uuidv7(),
  correlationId: `seed-${n}`,
  causationId: `seed-${n}`,
  actor: { sub: 'seed', role: 'coordinator' },
});

/** The version each seeded stream reached, so that a test knows when the projections have caught up. */
export type ExpectedVersions = Map<string, number>;

/**
 * Seeds one full assistance story straight into the event store (11 events over a need, a pledge and an allocation):
 * posted, submitted, requested, proposed, reserved on both sides, accepted, delivered, confirmed on all three.
 */
export async function seedStory(store: MongoEventStore, n: number, expected: ExpectedVersions): Promise<number> {
  const steps = storySteps(n);
  for (const [streamType, id, event] of steps) {
    const streamId = `${streamType}-${id}`;
    const version = expected.get(streamId) ?? 0;
    await store.append(streamId, streamType, version === 0 ? 'no_stream' : version, [event], metadata(n));
    expected.set(streamId, version + 1);
  }
  return steps.length;
}

export async function seedStories(store: MongoEventStore, from: number, count: number, expected: ExpectedVersions) {
  let events = 0;
  const workers = Array.from({ length: 6 }, async (_, worker) => {
    for (let n = from + worker; n < from + count; n += 6) {
      const appended = await seedStory(store, n, expected);
      events += appended;
    }
  });
  await Promise.all(workers);
  return events;
}

const modelOfStreamType: Record<string, 'needs' | 'pledges' | 'allocations' | 'participants'> = {
  need: 'needs',
  pledge: 'pledges',
  allocation: 'allocations',
  participant: 'participants',
};

/** Waits until every seeded stream's live document shows its last version, then until the dumps stop changing. */
export async function waitForProjections(db: Db, expected: ExpectedVersions, timeoutMs = 120_000): Promise<void> {
  await waitFor(
    async () => {
      for (const model of ['needs', 'pledges', 'allocations', 'participants'] as const) {
        const set = model as ProjectionSetName;
        const alias = await liveAlias(db, set);
        const docs = await db
          .collection(collectionNameOf(model, alias.generation))
          .find({}, { projection: { version: 1 } })
          .toArray();
        const versions = new Map(docs.map((doc) => [String(doc._id), doc.version as number]));
        for (const [streamId, version] of expected) {
          const [streamType] = streamId.split('-', 1);
          if (modelOfStreamType[streamType] !== model) continue;
          if ((versions.get(streamId.slice(streamType.length + 1)) ?? 0) < version) return undefined;
        }
      }
      return true;
    },
    'the projections to reach the seeded versions',
    timeoutMs,
  );
  let previous = '';
  await waitFor(async () => {
    const now = await dumpAll(db);
    const stable = now === previous;
    previous = now;
    if (!stable) await new Promise((resolve) => setTimeout(resolve, 300));
    return stable ? true : undefined;
  }, 'the read models to settle');
}

export async function dumpAll(db: Db): Promise<string> {
  const dumps = await Promise.all(Object.keys(readModelsBySet).map((set) => dumpLive(db, set as ProjectionSetName)));
  return dumps.join('\n');
}
