import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';

export type Status = number | 'network' | 'timeout' | 'not sent';

/** One arrival of the open loop: a command or a query, timed from when it was due (not from when it was sent). */
export interface Outcome {
  operation: string;
  command: boolean;
  status: Status;
  latencyMs: number;
}

/** Where one step of the load collects what it saw. */
export interface Recorder {
  outcomes: Outcome[];
  /** Command answered → the read model it changed answers `X-Consistency: consistent` for its token. */
  lagsMs: number[];
  /** Probes still stale after `probeForMs`. */
  neverConsistent: number;
}

export type Tokens = Record<'LAO' | 'VNM' | 'NOR' | 'DEU' | 'analyst', string>;
type State = 'LAO' | 'VNM';
type Donor = 'NOR' | 'DEU';
interface Open {
  id: string;
  owner: State | Donor;
  left: number;
}
interface Allocation {
  id: string;
  needId: string;
  state: State;
  donor: Donor;
  deliveryId?: string;
}
interface Answer {
  status: Status;
  body: Record<string, unknown>;
  consistency: string | null;
}

const terms = { assistanceType: 'material', category: 'metal_detectors' };
const QUANTITY = 100;
const SHARE = 50;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A realistic mix over HTTP: affected states post needs, donors pledge, allocate their pledges to needs and record
 * deliveries, states accept allocations and confirm deliveries, and everyone reads (records, lists, matches, the
 * coverage report). Each arrival picks one step of a story whose previous step was answered 2xx, so the commands
 * are the ones real clients would send next; a share of the commands is followed by a read with the answer's
 * consistency token, which measures how long the write takes to reach the read model it changed.
 */
export class AssistanceWorkload {
  private readonly needs: Open[] = [];
  private readonly pledges: Open[] = [];
  private readonly proposed: Allocation[] = [];
  private readonly accepted: Allocation[] = [];
  private readonly delivered: Allocation[] = [];
  private readonly knownNeeds: { id: string; owner: State }[] = [];
  private readonly knownPledges: { id: string; owner: Donor }[] = [];

  constructor(
    private readonly base: string,
    private readonly tokens: Tokens,
    private readonly options: { queryShare: number; lagSample: number; timeoutMs: number; probeForMs: number },
    private readonly random: () => number = Math.random,
  ) {}

  async arrive(dueAt: number, recorder: Recorder): Promise<void> {
    if (this.random() < this.options.queryShare) return this.query(dueAt, recorder);
    const steps: (() => Promise<void>)[] = [() => this.postNeed(dueAt, recorder), () => this.pledge(dueAt, recorder)];
    if (this.needs.length > 0 && this.pledges.length > 0) steps.push(() => this.allocate(dueAt, recorder));
    if (this.proposed.length > 0) steps.push(() => this.accept(dueAt, recorder));
    if (this.accepted.length > 0) steps.push(() => this.deliver(dueAt, recorder));
    if (this.delivered.length > 0) steps.push(() => this.confirm(dueAt, recorder));
    return steps[Math.floor(this.random() * steps.length)]();
  }

  private async postNeed(dueAt: number, recorder: Recorder): Promise<void> {
    const state: State = this.random() < 0.5 ? 'LAO' : 'VNM';
    const body = {
      ...terms,
      requesterId: state,
      pillar: 'clearance',
      title: 'Detectors for survey teams',
      quantity: { amount: QUANTITY, unit: 'items' },
      priority: 'high',
    };
    const answer = await this.command('POST /needs', '/needs', state, body, dueAt, recorder);
    if (!succeeded(answer)) return;
    const id = answer.body.id as string;
    this.needs.push({ id, owner: state, left: QUANTITY });
    remember(this.knownNeeds, { id, owner: state });
    await this.probe(`/needs/${id}`, state, answer, recorder);
  }

  private async pledge(dueAt: number, recorder: Recorder): Promise<void> {
    const donor: Donor = this.random() < 0.5 ? 'NOR' : 'DEU';
    const body = { ...terms, donorId: donor, pillars: ['clearance'], quantity: { amount: QUANTITY, unit: 'items' } };
    const answer = await this.command('POST /pledges', '/pledges', donor, body, dueAt, recorder);
    if (!succeeded(answer)) return;
    const id = answer.body.id as string;
    this.pledges.push({ id, owner: donor, left: QUANTITY });
    remember(this.knownPledges, { id, owner: donor });
    await this.probe(`/pledges/${id}`, donor, answer, recorder);
  }

  private async allocate(dueAt: number, recorder: Recorder): Promise<void> {
    // Taken out of the pools while in flight: no two requests contend for one pledge's or need's lock.
    const need = take(this.needs, this.random);
    const pledge = take(this.pledges, this.random);
    const body = { pledgeId: pledge.id, needId: need.id, amount: SHARE };
    const answer = await this.command('POST /allocations', '/allocations', pledge.owner, body, dueAt, recorder);
    // A pair whose request failed is not offered again: without its answer the client cannot know whether the
    // allocation was made (a careful client would retry with the same Idempotency-Key instead).
    const done = succeeded(answer);
    if (done) [need.left, pledge.left] = [need.left - SHARE, pledge.left - SHARE];
    if (done && need.left >= SHARE) this.needs.push(need);
    if (done && pledge.left >= SHARE) this.pledges.push(pledge);
    if (!done) return;
    const allocation = {
      id: answer.body.id as string,
      needId: need.id,
      state: need.owner as State,
      donor: pledge.owner as Donor,
    };
    this.proposed.push(allocation);
    await this.probe(`/allocations/${allocation.id}`, allocation.donor, answer, recorder);
  }

