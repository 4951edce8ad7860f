import { dumpGeneration, dumpLive, rebuildProjectionSet } from '@cm/read-models';
import { Answer } from '../support/api-client';
import { useActorStack } from '../support/actor-stack';
import { testKafka } from '../support/servers';
import { coalitionParticipants, formBody } from './coalitions.fixtures';

/**
 * A country coalition's membership over the real stack (api, relay and projector on Kafka and FerretDB): Laos forms
 * it with Norway as lead, Germany and UNMAS join, UNMAS leaves, Norway hands the lead to Germany and leaves, Laos
 * dissolves it. What the coalition shows of the assistance is `coalition-pipeline.e2e-spec.ts`.
 */
describe('country coalitions (api, relay and projector processes)', () => {
  const { database, topicPrefix, db, send, ok, read } = useActorStack('coalitions', {
    env: { CONSISTENCY_WAIT_MS: '30000' },
    participants: coalitionParticipants,
  });
  const ids: Record<string, string> = {};

  it('the affected State forms its coalition once per Idempotency-Key; others and bad partners are refused', async () => {
    const key = { 'idempotency-key': `${database}-form` };
    const body = { ...formBody, nationalPlan: 'NRA Safe Path Forward III 2021-2030' };
    const formed = await send('POST', '/coalitions', 'LAO', body, key);
    expect(formed).toMatchObject({ status: 201, body: { version: 1, status: 'active' } });
    expect(formed.body.consistencyToken).toEqual(expect.any(String));
    ids.coalition = formed.body.id as string;
    const again = await send('POST', '/coalitions', 'LAO', body, key);
    expect(again).toMatchObject({ status: 201, body: { id: ids.coalition, version: 1 } });

    const problem = (answer: Answer) => ({ status: answer.status, code: answer.body.code, type: answer.contentType });
    expect(problem(await send('POST', '/coalitions', 'KHM', formBody))).toMatchObject({
      status: 403,
      code: 'FORBIDDEN_PARTICIPANT',
      type: expect.stringContaining('application/problem+json'),
    });
    expect(problem(await send('POST', '/coalitions', 'NOR', formBody))).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
    expect(problem(await send('POST', '/coalitions', 'LAO', { ...formBody, leadPartnerId: 'ICRC' }))).toMatchObject({
      status: 422,
      code: 'UNKNOWN_PARTICIPANT',
    });
    const organisation = await send('POST', '/coalitions', 'coordinator', { ...formBody, affectedStateId: 'UNMAS' });
    expect(organisation).toMatchObject({ status: 400, body: { code: 'INVALID_FIELD' } });
    expect(organisation.body.errors).toEqual([expect.objectContaining({ field: 'affectedStateId' })]);
    const missing = await send('POST', '/coalitions', 'LAO', { affectedStateId: 'LAO', leadPartnerId: 'NOR' });
    expect(missing).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const fields = (missing.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields.length).toBeGreaterThan(0);
    expect(new Set(fields)).toEqual(new Set(['name']));
  });

  it('the lead partner adds members; a member cannot join twice; staff and members see the history', async () => {
    const coalition = `/coalitions/${ids.coalition}`;
    expect((await send('POST', `${coalition}/members`, 'NOR', { participantId: 'DEU' })).status).toBe(200);
    expect(await send('POST', `${coalition}/members`, 'LAO', { participantId: 'DEU' })).toMatchObject({
      status: 409,
      body: { code: 'ALREADY_MEMBER' },
    });
    expect(await send('POST', `${coalition}/members`, 'DEU', { participantId: 'UNMAS' })).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN_PARTICIPANT' },
    });
    const joined = await ok('POST', `${coalition}/members`, 'LAO', { participantId: 'UNMAS' });
    expect(joined.body.version).toBe(3);
    const left = await ok('POST', `${coalition}/members/UNMAS/leave`, 'coordinator', { reason: 'mandate ended' });
    expect(await send('POST', `${coalition}/members/UNMAS/leave`, 'LAO', {})).toMatchObject({
      status: 422,
      body: { code: 'NOT_MEMBER' },
    });
    expect(await send('POST', `${coalition}/members/NOR/leave`, 'NOR', {})).toMatchObject({
      status: 422,
      body: { code: 'INVALID_TRANSITION' },
    });

    const view = await read(coalition, 'DEU', left.body.consistencyToken as string);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      id: ids.coalition,
      version: 4,
      affectedStateId: 'LAO',
      leadPartnerId: 'NOR',
      nationalPlan: 'NRA Safe Path Forward III 2021-2030',
      memberIds: ['LAO', 'NOR', 'DEU'],
    });
    expect(
      (view.body.memberships as { participantId: string; role: string; until?: string }[]).map((m) => [
        m.participantId,
        m.role,
        m.until !== undefined,
      ]),
    ).toEqual([
      ['LAO', 'affected_state', false],
      ['NOR', 'lead_partner', false],
      ['DEU', 'supporting_partner', false],
      ['UNMAS', 'supporting_partner', true],
    ]);
    expect((await read(coalition, 'analyst')).status).toBe(200);
    expect(await read(coalition, 'KHM')).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await read(coalition, 'JPN')).toMatchObject({ status: 403 });
    expect(await read('/coalitions/0194f5a2-0000-7000-8000-000000000000', 'coordinator')).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });

    const listed = (as: string, query = '') => read(`/coalitions${query}`, as);
    const idsOf = (answer: Answer) => (answer.body.items as { id: string }[]).map((c) => c.id);
    expect(idsOf(await listed('DEU'))).toEqual([ids.coalition]);
    expect(idsOf(await listed('KHM'))).toEqual([]);
    expect(idsOf(await listed('coordinator', '?memberId=DEU'))).toEqual([ids.coalition]);
    expect(idsOf(await listed('coordinator', '?memberId=UNMAS'))).toEqual([]);
    expect(idsOf(await listed('JPN', '?memberId=NOR'))).toEqual([]);
    expect(await listed('coordinator', '?memberId=lower')).toMatchObject({ status: 400 });
  });

  it('a partner that leaves no longer sees the coalition; the lead hands over; dissolving keeps the history', async () => {
    const coalition = `/coalitions/${ids.coalition}`;
    const handed = await ok('POST', `${coalition}/lead`, 'NOR', { participantId: 'DEU' });
    expect(handed.body.version).toBe(5);
    const left = await ok('POST', `${coalition}/members/NOR/leave`, 'NOR', {});
    expect(await read(coalition, 'NOR', left.body.consistencyToken as string)).toMatchObject({ status: 403 });
    const view = await read(coalition, 'DEU');
    expect(view.body).toMatchObject({ leadPartnerId: 'DEU', memberIds: ['LAO', 'DEU'] });
    const dissolved = await ok('POST', `${coalition}/dissolve`, 'LAO', { reason: 'plan completed' });
    expect(dissolved.body.status).toBe('dissolved');
    expect(await send('POST', `${coalition}/members`, 'LAO', { participantId: 'JPN' })).toMatchObject({
      status: 422,
      body: { code: 'COALITION_DISSOLVED' },
    });
    expect((await read(coalition, 'LAO', dissolved.body.consistencyToken as string)).body).toMatchObject({
      status: 'dissolved',
      version: 7,
    });
  });

  it('the coalition read model rebuilt from the topic equals the live one', async () => {
    const kafka = testKafka();
    const result = await rebuildProjectionSet(db, kafka, 'coalitions', {
      topicPrefix,
      switchOver: false,
      timeoutMs: 120_000,
    });
    expect(result.events).toBeGreaterThanOrEqual(7);
    const rebuilt = await dumpGeneration(db, 'coalitions', result.generation);
    expect(rebuilt).toContain(ids.coalition);
    expect(rebuilt).toEqual(await dumpLive(db, 'coalitions'));
  });
});
