import { VersionConflictError } from '../errors';
import { EventStore } from '../event-store';
import { contractMetadata, contractRegistry, type OpenStore, type StoreUnderTest } from './contract-fixtures';

const metadata = contractMetadata;

/**
 * What every EventStore does, whatever keeps its events: the MongoDB store runs this against the real server (an
 * integration test), the in-memory fake as a unit test, so a unit test on the fake relies only on proven behaviour.
 */
export function eventStoreContract(open: OpenStore): void {
  let store: EventStore;
  let rewrite: StoreUnderTest['rewrite'];

  beforeAll(() => {
    ({ store, rewrite } = open(contractRegistry()));
  });

  it('appends in order with a hash chain and reads the stream back', async () => {
    const first = await store.append(
      'need-a',
      'need',
      'no_stream',
      [{ type: 'NeedPosted', data: { title: 'x' } }],
      metadata('c1'),
    );
    const second = await store.append(
      'need-a',
      'need',
      1,
      [
        { type: 'NeedRevised', data: { quantity: { amount: '5.00', unit: 'USD' } } },
        { type: 'NeedRevised', data: { quantity: { amount: '6.00', unit: 'USD' } } },
      ],
      metadata('c2'),
    );
    expect([first.version, second.fromVersion, second.version]).toEqual([1, 2, 3]);
    const read = await store.readStream('need-a');
    expect(read.events.map((event) => [event.version, event.type, event.metadata.commandId])).toEqual([
      [1, 'NeedPosted', 'c1'],
      [2, 'NeedRevised', 'c2'],
      [3, 'NeedRevised', 'c2'],
    ]);
    expect(read.events[1].prevHash).toBe(read.events[0].hash);
    expect(read.events[0].eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(read.events[0].metadata.actor).toEqual({ sub: 'user-1', role: 'affected_state', participantId: 'LAO' });
    expect(await store.verifyStream('need-a')).toEqual({ streamId: 'need-a', ok: true, eventsChecked: 3 });
  });

  it('lets exactly one of 50 concurrent appends at the same version win', async () => {
    await store.append('need-race', 'need', 'no_stream', [{ type: 'NeedPosted', data: {} }], metadata('race-0'));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        store.append('need-race', 'need', 1, [{ type: 'NeedRevised', data: { n: i } }], metadata(`race-${i + 1}`)),
      ),
    );
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const conflicts = outcomes.filter(
      (outcome) => outcome.status === 'rejected' && outcome.reason instanceof VersionConflictError,
    );
    expect(won).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    expect((conflicts[0] as PromiseRejectedResult).reason.currentVersion).toBe(2);
    const read = await store.readStream('need-race');
    expect(read.events.map((event) => event.version)).toEqual([1, 2]);
    expect((await store.verifyStream('need-race')).ok).toBe(true);
  });

  it('writes one set of events for a command id appended twice', async () => {
    const first = await store.append(
      'need-idem',
      'need',
      'no_stream',
      [{ type: 'NeedPosted', data: {} }],
      metadata('same'),
    );
    const again = await store.append(
      'need-idem',
      'need',
      'no_stream',
      [{ type: 'NeedPosted', data: {} }],
      metadata('same'),
    );
    const reloaded = await store.append('need-idem', 'need', 1, [{ type: 'NeedPosted', data: {} }], metadata('same'));
    expect(again).toEqual({ ...first, duplicate: true });
    expect(reloaded.duplicate).toBe(true);
    expect((await store.readStream('need-idem')).events).toHaveLength(1);
  });

  it('refuses an expected version that is not the stream’s, with the current version', async () => {
    await store.append('need-exp', 'need', 'no_stream', [{ type: 'NeedPosted', data: {} }], metadata('e1'));
    await expect(
      store.append('need-exp', 'need', 'no_stream', [{ type: 'NeedPosted', data: {} }], metadata('e2')),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 1 });
    await expect(
      store.append('need-exp', 'need', 5, [{ type: 'NeedRevised', data: {} }], metadata('e3')),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 1 });
    const any = await store.append('need-exp', 'need', 'any', [{ type: 'NeedRevised', data: {} }], metadata('e4'));
    expect(any.version).toBe(2);
  });

  it('refuses an unregistered event type, an event of another stream type, an empty append and a bad stream id', async () => {
    await store.append('need-typed', 'need', 'no_stream', [{ type: 'NeedPosted', data: {} }], metadata('ty1'));
    await expect(
      store.append('need-typed', 'need', 1, [{ type: 'NeedPostd', data: {} }], metadata('ty2')),
    ).rejects.toMatchObject({ code: 'UNKNOWN_EVENT_TYPE' });
    await expect(
      store.append('need-typed', 'pledge', 1, [{ type: 'NeedRevised', data: {} }], metadata('ty3')),
    ).rejects.toMatchObject({ code: 'UNKNOWN_EVENT_TYPE' });
    await expect(store.append('need-typed', 'need', 1, [], metadata('ty4'))).rejects.toThrow(/at least one event/);
    await expect(
      store.append('need typed', 'need', 'no_stream', [{ type: 'NeedPosted', data: {} }], metadata('ty5')),
    ).rejects.toThrow(/invalid stream id/);
    expect((await store.readStream('need-typed')).version).toBe(1);
  });

  it('reads a stream that was never written as empty, and verifies it', async () => {
    expect(await store.readStream('need-none')).toEqual({
      streamId: 'need-none',
      streamType: null,
      version: 0,
      events: [],
    });
    expect(await store.verifyStream('need-none')).toEqual({ streamId: 'need-none', ok: true, eventsChecked: 0 });
  });

  it('reports a tampered stored event at its version', async () => {
    for (let version = 0; version < 4; version++) {
      await store.append(
        'need-tamper',
        'need',
        version === 0 ? 'no_stream' : version,
        [
          {
            type: version === 0 ? 'NeedPosted' : 'NeedRevised',
            data: { quantity: { amount: `${version}.00`, unit: 'USD' } },
          },
        ],
        metadata(`t${version}`),
      );
    }
    await rewrite('need-tamper', 3, (event) => ({ ...event, data: { quantity: { amount: '9999.00', unit: 'USD' } } }));
    expect(await store.verifyStream('need-tamper')).toMatchObject({ ok: false, firstBrokenVersion: 3 });
  });

  it('reads a raw v1 event back as v2 through its upcaster', async () => {
    await store.append('need-old', 'need', 'no_stream', [{ type: 'NeedPosted', data: {} }], metadata('o1'));
    await rewrite('need-old', 1, (event) => ({
      ...event,
      type: 'NeedRevised',
      schemaVersion: 1,
      data: { amount: 12.5 },
    }));
    const [event] = (await store.readStream('need-old')).events;
    expect(event).toMatchObject({
      type: 'NeedRevised',
      schemaVersion: 2,
      data: { quantity: { amount: '12.50', unit: 'USD' } },
    });
  });

  it('serves time travel: the stream as recorded up to a moment', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const clocked = open(contractRegistry(), { clock: () => now }).store;
    await clocked.append('need-tt', 'need', 'no_stream', [{ type: 'NeedPosted', data: {} }], metadata('tt1'));
    now = new Date('2026-02-01T00:00:00Z');
    await clocked.append('need-tt', 'need', 1, [{ type: 'NeedRevised', data: {} }], metadata('tt2'));
    expect((await clocked.readStream('need-tt', { until: '2026-01-15T00:00:00Z' })).version).toBe(1);
    expect((await clocked.readStream('need-tt', { toVersion: 2 })).version).toBe(2);
    expect((await clocked.readStream('need-tt', { toVersion: 1 })).events.map((event) => event.type)).toEqual([
      'NeedPosted',
    ]);
  });
}
