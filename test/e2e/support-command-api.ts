import { Role } from '@cm/domain';
import { signToken } from '../../apps/api/src/auth/development-token';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  contentType: string | null;
}

/** A small HTTP client for the running api, signing tokens with the development secret it verifies with. */
export function commandClient(baseUrl: string) {
  return {
    token: (role: Role, participant?: string, expires = '1h') =>
      signToken({ role, ...(participant && { participant }), expires, sub: `${role}-${participant ?? 'staff'}` }),
    async send(
      method: string,
      path: string,
      options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
    ): Promise<Answer> {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const response = await fetch(`${baseUrl}${path}`, {
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
