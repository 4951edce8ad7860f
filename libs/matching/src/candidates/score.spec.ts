import { aContext, aNeed, aPledge } from '../testing/matchables';
import { rankNeedsForPledge, rankPledgesForNeed } from './rank';
import { SCORE_WEIGHTS, scoreMatch } from './score';

const ids = (candidates: { id: string }[]) => candidates.map((c) => c.id);
const valueOf = (component: string, reasons: readonly { component: string; value: number }[]) =>
  reasons.find((r) => r.component === component)?.value;

/** Each test builds two candidates equal in all but one component, with ids that would tie-break the other way. */
describe('score components', () => {
  it('weights sum to 100 and every component is reported in order, including zeros', () => {
    expect(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    const { score, reasons } = scoreMatch(aNeed(), aPledge(), aContext());
    expect(reasons.map((r) => r.component)).toEqual([
      'priority',
      'coverable_share',
      'urgency',
      'targeted',
      'former_user_link',
      'prior_deliveries',
    ]);
    expect(score).toBeCloseTo(
      reasons.reduce((sum, r) => sum + r.value * r.weight, 0),
      6,
    );
    expect(score).toBeCloseTo(30 * 0.5 + 25 * 0.4, 6);
  });

  it('priority: a critical need ranks above a low one', () => {
    const needs = [aNeed({ id: 'a', priority: 'low' }), aNeed({ id: 'b', priority: 'critical' })];
    const ranked = rankNeedsForPledge(aPledge(), needs, aContext(), 10);
    expect(ids(ranked)).toEqual(['b', 'a']);
    expect(ranked.map((c) => valueOf('priority', c.reasons))).toEqual([1, 0.125]);
  });

  it('coverable_share: a pledge that covers more of the need ranks higher', () => {
    const pledges = [
      aPledge({ id: 'a', remaining: { amount: '10000.00', unit: 'USD' } }),
      aPledge({ id: 'b', remaining: { amount: '250000.00', unit: 'USD' } }),
    ];
    const ranked = rankPledgesForNeed(aNeed(), pledges, aContext(), 10);
    expect(ids(ranked)).toEqual(['b', 'a']);
    expect(ranked.map((c) => valueOf('coverable_share', c.reasons))).toEqual([1, 0.1]);
  });

  it('urgency: a need due sooner ranks higher; none set counts 0, due today 1, in 30 days ½', () => {
    const needs = [
      aNeed({ id: 'a' }),
      aNeed({ id: 'b', neededBy: '2024-07-01' }),
      aNeed({ id: 'c', neededBy: '2024-05-01' }),
    ];
    const ranked = rankNeedsForPledge(aPledge(), needs, aContext(), 10);
    expect(ids(ranked)).toEqual(['c', 'b', 'a']);
    expect(ranked.map((c) => valueOf('urgency', c.reasons))).toEqual([1, 0.5, 0]);
  });

  it('targeted: a pledge targeted at the requester ranks above an open one', () => {
    const pledges = [aPledge({ id: 'a' }), aPledge({ id: 'b', recipientId: 'LAO' })];
    expect(ids(rankPledgesForNeed(aNeed(), pledges, aContext(), 10))).toEqual(['b', 'a']);
  });

  it("former_user_link: Art. 4(4) — a donor that used cluster munitions in the requester's territory ranks higher", () => {
    const pledges = [aPledge({ id: 'a', donorId: 'NOR' }), aPledge({ id: 'b', donorId: 'USA' })];
    const context = aContext({ formerUserLinks: { USA: ['LAO', 'VNM'], NOR: ['KHM'] } });
    const ranked = rankPledgesForNeed(aNeed(), pledges, context, 10);
    expect(ids(ranked)).toEqual(['b', 'a']);
    expect(ranked[0].reasons.find((r) => r.component === 'former_user_link')?.detail).toMatch(/USA used .* in LAO/);
  });

  it('prior_deliveries: earlier confirmed deliveries between the pair rank higher, with diminishing weight', () => {
    const pledges = [aPledge({ id: 'a', donorId: 'NOR' }), aPledge({ id: 'b', donorId: 'JPN' })];
    const context = aContext({ confirmedDeliveries: { 'JPN|LAO': 3, 'NOR|KHM': 9 } });
    const ranked = rankPledgesForNeed(aNeed(), pledges, context, 10);
    expect(ids(ranked)).toEqual(['b', 'a']);
    expect(ranked.map((c) => valueOf('prior_deliveries', c.reasons))).toEqual([0.75, 0]);
  });

  it('scores an incompatible pair with nothing coverable', () => {
    const { reasons } = scoreMatch(aNeed({ pillar: 'risk_education' }), aPledge(), aContext());
    expect(valueOf('coverable_share', reasons)).toBe(0);
  });
});
