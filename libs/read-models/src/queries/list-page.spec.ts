import type { Filter } from 'mongodb';
import { afterCursor, decodeCursor, encodeCursor } from './list-page';

describe('afterCursor', () => {
  it('returns the filter unchanged on the first page', () => {
    const filter = { requesterId: 'state-1', status: 'open' };
    expect(afterCursor(filter)).toBe(filter);
  });

  it('puts the cursor bound beside the equality filters, where FerretDB pushes it down', () => {
    expect(afterCursor({ requesterId: 'state-1', status: 'open' }, 'id-9')).toEqual({
      requesterId: 'state-1',
      status: 'open',
      _id: { $gt: 'id-9' },
    });
  });

  it('keeps both constraints when the filter bounds _id itself', () => {
    const filter: Filter<{ _id: string }> = { _id: { $in: ['id-1', 'id-20'] } };
    expect(afterCursor(filter, 'id-9')).toEqual({ $and: [filter, { _id: { $gt: 'id-9' } }] });
  });
});

describe('cursors', () => {
  it('round-trip the last _id and reject anything else', () => {
    expect(decodeCursor(encodeCursor('id-9'))).toBe('id-9');
    expect(decodeCursor('not a cursor')).toBeUndefined();
  });
});
