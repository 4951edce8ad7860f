/**
 * Fills a running api with a realistic demo through HTTP: npm run seed:demo [-- --api http://127.0.0.1:3000]
 * Every POST carries a fixed Idempotency-Key, so running it again creates nothing new and prints the same ids.
 * Tokens are signed with AUTH_JWT_SECRET when set, otherwise with the development secret.
 */
import { parseArgs } from 'node:util';
import { Role } from '@cm/domain';
import { signToken } from '@cm/platform';
import { treatyFactPath, treatyFacts } from './seed/treaty-facts';

const { values } = parseArgs({ options: { api: { type: 'string', default: 'http://127.0.0.1:3000' } } });
const api = values.api!.replace(/\/$/, '');
const secret = process.env.AUTH_JWT_SECRET || undefined;

const states = [
  ['LAO', "Lao People's Democratic Republic", 'affected_state'],
  ['LBN', 'Lebanon', 'affected_state'],
  ['IRQ', 'Iraq', 'affected_state'],
  ['VNM', 'Viet Nam', 'affected_state'],
  ['UKR', 'Ukraine', 'affected_state'],
  ['NOR', 'Norway', 'donor'],
  ['DEU', 'Germany', 'donor'],
  ['JPN', 'Japan', 'donor'],
  ['GBR', 'United Kingdom', 'donor'],
  ['USA', 'United States of America', 'donor'],
  ['LTU', 'Lithuania', 'donor'],
] as const;
const treaty: Record<string, string> = { VNM: 'not_party', UKR: 'not_party', USA: 'not_party', LTU: 'not_party' };
const organisations = [['EU', 'European Union']] as const;

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

  const needs: [string, string, Record<string, unknown>][] = [
    [
      'LAO',
      'lao-detectors',
      {
        pillar: 'clearance',
        assistanceType: 'material',
        category: 'metal_detectors',
        title: 'Metal detectors for UXO clearance teams in Xieng Khouang',
        quantity: { amount: 120, unit: 'items' },
        priority: 'critical',
        neededBy: '2027-06-30',
        location: 'Xieng Khouang',
      },
    ],
    [
      'LAO',
      'lao-survey',
      {
        pillar: 'clearance',
        assistanceType: 'financial',
        title: 'Cluster munition remnants survey, Savannakhet',
        quantity: { amount: 1500000, unit: 'USD' },
        priority: 'high',
      },
    ],
    [
      'LBN',
      'lbn-risk-education',
      {
        pillar: 'risk_education',
        assistanceType: 'financial',
        title: 'Risk education in schools of South Lebanon',
        quantity: { amount: 400000, unit: 'EUR' },
        priority: 'high',
      },
    ],
    [
      'IRQ',
      'irq-prosthetics',
      {
        pillar: 'victim_assistance',
        assistanceType: 'material',
        category: 'prosthetics',
        title: 'Prosthetic limbs for survivors in Basra',
        quantity: { amount: 300, unit: 'items' },
        priority: 'critical',
      },
    ],
    [
      'VNM',
      'vnm-eod-training',
      {
        pillar: 'capacity_building',
        assistanceType: 'technical',
        category: 'eod_training',
        title: 'EOD level 3 training for provincial teams',
        quantity: { amount: 90, unit: 'training_days' },
        priority: 'medium',
      },
    ],
    [
      'UKR',
      'ukr-stockpile',
      {
        pillar: 'stockpile_destruction',
        assistanceType: 'technical',
        category: 'stockpile_destruction_expertise',
        title: 'Expert support for stockpile destruction planning',
        quantity: { amount: 60, unit: 'expert_days' },
        priority: 'high',
      },
    ],
    [
      'UKR',
      'ukr-im',
      {
        pillar: 'capacity_building',
        assistanceType: 'financial',
        title: 'Information management system for mine action',
        quantity: { amount: 250000, unit: 'USD' },
        priority: 'low',
      },
    ],
  ];
  const needIds: Record<string, string> = {};
  for (const [requesterId, key, body] of needs) {
    const answer = await post(await token('affected_state', requesterId), '/needs', `need-${key}`, {
      requesterId,
      ...body,
    });
    needIds[key] = answer.id as string;
    console.log(`need ${key} (${requesterId}): ${needIds[key]}`);
  }

  const pledges: [string, string, Record<string, unknown>][] = [
    [
      'NOR',
      'nor-clearance',
      {
        assistanceType: 'financial',
        pillars: ['clearance', 'risk_education'],
        quantity: { amount: 12000000, unit: 'NOK' },
        pledgedOn: '2025-03-01',
        validUntil: '2027-12-31',
      },
    ],
    [
      'DEU',
      'deu-risk-education',
      {
        assistanceType: 'financial',
        pillars: ['risk_education', 'victim_assistance'],
        quantity: { amount: 300000, unit: 'EUR' },
      },
    ],
    [
      'JPN',
      'jpn-detectors',
      {
        assistanceType: 'material',
        pillars: ['clearance'],
        category: 'metal_detectors',
        quantity: { amount: 80, unit: 'items' },
        recipientId: 'LAO',
      },
    ],
    [
      'GBR',
      'gbr-prosthetics',
      {
        assistanceType: 'material',
        pillars: ['victim_assistance'],
        category: 'prosthetics',
        quantity: { amount: 200, unit: 'items' },
      },
    ],
    [
      'USA',
      'usa-im',
      {
        assistanceType: 'financial',
        pillars: ['capacity_building', 'clearance'],
        quantity: { amount: 500000, unit: 'USD' },
      },
    ],
    [
      'EU',
      'eu-eod',
      {
        assistanceType: 'technical',
        pillars: ['capacity_building'],
        category: 'eod_training',
        quantity: { amount: 60, unit: 'training_days' },
      },
    ],
  ];
  const pledgeIds: Record<string, string> = {};
  for (const [donorId, key, body] of pledges) {
    const answer = await post(await token('donor', donorId), '/pledges', `pledge-${key}`, { donorId, ...body });
    pledgeIds[key] = answer.id as string;
    console.log(`pledge ${key} (${donorId}): ${pledgeIds[key]}`);
  }

  const coordinator = await token('coordinator');
  const allocations: [string, string, number][] = [
    ['jpn-detectors', 'lao-detectors', 80],
    ['nor-clearance', 'lao-survey', 5000000],
    ['deu-risk-education', 'lbn-risk-education', 250000],
    ['gbr-prosthetics', 'irq-prosthetics', 150],
    ['eu-eod', 'vnm-eod-training', 40],
  ];
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
