/* global process, console */
// A certified OpenID provider (npm oidc-provider) on loopback for the console's sign-in test. It is ESM-only, so it
// runs as its own process: node test/browser/oidc-provider.mjs <port> <redirect uri> <client id>
import Provider from 'oidc-provider';

const [port, redirectUri, clientId] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
// Who signs in decides the claims: "analyst" is an analyst, "donor-NOR" a donor for Norway.
const claimsOf = (login) => {
  const [role, participant] = login.split('-');
  return { sub: login, role, ...(participant && { participant }) };
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  pkce: { required: () => true },
  clientBasedCORS: () => true,
  claims: { openid: ['sub'], profile: ['role', 'participant'] },
  // The console sends the ID token to the api when no resource is configured: it must carry role and participant.
  conformIdTokenClaims: false,
  findAccount: (_, sub) => ({ accountId: sub, claims: () => claimsOf(sub) }),
});
provider.listen(Number(port), '127.0.0.1', () => console.log(`oidc-provider ${issuer}`));
