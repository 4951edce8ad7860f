import { Db, MongoClient } from 'mongodb';
import type { Role } from '@cm/domain';
import { MongoEventStore } from '@cm/event-store';
import { Answer, ApiClient, apiClient } from './api-client';
import { storeFor } from './event-log';
import { freePort } from './ports';
import { RunningProcess, startApp, startStack, waitFor } from './processes';
import { kafkaBrokers, mongodbUri, testMongoClient, uniqueName } from './servers';

type App = 'api' | 'projector' | 'relay';

/** The actors of the suites: staff by role, donors and affected States by their participant id. */
export const actors = {
  admin: ['admin'],
  coordinator: ['coordinator'],
  analyst: ['analyst'],
  NOR: ['donor', 'NOR'],
  DEU: ['donor', 'DEU'],
  JPN: ['donor', 'JPN'],
  USA: ['donor', 'USA'],
  LAO: ['affected_state', 'LAO'],
  VNM: ['affected_state', 'VNM'],
  KHM: ['affected_state', 'KHM'],
} as const satisfies Record<string, readonly [Role, string?]>;
export type Actor = keyof typeof actors;

/** A token per actor (valid 1 h unless `expires` says otherwise), keyed by the actor's name. */
export async function actorTokens(client: ApiClient, expires?: string): Promise<Record<Actor, string>> {
  const entries = await Promise.all(
    Object.entries(actors).map(async ([name, [role, participant]]) => [
      name,
      await client.token(role, participant, expires),
    ]),
  );
  return Object.fromEntries(entries) as Record<Actor, string>;
}

/** The names the suites register States under (their reports and exports show them). */
export const stateNames: Record<string, string> = {
  DEU: 'Germany',
  JPN: 'Japan',
  KHM: 'Cambodia',
  LAO: 'Lao PDR',
  LTU: 'Lithuania',
  NOR: 'Norway',
  USA: 'United States',
  VNM: 'Viet Nam',
};

export interface ActorStackOptions {
  /** More environment for every app, on top of the stack's own database and topic prefix; a function is called at start. */
  env?: Record<string, string> | (() => Record<string, string>);
  /** Default: relay, projector and api. */
  apps?: readonly App[];
  /** Registered by the admin at start: a State by id (named from `stateNames`), or a whole registration body. */
  participants?: (string | Record<string, unknown>)[];
}

/** Relay, projector and api on a database and topic prefix of their own, with a token for every actor. */
export interface ActorStack {
  readonly database: string;
  readonly topicPrefix: string;
  readonly mongo: MongoClient;
  readonly db: Db;
  /** The event store on the stack's database: the write side's own record. */
  readonly store: MongoEventStore;
  /** Filled at start: a token per actor (see `actors`); an unknown name has none, so its requests go unauthenticated. */
  readonly tokens: Record<string, string>;
  /** Requests to the current api (a restarted api has a new port). */
  readonly client: ApiClient;
  readonly processes: RunningProcess[];
  /** http://127.0.0.1:<api port>, once started. */
  readonly base: string;
  send(method: string, path: string, as?: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** `send`, throwing with the answer unless it is 2xx: for the steps that set a scene. */
  ok(method: string, path: string, as: string, body?: unknown): Promise<Answer>;
  /** A GET as `as`, waiting for the write named by `consistentWith` when given; `consistency` is X-Consistency. */
  read(path: string, as?: string, consistentWith?: string): Promise<Answer & { consistency: string | null }>;
  /** The raw response of a GET, for headers and bodies that are not JSON. */
  get(path: string, as?: string, consistentWith?: string): Promise<Response>;
  json(path: string, as?: string, consistentWith?: string): Promise<Record<string, unknown>>;
  register(...participants: (string | Record<string, unknown>)[]): Promise<void>;
  /** SIGKILLs one app and starts it again (the api on a new port); resolves once a restarted api answers. */
  restart(app: App): Promise<void>;
  start(): Promise<void>;
  /** Stops the apps (SIGKILL unless told), drops the database and closes the connection. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** The stack of one test file; `useActorStack` starts it before the file's tests and stops it after them. */
export function actorStack(label: string, options: ActorStackOptions = {}): ActorStack {
  const database = uniqueName(label);
  const topicPrefix = `${database}.`;
  const mongo = testMongoClient();
  const db = mongo.db(database);
  const tokens: Record<string, string> = {};
  const running: { app: App; process: RunningProcess }[] = [];
  const processes: RunningProcess[] = [];
  let base = '';
  let env: Record<string, string> = {};
  const client = apiClient(() => base);

  const headersOf = (as: string, consistentWith?: string): Record<string, string> => ({
    ...(tokens[as] && { authorization: `Bearer ${tokens[as]}` }),
    ...(consistentWith && { 'x-consistent-with': consistentWith }),
  });
  const stack: ActorStack = {
    database,
    topicPrefix,
    mongo,
    db,
    store: storeFor(db),
    tokens,
    client,
    processes,
    get base() {
      return base;
    },
    send: (method, path, as, body, headers) =>
      client.send(method, path, { ...(as && { token: tokens[as] }), body, headers }),
    async ok(method, path, as, body) {
      const answer = await stack.send(method, path, as, body);
      if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer;
    },
    get: (path, as = 'analyst', consistentWith) => fetch(`${base}${path}`, { headers: headersOf(as, consistentWith) }),
    json: async (path, as, consistentWith) =>
      (await (await stack.get(path, as, consistentWith)).json()) as Record<string, unknown>,
    async read(path, as, consistentWith) {
      const response = await stack.get(path, as, consistentWith);
      const text = await response.text();
      return {
        status: response.status,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        contentType: response.headers.get('content-type'),
        consistency: response.headers.get('x-consistency'),
      };
    },
    async register(...participants) {
      for (const participant of participants) {
        const body =
          typeof participant === 'string'
            ? { id: participant, name: stateNames[participant], kind: 'state' }
            : participant;
        await stack.ok('POST', '/participants', 'admin', body);
      }
    },
    async restart(app) {
      const index = running.findIndex((entry) => entry.app === app);
      await running[index].process.stop('SIGKILL');
      const port = await freePort();
      const child = startApp(app, { ...env, PORT: String(port) });
      running[index] = { app, process: child };
      processes.push(child);
      if (app !== 'api') return;
      base = `http://127.0.0.1:${port}`;
      await waitFor(
        async () => ((await fetch(`${base}/health/live`).catch(() => undefined))?.ok ? true : undefined),
        'the api to restart',
        90_000,
      );
    },
    async start() {
      const extra = typeof options.env === 'function' ? options.env() : options.env;
      env = {
        MONGODB_URI: mongodbUri,
        MONGODB_DATABASE: database,
        KAFKA_BROKERS: kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: topicPrefix,
        ...extra,
      };
      const apps = options.apps ?? (['relay', 'projector', 'api'] as const);
      const started = await startStack(env, apps);
      started.processes.forEach((process, index) => running.push({ app: apps[index], process }));
      processes.push(...started.processes);
      base = started.base;
      await mongo.connect();
      Object.assign(tokens, await actorTokens(client));
      await stack.register(...(options.participants ?? []));
    },
    async stop(signal = 'SIGKILL') {
      await Promise.all(processes.map((process) => process.stop(signal)));
      await db.dropDatabase().catch(() => undefined);
      await mongo.close();
    },
  };
  return stack;
}

/** One stack for the test file: started in `beforeAll`, stopped in `afterAll`. */
export function useActorStack(label: string, options: ActorStackOptions = {}): ActorStack {
  const stack = actorStack(label, options);
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());
  return stack;
}
