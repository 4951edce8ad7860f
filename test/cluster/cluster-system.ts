import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db, MongoClient } from 'mongodb';
import { KafkaCluster } from '../support/kafka-cluster';
import { freePort } from '../support/ports';
import { RunningProcess, startApp, waitFor } from '../support/processes';
import { mongodbUri, testMongo, uniqueName } from '../support/servers';
import { leaseHeld, table } from './cluster-state';

const started = Date.now();
/** A line of progress on stdout, stamped with the seconds since the suite started. */
export const progress = (line: string) =>
  process.stdout.write(`[cluster ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${line}\n`);
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export interface App {
  name: string;
  port: number;
  process: RunningProcess;
}

/** How one fault was recovered from, each time counted from its SIGKILL. */
export interface Recovery {
  fault: string;
  detected: string;
  detectedMs: number;
  endToEndMs: number;
  repairedMs: number;
}

export function recoveryTable(recoveries: readonly Recovery[]): string {
  return table(
    ['fault', 'recovered when', 'after', 'end to end', 'restarted/replaced and healthy'],
    recoveries.map((r) => [r.fault, r.detected, seconds(r.detectedMs), seconds(r.endToEndMs), seconds(r.repairedMs)]),
  );
}

/**
 * Three Kafka brokers (KRaft, three voters), replication 3 and min.insync.replicas 2, two apis, two projectors in
 * each projection group and two relays sharing the lease, on a database of their own; every app a child process
 * that a fault can SIGKILL and `startNamed` can replace.
 */
export class ClusterSystem {
  readonly apps: App[] = [];
  cluster!: KafkaCluster;
  db!: Db;
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'cm-cluster-'));
  private readonly database = uniqueName('cluster');
  private mongo?: MongoClient;
  private env: Record<string, string> = {};

  readonly startNamed = async (kind: 'api' | 'projector' | 'relay', name: string): Promise<App> => {
    const port = await freePort();
    const app = { name, port, process: startApp(kind, { ...this.env, PORT: String(port), KAFKA_CLIENT_ID: name }) };
    this.apps.push(app);
    return app;
  };

  readonly live = (app: App) =>
    waitFor(
      async () => ((await fetch(`http://127.0.0.1:${app.port}/health/live`)).status === 200 ? true : undefined),
      `${app.name} to answer`,
      180_000,
      () => app.process.output().slice(-3_000),
    );

  readonly byName = (name: string) => this.apps.find((app) => app.name === name)!;

  async start(): Promise<void> {
    progress(`starting three Kafka brokers (KRaft, three voters) under ${this.dataDir}`);
    this.cluster = await KafkaCluster.start(this.dataDir);
    progress(`cluster up: ${this.cluster.brokers}; active controller node ${this.cluster.activeController()?.id}`);
    this.mongo = await testMongo();
    this.db = this.mongo.db(this.database);
    this.env = {
      MONGODB_URI: mongodbUri,
      MONGODB_DATABASE: this.database,
      KAFKA_BROKERS: this.cluster.brokers,
      KAFKA_REPLICATION_FACTOR: '3',
      KAFKA_PARTITIONS: '3',
      RELAY_LEASE_TTL_MS: '3000',
      LOG_LEVEL: 'warn',
    };
    // The first relay creates the topics; the others start once it holds the lease, so "the holder" is known.
    const relay1 = await this.startNamed('relay', 'relay-1');
    await this.live(relay1);
    await waitFor(async () => ((await leaseHeld(relay1.port)) === 1 ? true : undefined), 'relay-1 to hold the lease');
    for (const [kind, name] of [
      ['relay', 'relay-2'],
      ['projector', 'projector-1'],
      ['projector', 'projector-2'],
      ['api', 'api-1'],
      ['api', 'api-2'],
    ] as const) {
      await this.startNamed(kind, name);
    }
    await Promise.all(this.apps.map(this.live));
    progress(`apps up: ${this.apps.map((app) => `${app.name}@${app.port}`).join(', ')}`);
  }

  async stop(): Promise<void> {
    await Promise.all(this.apps.map((app) => app.process.stop('SIGKILL')));
    await this.cluster?.stop();
    await this.db?.dropDatabase().catch(() => undefined);
    await this.mongo?.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
