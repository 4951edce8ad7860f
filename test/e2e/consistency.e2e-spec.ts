import fc from 'fast-check';
import { allocationDecider, needDecider, pledgeDecider, toNumber } from '@cm/domain';
import { useActorStack } from '../support/actor-stack';

const material = { assistanceType: 'material', category: 'metal_detectors', pillar: 'clearance' };

type Kind = 'need' | 'pledge' | 'allocation';
interface Touched {
  kind: Kind;
  id: string;
}
interface World {
  needs: string[];
  pledges: string[];
  allocations: { id: string; needId: string; pledgeId: string; status: string; recorded: string[] }[];
}

/** One step of a random sequence: which command, and numbers that pick its target and amount. */
const step = fc.record({
  command: fc.constantFrom(
    'need',
    'pledge',
    'allocate',
    'accept',
    'deliver',
    'confirm',
    'decline',
    'cancel',
    'withdraw',
  ),
  pick: fc.nat(),
  amount: fc.integer({ min: 1, max: 40 }),
});

type Step = { command: string; pick: number; amount: number };

/**
 * Read-your-writes over random command sequences on the whole stack (relay, Kafka, projector, api): after every
 * command, each record it changed is read with the command's token; whenever the api says `consistent`, the answer
 * must be exactly the write side's state of that record (version, status, totals folded from its stream).
 */
