import { json } from 'body-parser';

/** The largest request body the api reads; every command body is a few kilobytes. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How deeply a JSON body may nest objects and arrays; the deepest command body nests three levels. */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether a JSON text nests deeper than `max`, found in one pass over its bytes before anything parses it, so that a
 * body of 5,000 nested arrays costs a scan rather than a parse, a validation and a hash that recurse that deep.
 * Brackets inside strings do not count; malformed text is left for the parser to refuse.
 */
export function jsonNestsDeeperThan(body: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/** A refused request body or path; body-parser passes it on as it is (its `status` and `type` survive), for the problem mapping. */
export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestRefused';
  }
}

const jsonMediaType = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

interface BodyRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Whether a request carries a body (RFC 9112 §6.3: a Content-Length other than 0, or a Transfer-Encoding). */
export const hasBody = (request: BodyRequest): boolean =>
  request.headers['transfer-encoding'] !== undefined ||
  (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0');

/**
 * Commands take JSON only: a body sent as a form, text or XML answers 415 instead of being silently ignored (which
 * would turn it into a confusing "field is required"), whatever the route.
 */
export function refuseNonJsonBodies(request: BodyRequest, _response: unknown, next: (error?: unknown) => void): void {
  if (!hasBody(request)) return next();
  const contentType = request.headers['content-type'];
  if (typeof contentType === 'string' && jsonMediaType.test(contentType)) return next();
  next(
    new RequestRefused(
      415,
      'content-type.unsupported',
      `the body must be application/json${contentType ? `, not ${String(contentType).slice(0, 100)}` : ''}`,
    ),
  );
}

/**
 * A path whose percent-encoding does not decode (`/needs/%E0%A4%A`) is refused naming `path`; Express would throw a
 * URIError while matching a route parameter, which Nest answers with a bare 400.
 */
export function refuseUndecodablePaths(
  request: { path: string },
  _response: unknown,
  next: (error?: unknown) => void,
): void {
  try {
    decodeURIComponent(request.path);
  } catch {
    return next(new RequestRefused(400, 'path.malformed', 'the path has a malformed percent-encoding'));
  }
  next();
}

/** body-parser's `verify` hook: refuses a body nested deeper than MAX_JSON_DEPTH before it is parsed. */
export function refuseDeepJson(_request: unknown, _response: unknown, body: Buffer): void {
  if (jsonNestsDeeperThan(body, MAX_JSON_DEPTH)) {
    throw new RequestRefused(400, 'entity.too.deep', `the body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

const parseJson = json({ limit: MAX_BODY_BYTES, verify: refuseDeepJson });

/**
 * JSON bodies, bounded in size and depth. body-parser's own errors are passed on as RequestRefused: Nest would turn a
 * SyntaxError into a bare 400 and drop what kind of failure it was.
 */
export function jsonBodies(request: unknown, response: unknown, next: (error?: unknown) => void): void {
  parseJson(request as never, response as never, (error?: unknown) => {
    if (error === undefined || error instanceof RequestRefused) return next(error);
    const { status, type } = error as { status?: unknown; type?: unknown };
    next(
      new RequestRefused(
        typeof status === 'number' && status < 500 ? status : 400,
        typeof type === 'string' ? type : 'entity.parse.failed',
        (error as Error).message,
      ),
    );
  });
}
