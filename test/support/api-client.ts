import { Role } from '@cm/domain';
import { signToken } from '@cm/platform';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  contentType: string | null;
}

export interface SendOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiClient {
  /** A development token (sub `<role>-<participant or staff>`), signed with the secret the running api verifies with. */
  token(role: Role, participant?: string, expires?: string): Promise<string>;
  /** One JSON request; the answer's body parsed (`{}` when empty). */
  send(method: string, path: string, options?: SendOptions): Promise<Answer>;
}

/** The HTTP client of the tests that run the apps as processes; `baseUrl` is read at each request. */
export function apiClient(baseUrl: string | (() => string)): ApiClient {
  const base = typeof baseUrl === 'string' ? () => baseUrl : baseUrl;
  return {
    token: (role, participant, expires = '1h') =>
      signToken({ role, ...(participant && { participant }), expires, sub: `${role}-${participant ?? 'staff'}` }),
    async send(method, path, options = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const response = await fetch(`${base()}${path}`, {
        method,
        headers,
        ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
      });
      const text = await response.text();
      return {
        status: response.status,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        contentType: response.headers.get('content-type'),
      };
    },
  };
}
