import { useActorStack } from '../support/actor-stack';
import { waitFor } from '../support/processes';

const source = 'UN Treaty Collection, Chapter XXVI-6';

/**
 * Treaty dates, deadlines, the at-risk report and the revaluation report over the real stack (api, relay, projector
 * on Kafka and FerretDB). Expected figures by hand from the committed rate table:
 *   NOK 2009 annual average 6.29078254 NOK/USD → 0.1589627353: NOK 10,000,000.00 → US$ 1,589,627.35
 *   NOK on 15 June 2009 (Fed H.10 daily, 6.4836 NOK/USD) → 0.1542353014
 *   NOK latest (ECB, 30 Oct 2026): 1.1172 / 10.312 → 0.1083397983: → US$ 1,083,397.98; difference −506,229.37
 */
describe('treaty obligations and revaluation (api, relay and projector processes)', () => {
  const stack = useActorStack('treaty', {
    env: { CONSISTENCY_WAIT_MS: '15000' },
    participants: ['NOR', 'LAO', 'LTU'],
  });
  const { send: call, ok: send, read } = stack;

  it('computes entry into force and deadlines, and follows an extension from request to decision', async () => {
    const ratified = await send('POST', '/participants/LAO/treaty-actions', 'admin', {
      action: 'ratification',
      on: '2009-03-18',
      source,
    });
    const before = await read(
      '/participants/LAO/obligations?asOf=2019-01-01',
      'analyst',
      ratified.body.consistencyToken as string,
    );
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      entryIntoForce: '2010-08-01',
      bound: true,
      article3: { deadline: '2018-08-01' },
      article4: { originalDeadline: '2020-08-01', deadline: '2020-08-01' },
    });

    const tooLong = await call('POST', '/participants/LAO/deadline-extensions', 'LAO', {
      article: 'article4',
      requestedOn: '2019-03-01',
      requestedUntil: '2026-01-01',
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.contentType).toMatch(/application\/problem\+json/);
    expect(tooLong.body).toMatchObject({ code: 'EXTENSION_TOO_LONG' });
    const forOther = await call('POST', '/participants/LAO/deadline-extensions', 'NOR', {
      article: 'article4',
      requestedOn: '2019-03-01',
      requestedUntil: '2025-08-01',
    });
    expect(forOther.status).toBe(403);

    await send('POST', '/participants/LAO/deadline-extensions', 'LAO', {
      article: 'article4',
      requestedOn: '2019-03-01',
      requestedUntil: '2025-08-01',
    });
    // Business rules a schema-valid request breaks answer 422 (a deliberate change from 400 INVALID_FIELD).
    const decision = { article: 'article4', meeting: 'Meeting of States Parties (illustrative)', grantedUntil: null };
    const early = await call('POST', '/participants/LAO/deadline-extensions/decisions', 'coordinator', {
      ...decision,
      decidedOn: '2019-02-28',
    });
    expect(early).toMatchObject({ status: 422, body: { code: 'DATE_OUT_OF_ORDER', errors: [{ field: 'decidedOn' }] } });
    const ancient = { ...decision, decidedOn: '0999-09-04' };
    expect(await call('POST', '/participants/LAO/deadline-extensions/decisions', 'coordinator', ancient)).toMatchObject(
      { status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'decidedOn' }] } },
    );
    const decided = await send('POST', '/participants/LAO/deadline-extensions/decisions', 'coordinator', {
      ...decision,
      decidedOn: '2019-09-04',
      grantedUntil: '2025-08-01',
    });
    const after = await read(
      '/participants/LAO/obligations?asOf=2024-01-01',
      'analyst',
      decided.body.consistencyToken as string,
    );
    expect(after.body).toMatchObject({ article4: { originalDeadline: '2020-08-01', deadline: '2025-08-01' } });
  });

  it('refuses a treaty action of an organisation with 422 INELIGIBLE_PARTICIPANT', async () => {
    await send('POST', '/participants', 'admin', { id: 'UNMAS', name: 'UNMAS', kind: 'organization' });
    const signature = { action: 'signature', on: '2008-12-03', source };
    const signed = await call('POST', '/participants/UNMAS/treaty-actions', 'admin', signature);
    expect(signed).toMatchObject({ status: 422, body: { code: 'INELIGIBLE_PARTICIPANT', errors: [{ field: 'id' }] } });
  });

  it('records a withdrawal, after which the State is no longer bound', async () => {
    await send('POST', '/participants/LTU/treaty-actions', 'admin', {
      action: 'ratification',
      on: '2011-03-24',
      source,
    });
    const answer = await send('POST', '/participants/LTU/treaty-actions', 'admin', {
      action: 'withdrawal',
      on: '2025-03-06',
      source,
    });
    const token = answer.body.consistencyToken as string;
    const lithuania = await read('/participants/LTU/obligations?asOf=2025-06-01', 'analyst', token);
    expect(lithuania.body).toMatchObject({
      entryIntoForce: '2011-09-01',
      bound: false,
      withdrawalEffectiveOn: '2025-03-06',
    });
    const refused = await call('POST', '/participants/LTU/treaty-actions', 'NOR', {
      action: 'signature',
      on: '2008-12-03',
      source,
    });
    expect(refused.status).toBe(403);
  });

  it('lists the Lao clearance deadline as at risk while its need is not covered, with the USD shortfall', async () => {
    const need = await send('POST', '/needs', 'LAO', {
      requesterId: 'LAO',
      pillar: 'clearance',
      assistanceType: 'financial',
      title: 'Clearance of confirmed hazardous areas',
      quantity: { amount: 1000000, unit: 'USD' },
      priority: 'high',
    });
    const url = '/reports/obligations-at-risk?asOf=2025-01-15&horizonMonths=12';
    const report = await waitFor(async () => {
      const answer = await read(url, 'analyst', need.body.consistencyToken as string);
      return (answer.body.items as unknown[]).length > 0 ? answer : undefined;
    }, 'the need in the at-risk report');
    expect(report.body.items).toEqual([
      expect.objectContaining({
        participantId: 'LAO',
        article: 'article4',
        deadline: '2025-08-01',
        extended: true,
        needIds: [need.body.id],
        shortfall: expect.objectContaining({ usd: '1000000.00' }),
      }),
    ]);
    expect((await read(url, 'NOR')).status).toBe(403);
  });

  it('revalues an old NOK pledge at its pledge-date rate and the latest rate, and reports on the daily basis', async () => {
    await send('POST', '/pledges', 'NOR', {
      donorId: 'NOR',
      assistanceType: 'financial',
      pillars: ['clearance'],
      quantity: { amount: 10000000, unit: 'NOK' },
      pledgedOn: '2009-06-15',
    });
    // Reports read the read models without a consistency wait: poll until the pledge is projected.
    const revaluation = await waitFor(async () => {
      const answer = await read('/reports/revaluation', 'NOR');
      return (answer.body.items as unknown[]).length > 0 ? answer : undefined;
    }, 'the pledge in the revaluation report');
    expect(revaluation.status).toBe(200);
    expect(revaluation.body).toMatchObject({
      donorId: 'NOR',
      items: [
        {
          donorId: 'NOR',
          currency: 'NOK',
          outstanding: '10000000.00',
          usdAtPledgeRate: '1589627.35',
          usdAtLatestRate: '1083397.98',
          difference: '-506229.37',
        },
      ],
    });
    expect((await read('/reports/revaluation?donorId=LAO', 'NOR')).status).toBe(403);

    const daily = await read('/reports/support?groupBy=donor&basis=daily');
    expect(daily.body).toMatchObject({ basis: 'daily' });
    expect(daily.body.rates).toEqual([
      {
        unit: 'NOK',
        rate: '0.1542353014',
        rateDate: '2009-06-15',
        source: expect.stringMatching(/Federal Reserve/),
        lastYearFallback: false,
      },
    ]);
    const bad = await read('/reports/support?basis=weekly');
    expect(bad.status).toBe(400);
  });

  it('documents the new routes in OpenAPI', async () => {
    const document = (await (await fetch(`${stack.base}/docs-json`)).json()) as { paths: Record<string, unknown> };
    for (const path of [
      '/participants/{id}/treaty-actions',
      '/participants/{id}/deadline-extensions',
      '/participants/{id}/deadline-extensions/decisions',
      '/participants/{id}/obligations',
      '/reports/obligations-at-risk',
      '/reports/revaluation',
    ]) {
      expect(document.paths).toHaveProperty([path]);
    }
  });
});
