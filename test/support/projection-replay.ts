import { v7 as uuidv7 } from 'uuid';
import type { Db } from 'mongodb';
import type { EventStore } from '@cm/event-store';
import { ConsumerRunner, topicFor } from '@cm/messaging';
import {
  liveAlias,
  projectionBatchHandler,
  projectionHandler,
  projectionSetNames,
  projectionSets,
  type ProjectionSetName,
} from '@cm/read-models';
import { waitFor } from './processes';
import { testKafka, uniqueName } from './servers';

/** Appends one `NeedPosted` per id straight into the event store, 50 at a time, for `requesterId`. */
export async function seedNeeds(store: EventStore, requesterId: string, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 50) {
    await Promise.all(
      ids.slice(i, i + 50).map((needId, j) =>
        store.append(
          `need-${needId}`,
          'need',
          'no_stream',
          [
            {
              type: 'NeedPosted',
              data: {
                needId,
                requesterId,
                pillar: 'risk_education',
                assistanceType: 'technical',
                title: `need ${i + j}`,
                quantity: { amount: '5.00', unit: 'training_days' },
                priority: 'medium',
                postedAt: '2025-01-01T00:00:00.000Z',
              },
            },
          ],
          {
            commandId: uuidv7(),
            correlationId: 'seed',
            causationId: 'seed',
            actor: { sub: 'seed', role: 'coordinator' },
          },
        ),
      ),
    );
  }
}

/**
 * Replays every projection set's topic from offset 0 into the live read models, through the same handlers as the
 * projector, with consumer groups of its own; resolves when each set has applied as many messages as its topic
 * holds, and returns those message counts by set.
 */
export async function replayTopicsFromStart(db: Db, topicPrefix: string): Promise<Map<ProjectionSetName, number>> {
  const kafka = testKafka();
  const counts = new Map<string, number>();
  const counted = (set: string) => () => counts.set(set, (counts.get(set) ?? 0) + 1);
  const runners = await Promise.all(
    projectionSetNames.map(async (set) => {
      const { generation } = await liveAlias(db, set);
      const runner = new ConsumerRunner(kafka, {
        groupId: uniqueName(`replay-${set}`),
        topics: [topicFor(projectionSets[set].streamType, topicPrefix)],
        handle: projectionHandler(db, set, generation, counted(set)),
        handleBatch: projectionBatchHandler(db, set, generation, counted(set)),
      });
      await runner.start();
      return runner;
    }),
  );
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<ProjectionSetName, number>();
  for (const set of projectionSetNames) {
    const offsets = await admin.fetchTopicOffsets(topicFor(projectionSets[set].streamType, topicPrefix));
    ends.set(
      set,
      offsets.reduce((sum, o) => sum + Number(o.high) - Number(o.low), 0),
    );
  }
  await admin.disconnect();
  await waitFor(
    async () => (projectionSetNames.every((set) => (counts.get(set) ?? 0) >= ends.get(set)!) ? true : undefined),
    'the replay to reach the end of every topic',
    120_000,
  );
  await Promise.all(runners.map((runner) => runner.stop()));
  return ends;
}
