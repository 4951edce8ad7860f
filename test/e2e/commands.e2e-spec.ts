import { Role } from '@cm/domain';
import { useActorStack } from '../support/actor-stack';
import { uniqueName } from '../support/servers';

const material = { assistanceType: 'material', category: 'metal_detectors' };
const needBody = (requesterId: string, amount = 100) => ({
  ...material,
  requesterId,
  pillar: 'clearance',
  title: 'Metal detectors for clearance teams',
  quantity: { amount, unit: 'items' },
  priority: 'high',
});
const pledgeBody = (donorId: string, amount = 100) => ({
  ...material,
  donorId,
  pillars: ['clearance'],
  quantity: { amount, unit: 'items' },
});

describe('the command api against FerretDB and the event store', () => {
  const { db, store, client, send } = useActorStack('commands', { apps: ['api'] });

  async function needAndPledge(needAmount = 100, pledgeAmount = 100) {
    const need = await send('POST', '/needs', 'LAO', needBody('LAO', needAmount));
    const pledge = await send('POST', '/pledges', 'NOR', pledgeBody('NOR', pledgeAmount));
    expect([need.status, pledge.status]).toEqual([201, 201]);
    return { needId: need.body.id as string, pledgeId: pledge.body.id as string };
  }

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

  describe('authorisation matrix', () => {
    const roles = ['admin', 'coordinator', 'analyst', 'NOR', 'DEU', 'LAO', 'VNM'] as const;
    type Actor = (typeof roles)[number];
    // NOR owns the pledge and donates; LAO owns the need and receives. DEU and VNM are "other participant".
    let ids: { needId: string; pledgeId: string; proposed: string; accepted: string; deliveryId: string };

    beforeAll(async () => {
      const { needId, pledgeId } = await needAndPledge(1_000, 1_000);
      const proposed = await send('POST', '/allocations', 'NOR', { pledgeId, needId, amount: 10 });
      const accepted = await send('POST', '/allocations', 'NOR', { pledgeId, needId, amount: 10 });
      await send('POST', `/allocations/${accepted.body.id as string}/accept`, 'LAO', {});
      const delivery = await send('POST', `/allocations/${accepted.body.id as string}/deliveries`, 'NOR', {
        amount: 1,
        deliveredOn: '2025-05-01',
      });
      ids = {
        needId,
        pledgeId,
        proposed: proposed.body.id as string,
        accepted: accepted.body.id as string,
        deliveryId: delivery.body.id as string,
      };
    });

    const participantOf = (as: Actor, fallback: string) => (['NOR', 'DEU', 'LAO', 'VNM'].includes(as) ? as : fallback);
    const matrix: [string, Actor[], (as: Actor) => [string, string, unknown]][] = [
      [
        'POST /participants',
        ['admin'],
        () => [
          'POST',
          '/participants',
          {
            id: `ORG${uniqueName('p')
              .slice(-6)
              .toUpperCase()
              .replace(/[^A-Z0-9]/g, 'X')}`,
            name: 'X',
            kind: 'organization',
          },
        ],
      ],
      [
        'POST /needs',
        ['coordinator', 'LAO', 'VNM'],
        (as) => ['POST', '/needs', needBody(participantOf(as, 'LAO') === 'VNM' ? 'VNM' : 'LAO')],
      ],
      ['PATCH /needs/:id', ['coordinator', 'LAO'], () => ['PATCH', `/needs/${ids.needId}`, { description: 'revised' }]],
      [
        'POST /pledges',
        ['coordinator', 'NOR', 'DEU'],
        (as) => ['POST', '/pledges', pledgeBody(as === 'DEU' ? 'DEU' : 'NOR')],
      ],
      [
        'PATCH /pledges/:id',
        ['coordinator', 'NOR'],
        () => ['PATCH', `/pledges/${ids.pledgeId}`, { conditions: 'revised' }],
      ],
      [
        'POST /allocations',
        ['coordinator', 'NOR'],
        () => ['POST', '/allocations', { pledgeId: ids.pledgeId, needId: ids.needId, amount: 1 }],
      ],
      [
        'POST /allocations/:id/accept',
        ['coordinator', 'LAO'],
        () => ['POST', `/allocations/${ids.proposed}/accept`, {}],
      ],
      [
        'POST /allocations/:id/decline',
        ['coordinator', 'LAO'],
        () => ['POST', `/allocations/${ids.proposed}/decline`, {}],
      ],
      [
        'POST /allocations/:id/cancel',
        ['coordinator', 'NOR'],
        () => ['POST', `/allocations/${ids.proposed}/cancel`, { reason: 'x' }],
      ],
      [
        'POST /allocations/:id/deliveries',
        ['NOR'],
        () => ['POST', `/allocations/${ids.accepted}/deliveries`, { amount: 1, deliveredOn: '2025-05-02' }],
      ],
      [
        'POST …/deliveries/:id/confirm',
        ['LAO'],
        () => ['POST', `/allocations/${ids.accepted}/deliveries/${ids.deliveryId}/confirm`, {}],
      ],
      [
        'POST …/deliveries/:id/dispute',
        ['LAO'],
        () => ['POST', `/allocations/${ids.accepted}/deliveries/${ids.deliveryId}/dispute`, { reason: 'x' }],
      ],
      [
        'POST /needs/:id/withdraw',
        ['coordinator', 'LAO'],
        () => ['POST', `/needs/${ids.needId}/withdraw`, { reason: 'x' }],
      ],
      [
        'POST /pledges/:id/withdraw',
        ['coordinator', 'NOR'],
        () => ['POST', `/pledges/${ids.pledgeId}/withdraw`, { reason: 'x' }],
      ],
    ];
    /** Roles the route declares but whose participant is not the record's owner: 403 FORBIDDEN_PARTICIPANT. */
    const roleOf: Record<Actor, Role> = {
      admin: 'admin',
      coordinator: 'coordinator',
      analyst: 'analyst',
      NOR: 'donor',
      DEU: 'donor',
      LAO: 'affected_state',
      VNM: 'affected_state',
    };
    const routeRoles: Record<string, Role[]> = {};
    for (const [name, allowed] of matrix) routeRoles[name] = [...new Set(allowed.map((as) => roleOf[as]))];

    it.each(matrix.map(([name]) => name))(
      '%s answers 401 without, with a bad and with an expired token',
      async (name) => {
        const [method, path, body] = matrix.find(([n]) => n === name)![2]('admin');
        expect((await client.send(method, path, { body })).status).toBe(401);
        expect((await client.send(method, path, { body, token: 'bad.token.here' })).status).toBe(401);
        const expired = await client.token('admin', undefined, '-1m');
        expect((await client.send(method, path, { body, token: expired })).body.code).toBe('UNAUTHENTICATED');
      },
    );

    // Ordered so that state-changing successes (withdrawals) come last.
    it.each(matrix.flatMap(([name, allowed]) => roles.map((as) => [name, as, allowed.includes(as)] as const)))(
      '%s as %s → allowed: %s',
      async (name, as, allowed) => {
        const [method, path, body] = matrix.find(([n]) => n === name)![2](as);
        const answer = await send(method, path, as, body);
        if (allowed) {
          expect([401, 403]).not.toContain(answer.status);
        } else {
          expect(answer.status).toBe(403);
          const sameRoleAllowed = routeRoles[name].includes(roleOf[as]);
          expect(answer.body.code).toBe(sameRoleAllowed ? 'FORBIDDEN_PARTICIPANT' : 'FORBIDDEN');
        }
      },
    );
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
