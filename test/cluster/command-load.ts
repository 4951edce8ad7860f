import { ApiClient, apiClient } from '../support/api-client';

export interface AcceptedCommand {
  streamId: string;
  version: number;
  api: string;
}

const requesters = ['LAO', 'VNM', 'KHM'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A steady command load through HTTP: per api, `workersPerApi` loops that each post a need and then revise its
 * quantity `revisions` times (so streams have several versions whose order matters), with a pause between commands.
 * Every 2xx answer is recorded with the stream version it reported; every other answer or transport error is counted.
 */
export class CommandLoad {
  readonly accepted: AcceptedCommand[] = [];
  readonly refused: { api: string; status: number | string; body: string }[] = [];
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly apis: string[],
    private readonly options: { workersPerApi?: number; revisions?: number; pauseMs?: number } = {},
  ) {}

  async start(): Promise<void> {
    this.running = true;
    for (const base of this.apis) {
      const client = apiClient(base);
      const token = await client.token('coordinator');
      for (let worker = 0; worker < (this.options.workersPerApi ?? 2); worker++) {
        this.loops.push(this.loop(base, client, token, worker));
      }
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(base: string, client: ApiClient, token: string, worker: number) {
    let n = 0;
    while (this.running) {
      n += 1;
      const requesterId = requesters[(worker + n) % requesters.length];
      const posted = await this.send(base, client, token, 'POST', '/needs', {
        requesterId,
        pillar: 'clearance',
        assistanceType: 'material',
        category: 'metal_detectors',
        title: `cluster proof need ${worker}.${n}`,
        quantity: { amount: 100, unit: 'items' },
        priority: 'high',
      });
      if (!posted) continue;
      for (let revision = 1; revision <= (this.options.revisions ?? 2) && this.running; revision++) {
        await this.send(base, client, token, 'PATCH', `/needs/${posted}`, {
          quantity: { amount: 100 + revision, unit: 'items' },
          description: `revision ${revision}`,
        });
      }
    }
  }

  /** Sends one command; returns the record id on a 2xx answer. */
  private async send(
    base: string,
    client: ApiClient,
    token: string,
    method: string,
    path: string,
    body: unknown,
  ): Promise<string | undefined> {
    await sleep(this.options.pauseMs ?? 100);
    try {
      const answer = await client.send(method, path, { token, body });
      if (answer.status >= 200 && answer.status < 300) {
        const id = String(answer.body.id);
        this.accepted.push({ streamId: `need-${id}`, version: Number(answer.body.version), api: base });
        return id;
      }
      this.refused.push({ api: base, status: answer.status, body: JSON.stringify(answer.body).slice(0, 300) });
    } catch (error) {
      this.refused.push({ api: base, status: (error as Error).message, body: '' });
    }
    return undefined;
  }
}
