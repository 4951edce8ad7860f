import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Db, MongoClient } from 'mongodb';
import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope } from '@cm/event-store';
import {
  auditedStreamTypes,
  auditEntries,
  auditEntryOf,
  auditModelsOf,
  collectionsOf,
  liveCollection,
  projectionSets,
} from '@cm/read-models';
import { auditExportChunks } from '../../apps/api/src/audit/audit-export';
import { storeFor } from '../support/event-log';
import { testMongo, uniqueName } from '../support/servers';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** The live heap (after a full collection): what the export really holds on to, not garbage awaiting collection. */
const liveHeap = (): number => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

const rows = 100_000;
const padding = 'x'.repeat(1_500);

function envelopeOf(index: number): EventEnvelope {
  const streamType = auditedStreamTypes[index % auditedStreamTypes.length];
  return {
    eventId: uuidv7(),
    type: 'NeedRevised',
    schemaVersion: 1,
    streamId: `${streamType}-${index % 997}`,
    streamType,
    version: index + 1,
    occurredAt: '2026-03-01T10:00:00.000Z',
    recordedAt: '2026-03-01T10:00:00.000Z',
    data: { index, note: padding },
    metadata: {
      commandId: `c-${index}`,
      correlationId: `r-${index}`,
      causationId: `c-${index}`,
      actor: { sub: 'lao-1', role: 'affected_state', participantId: 'LAO' },
    },
    prevHash: '0'.repeat(64),
    hash: 'f'.repeat(64),
  };
}

describe('audit read model on the real database server (FerretDB)', () => {
  let mongo: MongoClient;
  let db: Db;

  beforeAll(async () => {
    mongo = await testMongo();
    db = mongo.db(uniqueName('auditexport'));
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await mongo?.close();
  });

  it('names the parties of a stream on every event of it, also on events that do not repeat them', async () => {
    const store = storeFor(db);
    const metadata = (n: number) => ({
      commandId: `cmd-${n}`,
      correlationId: `corr-${n}`,
      causationId: `cmd-${n}`,
      actor: { sub: 'nor-1', role: 'donor', participantId: 'NOR' },
    });
    const streamId = 'allocation-a1';
    await store.append(
      streamId,
      'allocation',
      'no_stream',
      [{ type: 'AllocationRequested', data: { allocationId: 'a1', donorId: 'NOR', recipientId: 'LAO' } }],
      metadata(1),
    );
    await store.append(
      streamId,
      'allocation',
      1,
      [{ type: 'AllocationAccepted', data: { allocationId: 'a1' } }],
      metadata(2),
    );
    const { events } = await store.readStream(streamId);
    const set = projectionSets.allocationAudit;
    const collections = collectionsOf(db, 'allocationAudit', 'g0');
    await set.apply(collections, events[0] as EventEnvelope);
    await set.applyBatch(collections, [events[1] as EventEnvelope]);
    await set.applyBatch(collections, events as EventEnvelope[]); // a redelivery changes nothing
    const entries = await liveCollection(db, 'allocationAudit');
    const stored = await entries.find({}).sort({ _id: 1 }).toArray();
    expect(stored.map((entry) => [entry.type, entry.version, entry.participants, entry.actor])).toEqual([
      ['AllocationRequested', 1, ['NOR', 'LAO'], { sub: 'nor-1', role: 'donor', participantId: 'NOR' }],
      ['AllocationAccepted', 2, ['NOR', 'LAO'], { sub: 'nor-1', role: 'donor', participantId: 'NOR' }],
    ]);
    expect(stored[1].envelope).toEqual(JSON.parse(JSON.stringify(events[1])));
    await entries.deleteMany({});
  });

  it(`exports ${rows.toLocaleString('en')} audit rows with a bounded heap`, async () => {
    for (const streamType of auditedStreamTypes) {
      await (await liveCollection(db, auditModelsOf[streamType].entries)).deleteMany({});
    }
    for (let start = 0; start < rows; start += 2_000) {
      const batch = Array.from({ length: Math.min(2_000, rows - start) }, (_, i) => envelopeOf(start + i));
      const byType = new Map<string, ReturnType<typeof auditEntryOf>[]>();
      for (const envelope of batch) {
        byType.set(envelope.streamType, [...(byType.get(envelope.streamType) ?? []), auditEntryOf(envelope, ['LAO'])]);
      }
      for (const [streamType, entries] of byType) {
        const collection = await liveCollection(db, auditModelsOf[streamType as keyof typeof auditModelsOf].entries);
        await collection.insertMany(entries as never[], { ordered: false });
      }
    }

    const before = liveHeap();
    let peak = before;
    let lines = 0;
    let bytes = 0;
    let lastId = '';
    let ordered = true;
    let chunks = 0;
    for await (const chunk of auditExportChunks(auditEntries(db, { participant: 'LAO' }), 'ndjson')) {
      bytes += chunk.length;
      for (const line of chunk.split('\n')) {
        if (!line) continue;
        lines += 1;
        const eventId = line.slice(line.indexOf('"eventId":"') + 11, line.indexOf('"eventId":"') + 47);
        ordered &&= eventId > lastId;
        lastId = eventId;
      }
      chunks += 1;
      if (chunks % 200 === 0) peak = Math.max(peak, liveHeap());
    }
    peak = Math.max(peak, liveHeap());

    expect(lines).toBe(rows);
    expect(ordered).toBe(true);
    // Holding the rows would take more than the file itself (~190 MB of text); the stream holds a batch and a chunk.
    expect(bytes).toBeGreaterThan(150 * 1024 * 1024);
    expect(peak - before).toBeLessThan(40 * 1024 * 1024);
  }, 600_000); // seeding ~190 MB of rows is the database server's work, minutes on a loaded 2-core machine
});
