import { useActorStack } from '../support/actor-stack';
import {
  Amount,
  Candidate,
  cents,
  EntryReport,
  matchingClientOf,
  PlanAllocation,
  reason,
  Seeded,
  seedMatchingRecord,
  seededRecordProjected,
} from './matching.fixtures';

describe('matching offers to needs (api, relay and projector processes)', () => {
  const stack = useActorStack('matchingplan', { env: { CONSISTENCY_WAIT_MS: '30000' } });
  const { tokens, send } = stack;
  const needs: Seeded = {};
  const pledges: Seeded = {};

  let laoAllocationOfUsa: string | undefined;

  const { created, eventually, applyPlan } = matchingClientOf(send);

  it('seeds participants (one former user), needs and pledges through the api', async () => {
    await seedMatchingRecord(send, needs, pledges);
    await seededRecordProjected(eventually, needs, pledges);
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
