import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kafkaBrokers, mongodbUri, uniqueName } from '../support/servers';
import { freePort } from '../support/ports';
import { RunningProcess, startApp, startFerretDb, waitFor } from '../support/processes';

async function getJson(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe('every app boots, reports health and metrics, and shuts down cleanly', () => {
  const apps = ['api', 'projector', 'relay'] as const;
  const running: Partial<Record<(typeof apps)[number], { process: RunningProcess; port: number }>> = {};
  const env = {
    MONGODB_URI: mongodbUri,
    MONGODB_DATABASE: uniqueName('ops'),
    KAFKA_BROKERS: kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: `${uniqueName('ops')}.`,
  };

  beforeAll(async () => {
    for (const app of apps) {
      const port = await freePort();
      running[app] = { process: startApp(app, { ...env, PORT: String(port) }), port };
    }
    for (const app of apps) {
      const { port, process } = running[app]!;
      await waitFor(
        async () => ((await getJson(`http://127.0.0.1:${port}/health/live`)).status === 200 ? true : undefined),
        `${app} to answer /health/live`,
        90_000,
        process.output,
      );
    }
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => running[app]?.process.stop('SIGKILL')));
  });

  it.each(apps)('%s is ready with MongoDB and Kafka both up', async (app) => {
    const { status, body } = await getJson(`http://127.0.0.1:${running[app]!.port}/health/ready`);
    expect(status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({
      status: 'ok',
      details: { mongodb: { status: 'up' }, kafka: { status: 'up' } },
    });
  });

  it.each(apps)('%s exposes Prometheus metrics labelled with its name', async (app) => {
    const { status, headers, body } = await getJson(`http://127.0.0.1:${running[app]!.port}/metrics`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('text/plain');
    expect(body).toContain(`process_cpu_seconds_total{app="${app}"}`);
    // the health polls of beforeAll, timed under their route pattern (deploy/observability reads this histogram)
    expect(body).toMatch(
      /^http_request_duration_seconds_count\{[^}]*route="\/health\/live",status="200"[^}]*\} [1-9]/m,
    );
  });

  it('the api serves its OpenAPI document and echoes a caller’s request id', async () => {
    const docs = await getJson(`http://127.0.0.1:${running.api!.port}/docs-json`);
    expect(docs.status).toBe(200);
    expect(JSON.parse(docs.body)).toMatchObject({ openapi: expect.stringMatching(/^3\./) });
    const traced = await getJson(`http://127.0.0.1:${running.api!.port}/health/live`, { 'x-request-id': 'trace-42' });
    expect(traced.headers.get('x-request-id')).toBe('trace-42');
    const fresh = await getJson(`http://127.0.0.1:${running.api!.port}/health/live`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await getJson(`http://127.0.0.1:${running.api!.port}/docs`)).status).toBe(200);
  });

  it.each(apps)('%s exits with code 0 on SIGTERM', async (app) => {
    expect(await running[app]!.process.stop('SIGTERM')).toBe(0);
  });
});

describe('readiness follows the database', () => {
  let dataDir: string;
  let database: RunningProcess;
  let api: RunningProcess;
  let apiPort: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cm-ferretdb-'));
    const dbPort = await freePort();
    database = startFerretDb(dbPort, dataDir);
    apiPort = await freePort();
    api = startApp('api', {
      PORT: String(apiPort),
      MONGODB_URI: `mongodb://127.0.0.1:${dbPort}/`,
      KAFKA_BROKERS: kafkaBrokers.join(','),
    });
    await waitFor(
      async () => ((await getJson(`http://127.0.0.1:${apiPort}/health/ready`)).status === 200 ? true : undefined),
      'the api to be ready on its private FerretDB',
      90_000,
      () => api.output() + database.output(),
    );
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await database?.stop('SIGKILL');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 naming mongodb when the database stops, while Kafka stays up', async () => {
    await database.stop('SIGKILL');
    const { status, body } = await getJson(`http://127.0.0.1:${apiPort}/health/ready`);
    expect(status).toBe(503);
    const report = JSON.parse(body);
    expect(report.status).toBe('error');
    expect(report.details.mongodb.status).toBe('down');
    expect(report.details.kafka.status).toBe('up');
  });
});
