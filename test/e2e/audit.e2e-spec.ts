import { CommitDocument } from '@cm/event-store';
import { useActorStack } from '../support/actor-stack';
import { EnvelopeSummary, instantBetween, needBody, pledgeBody } from './audit.fixtures';

describe('audit of the event store through the api', () => {
  const { db, send } = useActorStack('audit', { apps: ['api'] });
  const audit = (path: string, as = 'analyst') => send('GET', `/audit/streams/${path}`, as);

  async function postNeed(): Promise<string> {
    const posted = await send('POST', '/needs', 'LAO', needBody);
    expect(posted.status).toBe(201);
    return posted.body.id as string;
  }

  it('time travel: the state at three past times is exactly the state the need had then', async () => {
    const beforePosting = await instantBetween();
    const needId = await postNeed();
    const afterPosting = await instantBetween();
    expect((await send('PATCH', `/needs/${needId}`, 'LAO', { quantity: { amount: 0.3, unit: 'USD' } })).status).toBe(
      200,
    );
    const afterFirstRevision = await instantBetween();
    expect(
      (await send('PATCH', `/needs/${needId}`, 'LAO', { priority: 'critical', description: 'a & b' })).status,
    ).toBe(200);
    const afterSecondRevision = await instantBetween();
    expect((await send('POST', `/needs/${needId}/withdraw`, 'LAO', { reason: 'funded elsewhere' })).status).toBe(200);

    const history = await audit(`need-${needId}/events`);
    expect(history.status).toBe(200);
    const items = history.body.items as { type: string; data: { postedAt?: string } }[];
    expect(items.map((item) => item.type)).toEqual(['NeedPosted', 'NeedRevised', 'NeedRevised', 'NeedWithdrawn']);
    const posted = {
      id: needId,
      requesterId: 'LAO',
      pillar: 'clearance',
      assistanceType: 'financial',
      title: needBody.title,
      priority: 'high',
      postedAt: items[0].data.postedAt,
      quantity: { amount: '0.10', unit: 'USD' },
      allocated: { amount: '0.00', unit: 'USD' },
      delivered: { amount: '0.00', unit: 'USD' },
      reservations: {},
      deliveryIds: [],
      status: 'open',
    };
    const revisedOnce = { ...posted, quantity: { amount: '0.30', unit: 'USD' } };
    const revisedTwice = { ...revisedOnce, priority: 'critical', description: 'a & b' };
    const stateAt = (at: string) => audit(`need-${needId}/state?at=${encodeURIComponent(at)}`);

    const answers = await Promise.all(
      [beforePosting, afterPosting, afterFirstRevision, afterSecondRevision, new Date().toISOString()].map(stateAt),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((answer) => answer.body)).toEqual([
      { streamId: `need-${needId}`, streamType: 'need', at: beforePosting, version: 0, state: null },
      { streamId: `need-${needId}`, streamType: 'need', at: afterPosting, version: 1, state: posted },
      { streamId: `need-${needId}`, streamType: 'need', at: afterFirstRevision, version: 2, state: revisedOnce },
      { streamId: `need-${needId}`, streamType: 'need', at: afterSecondRevision, version: 3, state: revisedTwice },
      expect.objectContaining({ version: 4, state: { ...revisedTwice, status: 'withdrawn' } }),
    ]);
  });

  it('answers the history page by page, with who did it, why, and the hash chain', async () => {
    const needId = await postNeed();
    for (const priority of ['low', 'medium', 'critical']) {
      expect((await send('PATCH', `/needs/${needId}`, 'coordinator', { priority })).status).toBe(200);
    }
    const first = await audit(`need-${needId}/events?limit=3`);
    expect(first.status).toBe(200);
    expect(first.body.next).toBe('3');
    const second = await audit(`need-${needId}/events?limit=3&cursor=${first.body.next as string}`);
    expect(second.body.next).toBeNull();
    const events = [...(first.body.items as EnvelopeSummary[]), ...(second.body.items as EnvelopeSummary[])];
    expect(events.map((event) => event.version)).toEqual([1, 2, 3, 4]);
    expect(events[0].metadata).toMatchObject({
      actor: { role: 'affected_state', participantId: 'LAO' },
      commandId: expect.any(String),
      correlationId: expect.any(String),
      causationId: expect.any(String),
    });
    expect(events[1].metadata.actor).toMatchObject({ role: 'coordinator' });
    expect(events[0].prevHash).toBe('0'.repeat(64));
    for (const [index, event] of events.entries()) {
      if (index > 0) expect(event.prevHash).toBe(events[index - 1].hash);
      expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('verify names the first tampered version; an untouched stream verifies', async () => {
    const tampered = await postNeed();
    const untouched = await postNeed();
    for (const needId of [tampered, untouched]) {
      expect((await send('PATCH', `/needs/${needId}`, 'LAO', { priority: 'low' })).status).toBe(200);
      expect((await send('PATCH', `/needs/${needId}`, 'LAO', { priority: 'medium' })).status).toBe(200);
    }
    expect((await audit(`need-${tampered}/verify`)).body).toEqual({
      streamId: `need-${tampered}`,
      ok: true,
      eventsChecked: 3,
    });

    // Someone with database access rewrites history: version 2 now says the priority went to critical.
    const commits = db.collection<CommitDocument>('event_commits');
    const commit = await commits.findOne({ _id: `need-${tampered}#2` });
    expect(commit?.events[0].data).toMatchObject({ priority: 'low' });
    commit!.events[0].data = { ...(commit!.events[0].data as object), priority: 'critical' };
    expect((await commits.replaceOne({ _id: commit!._id }, commit!)).modifiedCount).toBe(1);

    const verified = await audit(`need-${tampered}/verify`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: false, firstBrokenVersion: 2, eventsChecked: 3 });
    expect(verified.body.reason).toMatch(/hash/);
    expect((await audit(`need-${untouched}/verify`)).body).toMatchObject({ ok: true, eventsChecked: 3 });
  });

  it('a donor or affected State reads only the streams it is party to', async () => {
    const pledge = await send('POST', '/pledges', 'NOR', pledgeBody('NOR'));
    expect(pledge.status).toBe(201);
    const pledgeStream = `pledge-${pledge.body.id as string}`;
    const needStream = `need-${await postNeed()}`;

    const asked: [string, string, number][] = [
      [pledgeStream, 'NOR', 200],
      [pledgeStream, 'DEU', 403],
      [pledgeStream, 'LAO', 403],
      [pledgeStream, 'analyst', 200],
      [pledgeStream, 'coordinator', 200],
      [needStream, 'LAO', 200],
      [needStream, 'VNM', 403],
      [needStream, 'NOR', 403],
    ];
    for (const [stream, as, status] of asked) {
      for (const route of ['events', 'state?at=2030-01-01', 'verify']) {
        const answer = await audit(`${stream}/${route}`, as);
        expect({ stream, as, route, status: answer.status }).toEqual({ stream, as, route, status });
        if (status === 403) expect(answer.contentType).toMatch(/application\/problem\+json/);
      }
    }
    const denied = await audit(`${pledgeStream}/events`, 'DEU');
    expect(denied.body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(JSON.stringify(denied.body)).not.toContain('250000');
  });

  it('answers 404 for an unknown stream and 400 for a bad time or stream id', async () => {
    for (const path of [
      'need-00000000-0000-0000-0000-000000000000/events',
      'delivery-1/verify',
      'participant-XYZ/state?at=2026-01-01',
    ]) {
      const answer = await audit(path);
      expect({ path, status: answer.status, code: answer.body.code }).toEqual({
        path,
        status: 404,
        code: 'STREAM_NOT_FOUND',
      });
      expect(answer.contentType).toMatch(/application\/problem\+json/);
    }
    const needId = await postNeed();
    for (const query of ['', '?at=yesterday', '?at=2026-02-31T10:00:00Z', '?at=2026-03-01&extra=1']) {
      const answer = await audit(`need-${needId}/state${query}`);
      expect({ query, status: answer.status, code: answer.body.code }).toEqual({
        query,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    expect((await audit(`need-${needId}/events?limit=0`)).status).toBe(400);
    expect((await audit(`need-${needId}/events?cursor=abc`)).status).toBe(400);
    expect((await audit('need%20x/events')).status).toBe(400);
    expect((await send('GET', `/audit/streams/need-${needId}/events`, 'nobody')).status).toBe(401);
  });
});
