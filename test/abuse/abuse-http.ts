import { Role } from '@cm/domain';
import { AbuseRequest } from './abuse-request';

/** What the api answered one fuzzer request: status 0 when the connection failed twice. */
export interface Answer {
  status: number;
  contentType: string;
  body: { code?: string; errors?: { field?: unknown }[] } | undefined;
  text: string;
}

/** Sends one fuzzer request with its role's token (or none, or a forged one). */
export async function send(base: string, request: AbuseRequest, tokens: Record<Role, string>): Promise<Answer> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.role === 'forged') headers.authorization = 'Bearer eyJhbGciOiJub25lIn0.eyJyb2xlIjoiYWRtaW4ifQ.';
  else if (request.role !== 'none') headers.authorization = `Bearer ${tokens[request.role]}`;
  const attempt = () =>
    fetch(`${base}${request.path}`, {
      method: request.method,
      headers,
      ...(request.body !== undefined && { body: request.body }),
    });
  let response: Response;
  try {
    response = await attempt();
  } catch {
    // A kept-alive socket the server closed as it was reused resets the request; a second reset is a finding.
    try {
      response = await attempt();
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause;
      return { status: 0, contentType: '', body: undefined, text: `${String(error)}: ${String(cause)}` };
    }
  }
  const text = await response.text();
  let body: Answer['body'];
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    body = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body, text };
}
