import { Actor } from './actor';
import { DomainEvent } from './decider';
import { NeedCommand, needDecider, NeedEvent } from './need';
import { foldStream, streamTypeOf } from './aggregates';

const laos: Actor = { sub: 'lao-1', role: 'affected_state', participantId: 'LAO' };
const needId = '0190d2c4-need';

/** Events made by the domain itself, so the fold is checked against what the write side really stores. */
function history(commands: NeedCommand['type'][]): NeedEvent[] {
  const events: NeedEvent[] = [];
  const data: Record<string, NeedCommand['data']> = {
    PostNeed: {
      needId,
      requesterId: 'LAO',
      pillar: 'clearance',
      assistanceType: 'financial',
      title: 'Survey of Xieng Khouang',
      quantity: { amount: 0.1, unit: 'USD' },
      priority: 'high',
    },
    ReviseNeed: { needId, quantity: { amount: 0.3, unit: 'USD' }, priority: 'critical' },
    WithdrawNeed: { needId, reason: 'funded elsewhere' },
  };
  for (const [index, type] of commands.entries()) {
    const state = events.reduce(needDecider.evolve, needDecider.initialState);
    const metadata = { actor: laos, now: `2026-03-0${index + 1}T10:00:00Z` };
    events.push(...needDecider.decide({ type, data: data[type], metadata } as NeedCommand, state));
  }
  return events;
}

describe('streamTypeOf', () => {
  it.each([
    ['participant-LAO', 'participant'],
    ['need-0190d2c4-7a1b', 'need'],
    ['pledge-x', 'pledge'],
    ['allocation-x', 'allocation'],
  ])('reads the type of %s from its prefix', (streamId, type) => {
    expect(streamTypeOf(streamId)).toBe(type);
  });

  it.each(['delivery-x', 'needs-x', 'need', 'x-need-1'])('knows no stream %s', (streamId) => {
    expect(streamTypeOf(streamId)).toBeUndefined();
  });
});

describe('foldStream', () => {
  it('is null before the first event', () => {
    expect(foldStream('need', [])).toBeNull();
  });

  it('folds each prefix of a history into the state the write side had then', () => {
    const events = history(['PostNeed', 'ReviseNeed', 'WithdrawNeed']);
    const states = [1, 2, 3].map((count) => foldStream('need', events.slice(0, count)));
    expect(states.map((state) => state as Record<string, unknown>)).toEqual([
      expect.objectContaining({ quantity: { amount: '0.10', unit: 'USD' }, priority: 'high', status: 'open' }),
      expect.objectContaining({ quantity: { amount: '0.30', unit: 'USD' }, priority: 'critical', status: 'open' }),
      expect.objectContaining({ quantity: { amount: '0.30', unit: 'USD' }, status: 'withdrawn' }),
    ]);
    expect(states[2]).toEqual(events.reduce(needDecider.evolve, needDecider.initialState));
  });

  it('answers plain JSON: decimal strings, no bigint, nothing lost in a round trip', () => {
    const state = foldStream('need', history(['PostNeed', 'ReviseNeed']));
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(state).toMatchObject({ allocated: { amount: '0.00', unit: 'USD' }, delivered: { amount: '0.00' } });
  });

  it('uses the decider of the stream type', () => {
    const registered: DomainEvent = {
      type: 'ParticipantRegistered',
      data: { participantId: 'LAO', name: 'Lao PDR', kind: 'state', usedClusterMunitionsIn: [] },
    };
    expect(foldStream('participant', [registered])).toEqual({
      id: 'LAO',
      name: 'Lao PDR',
      kind: 'state',
      usedClusterMunitionsIn: [],
    });
  });
});
