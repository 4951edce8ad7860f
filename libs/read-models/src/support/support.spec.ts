import { evolveAllocationView, type AllocationView } from '../allocations/allocation-view';
import { fold, q, streamOf } from '../testing/envelopes';
import { evolveSupport, supportTotalsOf, type SupportDoc } from './support';

function allocationStates(id: string, amount: string, unit: string): AllocationView[] {
  const sides = { allocationId: id, pledgeId: 'p1', needId: 'n1' };
  const event = streamOf('allocation', id);
  const events = [
    event('AllocationRequested', {
      ...sides,
      donorId: 'NOR',
      recipientId: 'LAO',
      assistanceType: 'financial',
      pillar: 'clearance',
      amount: q(amount, unit),
      needAmount: q(amount, unit),
      committedOn: '2024-06-01',
      requestedAt: '2025-03-01T10:00:00.000Z',
    }),
    event('AllocationProposed', sides),
    event('AllocationAccepted', sides),
    event('DeliveryRecorded', { ...sides, deliveryId: `d-${id}`, amount: q(amount, unit), deliveredOn: '2024-07-01' }),
    event('DeliveryConfirmed', {
      ...sides,
      deliveryId: `d-${id}`,
      amount: q(amount, unit),
      needAmount: q(amount, unit),
      status: 'completed',
    }),
  ];
  return events.map((_, i) => fold(evolveAllocationView, events.slice(0, i + 1))!);
}

const nok = allocationStates('a-nok', '1000.00', 'NOK');
const usd = allocationStates('a-usd', '250.00', 'USD');
const apply = (states: AllocationView[]) => states.reduce<SupportDoc | null>(evolveSupport, null)!;

describe('support per donor × recipient × pillar × year', () => {
  it('lands in the year of the effective date and is order-tolerant across allocations', () => {
    const interleaved = apply(nok.flatMap((state, i) => [state, usd[i]]));
    expect(apply([...usd, ...nok])).toEqual(interleaved);
    expect(interleaved).toMatchObject({ _id: 'NOR:LAO:clearance:2024', year: 2024 });
  });

  it('counts a replayed allocation once', () => {
    expect(apply([...nok, ...usd, ...nok, usd[2]])).toEqual(apply([...nok, ...usd]));
  });

  it('keeps original currencies and adds USD at the reference rate of the effective date', () => {
    const totals = supportTotalsOf(apply([nok[2], usd[4]]));
    expect(totals.committed).toEqual({ NOK: '1000.00', USD: '250.00' });
    expect(totals.disbursed).toEqual({ NOK: '0.00', USD: '250.00' });
    expect(Number(totals.usd.committed)).toBeGreaterThan(250);
    expect(totals.usd.disbursed).toBe('250.00');
  });

  it('a proposed allocation commits nothing yet', () => {
    expect(supportTotalsOf(apply([nok[1]])).committed).toEqual({ NOK: '0.00' });
  });
});
