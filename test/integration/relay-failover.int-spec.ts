import { Kafka } from 'kafkajs';
import { Db, MongoClient } from 'mongodb';
import { topicFor } from '@cm/messaging';
import { appendNeedEvents, assertStreamOrder, collectTopic, ReceivedLog, storeFor } from '../support/event-log';
import { freePort } from '../support/ports';
import { startApp, waitFor } from '../support/processes';
import { kafkaBrokers, mongodbUri, testKafka, testMongo, uniqueName, withAdmin } from '../support/servers';

/** The relay as it runs in production: separate processes, killed with SIGKILL, two at once. */
describe('relay processes under failure', () => {
  let client: MongoClient;
  let kafka: Kafka;

  beforeAll(async () => {
    client = await testMongo();
    kafka = testKafka();
  });

  afterAll(async () => {
    await client.close();
  });

  function relayEnv(db: Db, prefix: string, extra: Record<string, string> = {}) {
    return {
      MONGODB_URI: mongodbUri,
      MONGODB_DATABASE: db.databaseName,
      KAFKA_BROKERS: kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      ...extra,
    };
  }

  async function startRelay(env: Record<string, string>) {
    const port = await freePort();
    const relay = startApp('relay', { ...env, PORT: String(port) });
    return { relay, port };
  }

  async function leaseHeld(port: number): Promise<number | undefined> {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const match = /^relay_lease_held\{[^}]*\} (\d)/m.exec(text);
    return match ? Number(match[1]) : undefined;
  }

  it('loses nothing when SIGKILLed in the middle of publishing 1,000 events', async () => {
    const db = client.db(uniqueName('relay_kill'));
    const prefix = `${uniqueName('kill')}.`;
    const streams = Array.from({ length: 50 }, (_, i) => `need-kill-${i}`);
    await appendNeedEvents(storeFor(db), streams, 20);

    const env = relayEnv(db, prefix, { RELAY_BATCH_SIZE: '25', RELAY_LEASE_TTL_MS: '3000' });
    let { relay } = await startRelay(env);
    await waitFor(
      async () =>
        (await withAdmin(kafka, (admin) => admin.listTopics())).includes(topicFor('need', prefix)) || undefined,
      'topics',
    );
    const log: ReceivedLog = await collectTopic(kafka, topicFor('need', prefix));
    await waitFor(
      async () => (log.events.length >= 150 ? true : undefined),
      'some events to be published',
      60_000,
      relay.output,
    );
    expect(await relay.stop('SIGKILL')).toBe('SIGKILL');
    const atKill = new Set(log.events.map((event) => event.eventId)).size;
    expect(atKill).toBeLessThan(1000);

    ({ relay } = await startRelay(env));
    await waitFor(
      async () => (new Set(log.events.map((event) => event.eventId)).size >= 1000 ? true : undefined),
      'all 1,000 events after the restart',
      120_000,
      () => `${log.events.length} received\n${relay.output()}`,
    );
    await relay.stop('SIGTERM');
    await log.stop();
    assertStreamOrder(log.events, new Map(streams.map((streamId) => [streamId, 20])));
    await db.dropDatabase();
  });

  it('lets only one of two relays publish, and the other take over within seconds when it dies', async () => {
    const db = client.db(uniqueName('relay_pair'));
    const prefix = `${uniqueName('pair')}.`;
    const env = relayEnv(db, prefix, { RELAY_LEASE_TTL_MS: '3000' });
    const first = await startRelay(env);
    const second = await startRelay(env);
    const relays = [first, second];
    const held = async () => Promise.all(relays.map(({ port }) => leaseHeld(port).catch(() => undefined)));
    await waitFor(
      async () => ((await held()).join() === '1,0' || (await held()).join() === '0,1' ? true : undefined),
      'one lease holder',
      60_000,
    );
    for (let check = 0; check < 5; check++) {
      expect((await held()).sort().join()).toBe('0,1');
      await new Promise((resolve) => setTimeout(resolve, 300));
    }

    const store = storeFor(db);
    await appendNeedEvents(store, ['need-pair-1'], 3);
    const log = await collectTopic(kafka, topicFor('need', prefix));
    await waitFor(async () => (log.events.length >= 3 ? true : undefined), 'events from the holder');

    const holderIndex = (await held()).indexOf(1);
    const holder = relays[holderIndex];
    const standby = relays[1 - holderIndex];
    await holder.relay.stop('SIGKILL');
    const killedAt = Date.now();
    await waitFor(
      async () => ((await leaseHeld(standby.port)) === 1 ? true : undefined),
      'the standby to take over',
      20_000,
    );
    const takeoverMs = Date.now() - killedAt;
    expect(takeoverMs).toBeLessThan(10_000);

    await appendNeedEvents(store, ['need-pair-2'], 2);
    await waitFor(
      async () => (new Set(log.events.map((e) => e.eventId)).size >= 5 ? true : undefined),
      'events from the new holder',
    );
    await log.stop();
    await standby.relay.stop('SIGTERM');
    assertStreamOrder(
      log.events,
      new Map([
        ['need-pair-1', 3],
        ['need-pair-2', 2],
      ]),
    );
    await db.dropDatabase();
  });
});
