import type { ActorStack, ActorStackOptions } from '../support/actor-stack';
import type { Answer } from '../support/api-client';

/** The participants the coalition suites register, beside the standard actors. */
export const coalitionParticipants: ActorStackOptions['participants'] = [
  'LAO',
  'KHM',
  'NOR',
  'DEU',
  'JPN',
  { id: 'UNMAS', name: 'UN Mine Action Service', kind: 'organization' },
];

/** Laos forms the coalition with Norway as its lead partner. */
export const formBody = { name: 'Lao PDR country coalition', affectedStateId: 'LAO', leadPartnerId: 'NOR' };

/**
 * The Lao assistance story through the api, by hand: a clearance need of USD 100,000 (NOR allocates 40,000 and
 * delivers 10,000, confirmed; JPN, not a member, allocates 20,000) and a victim-assistance need of USD 50,000 (DEU
 * allocates 30,000); a Cambodian need; NOR's open pledges, one untargeted and one for Cambodia. Records the ids it
 * made in `ids` and answers the confirmation.
 */
export async function seedLaoStory(ok: ActorStack['ok'], ids: Record<string, string>): Promise<Answer> {
  const need = async (key: string, pillar: string, amount: number, priority: string) => {
    const answer = await ok('POST', '/needs', 'LAO', {
      requesterId: key.startsWith('khm') ? 'KHM' : 'LAO',
      pillar,
      assistanceType: 'financial',
      title: `${pillar} programme`,
      quantity: { amount, unit: 'USD' },
      priority,
    });
    ids[key] = answer.body.id as string;
  };
  const pledge = async (donor: string, pillars: string[], amount: number) => {
    const answer = await ok('POST', '/pledges', donor, {
      donorId: donor,
      assistanceType: 'financial',
      pillars,
      quantity: { amount, unit: 'USD' },
      conditions: `${donor} reporting conditions`,
    });
    ids[`pledge${donor}`] = answer.body.id as string;
  };
  await need('laoClearance', 'clearance', 100000, 'critical');
  await need('laoVictims', 'victim_assistance', 50000, 'high');
  ids.khmClearance = (
    await ok('POST', '/needs', 'KHM', {
      requesterId: 'KHM',
      pillar: 'clearance',
      assistanceType: 'financial',
      title: 'Clearance in Cambodia',
      quantity: { amount: 80000, unit: 'USD' },
      priority: 'high',
    })
  ).body.id as string;
  await pledge('NOR', ['clearance'], 60000);
  await pledge('DEU', ['clearance', 'victim_assistance'], 45000);
  await pledge('JPN', ['clearance'], 35000);
  // Open pledges of a partner with no allocation yet: one that could serve the State, one targeted elsewhere.
  const openPledge = async (extra: Record<string, unknown>) =>
    (
      await ok('POST', '/pledges', 'NOR', {
        donorId: 'NOR',
        assistanceType: 'financial',
        pillars: ['victim_assistance'],
        quantity: { amount: 25000, unit: 'USD' },
        ...extra,
      })
    ).body.id as string;
  ids.pledgeNOROpen = await openPledge({});
  ids.pledgeNORForKhm = await openPledge({ recipientId: 'KHM' });

  const allocate = async (donor: string, needKey: string, amount: number) => {
    const answer = await ok('POST', '/allocations', donor, {
      pledgeId: ids[`pledge${donor}`],
      needId: ids[needKey],
      amount,
    });
    await ok('POST', `/allocations/${answer.body.id as string}/accept`, 'LAO', {});
    return answer.body.id as string;
  };
  ids.allocationNOR = await allocate('NOR', 'laoClearance', 40000);
  ids.allocationDEU = await allocate('DEU', 'laoVictims', 30000);
  ids.allocationJPN = await allocate('JPN', 'laoClearance', 20000);
  const delivery = await ok('POST', `/allocations/${ids.allocationNOR}/deliveries`, 'NOR', {
    amount: 10000,
    deliveredOn: '2026-01-15',
    reference: 'NOR-LAO-2026-1',
    note: 'first tranche, internal',
  });
  const confirmed = await ok(
    'POST',
    `/allocations/${ids.allocationNOR}/deliveries/${delivery.body.id as string}/confirm`,
    'LAO',
    {},
  );
  return confirmed;
}
