import { CommandApi, startCommandApi, tokenFor } from '../testing/command-api';

const validNeed = {
  requesterId: 'LAO',
  pillar: 'clearance',
  assistanceType: 'financial',
  title: 'Survey funding',
  quantity: { amount: 1000.5, unit: 'USD' },
  priority: 'high',
};

describe('request validation: 400 problem+json naming each field, nothing written', () => {
  let api: CommandApi;
  let lao: string;
  beforeAll(async () => {
    api = await startCommandApi();
    lao = await tokenFor('affected_state', 'LAO');
  });
  afterAll(() => api.close());

  it.each([
    ['an unknown field', { ...validNeed, colour: 'red' }, 'colour'],
    ['a wrong type', { ...validNeed, title: 42 }, 'title'],
    ['a negative amount', { ...validNeed, quantity: { amount: -5, unit: 'USD' } }, 'quantity.amount'],
    ['a zero amount', { ...validNeed, quantity: { amount: 0, unit: 'USD' } }, 'quantity.amount'],
    ['an amount sent as text', { ...validNeed, quantity: { amount: '5', unit: 'USD' } }, 'quantity.amount'],
    ['an unknown currency', { ...validNeed, quantity: { amount: 5, unit: 'XYZ' } }, 'quantity.unit'],
    ['a malformed participant id', { ...validNeed, requesterId: 'laos' }, 'requesterId'],
    ['a pillar outside the vocabulary', { ...validNeed, pillar: 'demining' }, 'pillar'],
    ['a malformed date', { ...validNeed, neededBy: '31/12/2027' }, 'neededBy'],
    ['an impossible date', { ...validNeed, neededBy: '2027-02-30' }, 'neededBy'],
    ['a year before 1000', { ...validNeed, neededBy: '0999-12-31' }, 'neededBy'],
    ['a missing quantity', { ...validNeed, quantity: undefined }, 'quantity'],
  ])('%s', async (_case, body, field) => {
    const before = api.store.eventCount;
    const response = await api.send('POST', '/needs', { as: lao, body });
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect((response.body.errors as { field: string }[]).map((error) => error.field)).toContain(field);
    expect(api.store.eventCount).toBe(before);
  });

  // Schema-valid (at most 4 decimals) but more than the currency's minor unit: a business rule, 422, same field.
  it('refuses too many decimals for the currency with 422 naming quantity.amount, writing nothing', async () => {
    const before = api.store.eventCount;
    const body = { ...validNeed, quantity: { amount: 1.234, unit: 'USD' } };
    const response = await api.send('POST', '/needs', { as: lao, body });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'INVALID_AMOUNT' });
    expect((response.body.errors as { field: string }[]).map((error) => error.field)).toContain('quantity.amount');
    expect(api.store.eventCount).toBe(before);
  });

  it('accepts the valid request', async () => {
    expect((await api.send('POST', '/needs', { as: lao, body: validNeed })).status).toBe(201);
  });

  it('refuses a malformed path id and a malformed If-Match', async () => {
    const badId = await api.send('POST', '/needs/bad%20id/withdraw', { as: lao, body: { reason: 'x' } });
    expect(badId).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const badIfMatch = await api.send('PATCH', '/needs/abc', {
      as: lao,
      body: { priority: 'low' },
      headers: { 'if-match': 'yesterday' },
    });
    expect(badIfMatch).toMatchObject({ status: 400, body: { errors: [{ field: 'If-Match' }] } });
  });
});
