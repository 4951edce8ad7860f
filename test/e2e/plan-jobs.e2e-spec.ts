import { useActorStack } from '../support/actor-stack';
import { waitFor } from '../support/processes';

const material = { assistanceType: 'material', category: 'metal_detectors' };

interface Job {
  id: string;
  status: string;
  total: number;
  processed: number;
  created: number;
  alreadyApplied: number;
  failed: number;
  entries: { needId: string; outcome: string; allocationId?: string }[];
}

describe('plan jobs: 202, progress, restart-safe, cancellable, bounded (real stack)', () => {
  const stack = useActorStack('planjobs', { env: { PLAN_JOB_MAX_ENTRIES: '40', PLAN_JOB_LEASE_MS: '2000' } });
  const { store, tokens, send } = stack;
  let pledgeId: string;

  const job = async (id: string) => (await send('GET', `/matching/plan/jobs/${id}`, 'analyst')).body as unknown as Job;
  const jobUntil = (id: string, accept: (job: Job) => boolean, what: string) =>
    waitFor(
      async () => {
        const seen = await job(id).catch(() => undefined);
        return seen && accept(seen) ? seen : undefined;
      },
      what,
      120_000,
    );

  beforeAll(async () => {
    const pledge = await send('POST', '/pledges', 'NOR', {
      ...material,
      donorId: 'NOR',
      pillars: ['clearance'],
      quantity: { amount: 1000, unit: 'items' },
    });
    expect(pledge.status).toBe(201);
    pledgeId = pledge.body.id as string;
  });

  async function entriesFor(count: number) {
    const entries = [];
    for (let i = 0; i < count; i++) {
      const need = await send('POST', '/needs', 'LAO', {
        ...material,
        requesterId: 'LAO',
        pillar: 'clearance',
        title: `Detectors for team ${i}`,
        quantity: { amount: 10, unit: 'items' },
        priority: 'high',
      });
      expect(need.status).toBe(201);
      entries.push({ needId: need.body.id as string, pledgeId, amountInPledgeUnit: { amount: 2, unit: 'items' } });
    }
    return entries;
  }

  /** How many allocations reserved each need, from the event store: the write side's own record. */
  async function reservationsOf(needIds: string[]) {
    const counts = await Promise.all(
      needIds.map(async (id) => {
        const { events } = await store.readStream(`need-${id}`);
        return events.filter((event) => event.type === 'NeedCapacityReserved').length;
      }),
    );
    return counts;
  }

  it('refuses a body naming nothing with 400 problem+json, a job over the bound with 400, a non-coordinator with 403', async () => {
    const empty = await send('POST', '/matching/plan/apply', 'coordinator', {});
    expect(empty).toMatchObject({
      status: 400,
      contentType: expect.stringContaining('application/problem+json'),
      body: { code: 'VALIDATION_FAILED', errors: [{ field: 'allocations' }] },
    });
    const filtersOnly = await send('POST', '/matching/plan/apply', 'coordinator', { pillar: 'clearance' });
    expect(filtersOnly).toMatchObject({ status: 400, body: { errors: [{ field: 'allocations' }] } });
    const none = await send('POST', '/matching/plan/apply', 'coordinator', { allocations: [] });
    expect(none).toMatchObject({ status: 400, body: { errors: [{ field: 'allocations' }] } });
    const entry = { needId: 'n1', pledgeId, amountInPledgeUnit: { amount: 1, unit: 'items' } };
    const tooMany = await send('POST', '/matching/plan/apply', 'coordinator', {
      allocations: Array.from({ length: 41 }, (_, i) => ({ ...entry, needId: `n${i}` })),
    });
    expect(tooMany).toMatchObject({ status: 400, body: { errors: [{ field: 'allocations' }] } });
    expect((await send('POST', '/matching/plan/apply', 'analyst', { allocations: [entry] })).status).toBe(403);
    expect((await send('GET', '/matching/plan/jobs/no-such-job', 'analyst')).status).toBe(404);
  });

  it('answers 202 with Location, survives an api killed mid-job, resumes, and never applies an entry twice', async () => {
    const entries = await entriesFor(24);
    const response = await fetch(`${stack.base}/matching/plan/apply`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.coordinator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ allocations: entries }),
    });
    expect(response.status).toBe(202);
    const started = (await response.json()) as Job;
    expect(response.headers.get('location')).toBe(`/matching/plan/jobs/${started.id}`);
    expect(started).toMatchObject({ total: 24, processed: 0 });

    const midway = await jobUntil(started.id, (seen) => seen.processed >= 3, 'the job to make progress');
    expect(midway.status).toBe('running');
    await stack.restart('api');

    const done = await jobUntil(started.id, (seen) => seen.status === 'completed', 'the resumed job to complete');
    expect(done.processed).toBe(24);
    expect(done.failed).toBe(0);
    expect(done.created + done.alreadyApplied).toBe(24);
    expect(done.entries.every((e) => e.allocationId !== undefined)).toBe(true);
    expect(await reservationsOf(entries.map((e) => e.needId))).toEqual(entries.map(() => 1));

    // The same entries as a new job: every one is already applied, nothing is written.
    const again = await send('POST', '/matching/plan/apply', 'coordinator', { allocations: entries });
    const replayed = await jobUntil(again.body.id as string, (seen) => seen.status === 'completed', 'the replay');
    expect(replayed).toMatchObject({ created: 0, alreadyApplied: 24, failed: 0 });
    expect(await reservationsOf(entries.map((e) => e.needId))).toEqual(entries.map(() => 1));
  });

  it('cancels a running job: no entry after the cancel is applied', async () => {
    const entries = await entriesFor(30);
    const started = await send('POST', '/matching/plan/apply', 'coordinator', { allocations: entries });
    expect(started.status).toBe(202);
    const id = started.body.id as string;
    await jobUntil(id, (seen) => seen.processed >= 1, 'the job to start');
    const cancelled = await send('POST', `/matching/plan/jobs/${id}/cancel`, 'coordinator', {});
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled' } });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const after = await job(id);
    expect(after.status).toBe('cancelled');
    expect(after.processed).toBeLessThan(30);
    const applied = after.entries.filter((e) => e.outcome !== 'pending').length;
    expect(applied).toBe(after.processed);
    const reserved = await reservationsOf(entries.map((e) => e.needId));
    expect(reserved.filter((n) => n === 1).length).toBe(after.created);
    expect(reserved.slice(after.processed)).toEqual(entries.slice(after.processed).map(() => 0));
    expect((await send('POST', `/matching/plan/jobs/${id}/cancel`, 'analyst', {})).status).toBe(403);
  });
});