describe('read-your-writes across streams (property, real stack)', () => {
  const stack = useActorStack('consistency');
  const { store, tokens } = stack;
  const answers = { consistent: 0, stale: 0, checkedAfterConfirm: 0 };

  const send = (method: string, path: string, as: string, body: unknown = {}) => stack.send(method, path, as, body);

  /** The record as the write side has it now: its stream folded with the domain's own evolve. */
  async function writeSide({ kind, id }: Touched) {
    const { events, version } = await store.readStream(`${kind}-${id}`);
    const decider = { need: needDecider, pledge: pledgeDecider, allocation: allocationDecider }[kind];
    const state = events.reduce(
      (current: unknown, event) => (decider.evolve as (s: unknown, e: unknown) => unknown)(current, event),
      decider.initialState,
    ) as { status: string; allocated?: { amount: string; unit: string }; delivered?: { amount: string; unit: string } };
    return {
      version,
      status: state.status,
      ...(state.allocated && { allocated: toNumber(state.allocated as never) }),
      ...(state.delivered && { delivered: toNumber(state.delivered as never) }),
    };
  }

  async function readWithToken(touched: Touched, token: string) {
    const response = await fetch(`${stack.base}/${touched.kind}s/${touched.id}`, {
      headers: { authorization: `Bearer ${tokens.analyst}`, 'x-consistent-with': token },
    });
    expect(response.status).toBe(200);
    const consistency = response.headers.get('x-consistency');
    expect(consistency).toMatch(/^(consistent|stale)$/);
    const body = (await response.json()) as Record<string, unknown>;
    return { consistency, body };
  }

  async function check(touched: Touched[], token: string, afterConfirm: boolean) {
    for (const record of touched) {
      const expected = await writeSide(record);
      const { consistency, body } = await readWithToken(record, token);
      if (consistency !== 'consistent') {
        answers.stale++;
        continue;
      }
      answers.consistent++;
      if (afterConfirm && record.kind === 'need') answers.checkedAfterConfirm++;
      const read = {
        version: body.version,
        status: body.status,
        ...(expected.allocated !== undefined && { allocated: (body.allocated as { amount: number }).amount }),
        ...(expected.delivered !== undefined && { delivered: (body.delivered as { amount: number }).amount }),
      };
      expect({ record, read }).toEqual({ record, read: expected });
    }
  }

  /** Runs one step against the world; answers what it changed and its token, or nothing when it was refused. */
  async function run(world: World, { command, pick, amount }: Step) {
    const of = <T>(list: T[]) => (list.length ? list[pick % list.length] : undefined);
    const allocation = (statuses: string[]) => of(world.allocations.filter((a) => statuses.includes(a.status)));
    const sides = (a: World['allocations'][number]): Touched[] => [
      { kind: 'allocation', id: a.id },
      { kind: 'need', id: a.needId },
      { kind: 'pledge', id: a.pledgeId },
    ];
    switch (command) {
      case 'need': {
        const answer = await send('POST', '/needs', 'LAO', {
          ...material,
          requesterId: 'LAO',
          title: 'Metal detectors',
          quantity: { amount: 100, unit: 'items' },
          priority: 'high',
        });
        world.needs.push(answer.body.id as string);
        return { answer, touched: [{ kind: 'need', id: answer.body.id as string }] as Touched[] };
      }
      case 'pledge': {
        const { pillar: _pillar, ...terms } = material;
        const answer = await send('POST', '/pledges', 'NOR', {
          ...terms,
          donorId: 'NOR',
          pillars: ['clearance'],
          quantity: { amount: 100, unit: 'items' },
        });
        world.pledges.push(answer.body.id as string);
        return { answer, touched: [{ kind: 'pledge', id: answer.body.id as string }] as Touched[] };
      }
      case 'allocate': {
        const needId = of(world.needs);
        const pledgeId = of([...world.pledges].reverse());
        if (!needId || !pledgeId) return undefined;
        const answer = await send('POST', '/allocations', 'coordinator', { needId, pledgeId, amount });
        if (answer.status !== 201) return { answer, touched: [] };
        const created = { id: answer.body.id as string, needId, pledgeId, status: 'proposed', recorded: [] };
        world.allocations.push(created);
        return { answer, touched: sides(created) };
      }
      case 'accept':
      case 'decline': {
        const target = allocation(['proposed']);
        if (!target) return undefined;
        const answer = await send('POST', `/allocations/${target.id}/${command}`, 'LAO', { reason: 'property test' });
        if (answer.status === 200) target.status = answer.body.status as string;
        return { answer, touched: sides(target) };
      }
      case 'cancel': {
        const target = allocation(['proposed', 'accepted', 'partially_delivered']);
        if (!target) return undefined;
        const answer = await send('POST', `/allocations/${target.id}/cancel`, 'NOR', { reason: 'property test' });
        if (answer.status === 200) target.status = answer.body.status as string;
        return { answer, touched: sides(target) };
      }
      case 'deliver': {
        const target = allocation(['accepted', 'partially_delivered']);
        if (!target) return undefined;
        const answer = await send('POST', `/allocations/${target.id}/deliveries`, 'NOR', {
          amount: Math.max(1, amount % 10),
          deliveredOn: '2025-05-01',
        });
        if (answer.status === 201) target.recorded.push(answer.body.id as string);
        return { answer, touched: sides(target) };
      }
      case 'confirm': {
        const target = of(world.allocations.filter((a) => a.recorded.length > 0));
        if (!target) return undefined;
        const deliveryId = target.recorded.shift()!;
        const answer = await send('POST', `/allocations/${target.id}/deliveries/${deliveryId}/confirm`, 'LAO', {});
        if (answer.status === 200) target.status = answer.body.status as string;
        return { answer, touched: sides(target) };
      }
      case 'withdraw': {
        const needId = of(world.needs);
        if (!needId) return undefined;
        const answer = await send('POST', `/needs/${needId}/withdraw`, 'LAO', { reason: 'property test' });
        const cancelled = world.allocations.filter((a) => a.needId === needId);
        return { answer, touched: [{ kind: 'need', id: needId }, ...cancelled.flatMap(sides)] as Touched[] };
      }
    }
    return undefined;
  }

  it('never answers consistent with data older than the write the token names', async () => {
    // Every sequence starts with a delivery confirmed twice (the race seen in one read of three), then goes random.
    const prefix: Step[] = [
      { command: 'need', pick: 0, amount: 1 },
      { command: 'pledge', pick: 0, amount: 1 },
      { command: 'allocate', pick: 0, amount: 40 },
      { command: 'accept', pick: 0, amount: 1 },
      { command: 'deliver', pick: 0, amount: 5 },
      { command: 'deliver', pick: 0, amount: 7 },
      { command: 'deliver', pick: 0, amount: 3 },
      { command: 'confirm', pick: 0, amount: 1 },
      { command: 'confirm', pick: 0, amount: 1 },
      { command: 'confirm', pick: 0, amount: 1 },
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 6 }), async (steps) => {
        const world: World = { needs: [], pledges: [], allocations: [] };
        for (const next of [...prefix, ...steps]) {
          const outcome = await run(world, next);
          if (!outcome || outcome.answer.status >= 300) continue;
          await check(outcome.touched, outcome.answer.body.consistencyToken as string, next.command === 'confirm');
        }
      }),
      { numRuns: Number(process.env.CONSISTENCY_PROPERTY_RUNS ?? 5), endOnFailure: true },
    );
    console.log(`read-your-writes property: ${JSON.stringify(answers)}`);
    // The property was exercised where it matters: needs read right after a confirmed delivery, said consistent
    // (a race seen in one read of three goes unnoticed in 15 such reads with a probability of 0.2%).
    expect(answers.checkedAfterConfirm).toBeGreaterThanOrEqual(15);
    expect(answers.consistent).toBeGreaterThan(answers.stale);
  }, 480_000);

  it('refuses a token it did not issue with 400 naming the header, and still reads a version-1 token', async () => {
    const bad = await fetch(`${stack.base}/needs`, {
      headers: { authorization: `Bearer ${tokens.analyst}`, 'x-consistent-with': 'bm90LWEtdG9rZW4' },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ field: 'X-Consistent-With' }] });
    const posted = await send('POST', '/needs', 'LAO', {
      ...material,
      requesterId: 'LAO',
      title: 'Metal detectors',
      quantity: { amount: 5, unit: 'items' },
      priority: 'low',
    });
    const legacy = Buffer.from(`need:need-${posted.body.id as string}:1`).toString('base64url');
    const { consistency, body } = await readWithToken({ kind: 'need', id: posted.body.id as string }, legacy);
    expect(consistency).toBe('consistent');
    expect(body).toMatchObject({ version: 1, status: 'open' });
  });
});
