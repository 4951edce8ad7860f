import { performance } from 'node:perf_hooks';
import { LoadClient, type Recorder, succeeded, type Tokens } from './client';

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
const terms = { assistanceType: 'material', category: 'metal_detectors' };
const QUANTITY = 100;
const SHARE = 50;

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
  private readonly client: LoadClient;

  constructor(
    base: string,
    tokens: Tokens,
    private readonly options: { queryShare: number; lagSample: number; timeoutMs: number; probeForMs: number },
    private readonly random: () => number = Math.random,
  ) {
    this.client = new LoadClient(base, tokens, options, random);
  }

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
    const answer = await this.client.command('POST /needs', '/needs', state, body, dueAt, recorder);
    if (!succeeded(answer)) return;
    const id = answer.body.id as string;
    this.needs.push({ id, owner: state, left: QUANTITY });
    remember(this.knownNeeds, { id, owner: state });
    await this.client.probe(`/needs/${id}`, state, answer, recorder);
  }

  private async pledge(dueAt: number, recorder: Recorder): Promise<void> {
    const donor: Donor = this.random() < 0.5 ? 'NOR' : 'DEU';
    const body = { ...terms, donorId: donor, pillars: ['clearance'], quantity: { amount: QUANTITY, unit: 'items' } };
    const answer = await this.client.command('POST /pledges', '/pledges', donor, body, dueAt, recorder);
    if (!succeeded(answer)) return;
    const id = answer.body.id as string;
    this.pledges.push({ id, owner: donor, left: QUANTITY });
    remember(this.knownPledges, { id, owner: donor });
    await this.client.probe(`/pledges/${id}`, donor, answer, recorder);
  }

  private async allocate(dueAt: number, recorder: Recorder): Promise<void> {
    // Taken out of the pools while in flight: no two requests contend for one pledge's or need's lock.
    const need = take(this.needs, this.random);
    const pledge = take(this.pledges, this.random);
    const body = { pledgeId: pledge.id, needId: need.id, amount: SHARE };
    const answer = await this.client.command('POST /allocations', '/allocations', pledge.owner, body, dueAt, recorder);
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
    await this.client.probe(`/allocations/${allocation.id}`, allocation.donor, answer, recorder);
  }

  private async accept(dueAt: number, recorder: Recorder): Promise<void> {
    const a = take(this.proposed, this.random);
    const path = `/allocations/${a.id}/accept`;
    const answer = await this.client.command('POST /allocations/:id/accept', path, a.state, {}, dueAt, recorder);
    if (!succeeded(answer)) return;
    this.accepted.push(a);
    await this.client.probe(`/allocations/${a.id}`, a.state, answer, recorder);
  }

  private async deliver(dueAt: number, recorder: Recorder): Promise<void> {
    const a = take(this.accepted, this.random);
    const body = { amount: SHARE, deliveredOn: '2026-05-01' };
    const path = `/allocations/${a.id}/deliveries`;
    const answer = await this.client.command('POST /allocations/:id/deliveries', path, a.donor, body, dueAt, recorder);
    if (!succeeded(answer)) return;
    this.delivered.push({ ...a, deliveryId: answer.body.id as string });
    await this.client.probe(`/allocations/${a.id}`, a.donor, answer, recorder);
  }

  private async confirm(dueAt: number, recorder: Recorder): Promise<void> {
    const a = take(this.delivered, this.random);
    const path = `/allocations/${a.id}/deliveries/${a.deliveryId}/confirm`;
    const operation = 'POST /allocations/:id/deliveries/:id/confirm';
    const answer = await this.client.command(operation, path, a.state, {}, dueAt, recorder);
    // The confirmation's saga updates the need too: its token must cover the need's read model.
    if (succeeded(answer)) await this.client.probe(`/needs/${a.needId}`, a.state, answer, recorder);
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
    const answer = await this.client.send('GET', path, as);
    recorder.outcomes.push({ operation, command: false, status: answer.status, latencyMs: performance.now() - dueAt });
  }
}

function take<T>(pool: T[], random: () => number): T {
  const index = Math.floor(random() * pool.length);
  const [item] = pool.splice(index, 1);
  return item;
}

function remember<T>(ring: T[], item: T): void {
  ring.push(item);
  if (ring.length > 500) ring.shift();
}
