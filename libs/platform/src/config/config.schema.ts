import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();

/**
 * Every setting of every app, read from environment variables. Local runs need none of them: the defaults point at
 * the loopback Kafka and FerretDB that `deploy/local/infra up` starts. docker-compose.yml uses the same names (a test
 * checks it), and the README's configuration table documents each one.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/.+/, 'a mongodb:// or mongodb+srv:// connection string')
    .default('mongodb://127.0.0.1:27017/'),
  MONGODB_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'a database name of letters, digits, _ or -')
    .default('cm_article6'),
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'a comma-separated list of host:port')
    .default('127.0.0.1:9092'),
  KAFKA_CLIENT_ID: z.string().min(1).default('cm-article6'),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" or "-"')
    .default(''),
  KAFKA_REPLICATION_FACTOR: positiveInt.default(1),
  KAFKA_PARTITIONS: positiveInt.default(3),
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
  RELAY_LEASE_TTL_MS: positiveInt.min(1_000).default(6_000),
  RELAY_BATCH_SIZE: positiveInt.max(10_000).default(500),
  /** An allocation saga's intent older than this was left by a crashed request: the recovery sweep finishes it. */
  ALLOCATION_RECOVERY_AFTER_MS: positiveInt.min(1_000).default(60_000),
  /** How long a query with X-Consistent-With waits for the read model to apply that write before answering stale. */
  CONSISTENCY_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /** The most plan entries one POST /matching/plan/apply job may apply. */
  PLAN_JOB_MAX_ENTRIES: positiveInt.max(10_000).default(1_000),
  /** How long a plan job stays with the api instance running it without progress before another one resumes it. */
  PLAN_JOB_LEASE_MS: positiveInt.min(500).default(15_000),
  /** HS256 secret for the api's bearer tokens; production needs at least 32 bytes (or AUTH_JWKS_URL). */
  AUTH_JWT_SECRET: z.string().min(1).optional(),
  /** An identity provider's JWKS (RS256/ES256 tokens), instead of or next to the shared secret. */
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  /** Requests one bearer token may send per window, across all routes; 0 turns the limit off. */
  RATE_LIMIT_PER_TOKEN: z.coerce.number().int().min(0).default(600),
  /** Requests one client address may send per window (with or without a token); 0 turns the limit off. */
  RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(1_200),
  RATE_LIMIT_WINDOW_MS: positiveInt.min(1_000).max(3_600_000).default(60_000),
  /** Express's `trust proxy`: which proxies' X-Forwarded-For to believe for the client address (unset: none). */
  TRUST_PROXY: z.string().min(1).optional(),
  /** Origins (scheme://host[:port]) whose browser pages may call the api: the console's, when served elsewhere. */
  CORS_ORIGINS: z
    .string()
    .regex(
      /^(https?:\/\/[^,\s/]+)(,https?:\/\/[^,\s/]+)*$/,
      'a comma-separated list of origins (https://console.example.org)',
    )
    .optional(),
  /** Longest a request may take, from its first byte to its answer; past it the client gets 503 and may retry. */
  REQUEST_TIMEOUT_MS: positiveInt.min(1_000).max(600_000).default(30_000),
  /** The OpenID provider the web console signs in with (authorization code + PKCE); unset: no OIDC sign-in. */
  OIDC_ISSUER: z.string().url().optional(),
  /** The console's public client id at that provider. */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_SCOPE: z.string().min(1).default('openid profile'),
  /** The resource (RFC 8707) the console asks an access token for, when the provider issues JWTs per resource. */
  OIDC_RESOURCE: z.string().min(1).optional(),
  /** Where the built console is (npm run build writes dist/console); relative to the working directory. */
  CONSOLE_DIR: z.string().min(1).default('dist/console'),
});

export type AppConfig = z.infer<typeof configSchema> & { PORT: number };

/** The variable names docker-compose.yml and the README must agree with. */
export const configVariableNames = Object.keys(configSchema.shape) as (keyof typeof configSchema.shape)[];

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** Validates the environment once at start-up; a bad value fails fast naming the variable and what is expected. */
export function loadConfig(env: NodeJS.ProcessEnv, defaultPort: number): AppConfig {
  const relevant = Object.fromEntries(
    configVariableNames.filter((name) => env[name] !== undefined && env[name] !== '').map((name) => [name, env[name]]),
  );
  const result = configSchema.safeParse(relevant);
  if (!result.success) {
    throw new ConfigurationError(
      result.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return `${name}=${JSON.stringify(env[name])}: expected ${issue.message}`;
      }),
    );
  }
  return { ...result.data, PORT: result.data.PORT ?? defaultPort };
}
