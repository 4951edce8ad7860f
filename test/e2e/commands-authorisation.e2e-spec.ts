import { Role } from '@cm/domain';
import { useActorStack } from '../support/actor-stack';
import { uniqueName } from '../support/servers';
import { needAndPledgeOf, needBody, pledgeBody } from './commands.fixtures';

describe('the command api against FerretDB and the event store', () => {
  const { client, send } = useActorStack('commands-authorisation', { apps: ['api'] });
  const needAndPledge = needAndPledgeOf(send);

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
});
