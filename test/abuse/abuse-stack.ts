import { MongoClient } from 'mongodb';
import { Role } from '@cm/domain';
import { commandClient } from '../e2e/support-command-api';
import { RunningProcess, startStack, waitFor } from '../support/processes';
import { kafkaBrokers, mongodbUri, testMongo, uniqueName } from '../support/servers';
import { Seeded } from './routes';

/** The full stack of an abuse suite, on a database and topic prefix of its own, with seeded records and a token per role. */
export interface AbuseStack {
  base: string;
  database: string;
  processes: RunningProcess[];
  mongo: MongoClient;
  tokens: Record<Role, string>;
  ids: Seeded;
  /** The consistencyToken of the last seeding command: a real X-Consistent-With value. */
  consistencyToken: string;
  /** The `next` of a first page of participants: a real list cursor. */
  cursor: string;
  stop: () => Promise<void>;
}

/** Starts relay, projector and api (rate limits off, as startApp sets them) and seeds one record of each kind. */
export async function startAbuseStack(label: string): Promise<AbuseStack> {
  const database = uniqueName(label);
  const { processes, base } = await startStack({
    MONGODB_URI: mongodbUri,
    MONGODB_DATABASE: database,
    KAFKA_BROKERS: kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: `${database}.`,
    LOG_LEVEL: 'error',
  });
  const mongo = await testMongo();
  const stop = async () => {
    await Promise.all(processes.map((process) => process.stop()));
    await mongo
      .db(database)
      .dropDatabase()
      .catch(() => undefined);
    await mongo.close();
  };
  try {
    const { tokens, ids, consistencyToken, cursor } = await seedRecords(base);
    return { base, database, processes, mongo, tokens, ids, consistencyToken, cursor, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function seedRecords(
  base: string,
): Promise<{ tokens: Record<Role, string>; ids: Seeded; consistencyToken: string; cursor: string }> {
  const client = commandClient(base);
  const tokens: Record<Role, string> = {
    admin: await client.token('admin'),
    coordinator: await client.token('coordinator'),
    analyst: await client.token('analyst'),
    donor: await client.token('donor', 'NOR'),
    affected_state: await client.token('affected_state', 'LAO'),
  };
  let consistencyToken = '';
  const send = async (path: string, as: Role, body: unknown) => {
    const answer = await client.send('POST', path, { token: tokens[as], body });
    if (answer.status >= 300) throw new Error(`seeding ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    consistencyToken = answer.body.consistencyToken as string;
    return answer.body.id as string;
  };
  await send('/participants', 'admin', { id: 'NOR', name: 'Norway', kind: 'state', treatyStatus: 'state_party' });
  await send('/participants', 'admin', { id: 'LAO', name: 'Lao PDR', kind: 'state', treatyStatus: 'state_party' });
  const material = { assistanceType: 'material', category: 'metal_detectors' };
  const needId = await send('/needs', 'affected_state', {
    ...material,
    requesterId: 'LAO',
    pillar: 'clearance',
    title: 'Metal detectors',
    quantity: { amount: 100, unit: 'items' },
    priority: 'high',
  });
  const pledgeId = await send('/pledges', 'donor', {
    ...material,
    donorId: 'NOR',
    pillars: ['clearance'],
    quantity: { amount: 100, unit: 'items' },
  });
  const allocationId = await send('/allocations', 'donor', { pledgeId, needId, amount: 40 });
  await send(`/allocations/${allocationId}/accept`, 'affected_state', {});
  const deliveryId = await send(`/allocations/${allocationId}/deliveries`, 'donor', {
    amount: 10,
    deliveredOn: '2025-05-01',
  });
  // Queries must find the records (so that they reach the real read paths) and the projector must be idle.
  await waitFor(async () => {
    const answer = await client.send('GET', `/allocations/${allocationId}`, { token: tokens.coordinator });
    const deliveries = (answer.body.deliveries as unknown[] | undefined) ?? [];
    return answer.status === 200 && deliveries.length === 1 ? true : undefined;
  }, 'the seeded records in the read models');
  const page = await client.send('GET', '/participants?limit=1', { token: tokens.coordinator });
  if (typeof page.body.next !== 'string')
    throw new Error(`no cursor after one participant: ${JSON.stringify(page.body)}`);
  return {
    tokens,
    consistencyToken,
    cursor: page.body.next,
    ids: { recipientId: 'LAO', donorId: 'NOR', needId, pledgeId, allocationId, deliveryId, streamId: `need-${needId}` },
  };
}
