import { Answer } from '../support/api-client';
import type { ActorStack } from '../support/actor-stack';
import { waitFor } from '../support/processes';

export interface Amount {
  amount: number;
  unit: string;
}
export interface Candidate {
  pledgeId?: string;
  needId?: string;
  score: number;
  reasons: { component: string; value: number; weight: number; detail: string }[];
  amount: Amount;
}
export interface PlanAllocation {
  needId: string;
  pledgeId: string;
  amountInPledgeUnit: Amount;
  amountInNeedUnit: Amount;
}
export interface EntryReport {
  needId: string;
  pledgeId: string;
  outcome: string;
  allocationId?: string;
  consistencyToken?: string;
  problem?: { code: string };
}

export const cents = (amount: number): number => Math.round(amount * 100);
export const reason = (candidate: Candidate, component: string) =>
  candidate.reasons.find((r) => r.component === component);

export type Seeded = Record<string, { id: string; quantity: Amount }>;

/** The queries and plan jobs of the matching specs, over one stack's `send`. */
export function matchingClientOf(send: ActorStack['send']) {
  const created = (answer: Answer): Answer => {
    expect({ status: answer.status, body: answer.body }).toMatchObject({ status: 201 });
    return answer;
  };

  /**
   * Polls a query until `accept` holds: the read models follow the commands a moment later, and the projector's
   * consumer groups may still be joining (or rebalancing with other suites' projectors) when the first commands run.
   */
  const eventually = (path: string, accept: (body: Record<string, unknown>) => boolean, as = 'coordinator') =>
    waitFor(
      async () => {
        const answer = await send('GET', path, as);
        return answer.status === 200 && accept(answer.body) ? answer.body : undefined;
      },
      `${path} to show the seeded state`,
      90_000,
    );

  /** Starts a plan job (202, Location) and answers it once it has completed. */
  async function applyPlan(body: Record<string, unknown>) {
    const started = await send('POST', '/matching/plan/apply', 'coordinator', body);
    expect(started).toMatchObject({ status: 202, body: { id: expect.any(String), status: 'queued' } });
    const path = `/matching/plan/jobs/${started.body.id as string}`;
    return { status: 200, body: await eventually(path, (job) => job.status === 'completed') };
  }
  return { created, eventually, applyPlan };
}

/** Registers four States (one former user) and posts four needs and three pledges, recording their ids by key. */
export async function seedMatchingRecord(send: ActorStack['send'], needs: Seeded, pledges: Seeded) {
  const { created } = matchingClientOf(send);
  const participants = [
    { id: 'USA', name: 'United States', kind: 'state', treatyStatus: 'not_party', usedClusterMunitionsIn: ['LAO'] },
    { id: 'NOR', name: 'Norway', kind: 'state', treatyStatus: 'state_party' },
    { id: 'LAO', name: 'Lao PDR', kind: 'state', treatyStatus: 'state_party' },
    { id: 'KHM', name: 'Cambodia', kind: 'state', treatyStatus: 'signatory' },
  ];
  for (const participant of participants) created(await send('POST', '/participants', 'admin', participant));

  const need = async (key: string, body: Record<string, unknown>) => {
    const answer = created(await send('POST', '/needs', 'coordinator', { pillar: 'clearance', ...body }));
    needs[key] = { id: answer.body.id as string, quantity: body.quantity as Amount };
  };
  const financial = { assistanceType: 'financial', title: 'Survey and clearance' };
  await need('laoCritical', {
    ...financial,
    requesterId: 'LAO',
    quantity: { amount: 100000, unit: 'USD' },
    priority: 'critical',
  });
  await need('laoLow', {
    ...financial,
    requesterId: 'LAO',
    quantity: { amount: 50000, unit: 'USD' },
    priority: 'low',
  });
  await need('khmHigh', {
    ...financial,
    requesterId: 'KHM',
    quantity: { amount: 80000, unit: 'USD' },
    priority: 'high',
    neededBy: '2027-06-30',
  });
  await need('laoDetectors', {
    requesterId: 'LAO',
    assistanceType: 'material',
    category: 'metal_detectors',
    title: 'Detectors',
    quantity: { amount: 40, unit: 'items' },
    priority: 'high',
  });

  const pledge = async (key: string, body: Record<string, unknown>) => {
    const answer = created(await send('POST', '/pledges', 'coordinator', { pillars: ['clearance'], ...body }));
    pledges[key] = { id: answer.body.id as string, quantity: body.quantity as Amount };
  };
  await pledge('usa', { donorId: 'USA', assistanceType: 'financial', quantity: { amount: 120000, unit: 'USD' } });
  await pledge('norForKhm', {
    donorId: 'NOR',
    assistanceType: 'financial',
    pillars: ['clearance', 'victim_assistance'],
    quantity: { amount: 60000, unit: 'USD' },
    recipientId: 'KHM',
  });
  await pledge('norDetectors', {
    donorId: 'NOR',
    assistanceType: 'material',
    category: 'metal_detectors',
    quantity: { amount: 30, unit: 'items' },
  });
}

/**
 * Resolves once the matching read models show the whole seeded record (the former user's link, both pledges for
 * Cambodia's need, the targeted pledge's need, two needs for the open pledge): the ranking spec's reads wait on the
 * same conditions, and a plan computed before them would plan with part of the record.
 */
export async function seededRecordProjected(
  eventually: ReturnType<typeof matchingClientOf>['eventually'],
  needs: Seeded,
  pledges: Seeded,
) {
  await eventually(
    `/needs/${needs.laoCritical.id}/matches`,
    (b) => (b.items as Candidate[]).some((c) => reason(c, 'former_user_link')?.value === 1),
    'LAO',
  );
  await eventually(`/needs/${needs.khmHigh.id}/matches`, (b) => (b.items as Candidate[]).length === 2);
  await eventually(`/pledges/${pledges.norForKhm.id}/matches`, (b) => (b.items as Candidate[]).length >= 1, 'NOR');
  await eventually(`/pledges/${pledges.usa.id}/matches?limit=2`, (b) => (b.items as Candidate[]).length === 2);
}
