import { session } from '../auth/session';

/** An application/problem+json answer, kept whole so views can show `detail` and each field's message. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: { field: string; message: string }[] = [],
  ) {
    super(detail);
  }

  fieldError(field: string): string | undefined {
    return this.errors.find((error) => error.field === field || error.field.startsWith(`${field}.`))?.message;
  }
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

/**
 * Read-your-writes: after a command, queries carry its consistency token for a while, so the api answers only once
 * the read models include that write (X-Consistent-With, bounded by CONSISTENCY_WAIT_MS on the server).
 */
let lastWrite: { token: string; until: number } | undefined;
const consistencyWindowMs = 15_000;

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = session.token();
  if (token) headers.authorization = `Bearer ${token}`;
  if ((init.method ?? 'GET') === 'GET' && lastWrite && lastWrite.until > Date.now()) {
    headers['x-consistent-with'] = lastWrite.token;
  }
  if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    if (init.method === 'POST') headers['idempotency-key'] = crypto.randomUUID();
  }
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) {
    if (response.status === 401) session.expired();
    throw new ApiProblem(
      response.status,
      String(body.code ?? 'ERROR'),
      String(body.detail ?? response.statusText),
      (body.errors as ApiProblem['errors']) ?? [],
    );
  }
  if (typeof body.consistencyToken === 'string') {
    lastWrite = { token: body.consistencyToken, until: Date.now() + consistencyWindowMs };
  }
  return body as T;
}

export const query = (params: Record<string, string | number | undefined | null>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};
