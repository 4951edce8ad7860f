import { useActorStack } from '../support/actor-stack';
import { waitFor } from '../support/processes';

interface Item {
  eventId: string;
  type: string;
  streamType: string;
  streamId: string;
  version: number;
  actor: { sub: string; role: string; participantId?: string };
  participants: string[];
  envelope: { eventId: string; hash: string; metadata: { correlationId: string } };
}

describe('audit search and export over the projected audit read model (api, relay and projector)', () => {
  const stack = useActorStack('auditsearch', { participants: ['NOR', 'DEU', 'LAO'] });
  const { ok: send, get } = stack;
  let allocationId: string;

  const search = async (query: string, as = 'analyst') =>
    (await (await get(`/audit/events${query}`, as)).json()) as { items: Item[]; next: string | null };

  beforeAll(async () => {
    const material = { assistanceType: 'material', category: 'metal_detectors', pillar: 'clearance' };
    const need = await send('POST', '/needs', 'LAO', {
      ...material,
      requesterId: 'LAO',
      title: 'Metal detectors',
      quantity: { amount: 10, unit: 'items' },
      priority: 'high',
    });
    const { pillar: _pillar, ...offer } = material;
    const pledge = await send('POST', '/pledges', 'NOR', {
      ...offer,
      donorId: 'NOR',
      pillars: ['clearance'],
      quantity: { amount: 10, unit: 'items' },
    });
    await send('POST', '/pledges', 'DEU', {
      ...offer,
      donorId: 'DEU',
      pillars: ['clearance'],
      quantity: { amount: 5, unit: 'items' },
    });
    await waitFor(
      async () => ((await get(`/pledges/${pledge.body.id as string}`)).status === 200 ? true : undefined),
      'the pledge',
    );
    const allocation = await send('POST', '/allocations', 'NOR', {
      pledgeId: pledge.body.id,
      needId: need.body.id,
      amount: 4,
    });
    allocationId = allocation.body.id as string;
    await send('POST', `/allocations/${allocationId}/accept`, 'LAO', {});
    await waitFor(
      async () => ((await search('?type=AllocationAccepted')).items.length === 1 ? true : undefined),
      'the audit model to include the acceptance',
      60_000,
    );
  });

  it('finds events by type, actor, participant and stream type, each with its envelope', async () => {
    const accepted = await search('?type=AllocationAccepted');
    expect(accepted.items).toEqual([
      expect.objectContaining({
        streamId: `allocation-${allocationId}`,
        version: 3,
        actor: { sub: 'affected_state-LAO', role: 'affected_state', participantId: 'LAO' },
        participants: ['NOR', 'LAO'],
      }),
    ]);
    expect(accepted.items[0].envelope.eventId).toBe(accepted.items[0].eventId);
    expect(accepted.items[0].envelope.hash).toMatch(/^[0-9a-f]{64}$/);

    const byDeu = await search('?actor=DEU');
    expect(byDeu.items.map((item) => item.type)).toEqual(['PledgeSubmitted']);
    const registrations = await search('?streamType=participant');
    expect(registrations.items.map((item) => item.streamId)).toEqual([
      'participant-NOR',
      'participant-DEU',
      'participant-LAO',
    ]);
    const aboutNor = await search('?participant=NOR&streamType=allocation');
    expect(aboutNor.items.map((item) => item.type)).toEqual([
      'AllocationRequested',
      'AllocationProposed',
      'AllocationAccepted',
    ]);
    expect((await search('?to=2000-01-01')).items).toEqual([]);
  });

  it('pages in recording order with a cursor', async () => {
    const all = await search('?limit=500');
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await search(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((item) => item.eventId));
      cursor = page.next;
    }
    expect(seen).toEqual(all.items.map((item) => item.eventId));
    expect([...seen].sort()).toEqual(seen);
    expect(seen.length).toBeGreaterThanOrEqual(8);
  });

  it('shows a participant only the streams it is party to', async () => {
    const germany = await search('', 'DEU');
    expect(new Set(germany.items.map((item) => item.streamId.split('-')[0]))).toEqual(
      new Set(['participant', 'pledge']),
    );
    expect(germany.items.every((item) => item.participants.includes('DEU'))).toBe(true);
    expect((await search('?participant=NOR', 'DEU')).items).toEqual([]);
    const laos = await search('?streamType=allocation', 'LAO');
    expect(laos.items.map((item) => item.version)).toEqual([1, 2, 3]);
  });

  it('exports the same events as NDJSON and CSV files, streamed with a file name', async () => {
    const ndjson = await get('/audit/export?format=ndjson&participant=NOR');
    expect(ndjson.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(ndjson.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-events-.*\.ndjson"$/);
    const lines = (await ndjson.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Item);
    expect(lines.map((item) => item.eventId)).toEqual(
      (await search('?participant=NOR')).items.map((item) => item.eventId),
    );

    const csv = await get('/audit/export?format=csv&type=AllocationAccepted');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/filename="audit-events-.*\.csv"$/);
    const rows = (await csv.text()).trim().split('\r\n');
    expect(rows[0]).toMatch(/^eventId,recordedAt,occurredAt,streamType,streamId,version,type,actorSub/);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(
      `allocation-${allocationId},3,AllocationAccepted,affected_state-LAO,affected_state,LAO,NOR;LAO`,
    );

    expect((await get('/audit/export?format=xml')).status).toBe(400);
  });
});
