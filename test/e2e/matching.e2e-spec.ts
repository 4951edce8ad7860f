import { v7 as uuidv7 } from 'uuid';
import { Answer } from '../support/api-client';
import { useActorStack } from '../support/actor-stack';
import { waitFor } from '../support/processes';

interface Amount {
  amount: number;
  unit: string;
}
interface Candidate {
  pledgeId?: string;
  needId?: string;
  score: number;
  reasons: { component: string; value: number; weight: number; detail: string }[];
  amount: Amount;
}
interface PlanAllocation {
  needId: string;
  pledgeId: string;
  amountInPledgeUnit: Amount;
  amountInNeedUnit: Amount;
}
interface EntryReport {
  needId: string;
  pledgeId: string;
  outcome: string;
  allocationId?: string;
  consistencyToken?: string;
  problem?: { code: string };
}

const cents = (amount: number): number => Math.round(amount * 100);
const reason = (candidate: Candidate, component: string) => candidate.reasons.find((r) => r.component === component);

describe('matching offers to needs (api, relay and projector processes)', () => {
  const stack = useActorStack('matching', { env: { CONSISTENCY_WAIT_MS: '30000' } });
  const { tokens, send } = stack;
  const needs: Record<string, { id: string; quantity: Amount }> = {};
  const pledges: Record<string, { id: string; quantity: Amount }> = {};

  let laoAllocationOfUsa: string | undefined;

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

  it('seeds participants (one former user), needs and pledges through the api', async () => {
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
  });

  it('ranks the pledges for a need with every reason, the Art. 4(4) link, and no pledge targeted elsewhere', async () => {
    const body = await eventually(
      `/needs/${needs.laoCritical.id}/matches`,
      // Also waits for the participants' projection: the Art. 4(4) link comes from the former user's registration.
      (b) => (b.items as Candidate[]).some((c) => reason(c, 'former_user_link')?.value === 1),
      'LAO',
    );
    const items = body.items as Candidate[];
    expect(items.map((c) => c.pledgeId)).toEqual([pledges.usa.id]);
    const [usa] = items;
    expect(usa.reasons.map((r) => r.component)).toEqual([
      'priority',
      'coverable_share',
      'urgency',
      'targeted',
      'former_user_link',
      'prior_deliveries',
    ]);
    expect(reason(usa, 'former_user_link')).toMatchObject({ value: 1, detail: expect.stringContaining('USA') });
    expect(reason(usa, 'coverable_share')).toMatchObject({ value: 1 });
    expect(usa.amount).toEqual({ amount: 100000, unit: 'USD' });
    expect(body.need).toMatchObject({ id: needs.laoCritical.id, remaining: { amount: 100000, unit: 'USD' } });

    const khm = await eventually(`/needs/${needs.khmHigh.id}/matches`, (b) => (b.items as Candidate[]).length === 2);
    const khmItems = khm.items as Candidate[];
    expect(khmItems.map((c) => c.pledgeId)).toEqual([pledges.norForKhm.id, pledges.usa.id]);
    expect(reason(khmItems[0], 'targeted')).toMatchObject({ value: 1 });
    expect(khmItems[0].score).toBeGreaterThan(khmItems[1].score);
  });

  it('ranks the needs for a pledge: a targeted pledge only for its recipient, the critical need first', async () => {
    const targeted = await eventually(
      `/pledges/${pledges.norForKhm.id}/matches`,
      (b) => (b.items as Candidate[]).length >= 1,
      'NOR',
    );
    expect((targeted.items as Candidate[]).map((c) => c.needId)).toEqual([needs.khmHigh.id]);

    const open = await eventually(
      `/pledges/${pledges.usa.id}/matches?limit=2`,
      (b) => (b.items as Candidate[]).length === 2,
    );
    const openItems = open.items as Candidate[];
    expect(openItems.map((c) => c.needId)).toEqual([needs.laoCritical.id, needs.khmHigh.id]);
    expect(openItems[0].score).toBeGreaterThanOrEqual(openItems[1].score);
  });

  it('answers 404 for unknown ids, 400 naming a bad parameter, 403 for a role that may not plan', async () => {
    const unknown = await send('GET', `/needs/${uuidv7()}/matches`, 'analyst');
    expect(unknown).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(unknown.contentType).toContain('application/problem+json');
    expect(await send('GET', `/pledges/${uuidv7()}/matches`, 'analyst')).toMatchObject({ status: 404 });

    const badLimit = await send('GET', `/needs/${needs.laoCritical.id}/matches?limit=0`, 'analyst');
    expect(badLimit).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'limit' }] } });
    const badPillar = await send('GET', '/matching/plan?pillar=roads', 'analyst');
    expect(badPillar).toMatchObject({ status: 400, body: { errors: [{ field: 'pillar' }] } });
    const unknownParam = await send('GET', '/matching/plan?colour=red', 'analyst');
    expect(unknownParam).toMatchObject({ status: 400, body: { errors: [{ field: 'colour' }] } });

    expect(await send('GET', '/matching/plan', 'NOR')).toMatchObject({ status: 403 });
    expect(await send('POST', '/matching/plan/apply', 'analyst', {})).toMatchObject({ status: 403 });
    const badEntry = await send('POST', '/matching/plan/apply', 'coordinator', {
      allocations: [
        { needId: needs.laoCritical.id, pledgeId: pledges.usa.id, amountInPledgeUnit: { amount: -1, unit: 'USD' } },
      ],
    });
    expect(badEntry).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'allocations.0.amountInPledgeUnit.amount' }] },
    });
  });

  it('plans, applies the plan idempotently, and the allocations appear with no over-allocation', async () => {
    const planned = await send('GET', '/matching/plan?pillar=clearance', 'analyst');
    expect(planned.status).toBe(200);
    const allocations = planned.body.allocations as PlanAllocation[];
    expect(planned.body.objective).toBeGreaterThan(0);
    // 180,000 USD and 30 detectors offered against 230,000 USD and 40 detectors asked: everything offered is planned.
    const plannedOf = (pledgeId: string) =>
      allocations
        .filter((a) => a.pledgeId === pledgeId)
        .reduce((sum, a) => sum + cents(a.amountInPledgeUnit.amount), 0);
    expect(plannedOf(pledges.usa.id)).toBe(cents(120000));
    expect(plannedOf(pledges.norForKhm.id)).toBe(cents(60000));
    expect(allocations.filter((a) => a.pledgeId === pledges.norForKhm.id).map((a) => a.needId)).toEqual([
      needs.khmHigh.id,
    ]);
    expect(allocations.some((a) => a.needId === needs.laoCritical.id)).toBe(true);
    expect((planned.body.unmetNeeds as unknown[]).length).toBeGreaterThan(0);

    // The world changes between planning and applying: the detectors are allocated by hand.
    const byHand = await send('POST', '/allocations', 'coordinator', {
      pledgeId: pledges.norDetectors.id,
      needId: needs.laoDetectors.id,
      amount: 30,
    });
    expect(byHand.status).toBe(201);

    const entries = allocations.map(({ needId, pledgeId, amountInPledgeUnit }) => ({
      needId,
      pledgeId,
      amountInPledgeUnit,
    }));
    const applied = await applyPlan({ pillar: 'clearance', allocations: entries });
    expect(applied.status).toBe(200);
    const reports = applied.body.entries as EntryReport[];
    expect(reports).toHaveLength(entries.length);
    for (const report of reports) {
      if (report.pledgeId === pledges.norDetectors.id) {
        expect(report).toMatchObject({
          outcome: 'failed',
          problem: { code: expect.stringMatching(/OVER_ALLOCATION|PLEDGE_NOT_OPEN/) },
        });
      } else {
        expect(report).toMatchObject({ outcome: 'created', allocationId: expect.any(String) });
      }
    }
    const createdIds = reports.filter((r) => r.outcome === 'created').map((r) => r.allocationId!);
    laoAllocationOfUsa = reports.find(
      (r) => r.pledgeId === pledges.usa.id && r.needId === needs.laoCritical.id,
    )?.allocationId;
    expect(applied.body).toMatchObject({ created: createdIds.length, alreadyApplied: 0 });

    // Read-your-writes: each allocation the apply created is in the read model when asked with its token.
    for (const report of reports.filter((r) => r.outcome === 'created')) {
      const response = await fetch(`${stack.base}/allocations/${report.allocationId}`, {
        headers: { authorization: `Bearer ${tokens.analyst}`, 'x-consistent-with': report.consistencyToken! },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-consistency')).toBe('consistent');
      expect(await response.json()).toMatchObject({
        status: 'proposed',
        needId: report.needId,
        pledgeId: report.pledgeId,
      });
    }

    // Applying the same plan again creates nothing new.
    const again = await applyPlan({ pillar: 'clearance', allocations: entries });
    expect(again.body).toMatchObject({ created: 0, alreadyApplied: createdIds.length });
    expect(
      (again.body.entries as EntryReport[]).filter((r) => r.outcome === 'already_applied').map((r) => r.allocationId),
    ).toEqual(createdIds);

    // Once the read models have caught up, nothing is left to plan, so applying the portfolio afresh creates nothing.
    await eventually(`/pledges/${pledges.usa.id}`, (b) => (b.remaining as Amount).amount === 0);
    await eventually(`/pledges/${pledges.norForKhm.id}`, (b) => (b.remaining as Amount).amount === 0);
    await eventually('/matching/plan?pillar=clearance', (b) => (b.allocations as unknown[]).length === 0);
    const replanned = await applyPlan({ pillar: 'clearance', applyCurrentPlan: true });
    expect(replanned.body).toMatchObject({ total: 0, created: 0, failed: 0, entries: [] });

    // No pledge and no need holds more than its quantity, in the read models of both sides and of the allocations.
    const list = await send('GET', '/allocations?limit=500', 'analyst');
    const active = (
      list.body.items as { pledgeId: string; needId: string; status: string; amount: Amount; needAmount: Amount }[]
    ).filter((a) => !['rejected', 'declined', 'cancelled'].includes(a.status));
    expect(active).toHaveLength(createdIds.length + 1);
    for (const pledge of Object.values(pledges)) {
      const sum = active.filter((a) => a.pledgeId === pledge.id).reduce((s, a) => s + cents(a.amount.amount), 0);
      expect(sum).toBeLessThanOrEqual(cents(pledge.quantity.amount));
      const view = await send('GET', `/pledges/${pledge.id}`, 'analyst');
      expect(cents((view.body.allocated as Amount).amount)).toBe(sum);
    }
    for (const need of Object.values(needs)) {
      const sum = active.filter((a) => a.needId === need.id).reduce((s, a) => s + cents(a.needAmount.amount), 0);
      expect(sum).toBeLessThanOrEqual(cents(need.quantity.amount));
      const view = await eventually(`/needs/${need.id}`, (b) => cents((b.allocated as Amount).amount) === sum);
      expect(cents((view.remaining as Amount).amount)).toBe(cents(need.quantity.amount) - sum);
    }
  });

  it('counts a confirmed delivery between the pair in the ranking of a later pledge', async () => {
    const allocationId = laoAllocationOfUsa!;
    expect((await send('POST', `/allocations/${allocationId}/accept`, 'LAO', {})).status).toBe(200);
    const delivery = await send('POST', `/allocations/${allocationId}/deliveries`, 'USA', {
      amount: 1000,
      deliveredOn: '2026-01-15',
    });
    expect(delivery.status).toBe(201);
    const confirmPath = `/allocations/${allocationId}/deliveries/${delivery.body.id as string}/confirm`;
    expect((await send('POST', confirmPath, 'LAO', {})).status).toBe(200);

    const later = created(
      await send('POST', '/pledges', 'USA', {
        donorId: 'USA',
        assistanceType: 'financial',
        pillars: ['clearance'],
        quantity: { amount: 5000, unit: 'USD' },
      }),
    );
    const body = await eventually(`/pledges/${later.body.id as string}/matches`, (b) =>
      (b.items as Candidate[]).some((c) => c.needId === needs.laoLow.id && reason(c, 'prior_deliveries')!.value > 0),
    );
    const laoLow = (body.items as Candidate[]).find((c) => c.needId === needs.laoLow.id)!;
    expect(reason(laoLow, 'prior_deliveries')).toMatchObject({
      value: 0.5,
      detail: '1 confirmed delivery from USA to LAO',
    });
    expect(reason(laoLow, 'former_user_link')).toMatchObject({ value: 1 });
  });
});
