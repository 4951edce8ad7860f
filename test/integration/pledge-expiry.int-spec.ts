import { Db, MongoClient } from 'mongodb';
import { pledgeDecider, pledgeStreamType } from '@cm/domain';
import { collectionsOf, projectionSets } from '@cm/read-models';
import { PledgeExpiry } from '../../libs/application/src/pledges/pledge-expiry';
import { Streams } from '../../libs/application/src/command-executor';
import { ConsistencyTokens } from '../../libs/application/src/consistency/consistency-tokens';
import { storeFor } from '../support/event-log';
import { testMongo, uniqueName } from '../support/servers';

describe('pledge expiry on the real server', () => {
  let client: MongoClient;
  let db: Db;
  let streams: Streams;

  beforeAll(async () => {
    client = await testMongo();
    db = client.db(uniqueName('expiry'));
    streams = new Streams(storeFor(db), new ConsistencyTokens(db));
  });

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  async function submit(pledgeId: string, validUntil: string) {
    const actor = { sub: 'nor-1', role: 'donor' as const, participantId: 'NOR' };
    await streams.execute({
      streamType: pledgeStreamType,
      id: pledgeId,
      decider: pledgeDecider,
      command: {
        type: 'SubmitPledge',
        data: {
          pledgeId,
          donorId: 'NOR',
          assistanceType: 'financial',
          pillars: ['clearance'],
          quantity: { amount: 250000, unit: 'NOK' },
          validUntil,
        },
        metadata: { actor, now: '2026-01-10T09:00:00Z' },
      },
      metadata: { commandId: `submit-${pledgeId}`, correlationId: 'c', causationId: 'c', actor },
    });
    // Project it as the projector would (same projection code, without Kafka in between).
    const { events } = await storeFor(db).readStream(`pledge-${pledgeId}`);
    for (const envelope of events) await projectionSets.pledges.apply(collectionsOf(db, 'pledges', 'g0'), envelope);
  }

  it('expires pledges past their validUntil, once, and leaves valid ones open', async () => {
    await submit('lapsed-1', '2026-06-30');
    await submit('valid-1', '2027-06-30');
    const expiry = new PledgeExpiry(streams, db);

    expect(await expiry.sweep(new Date('2026-12-01T00:00:00Z'))).toEqual(['lapsed-1']);
    const lapsed = await streams.load(pledgeStreamType, 'lapsed-1', pledgeDecider);
    expect(lapsed.state?.status).toBe('expired');
    expect((await storeFor(db).readStream('pledge-lapsed-1')).events.at(-1)).toMatchObject({
      type: 'PledgeExpired',
      metadata: { actor: { sub: 'system:pledge-expiry' } },
    });
    expect((await streams.load(pledgeStreamType, 'valid-1', pledgeDecider)).state?.status).toBe('open');

    // A second sweep before the read model caught up writes nothing new.
    expect(await expiry.sweep(new Date('2026-12-01T00:01:00Z'))).toEqual([]);
    expect((await storeFor(db).readStream('pledge-lapsed-1')).events).toHaveLength(2);
  });
});
