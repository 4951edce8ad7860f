import { CommandApi, startCommandApi, tokenFor } from '../testing/command-api';
import { idempotencyRecordId, requestHashOf } from '@cm/application';

describe('Idempotency-Key', () => {
  let api: CommandApi;
  let admin: string;
  beforeAll(async () => {
    api = await startCommandApi();
    admin = await tokenFor('admin');
  });
  afterAll(() => api.close());

  const register = (key: string, id = 'NOR') =>
    api.send('POST', '/participants', {
      as: admin,
      body: { id, name: 'Norway', kind: 'state' },
      headers: { 'idempotency-key': key },
    });

  it('hashes bodies independently of key order', () => {
    expect(requestHashOf({ a: 1, b: { c: 2, d: 3 } })).toBe(requestHashOf({ b: { d: 3, c: 2 }, a: 1 }));
    expect(requestHashOf({ a: 1 })).not.toBe(requestHashOf({ a: 2 }));
  });

  it('scopes a key to its caller and route', () => {
    expect(idempotencyRecordId('a', 'POST', '/needs', 'k')).not.toBe(idempotencyRecordId('b', 'POST', '/needs', 'k'));
    expect(idempotencyRecordId('a', 'POST', '/needs', 'k')).not.toBe(idempotencyRecordId('a', 'POST', '/pledges', 'k'));
  });

  it('answers 409 IDEMPOTENCY_KEY_IN_PROGRESS while the first request with the key is running', async () => {
    const id = idempotencyRecordId('admin-user', 'POST', '/participants', 'slow');
    api.keys.records.set(id, {
      _id: id,
      requestHash: requestHashOf({ id: 'NOR', name: 'Norway', kind: 'state' }),
      state: 'in_progress',
      createdAt: new Date(),
    });
    expect(await register('slow')).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_KEY_IN_PROGRESS' } });
  });

  it('lets a retry take over a key whose first request crashed long ago, without writing twice', async () => {
    const first = await register('crashed', 'DEU');
    expect(first.status).toBe(201);
    const [id] = [...api.keys.records.keys()].filter((key) => api.keys.records.get(key)!.status === 201).slice(-1);
    const record = api.keys.records.get(id)!;
    // As if the process died after the append and before the answer was stored; the client retries 10 min later.
    api.keys.records.set(id, {
      _id: id,
      requestHash: record.requestHash,
      state: 'in_progress',
      createdAt: record.createdAt,
    });
    const count = api.store.eventCount;
    const later = Date.now() + 10 * 60_000;
    const clock = jest.spyOn(Date, 'now').mockReturnValue(later);
    const retry = await register('crashed', 'DEU').finally(() => clock.mockRestore());
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ id: 'DEU', version: 1 });
    expect(api.store.eventCount).toBe(count);
  });

  it('refuses a malformed key', async () => {
    expect(await register('has spaces in it')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });
});
