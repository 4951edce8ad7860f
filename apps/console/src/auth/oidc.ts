import * as oauth from 'oauth4webapi';
import { session } from './session';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
  resource?: string;
}

const pending = 'cm-console-oidc';
const redirectUri = () => `${location.origin}/console/`;

async function discover(settings: OidcSettings) {
  const issuer = new URL(settings.issuer);
  const response = await oauth.discoveryRequest(issuer, {
    algorithm: 'oidc',
    [oauth.allowInsecureRequests]: issuer.protocol === 'http:',
  });
  return oauth.processDiscoveryResponse(issuer, response);
}

/** Authorization code with PKCE (RFC 7636) for a public client: nothing secret lives in the browser. */
export async function beginSignIn(settings: OidcSettings): Promise<void> {
  const server = await discover(settings);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(pending, JSON.stringify({ verifier, state }));
  const url = new URL(server.authorization_endpoint!);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', settings.scope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  if (settings.resource) url.searchParams.set('resource', settings.resource);
  location.assign(url.toString());
}

/** On the way back from the provider: exchange the code; the api verifies the token through AUTH_JWKS_URL. */
export async function completeSignIn(settings: OidcSettings): Promise<boolean> {
  const params = new URLSearchParams(location.search);
  const saved = sessionStorage.getItem(pending);
  if (!saved || (!params.has('code') && !params.has('error'))) return false;
  sessionStorage.removeItem(pending);
  const { verifier, state } = JSON.parse(saved) as { verifier: string; state: string };
  const server = await discover(settings);
  const client: oauth.Client = { client_id: settings.clientId };
  const insecure = { [oauth.allowInsecureRequests]: new URL(settings.issuer).protocol === 'http:' };
  const callback = oauth.validateAuthResponse(server, client, new URL(location.href), state);
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client,
    oauth.None(),
    callback,
    redirectUri(),
    verifier,
    {
      ...insecure,
      ...(settings.resource && { additionalParameters: { resource: settings.resource } }),
    },
  );
  const result = await oauth.processAuthorizationCodeResponse(server, client, response);
  history.replaceState(null, '', '/console/');
  // With a resource the provider issues a JWT access token for the api; without one, the ID token is the bearer.
  const token = settings.resource ? result.access_token : (result.id_token ?? result.access_token);
  session.signIn(token, 'oidc');
  return true;
}
