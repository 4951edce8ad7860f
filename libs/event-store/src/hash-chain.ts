import { createHash } from 'node:crypto';
import { EventEnvelope } from './envelope';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Canonical JSON: object keys sorted, no whitespace, undefined members dropped. Two equal envelopes always serialise
 * to the same bytes, whatever order their fields were built in or the database returned them.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

/** SHA-256 over the envelope without its own `hash`; `prevHash` is inside, which links the chain. */
export function hashOf(envelope: Omit<EventEnvelope, 'hash'> & { hash?: string }): string {
  const { hash: _ignored, ...hashed } = envelope;
  return createHash('sha256').update(canonicalJson(hashed)).digest('hex');
}

export interface ChainBreak {
  version: number;
  reason: string;
}

/** Walks the stored (not upcast) events of one stream and names the first version whose link does not hold. */
export function firstBreak(events: EventEnvelope[]): ChainBreak | undefined {
  let previous = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const expectedVersion = index + 1;
    if (event.version !== expectedVersion) {
      return { version: expectedVersion, reason: `version ${event.version} found where ${expectedVersion} belongs` };
    }
    if (event.prevHash !== previous) {
      return { version: event.version, reason: 'prevHash does not match the previous event' };
    }
    if (hashOf(event) !== event.hash) {
      return { version: event.version, reason: 'content does not match its hash' };
    }
    previous = event.hash;
  }
  return undefined;
}
