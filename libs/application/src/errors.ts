/**
 * The client's `If-Match` names a version the record no longer has: the command was not decided. Not a business rule
 * (the domain never sees versions), so it is the application's own error; the api answers it with 412.
 */
export class PreconditionFailed extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'PreconditionFailed';
  }
}

/** An auditor asked for a stream that does not exist (or has no events yet); the api answers it with 404. */
export class StreamNotFound extends Error {
  constructor(readonly streamId: string) {
    super(`no stream ${streamId}`);
    this.name = 'StreamNotFound';
  }
}

/** The caller is neither staff nor party to the stream it asked to audit; the api answers it with 403. */
export class NotPartyToStream extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'NotPartyToStream';
  }
}
