import { context, propagation, trace } from '@opentelemetry/api';
import { node } from '@opentelemetry/sdk-node';
import { Db, MongoClient } from 'mongodb';
import { testMongo, uniqueName } from '../../../test/support/servers';
import { eventStoreCollections } from './collections';
import { EventMetadata } from './envelope';
import { hashOf } from './hash-chain';
import { MongoEventStore } from './mongo-event-store';
import { EventTypeRegistry } from './registry';

const metadata = (commandId: string): EventMetadata => ({
  commandId,
  correlationId: commandId,
  causationId: commandId,
  actor: { sub: 'user-1', role: 'affected_state', participantId: 'LAO' },
});

describe('the trace context of an append, on the real server', () => {
  let client: MongoClient;
  let db: Db;
  let store: MongoEventStore;

  beforeAll(async () => {
    new node.NodeTracerProvider().register();
    client = await testMongo();
    db = client.db(uniqueName('commit_trace'));
    store = new MongoEventStore(
      db,
      new EventTypeRegistry([{ streamType: 'need', type: 'NeedPosted', schemaVersion: 1 }]),
    );
  });

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('is stored on the commit beside the events, outside their hashes, and only when traced', async () => {
    const event = [{ type: 'NeedPosted', data: { title: 'detectors' } }];
    await store.append('need-untraced', 'need', 'no_stream', event, metadata('c1'));
    const span = trace.getTracer('spec').startSpan('request');
    const traced = await context.with(trace.setSpan(context.active(), span), () =>
      store.append('need-traced', 'need', 'no_stream', event, metadata('c2')),
    );
    span.end();

    const commits = eventStoreCollections(db).commits;
    const untraced = (await commits.findOne({ streamId: 'need-untraced' }))!;
    expect(untraced).not.toHaveProperty('trace');
    const stored = (await commits.findOne({ streamId: 'need-traced' }))!;
    const { traceId, spanId } = span.spanContext();
    expect(stored.trace).toEqual({ traceparent: `00-${traceId}-${spanId}-01` });
    expect(JSON.stringify(traced.events)).not.toContain(traceId); // not in the envelopes Kafka carries
    expect(stored.events.map((envelope) => hashOf(envelope) === envelope.hash)).toEqual([true]);
    expect(await store.verifyStream('need-traced')).toMatchObject({ ok: true, eventsChecked: 1 });
  });
});
