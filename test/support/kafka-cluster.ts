import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './ports';
import { RunningProcess, track, waitFor } from './processes';

const root = join(__dirname, '..', '..');
const template = join(root, 'deploy', 'local', 'kafka', 'cluster.properties');

export interface ClusterNode {
  id: number;
  port: number;
  controllerPort: number;
  dir: string;
  process?: RunningProcess;
}

/**
 * A three-node Kafka KRaft cluster on loopback (each node broker and controller, one static quorum of three voters),
 * from the same Maven-resolved jars and log4j2 configuration as deploy/local/infra. Every port is free at start.
 */
export class KafkaCluster {
  private constructor(
    readonly nodes: ClusterNode[],
    private readonly classpath: string,
    private readonly heap: string,
  ) {}

  static async start(dataDir: string, options: { nodes?: number; heap?: string } = {}): Promise<KafkaCluster> {
    const classpathFile = process.env.CM_KAFKA_CLASSPATH_FILE;
    if (!classpathFile) throw new Error('CM_KAFKA_CLASSPATH_FILE is not set: run through `npm run test:cluster`');
    const nodes: ClusterNode[] = [];
    for (let id = 1; id <= (options.nodes ?? 3); id++) {
      nodes.push({ id, port: await freePort(), controllerPort: await freePort(), dir: join(dataDir, `node-${id}`) });
    }
    const cluster = new KafkaCluster(nodes, readFileSync(classpathFile, 'utf8').trim(), options.heap ?? '300m');
    await cluster.format();
    for (const node of nodes) cluster.startNode(node.id);
    await cluster.waitForBrokers(nodes.length, 120_000);
    return cluster;
  }

  get brokers(): string {
    return this.nodes.map((node) => `127.0.0.1:${node.port}`).join(',');
  }

  node(id: number): ClusterNode {
    const node = this.nodes.find((candidate) => candidate.id === id);
    if (!node) throw new Error(`no node ${id}`);
    return node;
  }

  private jvm(node: ClusterNode): string[] {
    return [
      `-Xmx${this.heap}`,
      '-Xms128m',
      '-XX:+UseSerialGC',
      '-XX:TieredStopAtLevel=1',
      '-Djava.awt.headless=true',
      `-Dkafka.logs.dir=${join(node.dir, 'logs')}`,
      `-Dlog4j2.configurationFile=${join(root, 'deploy', 'local', 'kafka', 'log4j2.xml')}`,
      '-cp',
      this.classpath,
    ];
  }

  /** Writes each node's properties and formats its storage with one cluster id (in parallel: one JVM each). */
  private async format(): Promise<void> {
    const voters = this.nodes.map((node) => `${node.id}@127.0.0.1:${node.controllerPort}`).join(',');
    const clusterId = 'Q2x1c3RlclByb29mQ01BNg'; // 22 characters of base64: a valid, fixed KRaft cluster id
    await Promise.all(
      this.nodes.map(async (node) => {
        mkdirSync(join(node.dir, 'logs'), { recursive: true });
        const properties = readFileSync(template, 'utf8')
          .replaceAll('@NODE_ID@', String(node.id))
          .replaceAll('@VOTERS@', voters)
          .replaceAll('@KAFKA_PORT@', String(node.port))
          .replaceAll('@KAFKA_CONTROLLER_PORT@', String(node.controllerPort))
          .replaceAll('@DATA@', join(node.dir, 'data'));
        writeFileSync(join(node.dir, 'server.properties'), properties);
        if (existsSync(join(node.dir, 'data', 'meta.properties'))) return;
        await promisify(execFile)('java', [
          ...this.jvm(node),
          'kafka.tools.StorageTool',
          'format',
          '-t',
          clusterId,
          '-c',
          join(node.dir, 'server.properties'),
        ]);
      }),
    );
  }

  startNode(id: number): RunningProcess {
    const node = this.node(id);
    node.process = track(
      spawn('java', [...this.jvm(node), 'kafka.Kafka', join(node.dir, 'server.properties')], {
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    return node.process;
  }

  async kill(id: number): Promise<void> {
    await this.node(id).process?.stop('SIGKILL');
  }

  /**
   * The active controller, from the quorum state each node persists on every election (`leaderId` at the highest
   * `leaderEpoch` among the nodes that are running): the brokers' metadata answer cannot tell it in KRaft mode.
   */
  activeController(): { id: number; epoch: number } | undefined {
    let best: { id: number; epoch: number } | undefined;
    for (const node of this.nodes) {
      if (!this.isRunning(node.id)) continue;
      const file = join(node.dir, 'data', '__cluster_metadata-0', 'quorum-state');
      if (!existsSync(file)) continue;
      const state = JSON.parse(readFileSync(file, 'utf8')) as { leaderId: number; leaderEpoch: number };
      if (state.leaderId >= 0 && (!best || state.leaderEpoch > best.epoch)) {
        best = { id: state.leaderId, epoch: state.leaderEpoch };
      }
    }
    return best && this.isRunning(best.id) ? best : undefined;
  }

  /** A node's state and the end of its broker log, for a failure message. */
  describeNode(id: number): string {
    const node = this.node(id);
    const child = node.process?.child;
    const state = !child
      ? 'never started'
      : this.isRunning(id)
        ? 'running'
        : `exited (${child.exitCode ?? child.signalCode})`;
    const log = join(node.dir, 'logs', 'server.log');
    const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-40).join('\n') : '(no server.log)';
    return `node ${id}: ${state}\n${node.process?.output().slice(-2_000) ?? ''}\n${tail}`;
  }

  isRunning(id: number): boolean {
    const child = this.node(id).process?.child;
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  /** Waits until `count` brokers answer metadata requests (kafkajs is loaded lazily: it is the test's client). */
  async waitForBrokers(count: number, timeoutMs = 60_000): Promise<void> {
    const { Kafka, logLevel } = await import('kafkajs');
    const kafka = new Kafka({ brokers: this.brokers.split(','), logLevel: logLevel.NOTHING, connectionTimeout: 2_000 });
    await waitFor(
      async () => {
        const admin = kafka.admin();
        try {
          await admin.connect();
          const { brokers } = await admin.describeCluster();
          return brokers.length >= count ? true : undefined;
        } finally {
          await admin.disconnect();
        }
      },
      `${count} Kafka brokers to join the cluster`,
      timeoutMs,
      () => this.nodes.map((node) => `node ${node.id}: ${node.process?.output().slice(-2_000) ?? ''}`).join('\n'),
    );
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.process?.stop('SIGKILL')));
  }
}
