import { AppConfig, ConfigurationError } from '@cm/platform';
import { authSettingsOf } from '../auth/auth-settings';

/** What the web console needs to know before anyone signs in: GET /console/config answers it. */
export interface ConsoleSettings {
  oidc: { issuer: string; clientId: string; scope: string; resource?: string } | null;
  /** The development "sign in as" screen: never in production, and only when the api verifies HS256 tokens. */
  devSignIn: boolean;
}

export function consoleSettingsOf(config: AppConfig): ConsoleSettings {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_SCOPE: scope, OIDC_RESOURCE: resource } = config;
  if ((issuer === undefined) !== (clientId === undefined)) {
    throw new ConfigurationError(['OIDC_ISSUER and OIDC_CLIENT_ID: set both for the console to sign in, or neither']);
  }
  return {
    oidc: issuer && clientId ? { issuer, clientId, scope, ...(resource !== undefined && { resource }) } : null,
    devSignIn: devSignInAllowed(config),
  };
}

export function devSignInAllowed(config: AppConfig): boolean {
  return config.NODE_ENV !== 'production' && authSettingsOf(config).secret !== undefined;
}
