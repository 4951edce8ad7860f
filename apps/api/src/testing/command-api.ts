import { Global, INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ALLOCATION_INTENTS, IDEMPOTENCY_KEYS } from '@cm/application';
import { eventRegistrations, Role } from '@cm/domain';
import { EVENT_STORE, EventTypeRegistry } from '@cm/event-store';
import { APP_CONFIG, loadConfig, MONGO_DB, signToken } from '@cm/platform';
import { InMemoryEventStore } from '@cm/event-store/testing';
import { CommandsModule } from '../commands.module';
import { configureHttp } from '../http/http-hardening';
import { requestPipeline } from '../http/request-pipeline';
import {
  InMemoryAllocationIntents,
  InMemoryIdempotencyKeys,
} from '../../../../libs/application/src/testing/in-memory-keys';

/** For unit tests only: the command api over HTTP on a random port, with in-memory store, keys and intents. */
export interface CommandApi {
  app: INestApplication;
  /** http://127.0.0.1:<port>, for requests `send` cannot make (raw bodies, other content types). */
  url: string;
  store: InMemoryEventStore;
  keys: InMemoryIdempotencyKeys;
  intents: InMemoryAllocationIntents;
  send(
    method: string,
    path: string,
    options?: { as?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: Record<string, unknown>; contentType: string | null }>;
  close(): Promise<void>;
}

export const tokenFor = (role: Role, participant?: string, expires = '1h') =>
  signToken({ role, ...(participant && { participant }), expires });

export async function startCommandApi(env: NodeJS.ProcessEnv = {}): Promise<CommandApi> {
  const config = loadConfig({ NODE_ENV: 'test', ...env }, 0);
  const store = new InMemoryEventStore(new EventTypeRegistry(eventRegistrations));
  const keys = new InMemoryIdempotencyKeys();
  const intents = new InMemoryAllocationIntents();

  @Global()
  @Module({
    providers: [
      { provide: APP_CONFIG, useValue: config },
      { provide: EVENT_STORE, useValue: store },
      { provide: MONGO_DB, useValue: {} },
    ],
    exports: [APP_CONFIG, EVENT_STORE, MONGO_DB],
  })
  class FakeInfrastructure {}

  const moduleRef = await Test.createTestingModule({
    imports: [FakeInfrastructure, CommandsModule],
    providers: requestPipeline,
  })
    .overrideProvider(IDEMPOTENCY_KEYS)
    .useValue(keys)
    .overrideProvider(ALLOCATION_INTENTS)
    .useValue(intents)
    .setLogger({ log() {}, error() {}, warn() {}, debug() {}, verbose() {} })
    .compile();
  const app = moduleRef.createNestApplication({ logger: false, bodyParser: false });
  configureHttp(app, config);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  return {
    app,
    url,
    store,
    keys,
    intents,
    async send(method, path, options = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
      if (options.as) headers.authorization = `Bearer ${options.as}`;
      const response = await fetch(`${url}${path}`, {
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
    close: () => app.close(),
  };
}
