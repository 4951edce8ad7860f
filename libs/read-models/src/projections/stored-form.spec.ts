import { BSON } from 'mongodb';
import { randomAllocationStream, randomOf, randomPledgeStream } from '../testing/report-streams';
import { storedDocument, storedValue } from './stored-form';

const throughBson = (value: unknown) => BSON.deserialize(BSON.serialize({ value }, { ignoreUndefined: false })).value;

describe('the stored form of a document is what a BSON round trip gives back', () => {
  const random = randomOf(7);
  const envelopes = Array.from({ length: 20 }, (_, i) =>
    i % 2 ? randomPledgeStream(random, `p${i}`) : randomAllocationStream(random, `a${i}`),
  ).flat();

  it.each([
    ['envelopes of random streams', envelopes],
    ['undefined in objects and arrays', { a: undefined, b: [1, undefined, { c: undefined }], d: null }],
    ['functions and symbols', { f: () => 1, s: Symbol('s'), list: [() => 1, Symbol('t')] }],
    ['numbers', { int: 3, big: 2 ** 40, float: 0.1, negative: -5, zero: 0, minusZero: -0 }],
    ['a Date and a nested Date', { at: new Date('2025-01-01T00:00:00Z'), nested: { at: new Date(0) } }],
    ['a lone surrogate', { text: 'a\ud800b' }],
    ['an empty object and array', { o: {}, a: [] }],
  ])('%s', (_name, value) => {
    expect(storedValue(value)).toStrictEqual(throughBson(value));
  });

  it('puts _id first and copies: nothing of the input is shared', () => {
    const data = { quantity: { amount: '1.00', unit: 'kits' } };
    const doc = storedDocument('x', { data, _id: 'ignored' });
    expect(Object.keys(doc)).toEqual(['_id', 'data']);
    expect(doc._id).toBe('ignored');
    expect(doc.data).toStrictEqual(data);
    expect(doc.data).not.toBe(data);
  });
});
