import { recordIdOf, streamIdOf } from '@cm/domain';
import type { StreamPosition } from '@cm/event-store';

export type { StreamPosition };

/**
 * The positions a command wrote, handed to the client after the command and sent back on a query (X-Consistent-With)
 * so that the query waits until the read model it reads has applied them. Opaque to clients: base64url of
 * - version 1 (one stream; still accepted from clients holding tokens issued before version 2):
 *   `streamType:streamId:version`;
 * - version 2 (every stream the command wrote, grouped by stream type, record ids without the type prefix):
 *   `2|need:<id>.<version>,<id>.<version>|allocation:<id>.<version>`;
 * - version 2 by reference, for a command that wrote more streams than fit in a header: `2|@<reference>`, the
 *   positions stored server-side under that reference (ConsistencyTokens).
 */
export type DecodedToken = { positions: StreamPosition[] } | { reference: string };

/** Beyond this many streams (a withdrawal cancelling many allocations), the positions are stored by reference. */
export const MAX_INLINE_POSITIONS = 60;
const maxTokenLength = 8_000;
/** The shape of a token (base64url); only one the api issued is accepted. */
export const consistencyTokenPattern = new RegExp(`^[A-Za-z0-9_-]{1,${maxTokenLength}}$`);

const legacyPattern = /^([a-z_]+):(.+):(\d{1,15})$/;
const groupPattern = /^([a-z_]+):((?:[\w-]{1,100}\.\d{1,15},)*[\w-]{1,100}\.\d{1,15})$/;
const referencePattern = /^@([\w-]{8,64})$/;

/** The highest version per stream, ordered by stream id, so that equal writes give equal tokens. */
export function mergePositions(positions: readonly StreamPosition[]): StreamPosition[] {
  const byStream = new Map<string, StreamPosition>();
  for (const position of positions) {
    const known = byStream.get(position.streamId);
    if (!known || known.version < position.version) byStream.set(position.streamId, position);
  }
  return [...byStream.values()].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
}

const recordIdOfPosition = ({ streamType, streamId }: StreamPosition) => {
  if (!streamId.startsWith(`${streamType}-`)) throw new Error(`stream ${streamId} is not a ${streamType} stream`);
  return recordIdOf(streamType, streamId);
};

/** A version-2 token holding the positions themselves (at most MAX_INLINE_POSITIONS streams). */
export function encodeConsistencyToken(positions: readonly StreamPosition[]): string {
  const merged = mergePositions(positions);
  if (merged.length === 0) throw new Error('a consistency token covers at least one stream');
  if (merged.length > MAX_INLINE_POSITIONS) {
    throw new Error(`${merged.length} streams do not fit in a token: store them by reference`);
  }
  const groups = new Map<string, string[]>();
  for (const position of merged) {
    groups.set(position.streamType, [
      ...(groups.get(position.streamType) ?? []),
      `${recordIdOfPosition(position)}.${position.version}`,
    ]);
  }
  const text = ['2', ...[...groups].map(([streamType, entries]) => `${streamType}:${entries.join(',')}`)].join('|');
  return Buffer.from(text, 'utf8').toString('base64url');
}

export const encodeTokenReference = (reference: string): string => {
  if (!referencePattern.test(`@${reference}`)) throw new Error(`bad token reference ${reference}`);
  return Buffer.from(`2|@${reference}`, 'utf8').toString('base64url');
};

/** Undefined for anything that is not a token this api issued (either version). */
export function decodeConsistencyToken(token: string): DecodedToken | undefined {
  if (!consistencyTokenPattern.test(token)) return undefined;
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!text.startsWith('2|')) return decodeLegacy(text);
  const body = text.slice(2);
  const reference = referencePattern.exec(body);
  if (reference) return { reference: reference[1] };
  const positions: StreamPosition[] = [];
  const types = new Set<string>();
  for (const group of body.split('|')) {
    const match = groupPattern.exec(group);
    if (!match || types.has(match[1])) return undefined;
    types.add(match[1]);
    for (const entry of match[2].split(',')) {
      const [recordId, versionText] = entry.split('.');
      const version = Number(versionText);
      if (!(version > 0)) return undefined;
      positions.push({ streamType: match[1], streamId: streamIdOf(match[1], recordId), version });
    }
  }
  if (positions.length > MAX_INLINE_POSITIONS) return undefined;
  return mergePositions(positions).length === positions.length ? { positions } : undefined;
}

function decodeLegacy(text: string): DecodedToken | undefined {
  const match = legacyPattern.exec(text);
  if (!match) return undefined;
  const version = Number(match[3]);
  if (!(version > 0) || !match[2].startsWith(`${match[1]}-`)) return undefined;
  return { positions: [{ streamType: match[1], streamId: match[2], version }] };
}
