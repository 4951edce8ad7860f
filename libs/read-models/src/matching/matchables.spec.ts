import { compatible } from '@cm/matching';
import { evolveAllocationView } from '../allocations/allocation-view';
import { evolveNeedView } from '../needs/need-view';
import { evolveParticipantView } from '../participants/participant-view';
import { evolvePledgeView } from '../pledges/pledge-view';
import { fold, q, streamOf } from '../testing/envelopes';
import {
  confirmedDeliveriesOf,
  formerUserDocOf,
  matchableNeedDocOf,
  matchableNeedOf,
  matchablePledgeDocOf,
  matchablePledgeOf,
  matchContextOf,
} from './matchables';

const needEvent = streamOf('need', 'n1');
const posted = needEvent('NeedPosted', {
  needId: 'n1',
  requesterId: 'LAO',
  pillar: 'clearance',
  assistanceType: 'material',
  category: 'metal_detectors',
  title: 'Detectors',
  quantity: q('100.00', 'items'),
  priority: 'critical',
  neededBy: '2027-06-30',
  postedAt: '2025-03-01T10:00:00.000Z',
});
const reserve = (allocationId: string, amount: string, status: string) =>
  needEvent('NeedCapacityReserved', { needId: 'n1', allocationId, amount: q(amount, 'items'), status });

const pledgeEvent = streamOf('pledge', 'p1');
const submitted = pledgeEvent('PledgeSubmitted', {
  pledgeId: 'p1',
  donorId: 'USA',
  assistanceType: 'material',
  pillars: ['clearance', 'risk_education'],
  category: 'metal_detectors',
  quantity: q('60.00', 'items'),
  recipientId: 'LAO',
  validUntil: '2027-12-31',
  submittedAt: '2025-03-01T10:00:00.000Z',
});

describe('matchable needs', () => {
  it('hold only what matching reads, with the exact remaining, and read back as a MatchableNeed', () => {
    const need = fold(evolveNeedView, [posted, reserve('a1', '30.50', 'partially_allocated')])!;
    const doc = matchableNeedDocOf(need)!;
    expect(doc).toEqual({
      _id: 'n1',
      version: 2,
      id: 'n1',
      requesterId: 'LAO',
      pillar: 'clearance',
      assistanceType: 'material',
      category: 'metal_detectors',
      remaining: q('69.50', 'items'),
      priority: 'critical',
      neededBy: '2027-06-30',
      status: 'partially_allocated',
    });
    const { _id: _docId, version: _version, ...expected } = doc;
    expect(matchableNeedOf(doc)).toStrictEqual(expected);
  });

  it('leaves out optional terms the need does not have', () => {
    const bare = streamOf('need', 'n2')('NeedPosted', {
      needId: 'n2',
      requesterId: 'KHM',
      pillar: 'victim_assistance',
      assistanceType: 'financial',
      title: 'Rehabilitation',
      quantity: q('5000.00', 'EUR'),
      priority: 'low',
      postedAt: '2025-03-01T10:00:00.000Z',
    });
    const doc = matchableNeedDocOf(fold(evolveNeedView, [bare])!)!;
    expect(Object.keys(doc)).not.toContain('category');
    expect(Object.keys(doc)).not.toContain('neededBy');
  });

  it('have no document once the need is fully allocated or withdrawn', () => {
    expect(matchableNeedDocOf(fold(evolveNeedView, [posted, reserve('a1', '100.00', 'allocated')])!)).toBeUndefined();
    const reserved = reserve('a1', '10.00', 'partially_allocated');
    const withdrawn = needEvent('NeedWithdrawn', { needId: 'n1', reason: 'funded', openAllocationIds: ['a1'] });
    const need = fold(evolveNeedView, [posted, reserved, withdrawn])!;
    expect(need.status).toBe('withdrawn');
    expect(matchableNeedDocOf(need)).toBeUndefined();
  });
});

