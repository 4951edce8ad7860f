import { alreadyApplied, withApplied } from './applied-versions';

describe('applied versions per source stream', () => {
  it('applies a stream’s next version once and ignores replays of it and earlier ones', () => {
    let applied = withApplied(undefined, { streamId: 'need-1', version: 1 });
    expect(alreadyApplied(applied, { streamId: 'need-1', version: 2 })).toBe(false);
    applied = withApplied(applied, { streamId: 'need-1', version: 2 });
    expect(alreadyApplied(applied, { streamId: 'need-1', version: 2 })).toBe(true);
    expect(alreadyApplied(applied, { streamId: 'need-1', version: 1 })).toBe(true);
  });

  it('tracks several streams independently, in any relative order', () => {
    let applied = withApplied(undefined, { streamId: 'pledge-9', version: 4 });
    applied = withApplied(applied, { streamId: 'need-1', version: 1 });
    expect(alreadyApplied(applied, { streamId: 'need-1', version: 1 })).toBe(true);
    expect(alreadyApplied(applied, { streamId: 'pledge-9', version: 5 })).toBe(false);
    expect(applied).toEqual([
      { streamId: 'need-1', version: 1 },
      { streamId: 'pledge-9', version: 4 },
    ]);
  });
});
