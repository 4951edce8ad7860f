import { ConfigurationError, loadConfig } from './config.schema';

describe('loadConfig', () => {
  it('needs no variables for a local run', () => {
    const config = loadConfig({}, 3000);
    expect(config).toMatchObject({
      PORT: 3000,
      MONGODB_URI: 'mongodb://127.0.0.1:27017/',
      KAFKA_BROKERS: '127.0.0.1:9092',
      NODE_ENV: 'development',
      CONSISTENCY_WAIT_MS: 5000,
    });
  });

  it('coerces numbers and keeps explicit values', () => {
    const config = loadConfig({ PORT: '4010', KAFKA_REPLICATION_FACTOR: '3', KAFKA_BROKERS: 'a:9092,b:9092' }, 3000);
    expect(config.PORT).toBe(4010);
    expect(config.KAFKA_REPLICATION_FACTOR).toBe(3);
    expect(config.KAFKA_BROKERS).toBe('a:9092,b:9092');
  });

  it('fails fast naming every bad variable and what it expects', () => {
    expect.assertions(4);
    try {
      loadConfig({ PORT: 'eighty', MONGODB_URI: 'postgres://x', KAFKA_BROKERS: 'no-port' }, 3000);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      const message = (error as Error).message;
      expect(message).toContain('PORT="eighty"');
      expect(message).toContain(
        'MONGODB_URI="postgres://x": expected a mongodb:// or mongodb+srv:// connection string',
      );
      expect(message).toContain('KAFKA_BROKERS="no-port": expected a comma-separated list of host:port');
    }
  });

  it('keeps the optional authentication settings and checks the JWKS URL', () => {
    const config = loadConfig({ AUTH_JWT_SECRET: 's', AUTH_ISSUER: 'https://id.example', AUTH_AUDIENCE: 'cm' }, 3000);
    expect(config).toMatchObject({ AUTH_JWT_SECRET: 's', AUTH_ISSUER: 'https://id.example', AUTH_AUDIENCE: 'cm' });
    expect(config.AUTH_JWKS_URL).toBeUndefined();
    expect(() => loadConfig({ AUTH_JWKS_URL: 'not a url' }, 3000)).toThrow(/AUTH_JWKS_URL/);
  });
});
