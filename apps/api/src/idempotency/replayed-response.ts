/** The stored first answer to an idempotent request, sent again verbatim by the problem filter. */
export class ReplayedResponse {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly contentType: string,
  ) {}
}
