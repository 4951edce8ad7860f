/**
 * Fills a running api with a realistic demo through HTTP: npm run seed:demo [-- --api http://127.0.0.1:3000]
 * Every POST carries a fixed Idempotency-Key, so running it again creates nothing new and prints the same ids.
 * Tokens are signed with AUTH_JWT_SECRET when set, otherwise with the development secret.
 */
import { parseArgs } from 'node:util';
import { Role } from '@cm/domain';
import { signToken } from '@cm/platform';
import { allocations, needs, organisations, pledges, states, treaty } from './seed/demo-records';
import { treatyFactPath, treatyFacts } from './seed/treaty-facts';

const { values } = parseArgs({ options: { api: { type: 'string', default: 'http://127.0.0.1:3000' } } });
const api = values.api!.replace(/\/$/, '');
const secret = process.env.AUTH_JWT_SECRET || undefined;

async function post(token: string, path: string, key: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'idempotency-key': `seed-demo-${key}`,
    },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  if (!response.ok && answer.code !== 'ALREADY_EXISTS') {
    throw new Error(`${path} ${key}: ${response.status} ${JSON.stringify(answer)}`);
  }
  return answer;
}

async function main(): Promise<void> {
  const token = (role: Role, participant?: string) =>
    signToken({ role, participant, secret, sub: `seed-${participant ?? role}` });
  const admin = await token('admin');
  for (const [id, name] of states) {
    await post(admin, '/participants', `participant-${id}`, {
      id,
      name,
      kind: 'state',
      treatyStatus: treaty[id] ?? 'state_party',
      ...(id === 'USA' && { usedClusterMunitionsIn: ['LAO', 'VNM', 'IRQ'] }),
      ...(id === 'GBR' && { usedClusterMunitionsIn: ['IRQ'] }),
    });
  }
  for (const [id, name] of organisations)
    await post(admin, '/participants', `participant-${id}`, { id, name, kind: 'organization' });
  console.log(`participants: ${[...states.map(([id]) => id), ...organisations.map(([id]) => id)].join(', ')}`);
  for (const [index, fact] of treatyFacts.entries()) {
    await post(admin, treatyFactPath(fact), `treaty-${fact.participantId}-${index}`, fact.body);
  }
  console.log(
    `treaty facts: ${treatyFacts.length} (${[...new Set(treatyFacts.map((f) => f.participantId))].join(', ')})`,
  );

  const needIds: Record<string, string> = {};
  for (const [requesterId, key, body] of needs) {
    const answer = await post(await token('affected_state', requesterId), '/needs', `need-${key}`, {
      requesterId,
      ...body,
    });
    needIds[key] = answer.id as string;
    console.log(`need ${key} (${requesterId}): ${needIds[key]}`);
  }

  const pledgeIds: Record<string, string> = {};
  for (const [donorId, key, body] of pledges) {
    const answer = await post(await token('donor', donorId), '/pledges', `pledge-${key}`, { donorId, ...body });
    pledgeIds[key] = answer.id as string;
    console.log(`pledge ${key} (${donorId}): ${pledgeIds[key]}`);
  }

  const coordinator = await token('coordinator');
  const allocationIds: Record<string, string> = {};
  for (const [pledge, need, amount] of allocations) {
    const answer = await post(coordinator, '/allocations', `allocation-${pledge}-${need}`, {
      pledgeId: pledgeIds[pledge],
      needId: needIds[need],
      amount,
    });
    allocationIds[pledge] = answer.id as string;
    console.log(`allocation ${pledge} → ${need} (${amount}): ${answer.id as string} ${answer.status as string}`);
  }

  // Two deliveries of Japan's detectors to Laos, both confirmed; one UK delivery to Iraq awaiting confirmation.
  const lao = await token('affected_state', 'LAO');
  await post(lao, `/allocations/${allocationIds['jpn-detectors']}/accept`, 'accept-jpn-lao', {});
  const jpn = await token('donor', 'JPN');
  for (const [key, amount, deliveredOn] of [
    ['1', 50, '2025-09-15'],
    ['2', 30, '2025-11-20'],
  ] as const) {
    const delivery = await post(
      jpn,
      `/allocations/${allocationIds['jpn-detectors']}/deliveries`,
      `delivery-jpn-${key}`,
      {
        amount,
        deliveredOn,
        reference: `JICA-LAO-2025-${key}`,
      },
    );
    await post(
      lao,
      `/allocations/${allocationIds['jpn-detectors']}/deliveries/${delivery.id as string}/confirm`,
      `confirm-jpn-${key}`,
      {},
    );
    console.log(`delivery ${delivery.id as string}: ${amount} detectors to LAO, confirmed`);
  }
  const irq = await token('affected_state', 'IRQ');
  await post(irq, `/allocations/${allocationIds['gbr-prosthetics']}/accept`, 'accept-gbr-irq', {});
  const gbr = await token('donor', 'GBR');
  const delivery = await post(gbr, `/allocations/${allocationIds['gbr-prosthetics']}/deliveries`, 'delivery-gbr-1', {
    amount: 75,
    deliveredOn: '2025-10-01',
  });
  console.log(`delivery ${delivery.id as string}: 75 prosthetics to IRQ, awaiting confirmation`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
