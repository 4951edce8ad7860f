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
