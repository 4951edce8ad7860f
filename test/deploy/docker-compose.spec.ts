import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { configVariableNames } from '@cm/platform';

/** docker-compose.yml cannot run on machines without Docker, so this keeps it honest by reading it. */
describe('docker-compose.yml', () => {
  const root = join(__dirname, '..', '..');
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
  const apps = { api: 3000, projector: 3001, relay: 3002 } as const;

  it('runs real MongoDB as a replica set and Apache Kafka in KRaft mode', () => {
    expect(compose.services.mongodb.image).toMatch(/^mongo:[78]\./);
    expect(compose.services.mongodb.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    expect(compose.services.kafka.image).toMatch(/^apache\/kafka:\d/);
    expect(compose.services.kafka.environment.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(compose.services.kafka.environment.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
  });

  it.each(Object.entries(apps))('builds %s from deploy/Dockerfile and starts its built entry point', (app, port) => {
    const service = compose.services[app];
    expect(service.build).toEqual({ context: '.', dockerfile: 'deploy/Dockerfile' });
    expect(service.command.join(' ')).toContain(`dist/apps/${app}/src/main.js`);
    expect(service.environment.PORT).toBe(port);
    expect(service.ports).toEqual([`${port}:${port}`]);
    expect(Object.keys(service.depends_on)).toEqual(['mongodb', 'kafka']);
  });

  it.each(Object.keys(apps))(
    'gives %s only variables the config schema knows, pointing at the compose servers',
    (app) => {
      const environment = compose.services[app].environment as Record<string, unknown>;
      const unknown = Object.keys(environment).filter((name) => !(configVariableNames as string[]).includes(name));
      expect(unknown).toEqual([]);
      expect(environment.MONGODB_URI).toMatch(/^mongodb:\/\/mongodb:27017\//);
      expect(environment.KAFKA_BROKERS).toBe('kafka:9092');
      expect(environment.HOST).toBe('0.0.0.0');
    },
  );

  it('has a Dockerfile whose image runs the apps built from the same sources', () => {
    const dockerfile = readFileSync(join(root, 'deploy', 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:\d+/m);
    expect(dockerfile).toContain('npm run build');
    expect(dockerfile).toContain('dist/apps/$APP/src/main.js');
  });
});
