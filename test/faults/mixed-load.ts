import { v7 as uuidv7 } from 'uuid';

/** One HTTP answer the load saw (or `network` when the connection failed or timed out). */
export interface Outcome {
  route: string;
  status: number | 'network';
  at: number;
}

/** A command the api answered 2xx, with the record it created or changed. */
export interface Accepted {
  command: 'post-need' | 'submit-pledge' | 'request-allocation' | 'accept' | 'record-delivery' | 'confirm-delivery';
  id: string;
  allocationId?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const terms = { assistanceType: 'material', category: 'metal_detectors' };

/**
 * Steady mixed traffic through HTTP, as careful clients send it: every POST carries an Idempotency-Key and is retried
 * with the same key on 503 or a failed connection (the api may be down), for up to `retryForMs`. Each worker runs
 * whole assistance stories (need, pledge, allocation, acceptance, delivery, confirmation) with queries in between.
 */
export class MixedLoad {
  readonly outcomes: Outcome[] = [];
  readonly accepted: Accepted[] = [];
  private running = false;
  private workers: Promise<void>[] = [];

  constructor(
    private readonly base: string,
    private readonly tokens: Record<'LAO' | 'VNM' | 'NOR' | 'DEU' | 'analyst', string>,
    private readonly options: { workers: number; retryForMs: number },
  ) {}

  start(): void {
    this.running = true;
    this.workers = Array.from({ length: this.options.workers }, (_, worker) => this.work(worker));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  failures(from = 0, to = Infinity): Outcome[] {
    return this.outcomes.filter((o) => o.at >= from && o.at < to && o.status !== 'network' && o.status >= 500);
  }

  refused(from = 0, to = Infinity): Outcome[] {
    return this.outcomes.filter((o) => o.at >= from && o.at < to && (o.status === 'network' || o.status === 503));
  }

  private async work(worker: number): Promise<void> {
    const [state, donor] = worker % 2 === 0 ? (['LAO', 'NOR'] as const) : (['VNM', 'DEU'] as const);
    while (this.running) await this.story(state, donor).catch(() => sleep(200));
  }

  private async story(state: 'LAO' | 'VNM', donor: 'NOR' | 'DEU'): Promise<void> {
    const quantity = { amount: 100, unit: 'items' };
    const need = await this.command('post-need', 'POST', '/needs', state, {
      ...terms,
      requesterId: state,
      pillar: 'clearance',
      title: 'Detectors for survey teams',
      quantity,
      priority: 'high',
    });
    if (!need) return;
    const pledge = await this.command('submit-pledge', 'POST', '/pledges', donor, {
      ...terms,
      donorId: donor,
      pillars: ['clearance'],
      quantity,
    });
    if (!pledge) return;
    await this.query(`/needs/${need}`, state);
    const allocation = await this.command('request-allocation', 'POST', '/allocations', donor, {
      pledgeId: pledge,
      needId: need,
      amount: 40,
    });
    if (!allocation) return;
    if (!(await this.command('accept', 'POST', `/allocations/${allocation}/accept`, state, {}, allocation))) return;
    const delivery = await this.command(
      'record-delivery',
      'POST',
      `/allocations/${allocation}/deliveries`,
      donor,
      { amount: 40, deliveredOn: '2025-05-01' },
      allocation,
    );
    if (!delivery) return;
    await this.command(
      'confirm-delivery',
      'POST',
      `/allocations/${allocation}/deliveries/${delivery}/confirm`,
      state,
      {},
      allocation,
      delivery,
    );
    await this.query('/needs?limit=20', 'analyst');
  }

  /** Sends until a final answer; returns the record id of a 2xx (the body's id, or `idOf`), undefined otherwise. */
  private async command(
    command: Accepted['command'],
    method: string,
    path: string,
    as: keyof MixedLoad['tokens'],
    body: unknown,
    allocationId?: string,
    idOf?: string,
  ): Promise<string | undefined> {
    const headers = {
      authorization: `Bearer ${this.tokens[as]}`,
      'content-type': 'application/json',
      'idempotency-key': uuidv7(),
    };
    const route = `${method} ${path.replace(/[0-9a-f-]{36}/g, ':id')}`;
    const deadline = Date.now() + this.options.retryForMs;
    for (;;) {
      const answer = await this.fetch(route, `${this.base}${path}`, { method, headers, body: JSON.stringify(body) });
      if (answer && answer.status < 300) {
        const id = idOf ?? ((answer.body as { id?: string }).id as string);
        this.accepted.push({ command, id, ...(allocationId && { allocationId }) });
        return id;
      }
      if (answer && answer.status !== 503) return undefined;
      if (Date.now() > deadline) return undefined;
      await sleep(300);
    }
  }

  private async query(path: string, as: keyof MixedLoad['tokens']): Promise<void> {
    const route = `GET ${path.replace(/[0-9a-f-]{36}/g, ':id')}`;
    await this.fetch(route, `${this.base}${path}`, { headers: { authorization: `Bearer ${this.tokens[as]}` } });
  }

  private async fetch(
    route: string,
    url: string,
    init: RequestInit,
  ): Promise<{ status: number; body: unknown } | null> {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(20_000) });
      const text = await response.text();
      this.outcomes.push({ route, status: response.status, at: Date.now() });
      return { status: response.status, body: text ? JSON.parse(text) : {} };
    } catch {
      this.outcomes.push({ route, status: 'network', at: Date.now() });
      return null;
    }
  }
}
