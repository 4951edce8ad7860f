/**
 * A write's position, handed to the client after a command and sent back on a query (X-Consistent-With) so that the
 * query waits until the read model has caught up with it. Opaque to clients: base64url of `streamType:streamId:version`.
 */
export interface StreamPosition {
  streamType: string;
  streamId: string;
  version: number;
}

export function encodeConsistencyToken(position: StreamPosition): string {
  return Buffer.from(`${position.streamType}:${position.streamId}:${position.version}`, 'utf8').toString('base64url');
}

/** Undefined for anything that is not a token this api issued. */
export function decodeConsistencyToken(token: string): StreamPosition | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(token)) return undefined;
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const match = /^([a-z_]+):(.+):(\d{1,15})$/.exec(text);
  if (!match) return undefined;
  const version = Number(match[3]);
  return version > 0 ? { streamType: match[1], streamId: match[2], version } : undefined;
}