describe('matchable pledges', () => {
  it('keep the targeted recipient, validity and accepted pillars, and remaining after reservations', () => {
    const reserved = pledgeEvent('PledgeCapacityReserved', {
      pledgeId: 'p1',
      allocationId: 'a1',
      amount: q('20.00', 'items'),
      status: 'partially_allocated',
    });
    const doc = matchablePledgeDocOf(fold(evolvePledgeView, [submitted, reserved])!)!;
    expect(doc).toEqual({
      _id: 'p1',
      version: 2,
      id: 'p1',
      donorId: 'USA',
      assistanceType: 'material',
      pillars: ['clearance', 'risk_education'],
      category: 'metal_detectors',
      remaining: q('40.00', 'items'),
      recipientId: 'LAO',
      validUntil: '2027-12-31',
      status: 'partially_allocated',
    });
    const { _id: _docId, version: _version, ...expected } = doc;
    expect(matchablePledgeOf(doc)).toStrictEqual(expected);
  });

  it('have no document once withdrawn', () => {
    const withdrawn = pledgeEvent('PledgeWithdrawn', {
      pledgeId: 'p1',
      reason: 'budget',
      released: q('60.00', 'items'),
      openAllocationIds: [],
    });
    expect(matchablePledgeDocOf(fold(evolvePledgeView, [submitted, withdrawn])!)).toBeUndefined();
  });

  it('read back into pairs the matching library finds compatible, as the views they came from are', () => {
    const need = matchableNeedOf(matchableNeedDocOf(fold(evolveNeedView, [posted])!)!);
    const pledge = matchablePledgeOf(matchablePledgeDocOf(fold(evolvePledgeView, [submitted])!)!);
    const verdict = compatible(need, pledge, matchContextOf('2026-01-01', [], []));
    expect(verdict).toMatchObject({ ok: true, coverableInPledgeUnit: q('60.00', 'items') });
  });
});

describe('the matching context', () => {
  it('links a former user to where it used cluster munitions; other participants have no document', () => {
    const participant = (id: string, usedClusterMunitionsIn: string[]) =>
      fold(evolveParticipantView, [
        streamOf('participant', id)('ParticipantRegistered', {
          participantId: id,
          name: id,
          kind: 'state',
          usedClusterMunitionsIn,
        }),
      ])!;
    expect(formerUserDocOf(participant('USA', ['VNM', 'LAO']))).toEqual({
      _id: 'USA',
      usedClusterMunitionsIn: ['LAO', 'VNM'],
    });
    expect(formerUserDocOf(participant('NOR', []))).toBeUndefined();
  });

  it('counts confirmed deliveries per allocation and sums them per donor | recipient pair', () => {
    const sides = { allocationId: 'a1', pledgeId: 'p1', needId: 'n1' };
    const event = streamOf('allocation', 'a1');
    const allocation = fold(evolveAllocationView, [
      event('AllocationRequested', {
        ...sides,
        donorId: 'USA',
        recipientId: 'LAO',
        assistanceType: 'financial',
        pillar: 'clearance',
        amount: q('1000.00', 'USD'),
        needAmount: q('1000.00', 'USD'),
        requestedAt: '2025-03-01T10:00:00.000Z',
      }),
      event('AllocationProposed', sides),
      event('AllocationAccepted', sides),
      event('DeliveryRecorded', { ...sides, deliveryId: 'd1', amount: q('400.00', 'USD'), deliveredOn: '2025-01-02' }),
      event('DeliveryRecorded', { ...sides, deliveryId: 'd2', amount: q('100.00', 'USD'), deliveredOn: '2025-01-03' }),
      event('DeliveryConfirmed', {
        ...sides,
        deliveryId: 'd1',
        amount: q('400.00', 'USD'),
        needAmount: q('400.00', 'USD'),
        status: 'partially_delivered',
      }),
    ])!;
    expect(confirmedDeliveriesOf(allocation)).toBe(1);

    const context = matchContextOf(
      '2026-01-01T00:00:00.000Z',
      [{ _id: 'USA', usedClusterMunitionsIn: ['LAO'] }],
      [
        { _id: 'USA|LAO', donorId: 'USA', recipientId: 'LAO', contributions: { a1: 1, a7: 2 } },
        { _id: 'NOR|LAO', donorId: 'NOR', recipientId: 'LAO', contributions: { a3: 1 } },
      ],
    );
    expect(context).toEqual({
      now: '2026-01-01T00:00:00.000Z',
      formerUserLinks: { USA: ['LAO'] },
      confirmedDeliveries: { 'USA|LAO': 3, 'NOR|LAO': 1 },
    });
  });
});