  private async accept(dueAt: number, recorder: Recorder): Promise<void> {
    const a = take(this.proposed, this.random);
    const path = `/allocations/${a.id}/accept`;
    const answer = await this.command('POST /allocations/:id/accept', path, a.state, {}, dueAt, recorder);
    if (!succeeded(answer)) return;
    this.accepted.push(a);
    await this.probe(`/allocations/${a.id}`, a.state, answer, recorder);
  }

  private async deliver(dueAt: number, recorder: Recorder): Promise<void> {
    const a = take(this.accepted, this.random);
    const body = { amount: SHARE, deliveredOn: '2026-05-01' };
    const path = `/allocations/${a.id}/deliveries`;
    const answer = await this.command('POST /allocations/:id/deliveries', path, a.donor, body, dueAt, recorder);
    if (!succeeded(answer)) return;
    this.delivered.push({ ...a, deliveryId: answer.body.id as string });
    await this.probe(`/allocations/${a.id}`, a.donor, answer, recorder);
  }

  private async confirm(dueAt: number, recorder: Recorder): Promise<void> {
    const a = take(this.delivered, this.random);
    const path = `/allocations/${a.id}/deliveries/${a.deliveryId}/confirm`;
    const operation = 'POST /allocations/:id/deliveries/:id/confirm';
    const answer = await this.command(operation, path, a.state, {}, dueAt, recorder);
    // The confirmation's saga updates the need too: its token must cover the need's read model.
    if (succeeded(answer)) await this.probe(`/needs/${a.needId}`, a.state, answer, recorder);
  }

  private async query(dueAt: number, recorder: Recorder): Promise<void> {
    const need = this.knownNeeds[Math.floor(this.random() * this.knownNeeds.length)];
    const pledge = this.knownPledges[Math.floor(this.random() * this.knownPledges.length)];
    const reads: [string, string, keyof Tokens][] = [
      ['GET /needs?limit=20', '/needs?limit=20', 'analyst'],
      ['GET /allocations?limit=20', '/allocations?limit=20', 'analyst'],
      ['GET /reports/coverage', '/reports/coverage', 'analyst'],
      ...(need ? [['GET /needs/:id', `/needs/${need.id}`, need.owner] as [string, string, State]] : []),
      ...(pledge
        ? [['GET /pledges/:id/matches', `/pledges/${pledge.id}/matches`, pledge.owner] as [string, string, Donor]]
        : []),
    ];
    const [operation, path, as] = reads[Math.floor(this.random() * reads.length)];
    const answer = await this.send('GET', path, as);
    recorder.outcomes.push({ operation, command: false, status: answer.status, latencyMs: performance.now() - dueAt });
  }

  /** Sends a command and records its outcome. */
  private async command(
    operation: string,
    path: string,
    as: keyof Tokens,
    body: unknown,
    dueAt: number,
    recorder: Recorder,
  ): Promise<Answer> {
    const answer = await this.send('POST', path, as, body);
    recorder.outcomes.push({ operation, command: true, status: answer.status, latencyMs: performance.now() - dueAt });
    return answer;
  }

  /** For a sample of commands: read with the answer's token until the read model says consistent. */
  private async probe(path: string, as: keyof Tokens, command: Answer, recorder: Recorder): Promise<void> {
    if (this.random() >= this.options.lagSample) return;
    const answered = performance.now();
    const headers = { 'x-consistent-with': command.body.consistencyToken as string };
    while (performance.now() - answered < this.options.probeForMs) {
      const read = await this.send('GET', path, as, undefined, headers);
      if (read.status === 200 && read.consistency === 'consistent') {
        recorder.lagsMs.push(performance.now() - answered);
        return;
      }
      if (read.status !== 200) await sleep(200);
    }
    recorder.neverConsistent += 1;
  }

  private async send(
    method: string,
    path: string,
    as: keyof Tokens,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.tokens[as]}`, ...extra };
    if (method === 'POST') Object.assign(headers, { 'content-type': 'application/json', 'idempotency-key': uuidv7() });
    try {
      const response = await fetch(`${this.base}${path}`, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const text = await response.text();
      const parsed = response.ok && text ? (JSON.parse(text) as Record<string, unknown>) : {};
      return { status: response.status, body: parsed, consistency: response.headers.get('x-consistency') };
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return { status: timedOut ? 'timeout' : 'network', body: {}, consistency: null };
    }
  }
}

const succeeded = (answer: Answer) => typeof answer.status === 'number' && answer.status < 300;

function take<T>(pool: T[], random: () => number): T {
  const index = Math.floor(random() * pool.length);
  const [item] = pool.splice(index, 1);
  return item;
}

function remember<T>(ring: T[], item: T): void {
  ring.push(item);
  if (ring.length > 500) ring.shift();
}
