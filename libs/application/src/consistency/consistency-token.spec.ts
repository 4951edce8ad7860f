import fc from 'fast-check';
import { streamTypes } from '@cm/domain';
import {
  decodeConsistencyToken,
  encodeConsistencyToken,
  encodeTokenReference,
  MAX_INLINE_POSITIONS,
  mergePositions,
  StreamPosition,
} from './consistency-token';

const position = fc
  .record({
    streamType: fc.constantFrom(...streamTypes),
    recordId: fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
    version: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map(({ streamType, recordId, version }) => ({ streamType, streamId: `${streamType}-${recordId}`, version }));
const legacyToken = (p: StreamPosition) =>
  Buffer.from(`${p.streamType}:${p.streamId}:${p.version}`, 'utf8').toString('base64url');

describe('the consistency token', () => {
  it('round-trips every stream a command wrote, keeping the highest version of each', () => {
    fc.assert(
      fc.property(fc.array(position, { minLength: 1, maxLength: 80 }), (positions) => {
        fc.pre(mergePositions(positions).length <= MAX_INLINE_POSITIONS);
        const decoded = decodeConsistencyToken(encodeConsistencyToken(positions));
        expect(decoded).toEqual({ positions: expect.any(Array) });
        const byStream = new Map<string, number>();
        for (const p of positions) byStream.set(p.streamId, Math.max(byStream.get(p.streamId) ?? 0, p.version));
        const got = (decoded as { positions: StreamPosition[] }).positions;
        expect(new Map(got.map((p) => [p.streamId, p.version]))).toEqual(byStream);
        expect(got.every((p) => p.streamId.startsWith(`${p.streamType}-`))).toBe(true);
      }),
    );
  });

  it('is the same token for the same writes in any order', () => {
    fc.assert(
      fc.property(fc.array(position, { minLength: 1, maxLength: 20 }), (positions) => {
        expect(encodeConsistencyToken([...positions].reverse())).toBe(encodeConsistencyToken(positions));
      }),
    );
  });

  it('still reads the version-1 tokens issued before it covered several streams', () => {
    fc.assert(
      fc.property(position, (p) => {
        expect(decodeConsistencyToken(legacyToken(p))).toEqual({ positions: [p] });
      }),
    );
    // A version-1 token as the api answered it before, byte for byte.
    expect(decodeConsistencyToken('bmVlZDpuZWVkLTAxOTRmNWEyOjM')).toEqual({
      positions: [{ streamType: 'need', streamId: 'need-0194f5a2', version: 3 }],
    });
  });

  it('refuses more streams than fit in a header: those go by reference', () => {
    const many = Array.from({ length: MAX_INLINE_POSITIONS + 1 }, (_, i) => ({
      streamType: 'allocation',
      streamId: `allocation-${i}`,
      version: 2,
    }));
    expect(() => encodeConsistencyToken(many)).toThrow(/by reference/);
    expect(decodeConsistencyToken(encodeTokenReference('0194f5a2-7c1e-7b3a'))).toEqual({
      reference: '0194f5a2-7c1e-7b3a',
    });
  });

  it.each([
    ['not base64url', 'a+b/c='],
    ['empty', ''],
    ['garbage', Buffer.from('hello').toString('base64url')],
    ['version 0', Buffer.from('2|need:n1.0').toString('base64url')],
    ['a stream type twice', Buffer.from('2|need:n1.1|need:n2.1').toString('base64url')],
    ['a stream twice', Buffer.from('2|need:n1.1,n1.2').toString('base64url')],
    ['a bad record id', Buffer.from('2|need:n 1.1').toString('base64url')],
    ['a legacy stream of another type', Buffer.from('need:pledge-1:3').toString('base64url')],
    ['too long', 'A'.repeat(8_001)],
  ])('is undefined for a token the api did not issue: %s', (_, token) => {
    expect(decodeConsistencyToken(token)).toBeUndefined();
  });
});
