import { MongoClient } from 'mongodb';
import { Role } from '@cm/domain';
import { actorStack } from '../support/actor-stack';
import { ApiClient } from '../support/api-client';
import { RunningProcess, waitFor } from '../support/processes';
import { Seeded } from './route-kinds';

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
  const stack = actorStack(label, { env: { LOG_LEVEL: 'error' } });
  const stop = () => stack.stop('SIGTERM');
  try {
    await stack.start();
    const { admin, coordinator, analyst, NOR: donor, LAO: affected_state } = stack.tokens;
    const tokens: Record<Role, string> = { admin, coordinator, analyst, donor, affected_state };
    const { ids, consistencyToken, cursor } = await seedRecords(stack.client, tokens);
    const { base, database, processes, mongo } = stack;
    return { base, database, processes, mongo, tokens, ids, consistencyToken, cursor, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function seedRecords(
  client: ApiClient,
  tokens: Record<Role, string>,
): Promise<{ ids: Seeded; consistencyToken: string; cursor: string }> {
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
  // The participants project in their own consumer group: wait for them too, until a page of one has a cursor.
  const cursor = await waitFor(async () => {
    const page = await client.send('GET', '/participants?limit=1', { token: tokens.coordinator });
    return typeof page.body.next === 'string' ? page.body.next : undefined;
  }, 'a cursor after the first participant in the participants read model');
  return {
    consistencyToken,
    cursor,
    ids: { recipientId: 'LAO', donorId: 'NOR', needId, pledgeId, allocationId, deliveryId, streamId: `need-${needId}` },
  };
}
