/** The stream moved on since the caller read it: reload, decide again, retry. */
export class VersionConflictError extends Error {
  readonly code = 'VERSION_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number | 'no_stream' | 'any',
    readonly currentVersion: number,
  ) {
    super(`stream ${streamId} is at version ${currentVersion}, expected ${String(expectedVersion)}`);
    this.name = 'VersionConflictError';
  }
}

/** A stored event type or schema version that no registration or upcaster knows. */
export class UnknownEventTypeError extends Error {
  readonly code = 'UNKNOWN_EVENT_TYPE';
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
  ) {
    super(`no registration for event ${type} v${schemaVersion}`);
    this.name = 'UnknownEventTypeError';
  }
}
