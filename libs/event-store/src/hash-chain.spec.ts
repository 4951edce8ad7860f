import { EventEnvelope } from './envelope';
import { canonicalJson, firstBreak, GENESIS_HASH, hashOf } from './hash-chain';

function chain(count: number): EventEnvelope[] {
  const events: EventEnvelope[] = [];
  let prevHash = GENESIS_HASH;
  for (let version = 1; version <= count; version++) {
    const unsigned = {
      eventId: `e${version}`,
      type: 'NeedRevised',
      schemaVersion: 1,
      streamId: 'need-1',
      streamType: 'need',
      version,
      occurredAt: '2026-01-01T00:00:00.000Z',
      recordedAt: '2026-01-01T00:00:00.000Z',
      data: { priority: 'high', quantity: { amount: `${version}.00`, unit: 'USD' } },
      metadata: {
        commandId: `c${version}`,
        correlationId: 'r',
        causationId: `c${version}`,
        actor: { sub: 'u', role: 'coordinator' },
      },
      prevHash,
    };
    const event = { ...unsigned, hash: hashOf(unsigned) };
    events.push(event);
    prevHash = event.hash;
  }
  return events;
}

describe('canonical JSON', () => {
  it('does not depend on key order and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: undefined } })).toBe('{"a":{"d":[1,"x"]},"b":1}');
    expect(canonicalJson({ a: { d: [1, 'x'] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [1, 'x'] } }));
  });
});

describe('hash chain', () => {
  it('holds for an untouched stream', () => {
    expect(firstBreak(chain(5))).toBeUndefined();
  });

  it('names the version whose content was changed', () => {
    const events = chain(5);
    events[2] = { ...events[2], data: { priority: 'low', quantity: { amount: '3.00', unit: 'USD' } } };
    expect(firstBreak(events)).toEqual({ version: 3, reason: 'content does not match its hash' });
  });

  it('names the version whose hash was recomputed to hide a change, at the broken link after it', () => {
    const events = chain(5);
    const forged = { ...events[1], data: { priority: 'critical' } };
    events[1] = { ...forged, hash: hashOf(forged) };
    expect(firstBreak(events)).toEqual({ version: 3, reason: 'prevHash does not match the previous event' });
  });

  it('notices a removed event', () => {
    const events = chain(4);
    events.splice(1, 1);
    expect(firstBreak(events)?.version).toBe(2);
  });
});
