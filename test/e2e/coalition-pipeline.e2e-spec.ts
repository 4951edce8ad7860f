import { Answer } from '../support/api-client';
import { useActorStack } from '../support/actor-stack';
import { coalitionParticipants, formBody, seedLaoStory } from './coalitions.fixtures';

interface Amount {
  amount: number;
  unit: string;
}

/**
 * What a country coalition shows of its State's assistance, over the real stack (api, relay and projector on Kafka
 * and FerretDB): Laos forms it with Norway as lead, Germany joins; Japan, not a member, also funds a Lao need.
 * Figures by hand:
 *   clearance need USD 100,000: NOR 40,000 allocated (10,000 delivered, confirmed), JPN 20,000 → unmet 40,000;
 *   victim-assistance need USD 50,000: DEU 30,000 allocated → unmet 20,000.
 * Left to match: NOR 20,000 of 60,000, DEU 15,000 of 45,000, JPN 15,000 of 35,000.
 */
describe("a country coalition's pipeline and matching (api, relay and projector processes)", () => {
  const { ok, read } = useActorStack('coalition-pipeline', {
    env: { CONSISTENCY_WAIT_MS: '30000' },
    participants: coalitionParticipants,
  });
  const ids: Record<string, string> = {};
  let confirmed: Answer;

  beforeAll(async () => {
    ids.coalition = (await ok('POST', '/coalitions', 'LAO', formBody)).body.id as string;
    await ok('POST', `/coalitions/${ids.coalition}/members`, 'NOR', { participantId: 'DEU' });
    confirmed = await seedLaoStory(ok, ids);
  });

  it("the pipeline shows the State's needs with the members' pledges, allocations and deliveries", async () => {
    const answer = await read(
      `/coalitions/${ids.coalition}/pipeline`,
      'NOR',
      confirmed.body.consistencyToken as string,
    );
    expect(answer.status).toBe(200);
    const pipeline = answer.body as {
      needs: {
        id: string;
        allocated: Amount;
        allocatedByMembers: Amount;
        deliveredByMembers: Amount;
        unmet: Amount;
        allocations: { id: string; donorId: string; deliveries: { status: string; amount: Amount }[] }[];
      }[];
      members: { participantId: string; role: string; pledges: { id: string }[]; usd: Record<string, string> }[];
      pillars: { pillar: string; needs: number; usd: Record<string, string> }[];
      unmet: { needId: string; unmet: Amount }[];
    };
    expect(pipeline.needs.map((n) => n.id).sort()).toEqual([ids.laoClearance, ids.laoVictims].sort());
    const clearance = pipeline.needs.find((n) => n.id === ids.laoClearance)!;
    expect(clearance).toMatchObject({
      allocated: { amount: 60000, unit: 'USD' },
      allocatedByMembers: { amount: 40000, unit: 'USD' },
      deliveredByMembers: { amount: 10000, unit: 'USD' },
      unmet: { amount: 40000, unit: 'USD' },
    });
    expect(clearance.allocations.map((a) => [a.id, a.donorId])).toEqual([[ids.allocationNOR, 'NOR']]);
    expect(clearance.allocations[0].deliveries).toEqual([
      expect.objectContaining({ status: 'confirmed', amount: { amount: 10000, unit: 'USD' } }),
    ]);
    expect(pipeline.members.map((m) => [m.participantId, m.role, m.pledges.map((p) => p.id)])).toEqual([
      ['LAO', 'affected_state', []],
      ['NOR', 'lead_partner', [ids.pledgeNOR, ids.pledgeNOROpen].sort()],
      ['DEU', 'supporting_partner', [ids.pledgeDEU]],
    ]);
    expect(pipeline.members[1].usd).toEqual({ allocated: '40000.00', delivered: '10000.00' });
    expect(pipeline.pillars.find((p) => p.pillar === 'clearance')).toMatchObject({
      needs: 1,
      usd: { requested: '100000.00', allocated: '60000.00', allocatedByMembers: '40000.00', unmet: '40000.00' },
    });
    expect(pipeline.pillars.find((p) => p.pillar === 'victim_assistance')).toMatchObject({
      needs: 1,
      usd: { requested: '50000.00', allocated: '30000.00', allocatedByMembers: '30000.00', unmet: '20000.00' },
    });
    expect(pipeline.unmet).toEqual([
      expect.objectContaining({ needId: ids.laoClearance, unmet: { amount: 40000, unit: 'USD' } }),
      expect.objectContaining({ needId: ids.laoVictims, unmet: { amount: 20000, unit: 'USD' } }),
    ]);
    const text = JSON.stringify(pipeline);
    for (const hidden of [
      ids.allocationJPN,
      ids.pledgeJPN,
      ids.pledgeNORForKhm,
      'internal',
      'NOR-LAO-2026-1',
      'reporting conditions',
    ]) {
      expect(text).not.toContain(hidden);
    }
    expect(text).not.toContain(ids.khmClearance);

    expect(await read(`/coalitions/${ids.coalition}/pipeline`, 'JPN')).toMatchObject({ status: 403 });
    expect(await read(`/coalitions/${ids.coalition}/pipeline`, 'KHM')).toMatchObject({ status: 403 });
    expect((await read(`/coalitions/${ids.coalition}/pipeline`, 'analyst')).status).toBe(200);
  });

  it("matching filtered to the coalition keeps the State's needs and the partners' pledges", async () => {
    const coalition = `coalition=${ids.coalition}`;
    const candidates = await read(`/needs/${ids.laoClearance}/matches?${coalition}`, 'NOR');
    expect(candidates.status).toBe(200);
    const pledgeIds = (candidates.body.items as { pledgeId: string }[]).map((c) => c.pledgeId).sort();
    expect(pledgeIds).toEqual([ids.pledgeNOR, ids.pledgeDEU].sort());
    const unfiltered = await read(`/needs/${ids.laoClearance}/matches`, 'NOR');
    expect((unfiltered.body.items as { pledgeId: string }[]).map((c) => c.pledgeId)).toContain(ids.pledgeJPN);

    expect(await read(`/needs/${ids.khmClearance}/matches?${coalition}`, 'coordinator')).toMatchObject({
      status: 422,
      body: { code: 'NOT_MEMBER' },
    });
    expect(await read(`/needs/${ids.laoClearance}/matches?${coalition}`, 'KHM')).toMatchObject({ status: 403 });
    expect(await read(`/pledges/${ids.pledgeJPN}/matches?${coalition}`, 'coordinator')).toMatchObject({
      status: 422,
    });
    const forDeu = await read(`/pledges/${ids.pledgeDEU}/matches?${coalition}`, 'DEU');
    expect((forDeu.body.items as { needId: string }[]).map((c) => c.needId)).not.toContain(ids.khmClearance);
    expect((forDeu.body.items as unknown[]).length).toBeGreaterThan(0);

    const plan = await read(`/matching/plan?${coalition}`, 'coordinator');
    expect(plan.status).toBe(200);
    const planned = plan.body.allocations as { needId: string; pledgeId: string }[];
    expect(planned.length).toBeGreaterThan(0);
    for (const allocation of planned) {
      expect([ids.laoClearance, ids.laoVictims]).toContain(allocation.needId);
      // The partners' pledges only (NOR's second is open and untargeted; its third is for KHM, not LAO).
      expect([ids.pledgeNOR, ids.pledgeDEU, ids.pledgeNOROpen]).toContain(allocation.pledgeId);
    }
    expect(plan.body).toMatchObject({ coalition: ids.coalition, filters: { recipientId: 'LAO' } });
    expect(await read(`/matching/plan?${coalition}&recipientId=KHM`, 'coordinator')).toMatchObject({ status: 400 });
    expect(await read(`/matching/plan?coalition=bad%20id`, 'coordinator')).toMatchObject({ status: 400 });
  });
});
