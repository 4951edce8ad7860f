/** Who is signed in: the bearer token (kept for this tab only) and the claims the api will read from it. */
export interface Actor {
  sub: string;
  role: 'admin' | 'coordinator' | 'donor' | 'affected_state' | 'analyst';
  participant?: string;
  via: 'oidc' | 'development';
}

const key = 'cm-console-session';
const listeners = new Set<() => void>();

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
}

export const session = {
  token(): string | undefined {
    return sessionStorage.getItem(key) ?? undefined;
  },
  actor(): Actor | undefined {
    const token = session.token();
    if (!token) return undefined;
    const claims = claimsOf(token);
    return {
      sub: String(claims.sub),
      role: claims.role as Actor['role'],
      ...(typeof claims.participant === 'string' && { participant: claims.participant }),
      via: sessionStorage.getItem(`${key}-via`) === 'oidc' ? 'oidc' : 'development',
    };
  },
  signIn(token: string, via: Actor['via']): void {
    sessionStorage.setItem(key, token);
    sessionStorage.setItem(`${key}-via`, via);
    listeners.forEach((listener) => listener());
  },
  signOut(): void {
    sessionStorage.removeItem(key);
    sessionStorage.removeItem(`${key}-via`);
    listeners.forEach((listener) => listener());
  },
  expired(): void {
    const token = session.token();
    if (token && Number(claimsOf(token).exp ?? Infinity) * 1000 < Date.now()) session.signOut();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
