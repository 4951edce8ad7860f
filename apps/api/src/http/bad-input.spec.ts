import { CommandApi, startCommandApi, tokenFor } from '../testing/command-api';
import { MAX_JSON_DEPTH } from './body-limits';

const validNeed = {
  requesterId: 'LAO',
  pillar: 'clearance',
  assistanceType: 'financial',
  title: 'Survey funding',
  quantity: { amount: 1000, unit: 'USD' },
  priority: 'high',
};

interface RawAnswer {
  status: number;
  contentType: string | null;
  body: { code?: string; errors?: { field: string; message: string }[] };
}

describe('bad input: refused with 4xx problem+json naming what is wrong, never 500, nothing written', () => {
  let api: CommandApi;
  let lao: string;
  beforeAll(async () => {
    api = await startCommandApi();
    lao = await tokenFor('affected_state', 'LAO');
  });
  afterAll(() => api.close());

  async function post(body: string, contentType = 'application/json'): Promise<RawAnswer> {
    const response = await fetch(`${api.url}/needs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lao}`, 'content-type': contentType },
      body,
    });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type'), body: JSON.parse(text) };
  }

  const fieldsOf = (answer: RawAnswer) => (answer.body.errors ?? []).map((error) => error.field);

  it.each([
    ['a 3 MB body', () => JSON.stringify({ ...validNeed, description: 'x'.repeat(3 * 1024 * 1024) }), 413, 'body'],
    ['JSON nested 5,000 deep', () => `{"title":${'['.repeat(5000)}${']'.repeat(5000)}}`, 400, 'body'],
    ['malformed JSON', () => '{"title": "unterminated', 400, 'body'],
    ['a bare JSON string', () => '"need"', 400, 'body'],
  ])('%s', async (_case, body, status, field) => {
    const before = api.store.eventCount;
    const answer = await post(body());
    expect(answer).toMatchObject({ status, contentType: expect.stringContaining('application/problem+json') });
    expect(fieldsOf(answer)).toEqual([field]);
    expect(api.store.eventCount).toBe(before);
  });

  it(`accepts nesting up to ${MAX_JSON_DEPTH} levels (brackets in strings do not count) and refuses one more`, async () => {
    // The body object itself is level 1, so `x` may nest MAX_JSON_DEPTH - 1 arrays.
    const withX = (depth: number, title = validNeed.title) =>
      `{"x":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)},${JSON.stringify({ ...validNeed, title }).slice(1)}`;
    const within = await post(withX(MAX_JSON_DEPTH, '[{'.repeat(100)));
    expect(within.status).toBe(400);
    expect(fieldsOf(within)).toEqual(['x']); // parsed and validated: only the unknown field is refused
    const beyond = await post(withX(MAX_JSON_DEPTH + 1));
    expect(beyond.body.code).toBe('BODY_TOO_DEEP');
  });

  it.each([
    ['text/plain', 'Content-Type'],
    ['application/x-www-form-urlencoded', 'Content-Type'],
    ['application/xml', 'Content-Type'],
    ['application/json; charset=latin1', 'Content-Type'],
  ])('a body sent as %s answers 415', async (contentType, field) => {
    const answer = await post(JSON.stringify(validNeed), contentType);
    expect(answer).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    expect(fieldsOf(answer)).toEqual([field]);
  });

  it.each([
    ['__proto__', `{"__proto__":{"admin":true},${JSON.stringify(validNeed).slice(1)}`, '__proto__'],
    ['constructor', JSON.stringify({ ...validNeed, constructor: { name: 'x' } }), 'constructor'],
    ['prototype', JSON.stringify({ ...validNeed, prototype: 1 }), 'prototype'],
    [
      'a nested __proto__',
      JSON.stringify(validNeed).replace('"unit":"USD"', '"unit":"USD","__proto__":{"amount":5}'),
      'quantity.__proto__',
    ],
  ])('the extra key %s is refused like any unknown key', async (_case, body, field) => {
    const before = api.store.eventCount;
    const answer = await post(body);
    const unknown = await post(JSON.stringify({ ...validNeed, colour: 'red' }));
    expect(answer).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(answer.body.errors).toEqual([{ field, message: `property ${field.split('.').pop()} should not exist` }]);
    expect(unknown.body.errors).toEqual([{ field: 'colour', message: 'property colour should not exist' }]);
    expect(api.store.eventCount).toBe(before);
  });

  it.each(['toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'])(
    'the extra key %s (a member of Object.prototype) is refused too',
    async (key) => {
      const answer = await post(JSON.stringify({ ...validNeed, [key]: true }));
      expect(answer.body.errors).toEqual([{ field: key, message: `property ${key} should not exist` }]);
    },
  );

  it.each([
    [
      'an amount of 5e-324 (class-validator threw on it)',
      { quantity: { amount: 5e-324, unit: 'items' } },
      'quantity.amount',
    ],
    ['an amount of 1e21', { quantity: { amount: 1e21, unit: 'items' } }, 'quantity.amount'],
    ["a time of 25 o'clock", { neededBy: '2027-01-01T25:00:00Z' }, 'neededBy'],
    ['the 30th of February with a time', { neededBy: '2027-02-30T10:00Z' }, 'neededBy'],
  ])('%s answers 400 naming the field', async (_case, change, field) => {
    const answer = await post(JSON.stringify({ ...validNeed, ...change }));
    expect(answer).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(fieldsOf(answer)).toContain(field);
  });

  it('refuses a path whose percent-encoding does not decode, naming the path', async () => {
    const response = await fetch(`${api.url}/needs/%E0%A4%A/withdraw`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lao}`, 'content-type': 'application/json' },
      body: '{"reason":"x"}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'MALFORMED_PATH', errors: [{ field: 'path' }] });
  });

  it('names a prototype key next to the other failures of the same body', async () => {
    const answer = await post(JSON.stringify({ ...validNeed, title: 42, constructor: 1 }));
    expect([...new Set(fieldsOf(answer))].sort()).toEqual(['constructor', 'title']);
  });

  it('still accepts the valid body', async () => {
    expect((await post(JSON.stringify(validNeed))).status).toBe(201);
  });
});
