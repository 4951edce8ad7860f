import type { PledgeView } from '../pledges/pledge-view';
import { q } from '../testing/envelopes';
import { coalitionPipelineOf } from './coalition-pipeline';
import { coalition, pledge, sources } from './coalition-pipeline.fixtures';

describe('the coalition pipeline', () => {
  const pipeline = coalitionPipelineOf(coalition, sources);

  it("lists the State's needs with the current members' allocations only", () => {
    expect(pipeline.needs.map((n) => n.id)).toEqual(['n1', 'n2']);
    const [n1] = pipeline.needs;
    expect(n1).toMatchObject({
      allocated: q('450000.00', 'USD'),
      allocatedByMembers: q('300000.00', 'USD'),
      deliveredByMembers: q('100000.00', 'USD'),
      unmet: q('550000.00', 'USD'),
    });
    expect(n1.allocations.map((a) => a.id)).toEqual(['a1']);
  });

  it('never shows delivery notes, references or pledge conditions', () => {
    const text = JSON.stringify(pipeline);
    expect(text).not.toContain('internal note');
    expect(text).not.toContain('NOR-2025-17');
    expect(text).not.toContain('only for the north');
    expect(text).not.toContain('a2');
  });

  it("sums each member's pledges and allocations; a former member is not listed", () => {
    expect(pipeline.members.map((m) => [m.participantId, m.role])).toEqual([
      ['LAO', 'affected_state'],
      ['NOR', 'lead_partner'],
    ]);
    expect(pipeline.members[1]).toMatchObject({
      allocations: 1,
      usd: { allocated: '300000.00', delivered: '100000.00' },
      pledges: [{ id: 'p-NOR', quantity: q('500000.00', 'USD') }],
    });
  });

  it("lists a partner's open pledges that could serve the State, even without an allocation to it", () => {
    const open = (id: string, donorId: string, extra: Partial<PledgeView>): PledgeView =>
      ({ ...pledge(donorId), _id: id, id, status: 'open', allocated: q('0.00', 'USD'), ...extra }) as PledgeView;
    const withOpen = coalitionPipelineOf(coalition, {
      ...sources,
      pledges: [
        ...sources.pledges,
        open('p-NOR-open', 'NOR', { remaining: q('500000.00', 'USD') }),
        open('p-NOR-for-lao', 'NOR', { recipientId: 'LAO' }),
        open('p-NOR-for-khm', 'NOR', { recipientId: 'KHM' }),
        open('p-NOR-withdrawn', 'NOR', { status: 'withdrawn' }),
        open('p-DEU-open', 'DEU', {}),
      ],
    });
    expect(withOpen.members.map((m) => [m.participantId, m.pledges.map((p) => p.id)])).toEqual([
      ['LAO', []],
      ['NOR', ['p-NOR', 'p-NOR-for-lao', 'p-NOR-open']],
    ]);
    expect(withOpen.members[1].pledges[2]).toEqual({
      id: 'p-NOR-open',
      status: 'open',
      quantity: q('500000.00', 'USD'),
      allocated: q('0.00', 'USD'),
      delivered: q('100000.00', 'USD'),
      remaining: q('500000.00', 'USD'),
    });
    expect(JSON.stringify(withOpen)).not.toContain('only for the north');
  });

  it('gives coverage by pillar and the unmet needs, most urgent first', () => {
    const clearance = pipeline.pillars.find((p) => p.pillar === 'clearance');
    expect(clearance).toEqual({
      pillar: 'clearance',
      needs: 1,
      requested: { USD: '1000000.00' },
      allocated: { USD: '450000.00' },
      delivered: { USD: '100000.00' },
      unmet: { USD: '550000.00' },
      usd: {
        requested: '1000000.00',
        allocated: '450000.00',
        allocatedByMembers: '300000.00',
        delivered: '100000.00',
        unmet: '550000.00',
      },
    });
    expect(pipeline.pillars.find((p) => p.pillar === 'risk_education')?.needs).toBe(0);
    expect(pipeline.unmet).toEqual([
      {
        needId: 'n2',
        pillar: 'victim_assistance',
        priority: 'critical',
        unmet: q('200000.00', 'USD'),
        usd: '200000.00',
      },
      { needId: 'n1', pillar: 'clearance', priority: 'medium', unmet: q('550000.00', 'USD'), usd: '550000.00' },
    ]);
  });
});
