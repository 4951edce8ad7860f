import * as domain from './index';

describe('public surface', () => {
  it('registers every event under a unique stable name with schema version 1', () => {
    const names = domain.eventRegistrations.map((registration) => registration.type);
    expect(new Set(names).size).toBe(names.length);
    expect(domain.eventRegistrations.every((registration) => registration.schemaVersion === 1)).toBe(true);
    expect(names.filter((name) => name.endsWith('Event'))).toEqual([]);
    expect(new Set(domain.eventRegistrations.map((registration) => registration.streamType))).toEqual(
      new Set(['participant', 'need', 'pledge', 'allocation', 'coalition']),
    );
  });

  it('exposes a decider and a stream type per aggregate', () => {
    expect([
      domain.participantStreamType,
      domain.needStreamType,
      domain.pledgeStreamType,
      domain.allocationStreamType,
      domain.coalitionStreamType,
    ]).toEqual(['participant', 'need', 'pledge', 'allocation', 'coalition']);
    for (const decider of [
      domain.participantDecider,
      domain.needDecider,
      domain.pledgeDecider,
      domain.allocationDecider,
      domain.coalitionDecider,
    ]) {
      expect(decider.initialState).toBeNull();
    }
    expect(domain.allocationEventTypes).toContain('DeliveryConfirmed');
  });
});
