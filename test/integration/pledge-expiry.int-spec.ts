import { Db, MongoClient } from 'mongodb';
import { pledgeAggregate } from '@cm/domain';
import { collectionsOf, projectionSets } from '@cm/read-models';
import { CommandExecutor, ConsistencyTokens, PledgeExpiry } from '@cm/application';
import { storeFor } from '../support/event-log';
import { testMongo, uniqueName } from '../support/servers';

describe('pledge expiry on the real server', () => {
  let client: MongoClient;
  let db: Db;
  let executor: CommandExecutor;

  beforeAll(async () => {
    client = await testMongo();
    db = client.db(uniqueName('expiry'));
    executor = new CommandExecutor(storeFor(db), new ConsistencyTokens(db));
  });

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  async function submit(pledgeId: string, validUntil: string) {
    const actor = { sub: 'nor-1', role: 'donor' as const, participantId: 'NOR' };
    const data = {
      pledgeId,
      donorId: 'NOR',
      assistanceType: 'financial' as const,
      pillars: ['clearance' as const],
      quantity: { amount: 250000, unit: 'NOK' },
      validUntil,
    };
    const context = { actor, now: '2026-01-10T09:00:00Z', commandId: `submit-${pledgeId}`, correlationId: 'c' };
    await executor.execute(pledgeAggregate, pledgeId, { type: 'SubmitPledge', data }, context);
    // Project it as the projector would (same projection code, without Kafka in between).
    const { events } = await storeFor(db).readStream(`pledge-${pledgeId}`);
    for (const envelope of events) await projectionSets.pledges.apply(collectionsOf(db, 'pledges', 'g0'), envelope);
  }

  it('expires pledges past their validUntil, once, and leaves valid ones open', async () => {
    await submit('lapsed-1', '2026-06-30');
    await submit('valid-1', '2027-06-30');
    const expiry = new PledgeExpiry(executor, db);

    expect(await expiry.sweep(new Date('2026-12-01T00:00:00Z'))).toEqual(['lapsed-1']);
    const lapsed = await executor.load(pledgeAggregate, 'lapsed-1');
    expect(lapsed.state?.status).toBe('expired');
    expect((await storeFor(db).readStream('pledge-lapsed-1')).events.at(-1)).toMatchObject({
      type: 'PledgeExpired',
      metadata: { actor: { sub: 'system:pledge-expiry' } },
    });
    expect((await executor.load(pledgeAggregate, 'valid-1')).state?.status).toBe('open');

    // A second sweep before the read model caught up writes nothing new.
    expect(await expiry.sweep(new Date('2026-12-01T00:01:00Z'))).toEqual([]);
    expect((await storeFor(db).readStream('pledge-lapsed-1')).events).toHaveLength(2);
  });
});
