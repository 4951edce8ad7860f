import { useActorStack } from '../support/actor-stack';
import { uniqueName } from '../support/servers';
import { needAndPledgeOf, needBody, pledgeBody } from './commands.fixtures';

describe('the command api against FerretDB and the event store', () => {
  const { db, store, send } = useActorStack('commands', { apps: ['api'] });

  const needAndPledge = needAndPledgeOf(send);

  it('need → pledge → allocation → accept → two partial deliveries → confirm: the need is fulfilled', async () => {
    const { needId, pledgeId } = await needAndPledge();
    const allocation = await send('POST', '/allocations', 'NOR', { pledgeId, needId, amount: 100 });
    expect(allocation).toMatchObject({ status: 201, body: { status: 'proposed' } });
    const allocationId = allocation.body.id as string;
    expect((await send('POST', `/allocations/${allocationId}/accept`, 'LAO', {})).status).toBe(200);
    for (const amount of [30, 70]) {
      const delivery = await send('POST', `/allocations/${allocationId}/deliveries`, 'NOR', {
        amount,
        deliveredOn: '2025-05-01',
      });
      expect(delivery.status).toBe(201);
      const confirmed = await send(
        'POST',
        `/allocations/${allocationId}/deliveries/${delivery.body.id as string}/confirm`,
        'LAO',
        {},
      );
      expect(confirmed.status).toBe(200);
    }
    const need = await store.readStream(`need-${needId}`);
    expect(need.events.map((event) => event.type)).toEqual([
      'NeedPosted',
      'NeedCapacityReserved',
      'NeedDeliveryConfirmed',
      'NeedDeliveryConfirmed',
    ]);
    expect(need.events.at(-1)!.data).toMatchObject({ status: 'fulfilled' });
    expect(need.events[0].metadata.actor).toEqual({
      sub: 'affected_state-LAO',
      role: 'affected_state',
      participantId: 'LAO',
    });
    const allocationStream = await store.readStream(`allocation-${allocationId}`);
    const byType = Object.fromEntries(allocationStream.events.map((event) => [event.type, event.metadata.actor]));
    expect(byType.AllocationRequested).toMatchObject({ role: 'donor', participantId: 'NOR' });
    expect(byType.AllocationAccepted).toMatchObject({ role: 'affected_state', participantId: 'LAO' });
    expect(byType.DeliveryRecorded).toMatchObject({ participantId: 'NOR' });
    expect(byType.DeliveryConfirmed).toMatchObject({ participantId: 'LAO' });
    const pledge = await store.readStream(`pledge-${pledgeId}`);
    expect(pledge.events.at(-1)!.data).toMatchObject({ status: 'fulfilled' });
  });

  it('40 concurrent allocations of 10 against a pledge of 100: exactly 10 succeed, the rest OVER_ALLOCATION', async () => {
    const { needId, pledgeId } = await needAndPledge(1_000, 100);
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => send('POST', '/allocations', 'coordinator', { pledgeId, needId, amount: 10 })),
    );
    const codes = answers.map((answer) => (answer.status === 201 ? 'created' : (answer.body.code as string)));
    expect(codes.filter((code) => code === 'created')).toHaveLength(10);
    expect(codes.filter((code) => code === 'OVER_ALLOCATION')).toHaveLength(30);
    const pledge = await store.readStream(`pledge-${pledgeId}`);
    expect(pledge.events.filter((event) => event.type === 'PledgeCapacityReserved')).toHaveLength(10);
    expect(pledge.events.at(-1)!.data).toMatchObject({ status: 'allocated' });
    const need = await store.readStream(`need-${needId}`);
    const reservedOnNeed = need.events.filter((event) => event.type === 'NeedCapacityReserved');
    expect(reservedOnNeed).toHaveLength(10);
    expect(reservedOnNeed.at(-1)!.data).toMatchObject({ status: 'partially_allocated' });
  });

  it('bad input: 400 problem+json naming the field, nothing written', async () => {
    const before = await db.collection('event_commits').countDocuments();
    const cases: [unknown, string][] = [
      [{ ...needBody('LAO'), extra: 1 }, 'extra'],
      [{ ...needBody('LAO'), quantity: { amount: -1, unit: 'items' } }, 'quantity.amount'],
      [{ ...needBody('LAO'), quantity: { amount: 0, unit: 'items' } }, 'quantity.amount'],
      [
        { ...needBody('LAO'), assistanceType: 'financial', category: undefined, quantity: { amount: 5, unit: 'ABC' } },
        'quantity.unit',
      ],
      [{ ...needBody('LAO'), requesterId: 'Laos' }, 'requesterId'],
      [{ ...needBody('LAO'), neededBy: '2027-13-01' }, 'neededBy'],
      [{ ...needBody('LAO'), title: 7 }, 'title'],
    ];
    for (const [body, field] of cases) {
      const answer = await send('POST', '/needs', 'LAO', body);
      expect(answer.status).toBe(400);
      expect(answer.contentType).toContain('application/problem+json');
      expect((answer.body.errors as { field: string }[]).map((error) => error.field)).toContain(field);
    }
    expect(await db.collection('event_commits').countDocuments()).toBe(before);
  });

  it('idempotency: the same POST with the same key twice gives the same answer and one set of events', async () => {
    const headers = { 'idempotency-key': uniqueName('key') };
    const first = await send('POST', '/pledges', 'NOR', pledgeBody('NOR', 5), headers);
    const again = await send('POST', '/pledges', 'NOR', pledgeBody('NOR', 5), headers);
    expect(first.status).toBe(201);
    expect(again).toEqual(first);
    const stream = await store.readStream(`pledge-${first.body.id as string}`);
    expect(stream.events).toHaveLength(1);
    const other = await send('POST', '/pledges', 'NOR', pledgeBody('NOR', 6), headers);
    expect(other).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });
});
