import { EventTypeRegistry } from './registry';

describe('EventTypeRegistry', () => {
  const registry = new EventTypeRegistry(
    [{ streamType: 'pledge', type: 'PledgeSubmitted', schemaVersion: 3 }],
    [
      { type: 'PledgeSubmitted', fromVersion: 1, upcast: (data) => ({ ...(data as object), pillars: ['clearance'] }) },
      {
        type: 'PledgeSubmitted',
        fromVersion: 2,
        upcast: (data) => {
          const { donor, ...rest } = data as { donor: string };
          return { ...rest, donorId: donor };
        },
      },
    ],
  );

  it('upcasts a v1 event through every step to the current version', () => {
    expect(registry.upcast('PledgeSubmitted', 1, { donor: 'NOR' })).toEqual({
      schemaVersion: 3,
      data: { donorId: 'NOR', pillars: ['clearance'] },
    });
  });

  it('leaves a current event untouched', () => {
    const data = { donorId: 'NOR' };
    expect(registry.upcast('PledgeSubmitted', 3, data)).toEqual({ schemaVersion: 3, data });
  });

  it('refuses to append an unregistered type or one of another stream type', () => {
    expect(() => registry.registrationFor('PledgeSubmited', 'pledge')).toThrow(/no registration/);
    expect(() => registry.registrationFor('PledgeSubmitted', 'need')).toThrow(/no registration/);
  });

  it('refuses an old version with no upcaster rather than guessing', () => {
    const partial = new EventTypeRegistry([{ streamType: 'need', type: 'NeedPosted', schemaVersion: 2 }]);
    expect(() => partial.upcast('NeedPosted', 1, {})).toThrow(/NeedPosted v1/);
  });
});
