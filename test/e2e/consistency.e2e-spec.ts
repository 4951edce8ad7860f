import fc from 'fast-check';
import { useActorStack } from '../support/actor-stack';
import { commandRunnerOf, material, step, Step, Touched, World, writeSideOf } from './consistency.fixtures';

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

  const writeSide = writeSideOf(store);
  const run = commandRunnerOf(send);

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
