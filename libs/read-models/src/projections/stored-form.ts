import { BSON, type Document } from 'mongodb';

/** Thrown inside the plain copy at the first value it cannot mirror exactly: the whole value goes through BSON. */
const NOT_PLAIN = Symbol('not plain');

/** String.prototype.isWellFormed (Node 20; the compiler's lib is ES2023): BSON replaces lone surrogates. */
const wellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/**
 * A copy of JSON-like data as a BSON round trip gives it back: `undefined` becomes null (in objects and arrays, as the
 * driver serialises with ignoreUndefined false). Anything else (a Date, a Buffer, a class instance, a function, a
 * bigint, -0, a string that is not well-formed UTF-16) is not copied here but by BSON itself.
 */
function plainCopy(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
      if (!wellFormed(value)) throw NOT_PLAIN;
      return value;
    case 'number':
      if (Object.is(value, -0)) throw NOT_PLAIN;
      return value;
    case 'boolean':
      return value;
    case 'undefined':
      return null;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const copy = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          copy[i] = plainCopy(value[i]);
        }
        return copy;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) throw NOT_PLAIN;
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        if (key === '__proto__') throw NOT_PLAIN;
        copy[key] = plainCopy((value as Record<string, unknown>)[key]);
      }
      return copy;
    }
    default:
      throw NOT_PLAIN;
  }
}

const throughBson = <T>(value: T): T =>
  BSON.deserialize(BSON.serialize({ value }, { ignoreUndefined: false })).value as T;

/** One `$set` value as the server would store it and give it back. */
export function storedValue(value: unknown): unknown {
  try {
    return plainCopy(value);
  } catch (error) {
    if (error !== NOT_PLAIN) throw error;
    return throughBson(value);
  }
}

/**
 * A document as the server would store it and give it back, `_id` first; a copy, so nothing the caller keeps shares
 * its objects. It spares a rebuild, which holds every document in memory, a BSON round trip per document written.
 */
export function storedDocument(_id: string, doc: Document): Document {
  return storedValue({ _id, ...doc }) as Document;
}
