import { AppConfig, ConfigurationError, developmentSecret } from '@cm/platform';

const minimumSecretBytes = 32;

export interface AuthSettings {
  /** HS256 secret; undefined when only a JWKS verifies tokens. */
  secret?: Uint8Array;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** True when the built-in development secret is in use (the api logs a warning). */
  usesDevelopmentSecret: boolean;
}

/** Production needs a real key: a secret of at least 32 bytes or a JWKS URL. Elsewhere the development secret fills in. */
export function authSettingsOf(config: AppConfig): AuthSettings {
  const { AUTH_JWT_SECRET: secret, AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: issuer, AUTH_AUDIENCE: audience } = config;
  if (secret !== undefined && Buffer.byteLength(secret) < minimumSecretBytes && config.NODE_ENV === 'production') {
    throw new ConfigurationError([`AUTH_JWT_SECRET: expected at least ${minimumSecretBytes} bytes in production`]);
  }
  if (config.NODE_ENV === 'production' && secret === undefined && jwksUrl === undefined) {
    throw new ConfigurationError([
      `AUTH_JWT_SECRET or AUTH_JWKS_URL: production needs a secret of at least ${minimumSecretBytes} bytes or a JWKS URL`,
    ]);
  }
  const usesDevelopmentSecret = secret === undefined && jwksUrl === undefined;
  const secretText = secret ?? (usesDevelopmentSecret ? developmentSecret : undefined);
  return {
    ...(secretText !== undefined && { secret: new TextEncoder().encode(secretText) }),
    ...(jwksUrl !== undefined && { jwksUrl }),
    ...(issuer !== undefined && { issuer }),
    ...(audience !== undefined && { audience }),
    usesDevelopmentSecret,
  };
}
