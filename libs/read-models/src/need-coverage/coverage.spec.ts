import type { NeedView } from '../needs/need-view';
import { evolveNeedView } from '../needs/need-view';
import { fold, q, streamOf } from '../testing/envelopes';
import { coverageTotalsOf, evolveCoverage, type CoverageDoc } from './coverage';

function needStates(id: string, amount: string, allocated: string): NeedView[] {
  const event = streamOf('need', id);
  const events = [
    event('NeedPosted', {
      needId: id,
      requesterId: 'LAO',
      pillar: 'victim_assistance',
      assistanceType: 'financial',
      title: 'Rehabilitation',
      quantity: q(amount, 'USD'),
      priority: 'high',
      postedAt: '2024-05-01T00:00:00.000Z',
    }),
    event('NeedCapacityReserved', {
      needId: id,
      allocationId: `a-${id}`,
      amount: q(allocated, 'USD'),
      status: 'partially_allocated',
    }),
  ];
  return events.map((_, i) => fold(evolveNeedView, events.slice(0, i + 1))!);
}

const [a1, a2] = needStates('n-a', '0.10', '0.05');
const [b1, b2] = needStates('n-b', '0.20', '0.20');
const apply = (states: NeedView[]) => states.reduce<CoverageDoc | null>(evolveCoverage, null)!;

describe('coverage per recipient × pillar × assistance type', () => {
  it('is the same whatever the relative order of the needs’ updates', () => {
    const expected = apply([a1, a2, b1, b2]);
    for (const order of [
      [b1, b2, a1, a2],
      [a1, b1, b2, a2],
      [b1, a1, a2, b2],
    ]) {
      expect(apply(order)).toEqual(expected);
    }
  });

  it('ignores a replayed or older state of a need', () => {
    const once = apply([a1, a2, b1, b2]);
    expect(apply([a1, a2, b1, b2, a1, b2, b1, a2])).toEqual(once);
    expect(evolveCoverage(once, a1)).toBe(once);
  });

  it('sums exactly per unit and in USD', () => {
    expect(coverageTotalsOf(apply([a2, b2]))).toEqual({
      recipientId: 'LAO',
      pillar: 'victim_assistance',
      assistanceType: 'financial',
      needs: 2,
      requested: { USD: '0.30' },
      allocated: { USD: '0.25' },
      delivered: { USD: '0.00' },
      usd: { requested: '0.30', allocated: '0.25', delivered: '0.00' },
    });
  });
});
